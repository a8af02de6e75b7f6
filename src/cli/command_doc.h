// The command line's definition read back as plain data (names, values, descriptions,
// choices), for the documents made from it: --help and `crampx help`, the man page,
// the shell completions.
#pragma once

#include <string>
#include <vector>

#include "cli/definition.h"

namespace crampx::cli {

struct OptionDoc {
  std::vector<std::string> names;  // "-j", "--jobs"
  std::string value;               // type name ("N"); empty for a flag
  std::string description;
  std::vector<std::string> choices;
  bool positional = false;
  bool required = false;
};

struct CommandDoc {
  std::string name;
  std::string description;
  std::vector<OptionDoc> options;
  std::vector<OptionDoc> positionals;
  std::vector<CommandDoc> subcommands;  // not the hidden ones
};

// `app` and the commands under it.
CommandDoc describe(const CLI::App& app, const Invocation& inv);

}  // namespace crampx::cli
