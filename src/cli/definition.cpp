#include "cli/definition.h"

#include "cli/commands.h"
#include "cli/terminal.h"
#include "cli/value_checks.h"
#include "report/kb_views.h"
#include "report/render.h"

namespace crampx::cli {
namespace {

// The names of an enum's values, in order.
template <NamedEnum E>
std::vector<std::string> names_of() {
  std::vector<std::string> names;
  for (const auto& entry : EnumNames<E>::table) names.emplace_back(entry.second);
  return names;
}

// Restricts an option to fixed values, remembered for the completions.
CLI::Option* one_of(Invocation& inv, CLI::Option* o, std::vector<std::string> values) {
  o->check(one_of_values(values));
  inv.choices[o] = std::move(values);
  return o;
}

void define_globals(CLI::App& app, Invocation& inv) {
  app.fallthrough();  // global options are accepted after the command too
  // One command per command line: after it, a word that names another command is an
  // argument ("crampx help explain", "crampx explain my legs cramp, help").
  app.require_subcommand(0, 1);
  app.set_help_flag("-h,--help", "Print this help");
  app.add_option("--kb", inv.global.kb_path,
                 "Use the knowledge base in FILE (a JSON file or a directory of them) instead of the embedded one; "
                 "also $CRAMPX_KB")
      ->type_name("FILE");
  one_of(inv,
         app.add_option("--color", inv.global.color,
                        "When to use colour: auto (only on a terminal, not with NO_COLOR or TERM=dumb), always, never")
             ->type_name("WHEN"),
         names_of<ColorMode>());
  app.add_flag("--no-pager", inv.global.no_pager,
               "Never page long output (else, on a terminal, output taller than it goes through $PAGER, or "
               "'less -FRX' when $PAGER is not set)");
  CLI::Option* compact =
      app.add_flag("--compact", inv.global.compact, "JSON on one line, even on a terminal (the default on a pipe)");
  CLI::Option* pretty =
      app.add_flag("--pretty", inv.global.pretty, "JSON indented, even on a pipe (the default on a terminal)");
  compact->excludes(pretty);
  app.add_flag("--version", inv.global.version, "Print the versions of crampx and its knowledge base");
}

void define_explain(CLI::App& e, Invocation& inv) {
  e.add_option("text", inv.explain.words, "The description (else, or when it is -, read from stdin)")
      ->type_name("TEXT");
  std::vector<std::string> formats = names_of<report::Format>();
  std::erase(formats, "brief");  // --brief is a flag of its own
  one_of(inv, e.add_option("--format", inv.explain.format, "Output format: text, json, jsonl or markdown")
                  ->type_name("FORMAT"),
         std::move(formats));
  CLI::Option* json = e.add_flag("--json", inv.explain.json, "One JSON report object (same as --format json)");
  CLI::Option* jsonl = e.add_flag("--jsonl", inv.explain.jsonl,
                                  "Read JSON Lines records (or plain text lines) from stdin; write one report per line");
  CLI::Option* brief = e.add_flag(
      "--brief", inv.explain.brief,
      "Only the top causes, the triage level and any error, as one JSON line: for the text, or for each record "
      "with --jsonl");
  // The flags that name one format each; --format's values are checked by run_explain.
  json->excludes(jsonl);
  brief->excludes(json);
  e.add_flag("--full", inv.explain.full,
             "The full text or markdown report: every finding, and for each cause the evidence for and against "
             "it, its mechanism, tests and treatments");
  one_of(inv,
         e.add_option("--fail-on", inv.explain.fail_on,
                      "Exit with status 3 when the triage reaches LEVEL (self_care, consult, urgent or emergency); "
                      "with --jsonl, when any record's does")
             ->type_name("LEVEL"),
         names_of<kb::Level>());
  e.add_option("--top", inv.explain.top, "Number of causes shown (default 3 in text and markdown, 5 in JSON)")
      ->type_name("N")
      ->check(number_from_to(1, 100));
  e.add_option("-j,--jobs", inv.explain.jobs, "Worker threads for --jsonl (output order is kept)")
      ->type_name("N")
      ->check(number_from_to(1, 256));
  e.add_option("--answer", inv.explain.answers, "Answer a question: FINDING=yes|no|unknown (repeatable)")
      ->type_name("FINDING=ANSWER")
      ->allow_extra_args(false);
  e.add_flag("--no-typo-repair", inv.explain.no_typos, "Do not correct misspelled words");
}

void define_interview(CLI::App& i, Invocation& inv) {
  i.add_option("text", inv.interview.words,
               "The description (else, or when it is -, asked for, or the first line of stdin)")
      ->type_name("TEXT");
  i.add_option("--answer", inv.interview.answers, "Start with an answer: FINDING=yes|no|unknown (repeatable)")
      ->type_name("FINDING=ANSWER")
      ->allow_extra_args(false);
  i.add_option("--max-questions", inv.interview.max_questions, "Stop after N questions (default 12)")
      ->type_name("N")
      ->check(number_from_to(0, 100));
}

void define_why(CLI::App& w, Invocation& inv) {
  w.add_option("cause", inv.why.id, "A cause id (see 'crampx list causes')")->required()->type_name("CAUSE");
  w.add_flag("--json", inv.why.json, "As a JSON object");
}

void define_show(CLI::App& s, Invocation& inv) {
  s.add_option("id", inv.show.id, "The id of a cause, finding, mechanism, condition, test, treatment ...")
      ->required()
      ->type_name("ID");
  s.add_flag("--json", inv.show.json, "As a JSON object");
}

void define_search(CLI::App& q, Invocation& inv) {
  q.add_option("words", inv.search.words, "The words to look for")->required()->type_name("WORDS");
  q.add_flag("--json", inv.search.json, "A JSON array of hits");
}

void define_graph(CLI::App& g, Invocation& inv) {
  g.add_option("cause", inv.graph.cause, "Only this cause")->type_name("CAUSE");
  one_of(inv, g.add_option("--format", inv.graph.format, "dot (Graphviz) or mermaid")->type_name("FORMAT"),
         names_of<report::GraphFormat>());
}

void define_list(CLI::App& l, Invocation& inv) {
  one_of(inv,
         l.add_option("what", inv.list.what, "causes, findings, mechanisms, red_flags or references")
             ->required()
             ->type_name("WHAT"),
         {"causes", "findings", "mechanisms", "red_flags", "references"});
  l.add_flag("--json", inv.list.json, "A JSON array of objects");
}

void define_kb_validate(CLI::App& v, Invocation& inv) {
  v.add_option("file", inv.kb.file, "The file or directory to check")->required()->type_name("FILE");
}

void define_kb_stats(CLI::App& s, Invocation& inv) { s.add_flag("--json", inv.stats_json, "As a JSON object"); }

void define_completion(CLI::App& c, Invocation& inv) {
  one_of(inv, c.add_option("shell", inv.completion_shell, "bash, zsh or fish")->required()->type_name("SHELL"),
         {"bash", "zsh", "fish"});
}

void define_help(CLI::App& h, Invocation& inv) {
  h.add_option("command", inv.help.command, "The command to describe (all of them when none is given)")
      ->type_name("COMMAND");
}

// Long output goes through the pager on a terminal (`paged`); an interview talks to a
// person line by line, and the generated documents go to files.
constexpr Command kCommands[] = {
    {.name = "explain",
     .description = "Explain a description of cramps or spasms",
     .define = define_explain,
     .run = [](const Context& ctx, const Invocation& inv) { return run_explain(ctx, inv.explain); },
     .needs_kb = true,
     .paged = true},
    {.name = "interview",
     .description = "Ask one question at a time, then explain (answers from the terminal or stdin)",
     .define = define_interview,
     .run = [](const Context& ctx, const Invocation& inv) { return run_interview(ctx, inv.interview); },
     .needs_kb = true},
    {.name = "why",
     .description = "A cause in full: mechanism chain, evidence, tests, treatments, sources",
     .define = define_why,
     .run = [](const Context& ctx, const Invocation& inv) { return run_why(ctx, inv.why); },
     .needs_kb = true,
     .paged = true},
    {.name = "show",
     .description = "Any knowledge-base object by id, as the knowledge base holds it",
     .define = define_show,
     .run = [](const Context& ctx, const Invocation& inv) { return run_show(ctx, inv.show); },
     .needs_kb = true,
     .paged = true},
    {.name = "search",
     .description = "Find causes, findings and other entries by words, with \"did you mean\"",
     .define = define_search,
     .run = [](const Context& ctx, const Invocation& inv) { return run_search(ctx, inv.search); },
     .needs_kb = true,
     .paged = true},
    {.name = "graph",
     .description = "Draw causes -> mechanisms, and the findings that point to each cause",
     .define = define_graph,
     .run = [](const Context& ctx, const Invocation& inv) { return run_graph(ctx, inv.graph); },
     .needs_kb = true,
     .paged = true},
    {.name = "list",
     .description = "List the causes, findings, mechanisms, red flags or references of the knowledge base",
     .define = define_list,
     .run = [](const Context& ctx, const Invocation& inv) { return run_list(ctx, inv.list); },
     .needs_kb = true,
     .paged = true},
    {.name = "kb", .description = "Inspect or check a knowledge base", .needs_kb = true},
    {.group = "kb",
     .name = "dump",
     .description = "Print the loaded knowledge base as JSON",
     .run = [](const Context& ctx, const Invocation&) { return run_kb_dump(ctx); },
     .needs_kb = true,
     .paged = true},
    {.group = "kb",
     .name = "validate",
     .description = "Check a knowledge base file or directory; list every problem",
     .define = define_kb_validate,
     .run = [](const Context& ctx, const Invocation& inv) { return run_kb_validate(ctx, inv.kb); },
     .needs_kb = true,
     .paged = true},
    {.group = "kb",
     .name = "stats",
     .description = "Counts of each kind of entry",
     .define = define_kb_stats,
     .run = [](const Context& ctx, const Invocation& inv) { return run_kb_stats(ctx, inv.stats_json); },
     .needs_kb = true,
     .paged = true},
    {.name = "completion",
     .description = "Print a shell completion script",
     .define = define_completion,
     .run = [](const Context& ctx, const Invocation& inv) { return run_completion(ctx, inv); }},
    {.name = "help",
     .description = "Show how to use crampx, or one of its commands",
     .define = define_help,
     .run = [](const Context& ctx, const Invocation& inv) { return run_help(ctx, inv); },
     .paged = true},
    // Hidden: the build runs it to write crampx.1.
    {.name = "man",
     .description = "Print the manual page (roff)",
     .run = [](const Context& ctx, const Invocation& inv) { return run_man(ctx, inv); },
     .hidden = true},
};

}  // namespace

std::span<const Command> commands() { return kCommands; }

void define(CLI::App& app, Invocation& inv) {
  inv.app = &app;
  define_globals(app, inv);
  for (const Command& c : kCommands) {
    CLI::App& parent = c.group.empty() ? app : *app.get_subcommand(std::string(c.group));
    CLI::App* sub = parent.add_subcommand(std::string(c.name), std::string(c.description));
    if (c.define != nullptr) c.define(*sub, inv);
    if (c.hidden) sub->group("");
    if (c.run == nullptr) {
      sub->require_subcommand(1);  // a group runs one of its commands
    } else {
      sub->callback([&inv, &c] { inv.command = &c; });
    }
  }
}

}  // namespace crampx::cli
