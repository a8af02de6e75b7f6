// "Did you mean": the nearest of some names to a word someone typed, and what a
// command line that CLI11 refused was trying to say (an unknown command or option).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace crampx::cli {

// The candidate nearest to `word` by edit distance, when it is near enough to be a
// slip of the keyboard (at most 2 edits, and fewer than half the word); else empty.
std::string nearest(std::string_view word, std::span<const std::string> candidates);

struct Diagnosis {
  std::string message;
  std::string hint;
};

// Walks the arguments (argv without the program name) as the definition reads
// them and names the first word that is neither a command, an option nor an
// option's value where one is expected: "'explian' is not a crampx command" with
// "did you mean 'explain'?". Nothing when every word is known.
std::optional<Diagnosis> diagnose_arguments(const CLI::App& root, std::span<const std::string> args);

// What a parsed command still needs: its required argument ("'crampx why' needs CAUSE")
// or, for a group, one of its commands. Nothing when it has all it needs.
std::optional<Diagnosis> diagnose_missing(const CLI::App& command);

// The names of the commands directly under `app` (not hidden ones).
std::vector<std::string> command_names(const CLI::App& app);

// "crampx kb validate": the command's path from the root.
std::string command_path(const CLI::App& app);

}  // namespace crampx::cli
