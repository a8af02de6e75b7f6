// --help and `crampx help [COMMAND]`: how to use crampx or one of its commands,
// made from the one definition and wrapped at words to the terminal's width.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cli/definition.h"

namespace crampx::cli {

// The help of `command` (the root app for crampx as a whole).
std::string help_text(const CLI::App& command, const Invocation& inv, std::size_t width);

// The command at `path` under `root` ({"kb", "validate"}); null when there is none.
const CLI::App* find_command(const CLI::App& root, const std::vector<std::string>& path);

}  // namespace crampx::cli
