// The one definition of every command and option of crampx. Parsing (app.cpp),
// --help (CLI11), the man page and the shell completions (docs.cpp) all come from
// it, and a test checks that none of them misses an option.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/options.h"

namespace crampx::cli {

struct Invocation {
  GlobalOptions global;
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

  CLI::App* explain_cmd = nullptr;
  CLI::App* interview_cmd = nullptr;
  CLI::App* why_cmd = nullptr;
  CLI::App* show_cmd = nullptr;
  CLI::App* search_cmd = nullptr;
  CLI::App* graph_cmd = nullptr;
  CLI::App* list_cmd = nullptr;
  CLI::App* kb_cmd = nullptr;
  CLI::App* kb_dump = nullptr;
  CLI::App* kb_validate = nullptr;
  CLI::App* kb_stats = nullptr;
  CLI::App* completion_cmd = nullptr;
  CLI::App* man_cmd = nullptr;  // hidden: writes the man page (used by the build)

  // The fixed values an option or positional takes, for checking and for completions.
  std::map<const CLI::Option*, std::vector<std::string>> choices;
};

// Builds the command line into `app`, binding every option to `inv`.
void define(CLI::App& app, Invocation& inv);

inline constexpr const char* kAppDescription =
    "crampx explains muscle cramps and spasms from a description. It is not a diagnosis.";

}  // namespace crampx::cli
