#include "cli/definition.h"

namespace crampx::cli {
namespace {

// Restricts an option to fixed values, remembered for the completions.
CLI::Option* one_of(Invocation& inv, CLI::Option* o, std::vector<std::string> values) {
  o->check(CLI::IsMember(values));
  inv.choices[o] = std::move(values);
  return o;
}

void define_globals(CLI::App& app, Invocation& inv) {
  app.fallthrough();  // global options are accepted after the command too
  app.add_option("--kb", inv.global.kb_path,
                 "Use the knowledge base in FILE (a JSON file or a directory of them) instead of the embedded one; "
                 "also $CRAMPX_KB")
      ->type_name("FILE");
  one_of(inv,
         app.add_option("--color", inv.global.color,
                        "When to use colour: auto (only on a terminal, not with NO_COLOR or TERM=dumb), always, never")
             ->type_name("WHEN"),
         {"auto", "always", "never"});
  app.add_flag("--version", inv.global.version, "Print the versions of crampx and its knowledge base");
}

void define_explain(CLI::App& app, Invocation& inv) {
  auto* e = inv.explain_cmd = app.add_subcommand("explain", "Explain a description of cramps or spasms");
  e->add_option("text", inv.explain.words, "The description (else read from stdin)")->type_name("TEXT");
  one_of(inv, e->add_option("--format", inv.explain.format, "Output format: text, json, jsonl or markdown")
                  ->type_name("FORMAT"),
         {"text", "json", "jsonl", "markdown"});
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
}

void define_others(CLI::App& app, Invocation& inv) {
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

  auto* w = inv.why_cmd =
      app.add_subcommand("why", "A cause in full: mechanism chain, evidence, tests, treatments, sources");
  w->add_option("cause", inv.why.id, "A cause id (see 'crampx list causes')")->required()->type_name("CAUSE");
  w->add_flag("--json", inv.why.json, "As a JSON object");

  auto* s = inv.show_cmd = app.add_subcommand("show", "Any knowledge-base object by id, as the knowledge base holds it");
  s->add_option("id", inv.show.id, "The id of a cause, finding, mechanism, condition, test, treatment ...")
      ->required()
      ->type_name("ID");
  s->add_flag("--json", inv.show.json, "As a JSON object");

  auto* q = inv.search_cmd =
      app.add_subcommand("search", "Find causes, findings and other entries by words, with \"did you mean\"");
  q->add_option("words", inv.search.words, "The words to look for")->required()->type_name("WORDS");
  q->add_flag("--json", inv.search.json, "A JSON array of hits");

  auto* g = inv.graph_cmd =
      app.add_subcommand("graph", "Draw causes -> mechanisms, and the findings that point to each cause");
  g->add_option("cause", inv.graph.cause, "Only this cause")->type_name("CAUSE");
  one_of(inv, g->add_option("--format", inv.graph.format, "dot (Graphviz) or mermaid")->type_name("FORMAT"),
         {"dot", "mermaid"});

  auto* l = inv.list_cmd = app.add_subcommand("list", "List the causes, findings or mechanisms of the knowledge base");
  one_of(inv, l->add_option("what", inv.list.what, "causes, findings, mechanisms, red_flags or references")->required(),
         {"causes", "findings", "mechanisms", "red_flags", "references"});
  l->add_flag("--json", inv.list.json, "A JSON array of objects");

  auto* k = inv.kb_cmd = app.add_subcommand("kb", "Inspect or check a knowledge base");
  k->require_subcommand(1);
  inv.kb_dump = k->add_subcommand("dump", "Print the loaded knowledge base as JSON");
  inv.kb_validate = k->add_subcommand("validate", "Check a knowledge base file or directory; list every problem");
  inv.kb_validate->add_option("file", inv.kb.file, "The file or directory to check")->required()->type_name("FILE");
  inv.kb_stats = k->add_subcommand("stats", "Counts of each kind of entry");
  inv.kb_stats->add_flag("--json", inv.stats_json, "As a JSON object");

  auto* c = inv.completion_cmd = app.add_subcommand("completion", "Print a shell completion script");
  one_of(inv, c->add_option("shell", inv.completion_shell, "bash, zsh or fish")->required(), {"bash", "zsh", "fish"});

  inv.man_cmd = app.add_subcommand("man", "Print the manual page (roff)");
  inv.man_cmd->group("");  // hidden from --help: the build uses it to write crampx.1
}

}  // namespace

void define(CLI::App& app, Invocation& inv) {
  define_globals(app, inv);
  define_explain(app, inv);
  define_others(app, inv);
}

}  // namespace crampx::cli
