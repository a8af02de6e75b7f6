// Checks of option values that say what is wrong in words ("abc is not a number",
// "'yml' is not one of text, json ...; did you mean 'json'?"), as CLI11 validators.
// CLI11 puts the option's name in front: "--top: abc is not a number".
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace crampx::cli {

// A whole number from `lo` to `hi`.
CLI::Validator number_from_to(long lo, long hi);

// One of `values`, with the nearest one suggested when the value is a near miss.
CLI::Validator one_of_values(std::vector<std::string> values);

}  // namespace crampx::cli
