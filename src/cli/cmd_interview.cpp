// crampx interview [TEXT]: asks the next most useful question, one at a time,
// shows how well each cause fits as the answers come, and the triage at the start
// and whenever it rises; stops when one cause is clear or nothing useful is left to
// ask, and ends with the report. Ctrl-C at a question ends with the report reached
// so far. Answers come from the terminal or, piped, one per line from stdin (the
// first line is the description when no TEXT is given, or TEXT is -). Every line is
// wrapped at words to the terminal's width.
#include <unistd.h>

#include <cmath>
#include <map>

#include <fmt/format.h>

#include "cli/answers.h"
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/line_reader.h"
#include "cli/record.h"
#include "cli/shell_quote.h"
#include "cli/terminal.h"
#include "infer/report.h"
#include "report/plain_report.h"
#include "report/render.h"
#include "report/terminal_text.h"
#include "report/text_parts.h"
#include "report/wording.h"

namespace crampx::cli {
namespace {

constexpr std::size_t kRankingShown = 3;

enum class Reply { answer, quit, invalid };

Reply parse_reply(std::string line, infer::Answer& answer) {
  for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto b = line.find_first_not_of(" \t\r");
  const auto e = line.find_last_not_of(" \t\r");
  line = b == std::string::npos ? "" : line.substr(b, e - b + 1);
  if (line == "q" || line == "quit" || line == "exit" || line == "done" || line == "stop") return Reply::quit;
  if (line == "?" || line == "u" || line == "skip" || line == "dont know" || line == "don't know" || line == "idk" ||
      line == "not sure") {
    answer = infer::Answer::unknown;
    return Reply::answer;
  }
  if (const auto a = infer::parse_answer(line)) {
    answer = *a;
    return Reply::answer;
  }
  return Reply::invalid;
}

// Reads one line; false at the end of input or on Ctrl-C.
bool read_line(LineReader& in, std::string& line) {
  bool too_long = false;
  return in.next(line, too_long) == LineReader::Result::line && !too_long;
}

// Columns kept free at the end of a prompt for the answer typed after it ("unknown").
constexpr std::size_t kAnswerRoom = 8;

// `text` wrapped to the width with no newline at the end: a prompt the answer follows.
std::string prompt(std::string_view first_prefix, std::string_view text, std::size_t width) {
  std::string out;
  report::append_wrapped(out, first_prefix, text, 2, width > kAnswerRoom + 40 ? width - kAnswerRoom : width);
  out.pop_back();
  return out + " ";
}

// The report reached so far, as explain prints it, and how to see it again.
void write_report(const Context& ctx, const infer::Report& rep, const std::string& text,
                  const std::vector<infer::AnswerEntry>& answers) {
  Output& out = ctx.out;
  report::RenderOptions render;
  render.top = 3;
  render.color = ctx.color;
  render.width = ctx.width;
  report::render(report::Format::text, rep, ctx.kb, render, out.buffer());
  if (rep.in_scope) {
    // Options first, then `--`: a description may start with '-' ("-5 degrees and my calves cramp").
    std::string again = "crampx explain";
    for (const infer::AnswerEntry& a : answers) {
      again += fmt::format(" --answer {}={}", ctx.kb.str(ctx.kb.findings()[a.finding].id), to_string(a.answer));
    }
    again += " -- " + shell_word(text);  // the same bytes back, and printable
    out.write("\nTo see this report again (add --full for the detail):\n");
    out.write(wrap_command(again, ctx.width, 2));
  }
  out.flush();
}

}  // namespace

int run_interview(const Context& ctx, const InterviewOptions& o) {
  const report::Painter p(ctx.color);
  Output& out = ctx.out;
  LineReader in(STDIN_FILENO, kMaxTextBytes);
  const bool echo = !ctx.stdin_is_terminal;  // piped answers are echoed so the transcript reads well

  std::string text;
  if (!(o.words.size() == 1 && o.words[0] == "-")) {  // "-": the description comes from stdin
    for (const std::string& w : o.words) text += (text.empty() ? "" : " ") + w;
  }
  if (text.empty()) {
    out.write("Describe what you feel: ");
    out.flush();
    if (!read_line(in, text) || text.empty()) {
      if (interrupted()) return kExitInterrupted;
      print_error("no description to start the interview with",
                  "usage: crampx interview \"my calves cramp at night\"");
      return kExitError;
    }
    if (echo) out.write(report::terminal_safe(text) + "\n");
  }

  Result<std::vector<infer::AnswerEntry>> given = parse_answer_options(o.answers, ctx.kb);
  if (!given) {
    print_error(given.error().message, "see the findings with 'crampx list findings'");
    return kExitError;
  }
  std::vector<infer::AnswerEntry> answers = std::move(*given);

  infer::Workspace workspace;
  infer::Report rep;
  std::map<std::uint32_t, double> previous;  // cause -> probability before the last answer
  std::optional<kb::Level> shown_level;      // the triage last shown
  for (unsigned asked = 0;; ++asked) {
    infer::explain(text, answers, ctx.kb, {}, workspace, rep);
    if (!rep.in_scope) break;

    // The triage at the start, and again as soon as an answer raises it: what to do
    // is never left for the end.
    std::string ranking = "\n";
    if (!rep.triage.none && (!shown_level || rep.triage.level > *shown_level)) {
      const report::PlainReport plain =
          report::plain_report(rep, ctx.kb, 0, [](std::string_view s) { return report::terminal_safe(s); });
      report::append_triage_line(ranking, rep, plain, p, ctx.width);
      if (!plain.why.empty()) report::append_wrapped(ranking, "  Why: ", plain.why, 2, ctx.width);
      ranking += '\n';
      shown_level = rep.triage.level;
    }
    if (asked == 0) ranking += "How well each cause fits so far (not how likely it is):\n";
    for (std::size_t i = 0; i < std::min(kRankingShown, rep.causes.size()); ++i) {
      const infer::CauseScore& s = rep.causes[i];
      const int pct = static_cast<int>(std::lround(s.probability * 100));
      std::string move;
      if (const auto it = previous.find(s.cause); it != previous.end()) {
        const int delta = pct - static_cast<int>(std::lround(it->second * 100));
        move = delta > 0 ? p.paint(report::Style::green, fmt::format(" (+{})", delta))
               : delta < 0 ? p.paint(report::Style::red, fmt::format(" ({})", delta))
                           : std::string(" (=)");
      }
      report::append_wrapped(ranking, fmt::format("  {:>3}% fit  ", pct),
                             std::string(ctx.kb.str(ctx.kb.causes()[s.cause].label)) + move, 12, ctx.width);
    }
    out.write(ranking);
    previous.clear();
    for (const infer::CauseScore& s : rep.causes) previous[s.cause] = s.probability;

    if (!rep.question.asked || asked >= o.max_questions) {
      std::string end;
      report::append_wrapped(end, "",
                             rep.question.asked ? "That is enough questions for now."
                                                : "No more useful questions: " + std::string(rep.question.reason) + ".",
                             0, ctx.width);
      out.write("\n");
      out.write(end);
      break;
    }
    const kb::FindingRec& f = ctx.kb.findings()[rep.question.finding];
    infer::Answer answer = infer::Answer::unknown;
    Reply reply = Reply::invalid;
    for (int attempt = 0; attempt < 3 && reply == Reply::invalid; ++attempt) {
      out.write("\n");
      out.write(prompt(p.paint(report::Style::bold, "?") + " ",
                       fmt::format("{} [yes/no/unknown/quit]", ctx.kb.str(f.question)), ctx.width));
      out.flush();
      std::string line;
      if (!read_line(in, line)) {
        if (interrupted()) {  // Ctrl-C at a question: the advice reached so far, then stop
          out.write("\n\nStopped. The report so far:\n\n");
          write_report(ctx, rep, text, answers);
          return kExitInterrupted;
        }
        reply = Reply::quit;  // end of input: finish with what we have
        out.write("\n");
        break;
      }
      if (echo) out.write(report::terminal_safe(line) + "\n");
      reply = parse_reply(line, answer);
      if (reply == Reply::invalid) {
        std::string again;
        report::append_wrapped(again, "  ", "Please answer yes, no, unknown (or ? to skip), or quit.", 2, ctx.width);
        out.write(again);
      }
    }
    if (reply != Reply::answer) break;
    answers.push_back({rep.question.finding, answer});
  }

  out.write("\n");
  write_report(ctx, rep, text, answers);
  return rep.in_scope ? kExitExplained : kExitNothing;
}

}  // namespace crampx::cli
