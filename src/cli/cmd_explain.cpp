// crampx explain: one text (arguments or stdin) or, with --jsonl, a stream of records.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <new>

#include <fmt/format.h>

#include "cli/answers.h"
#include "cli/commands.h"
#include "cli/definition.h"
#include "cli/exit_codes.h"
#include "cli/record.h"
#include "cli/stream.h"
#include "cli/terminal.h"
#include "infer/report.h"
#include "report/render.h"

namespace crampx::cli {
namespace {

Result<std::string> read_all_stdin() {
  std::string text;
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
    if (n < 0 && errno == EINTR) {
      if (interrupted()) return Error{ErrorCode::interrupted, "interrupted"};
      continue;
    }
    if (n < 0) return Error{ErrorCode::input_error, fmt::format("cannot read stdin: {}", std::strerror(errno))};
    if (n == 0) break;
    text.append(buf, static_cast<std::size_t>(n));
    if (text.size() > kMaxTextBytes) {
      return Error{ErrorCode::text_too_long, fmt::format("the text is longer than the limit of {} MiB", kMaxTextBytes >> 20)};
    }
  }
  return text;
}

}  // namespace

int run_explain(const Context& ctx, const ExplainOptions& o) {
  // --json and --jsonl, and --brief and --json, exclude each other at parsing (definition.cpp);
  // --format's value must agree with them.
  if (!o.format.empty() && (o.json || o.jsonl) && o.format != (o.json ? "json" : "jsonl")) {
    print_error(kFormatConflict, kFormatConflictHint);
    return kExitError;
  }
  if (!o.format.empty() && o.brief && o.format != "jsonl") {
    print_error(kFormatConflict, kBriefConflictHint);
    return kExitError;
  }
  const bool stream = o.jsonl || o.format == "jsonl";
  const report::Format format = o.brief   ? report::Format::brief
                                : o.json  ? report::Format::json
                                : o.jsonl ? report::Format::jsonl
                                          : parse_enum<report::Format>(o.format).value_or(report::Format::text);
  const bool for_people = format == report::Format::text || format == report::Format::markdown;
  if (o.full && !for_people) {
    print_error("--full is a form of the text and markdown reports",
                "JSON reports always hold every detail; leave out --full");
    return kExitError;
  }

  Result<std::vector<infer::AnswerEntry>> given = parse_answer_options(o.answers, ctx.kb);
  if (!given) {
    print_error(given.error().message, "see the findings with 'crampx list findings'");
    return kExitError;
  }
  std::vector<infer::AnswerEntry> answers = std::move(*given);

  report::RenderOptions render;
  render.top = o.top.value_or(for_people ? 3 : 5);
  render.color = ctx.color && format == report::Format::text;
  render.width = ctx.width;
  render.full = o.full;
  render.indent = ctx.json_indent;
  infer::ExplainOptions explain_options;
  explain_options.repair_typos = !o.no_typos;
  explain_options.explain_causes = format != report::Format::brief;
  explain_options.ask_question = format != report::Format::brief;
  explain_options.list_unrecognized = format != report::Format::brief;  // --brief does not show them
  const std::optional<kb::Level> fail_on = parse_enum<kb::Level>(o.fail_on);

  const bool words_are_stdin = o.words.size() == 1 && o.words[0] == "-";
  if (stream) {
    if (!o.words.empty() && !words_are_stdin) {
      print_error("--jsonl reads records from stdin, not from arguments",
                  "pipe the records in: crampx explain --jsonl < records.jsonl");
      return kExitError;
    }
    if (ctx.stdin_is_terminal) {  // a person at a terminal has nothing to stream: say how
      print_error("--jsonl reads records from stdin, and stdin is a terminal",
                  "pipe the records in: crampx explain --jsonl < records.jsonl");
      return kExitError;
    }
    ctx.out.stop_holding();  // a stream is written as it is answered, never paged
    StreamOptions stream_options{format, render, explain_options, answers, o.jobs, fail_on};
    return run_stream(ctx, stream_options);
  }

  std::string text;
  if (!o.words.empty() && !words_are_stdin) {
    for (const std::string& w : o.words) text += (text.empty() ? "" : " ") + w;
  } else if (ctx.stdin_is_terminal && !words_are_stdin) {
    print_error("no text to explain", "usage: crampx explain \"my calves cramp at night\"  (or pipe text on stdin)");
    return kExitError;
  } else {
    Result<std::string> in = read_all_stdin();
    if (!in) {
      if (interrupted()) return kExitInterrupted;
      print_error(in.error().message);
      return kExitError;
    }
    text = std::move(*in);
  }
  if (text.size() > kMaxTextBytes) {
    print_error(fmt::format("the text is longer than the limit of {} MiB", kMaxTextBytes >> 20));
    return kExitError;
  }

  const std::size_t mark = ctx.out.buffer().size();
  try {
    infer::Workspace workspace;
    infer::Report rep;
    infer::explain(text, answers, ctx.kb, explain_options, workspace, rep);
    report::render(format, rep, ctx.kb, render, ctx.out.buffer());
    ctx.out.commit();
    if (fail_on && infer::reaches(rep.triage, *fail_on)) return kExitTriageReached;
    return rep.in_scope ? kExitExplained : kExitNothing;
  } catch (const std::bad_alloc&) {  // the report's memory is let go by now
    ctx.out.buffer().resize(mark);  // no half report
    std::string{}.swap(text);
    print_error(fmt::format("there was not enough memory to explain the text ({})", to_string(ErrorCode::out_of_memory)),
                "explain a shorter text, or raise the memory limit");
    return kExitError;
  }
}

}  // namespace crampx::cli
