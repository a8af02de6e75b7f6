#include "cli/app.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/terminal.h"
#include "compile/compile.h"

#ifndef CRAMPX_VERSION
#define CRAMPX_VERSION "0.0.0"
#endif

namespace crampx::cli {

void print_error(std::string_view message, std::string_view hint) {
  std::string line = fmt::format("crampx: error: {}\n", message);
  if (!hint.empty()) line += fmt::format("hint: {}\n", hint);
  std::fwrite(line.data(), 1, line.size(), stderr);
}

namespace {

struct Invocation {
  GlobalOptions global;
  ExplainOptions explain;
  ListOptions list;
  KbOptions kb;
  InterviewOptions interview;
  ObjectOptions why;
  ObjectOptions show;
  bool stats_json = false;
  CLI::App* explain_cmd = nullptr;
  CLI::App* interview_cmd = nullptr;
  CLI::App* why_cmd = nullptr;
  CLI::App* show_cmd = nullptr;
  CLI::App* list_cmd = nullptr;
  CLI::App* kb_cmd = nullptr;
  CLI::App* kb_dump = nullptr;
  CLI::App* kb_validate = nullptr;
  CLI::App* kb_stats = nullptr;
};

// The one definition of every command and option.
void define(CLI::App& app, Invocation& inv) {
  app.fallthrough();  // global options are accepted after the command too
  app.add_option("--kb", inv.global.kb_path,
                 "Use the knowledge base in FILE (a JSON file or a directory of them) instead of the embedded one; "
                 "also $CRAMPX_KB")
      ->type_name("FILE");
  app.add_option("--color", inv.global.color, "When to use colour: auto (only on a terminal), always, never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--version", inv.global.version, "Print the versions of crampx and its knowledge base");

  auto* e = inv.explain_cmd = app.add_subcommand("explain", "Explain a description of cramps or spasms");
  e->add_option("text", inv.explain.words, "The description (else read from stdin)")->type_name("TEXT");
  e->add_option("--format", inv.explain.format, "Output format: text, json, jsonl or markdown")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"text", "json", "jsonl", "markdown"}));
  e->add_flag("--json", inv.explain.json, "One JSON report object (same as --format json)");
  e->add_flag("--jsonl", inv.explain.jsonl,
              "Read JSON Lines records (or plain text lines) from stdin; write one report per line");
  e->add_flag("--brief", inv.explain.brief, "With --jsonl: only id, top causes, triage level and error");
  e->add_option("--top", inv.explain.top, "Number of causes shown (default 3 in text and markdown, 5 in JSON)")
      ->type_name("N")
      ->check(CLI::Range(1, 100));
  e->add_option("-j,--jobs", inv.explain.jobs, "Worker threads for --jsonl (output order is kept)")
      ->type_name("N")
      ->check(CLI::Range(1, 256));
  e->add_option("--answer", inv.explain.answers, "Answer a question: FINDING=yes|no|unknown (repeatable)")
      ->type_name("FINDING=ANSWER")
      ->allow_extra_args(false);
  e->add_flag("--no-typo-repair", inv.explain.no_typos, "Do not correct misspelled words");

  auto* i = inv.interview_cmd =
      app.add_subcommand("interview", "Ask one question at a time, then explain (answers from the terminal or stdin)");
  i->add_option("text", inv.interview.words, "The description (else asked for, or the first line of stdin)")
      ->type_name("TEXT");
  i->add_option("--answer", inv.interview.answers, "Start with an answer: FINDING=yes|no|unknown (repeatable)")
      ->type_name("FINDING=ANSWER")
      ->allow_extra_args(false);
  i->add_option("--max-questions", inv.interview.max_questions, "Stop after N questions (default 12)")
      ->type_name("N")
      ->check(CLI::Range(0, 100));

  auto* w = inv.why_cmd = app.add_subcommand("why", "A cause in full: mechanism chain, evidence, tests, treatments, sources");
  w->add_option("cause", inv.why.id, "A cause id (see 'crampx list causes')")->required()->type_name("CAUSE");
  w->add_flag("--json", inv.why.json, "As a JSON object");

  auto* s = inv.show_cmd = app.add_subcommand("show", "Any knowledge-base object by id, as the knowledge base holds it");
  s->add_option("id", inv.show.id, "The id of a cause, finding, mechanism, condition, test, treatment ...")
      ->required()
      ->type_name("ID");
  s->add_flag("--json", inv.show.json, "As a JSON object");

  auto* l = inv.list_cmd = app.add_subcommand("list", "List the causes, findings or mechanisms of the knowledge base");
  l->add_option("what", inv.list.what, "causes, findings, mechanisms, red_flags or references")
      ->required()
      ->check(CLI::IsMember({"causes", "findings", "mechanisms", "red_flags", "references"}));
  l->add_flag("--json", inv.list.json, "A JSON array of objects");

  auto* k = inv.kb_cmd = app.add_subcommand("kb", "Inspect or check a knowledge base");
  k->require_subcommand(1);
  inv.kb_dump = k->add_subcommand("dump", "Print the loaded knowledge base as JSON");
  inv.kb_validate = k->add_subcommand("validate", "Check a knowledge base file or directory; list every problem");
  inv.kb_validate->add_option("file", inv.kb.file, "The file or directory to check")->required()->type_name("FILE");
  inv.kb_stats = k->add_subcommand("stats", "Counts of each kind of entry");
  inv.kb_stats->add_flag("--json", inv.stats_json, "As a JSON object");
}

std::string version_text(const kb::KnowledgeBase& kb) {
  return fmt::format("crampx {} (knowledge base: {} {})\n", CRAMPX_VERSION, kb.str(kb.meta().name),
                     kb.str(kb.meta().version));
}

}  // namespace

int run(int argc, char** argv) {
  install_signal_handlers();
  CLI::App app{"crampx explains muscle cramps and spasms from a description. It is not a diagnosis.", "crampx"};
  Invocation inv;
  define(app, inv);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::fputs(app.help().c_str(), stdout);
    return kExitExplained;
  } catch (const CLI::CallForAllHelp&) {
    std::fputs(app.help("", CLI::AppFormatMode::All).c_str(), stdout);
    return kExitExplained;
  } catch (const CLI::ParseError& e) {
    // CLI11 would exit with its own codes (100-127); usage errors are 2 here.
    print_error(e.what(), "run 'crampx --help' for usage");
    return kExitError;
  }

  // The knowledge base: --kb, else $CRAMPX_KB, else the one embedded in the binary.
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
  } else if (inv.explain_cmd->parsed()) {
    code = run_explain(ctx, inv.explain);
  } else if (inv.interview_cmd->parsed()) {
    code = run_interview(ctx, inv.interview);
  } else if (inv.why_cmd->parsed()) {
    code = run_why(ctx, inv.why);
  } else if (inv.show_cmd->parsed()) {
    code = run_show(ctx, inv.show);
  } else if (inv.list_cmd->parsed()) {
    code = run_list(ctx, inv.list);
  } else if (inv.kb_dump->parsed()) {
    code = run_kb_dump(ctx);
  } else if (inv.kb_validate->parsed()) {
    code = run_kb_validate(ctx, inv.kb);
  } else if (inv.kb_stats->parsed()) {
    code = run_kb_stats(ctx, inv.stats_json);
  } else {
    std::fputs(app.help().c_str(), stderr);
    return kExitError;
  }
  out.flush();
  if (out.failed()) {
    print_error(fmt::format("cannot write the output: {}", out.error()), "check the disk space or the destination");
    return kExitError;
  }
  if (interrupted()) return kExitInterrupted;
  return code;
}

}  // namespace crampx::cli
