#include "cli/app.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <new>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/definition.h"
#include "cli/exit_codes.h"
#include "cli/help.h"
#include "cli/pager.h"
#include "cli/suggest.h"
#include "cli/terminal.h"
#include "compile/compile.h"
#include "report/render.h"
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

constexpr std::string_view kWriteHint = "check the disk space or the destination";

// Writes what `out` holds: through the pager when it is taller than the terminal
// (a held Output is one on a terminal that may be paged), else as it is.
void deliver(Output& out) {
  if (!out.holding()) return;
  const std::string text = out.take();
  if (count_lines(text) >= terminal_height() && run_pager(text)) return;
  out.write(text);
}

// Writes `text` (help) to stdout, paged like a command's output: a failed write is an
// error like any other output's; a closed pipe ends quietly.
int write_document(const std::string& text, bool page) {
  Output out(STDOUT_FILENO);
  if (page) out.hold();
  out.write(text);
  deliver(out);
  out.flush();
  if (out.failed()) {
    print_error(fmt::format("cannot write the output: {}", out.error()), kWriteHint);
    return kExitError;
  }
  return kExitExplained;
}

// The command whose --help was asked for: the deepest one parsed.
const CLI::App& selected(const CLI::App& app) {
  const CLI::App* a = &app;
  while (!a->get_subcommands().empty()) a = a->get_subcommands().front();
  return *a;
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
  const bool stdout_is_terminal = is_terminal(STDOUT_FILENO);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    return write_document(help_text(selected(app), inv, terminal_width()), stdout_is_terminal && !inv.global.no_pager);
  } catch (const CLI::ExcludesError& e) {
    const std::string_view what = e.what();
    if (what.find("--compact") != std::string_view::npos || what.find("--pretty") != std::string_view::npos) {
      print_error("--compact and --pretty exclude each other",
                  "JSON is indented on a terminal and compact on a pipe unless one of them is given");
      return kExitError;
    }
    // Otherwise the output formats exclude each other (definition.cpp).
    const bool brief = what.find("--brief") != std::string_view::npos;
    print_error(kFormatConflict, brief ? kBriefConflictHint : kFormatConflictHint);
    return kExitError;
  } catch (const CLI::ParseError& e) {
    // CLI11 would exit with its own codes (100-127); usage errors are 2 here. A word that
    // is not a command or an option is named, with the nearest one.
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (std::optional<Diagnosis> d = diagnose_arguments(app, args); d || (d = diagnose_missing(selected(app)))) {
      print_error(d->message, d->hint);
    } else {
      print_error(e.what(), fmt::format("see 'crampx help{}'", command_path(selected(app)).substr(6)));
    }
    return kExitError;
  }
  const Command* command = inv.command;

  // The knowledge base: --kb, else $CRAMPX_KB, else the one embedded in the binary.
  // The generated documents (man page, completions) need none, and come before --version.
  const kb::KnowledgeBase& embedded = kb::embedded();
  std::optional<kb::KnowledgeBase> loaded;
  if (command == nullptr || command->needs_kb) {
    std::string kb_path = inv.global.kb_path;
    if (kb_path.empty()) {
      if (const char* env = std::getenv("CRAMPX_KB"); env != nullptr) kb_path = env;
    }
    if (!kb_path.empty()) {
      Result<kb::KnowledgeBase> r = compile::load(kb_path, embedded.dictionary());
      if (!r) {
        print_error(fmt::format("cannot use the knowledge base {}:\n{}", kb_path, r.error().message),
                    "check it with 'crampx kb validate FILE'");
        return kExitError;
      }
      loaded = std::move(*r);
    }
  }
  const kb::KnowledgeBase& kb = loaded ? *loaded : embedded;

  Output out(STDOUT_FILENO);
  if (command != nullptr && command->paged && stdout_is_terminal && !inv.global.no_pager) out.hold();
  const ColorMode mode = parse_enum<ColorMode>(inv.global.color).value_or(ColorMode::automatic);
  const bool pretty = inv.global.pretty || (stdout_is_terminal && !inv.global.compact);
  const Context ctx{kb,  out, use_color(mode), terminal_width(), is_terminal(STDIN_FILENO),
                    pretty ? report::kPrettyIndent : 0};

  int code = kExitExplained;
  if (inv.global.version && (command == nullptr || command->needs_kb)) {
    out.write(version_text(kb));
  } else if (command != nullptr) {
    try {
      code = command->run(ctx, inv);
    } catch (const std::bad_alloc&) {  // what the command held is let go by now
      print_error(fmt::format("there was not enough memory to finish ({})", to_string(ErrorCode::out_of_memory)),
                  "raise the memory limit");
      return kExitError;
    }
  } else {
    const std::string help = help_text(app, inv, terminal_width());
    std::fwrite(help.data(), 1, help.size(), stderr);
    return kExitError;
  }
  deliver(out);
  out.flush();
  if (out.failed()) {
    print_error(fmt::format("cannot write the output: {}", out.error()), kWriteHint);
    return kExitError;
  }
  if (interrupted()) return kExitInterrupted;
  return code;
}

}  // namespace crampx::cli
