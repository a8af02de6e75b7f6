// The man page and the bash, zsh and fish completions, generated from the one
// definition of the command line (definition.h), so none of them can drift.
#pragma once

#include <string>
#include <string_view>

#include "cli/definition.h"

namespace crampx::cli {

std::string man_page(const CLI::App& app, const Invocation& inv, std::string_view version);

// `shell` is bash, zsh or fish.
std::string completion_script(std::string_view shell, const CLI::App& app, const Invocation& inv);

}  // namespace crampx::cli
