// Everything the command line can say, filled in by the one CLI11 definition in
// definition.cpp (from which help, the man page and completions are also generated).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace crampx::cli {

struct GlobalOptions {
  std::string kb_path;         // --kb FILE (else $CRAMPX_KB, else the embedded knowledge base)
  std::string color = "auto";  // --color auto|always|never
  bool no_pager = false;       // --no-pager
  bool compact = false;        // --compact: JSON on one line, even on a terminal
  bool pretty = false;         // --pretty: JSON indented, even on a pipe
  bool version = false;
};

struct ExplainOptions {
  std::vector<std::string> words;
  std::string format;          // --format text|json|jsonl|markdown (empty: text)
  bool json = false;           // --json
  bool jsonl = false;          // --jsonl
  bool brief = false;          // --brief
  bool full = false;           // --full: the detailed text or markdown report
  std::string fail_on;         // --fail-on LEVEL (empty: never)
  std::optional<std::size_t> top;
  unsigned jobs = 1;           // -j N
  std::vector<std::string> answers;  // --answer FINDING=yes|no|unknown
  bool no_typos = false;       // --no-typo-repair
};

struct ListOptions {
  std::string what;  // causes|findings|mechanisms|red_flags|references
  bool json = false;
};

struct ObjectOptions {  // why CAUSE, show ID
  std::string id;
  bool json = false;
};

struct InterviewOptions {
  std::vector<std::string> words;
  std::vector<std::string> answers;
  unsigned max_questions = 12;
};

struct SearchOptions {
  std::vector<std::string> words;
  bool json = false;
};

struct GraphOptions {
  std::string cause;           // only this cause (empty: all)
  std::string format = "dot";  // dot|mermaid
};

struct HelpOptions {
  std::vector<std::string> command;  // help [COMMAND...]: "kb validate" is two words
};

struct KbOptions {
  std::string file;  // kb validate FILE
};

}  // namespace crampx::cli
