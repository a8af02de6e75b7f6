#include "cli/app.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/definition.h"
#include "cli/docs.h"
#include "cli/exit_codes.h"
#include "cli/terminal.h"
#include "compile/compile.h"
#include "report/terminal_text.h"

#ifndef CRAMPX_VERSION
#define CRAMPX_VERSION "0.0.0"
#endif

namespace crampx::cli {

void print_error(std::string_view message, std::string_view hint) {
  // Messages may quote input (an unknown id, a file name): never let it drive the terminal.
  std::string line = fmt::format("crampx: error: {}\n", report::terminal_safe(message, true));
  if (!hint.empty()) line += fmt::format("hint: {}\n", report::terminal_safe(hint, true));
  std::fwrite(line.data(), 1, line.size(), stderr);
}

void print_note(std::string_view message) {
  const std::string line = fmt::format("crampx: note: {}\n", report::terminal_safe(message, true));
  std::fwrite(line.data(), 1, line.size(), stderr);
}

namespace {

// Whether the command was given.
bool ran(const CLI::App* command) { return command != nullptr && command->parsed(); }

constexpr std::string_view kWriteHint = "check the disk space or the destination";

// Writes a whole generated document (help, man page, completion script) to stdout:
// a failed write is an error like any other output's; a closed pipe ends quietly.
int write_document(const std::string& text) {
  Output out(STDOUT_FILENO);
  out.write(text);
  out.flush();
  if (out.failed()) {
    print_error(fmt::format("cannot write the output: {}", out.error()), kWriteHint);
    return kExitError;
  }
  return kExitExplained;
}

std::string version_text(const kb::KnowledgeBase& kb) {
  return fmt::format("crampx {} (knowledge base: {} {})\n", CRAMPX_VERSION, kb.str(kb.meta().name),
                     kb.str(kb.meta().version));
}

}  // namespace

int run(int argc, char** argv) {
  install_signal_handlers();
  CLI::App app{kAppDescription, "crampx"};
  Invocation inv;
  define(app, inv);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    return write_document(app.help());
  } catch (const CLI::CallForAllHelp&) {
    return write_document(app.help("", CLI::AppFormatMode::All));
  } catch (const CLI::ParseError& e) {
    // CLI11 would exit with its own codes (100-127); usage errors are 2 here.
    print_error(e.what(), "run 'crampx --help' for usage");
    return kExitError;
  }

  // The knowledge base: --kb, else $CRAMPX_KB, else the one embedded in the binary.
  // Generated documents need no knowledge base.
  if (ran(inv.completion_cmd) || ran(inv.man_cmd)) {
    return write_document(ran(inv.man_cmd) ? man_page(app, inv, CRAMPX_VERSION)
                                                : completion_script(inv.completion_shell, app, inv));
  }

  const kb::KnowledgeBase& embedded = kb::embedded();
  std::string kb_path = inv.global.kb_path;
  if (kb_path.empty()) {
    if (const char* env = std::getenv("CRAMPX_KB"); env != nullptr) kb_path = env;
  }
  std::optional<kb::KnowledgeBase> loaded;
  if (!kb_path.empty()) {
    Result<kb::KnowledgeBase> r = compile::load(kb_path, embedded.dictionary());
    if (!r) {
      print_error(fmt::format("cannot use the knowledge base {}:\n{}", kb_path, r.error().message),
                  "check it with 'crampx kb validate FILE'");
      return kExitError;
    }
    loaded = std::move(*r);
  }
  const kb::KnowledgeBase& kb = loaded ? *loaded : embedded;

  Output out(STDOUT_FILENO);
  const ColorMode mode = inv.global.color == "always"  ? ColorMode::always
                         : inv.global.color == "never" ? ColorMode::never
                                                       : ColorMode::automatic;
  const Context ctx{kb, out, use_color(mode), terminal_width(), is_terminal(STDIN_FILENO)};

  int code = kExitExplained;
  if (inv.global.version) {
    out.write(version_text(kb));
  } else if (ran(inv.explain_cmd)) {
    code = run_explain(ctx, inv.explain);
  } else if (ran(inv.interview_cmd)) {
    code = run_interview(ctx, inv.interview);
  } else if (ran(inv.why_cmd)) {
    code = run_why(ctx, inv.why);
  } else if (ran(inv.show_cmd)) {
    code = run_show(ctx, inv.show);
  } else if (ran(inv.search_cmd)) {
    code = run_search(ctx, inv.search);
  } else if (ran(inv.graph_cmd)) {
    code = run_graph(ctx, inv.graph);
  } else if (ran(inv.list_cmd)) {
    code = run_list(ctx, inv.list);
  } else if (ran(inv.kb_dump)) {
    code = run_kb_dump(ctx);
  } else if (ran(inv.kb_validate)) {
    code = run_kb_validate(ctx, inv.kb);
  } else if (ran(inv.kb_stats)) {
    code = run_kb_stats(ctx, inv.stats_json);
  } else {
    std::fputs(app.help().c_str(), stderr);
    return kExitError;
  }
  out.flush();
  if (out.failed()) {
    print_error(fmt::format("cannot write the output: {}", out.error()), kWriteHint);
    return kExitError;
  }
  if (interrupted()) return kExitInterrupted;
  return code;
}

}  // namespace crampx::cli
