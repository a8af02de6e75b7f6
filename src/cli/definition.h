// The one definition of every command and option of crampx: a table of commands,
// each with its options, the function that runs it and whether it needs the
// knowledge base. Parsing (app.cpp), --help (CLI11), the man page and the shell
// completions (docs.cpp) all come from it, and a test checks that none of them
// misses an option.
#pragma once

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "cli/options.h"

namespace crampx::cli {

struct Command;

// Everything the command line says, bound to the options by define().
struct Invocation {
  GlobalOptions global;
  HelpOptions help;
  ExplainOptions explain;
  InterviewOptions interview;
  ObjectOptions why;
  ObjectOptions show;
  SearchOptions search;
  GraphOptions graph;
  ListOptions list;
  KbOptions kb;
  bool stats_json = false;
  std::string completion_shell;

  const Command* command = nullptr;  // the command given, once parsed (null: none)
  const CLI::App* app = nullptr;     // the whole command line, for the documents made from it

  // The fixed values an option or positional takes, for checking and for completions.
  std::map<const CLI::Option*, std::vector<std::string>> choices;
};

// One command of crampx.
struct Command {
  std::string_view group = {};  // the command it belongs to ("kb" for `kb dump`), or empty
  std::string_view name = {};
  std::string_view description = {};
  void (*define)(CLI::App& command, Invocation& inv) = nullptr;      // its options and positionals
  int (*run)(const Context& ctx, const Invocation& inv) = nullptr;  // null for a group of commands (kb)
  bool needs_kb = false;  // false: runs without reading --kb or $CRAMPX_KB (help, the generated documents)
  bool paged = false;     // on a terminal, output taller than it goes through the pager
  bool hidden = false;    // left out of --help, the man page and the completions
};

// Every command, in the order --help lists them; a group comes before its commands.
std::span<const Command> commands();

// Builds the command line into `app`, binding every option to `inv`.
void define(CLI::App& app, Invocation& inv);

inline constexpr const char* kAppDescription =
    "crampx explains muscle cramps and spasms from a description. It is not a diagnosis.";

// The output formats exclude each other (--json, --jsonl, --brief, --format): one error for all.
inline constexpr std::string_view kFormatConflict = "choose one output format";
inline constexpr std::string_view kFormatConflictHint = "--json, --jsonl and --format are alternatives";
inline constexpr std::string_view kBriefConflictHint = "--brief is a JSON line of its own, alone or with --jsonl";

}  // namespace crampx::cli
