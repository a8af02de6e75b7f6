// What every command runs with: the knowledge base, stdout, and terminal facts.
#pragma once

#include <cstddef>

#include "cli/output.h"
#include "kb/knowledge_base.h"

namespace crampx::cli {

struct Context {
  const kb::KnowledgeBase& kb;
  Output& out;
  bool color;
  std::size_t width;         // columns to wrap text at
  bool stdin_is_terminal;
  int json_indent;           // 0 (one line: a pipe, --compact) or 2 (a terminal, --pretty)
};

// Prints "crampx: error: MESSAGE" and, when given, "hint: HINT" on stderr.
void print_error(std::string_view message, std::string_view hint = {});

// Prints "crampx: note: MESSAGE" on stderr: something the user should know that is not an error.
void print_note(std::string_view message);

}  // namespace crampx::cli
