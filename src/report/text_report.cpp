// The report for people at a terminal. By default the short one (short_text_report.cpp):
// what to do, what it could be, warning signs, in a screen. With --full, this one: the
// triage and its reasons, every finding, and each likely cause with the evidence for
// and against it, its mechanism, tests and treatments, aligned and wrapped to the
// terminal width. Both begin and end with the triage.
#include <algorithm>

#include <fmt/format.h>

#include "infer/withhold.h"
#include "report/plain_report.h"
#include "report/render.h"
#include "report/terminal_text.h"
#include "report/text_parts.h"
#include "report/wording.h"

namespace crampx::report {
namespace {

}  // namespace

Style level_style(const infer::Triage& t) {
  if (t.none) return Style::dim;
  switch (t.level) {
    case kb::Level::emergency:
    case kb::Level::urgent: return Style::red;
    case kb::Level::consult: return Style::yellow;
    case kb::Level::self_care: return Style::green;
  }
  return Style::yellow;
}

void append_triage_line(std::string& out, const infer::Report& r, const PlainReport& plain, const Painter& p,
                        std::size_t width) {
  append_wrapped(out, p.paint(level_style(r.triage), "TRIAGE: " + plain.level) + "  ", plain.action, 2, width);
}

void append_out_of_scope(std::string& out, const infer::Report& r, const kb::KnowledgeBase& kb,
                         const RenderOptions& options) {
  const std::size_t width = std::max<std::size_t>(options.width, 40);
  append_wrapped(out, "", std::string(kOutOfScope), 0, width);
  append_wrapped(out, "", terminal_safe(scope_reason(r, kb)), 0, width);
  if (!r.analysis.mentions.empty()) {  // say what was read, and why it does not count
    std::string read;
    for (std::size_t i = 0; i < std::min<std::size_t>(r.analysis.mentions.size(), 5); ++i) {
      const text::Mention& m = r.analysis.mentions[i];
      read += fmt::format("{}{} ({})", read.empty() ? "" : "; ", kb.str(kb.findings()[m.finding].label),
                          status_words(m.status));
    }
    append_wrapped(out, "", "It read: " + read + ", but nothing as a muscle complaint of the person it is about.", 0,
                   width);
  }
  append_wrapped(out, "",
                 "To explain a muscle complaint, describe where it is, what it feels like and when it happens, "
                 "e.g. crampx explain \"my calves cramp at night\".",
                 0, width);
}

namespace {

std::string bar(double p, std::size_t cells) {
  const auto filled = static_cast<std::size_t>(p * static_cast<double>(cells) + 0.5);
  std::string out;
  for (std::size_t i = 0; i < cells; ++i) out += i < filled ? "\u2588" : "\u00b7";
  return out;
}

template <class F>
std::string join(std::span<const std::uint32_t> ids, F&& name, std::string_view sep = "; ") {
  std::string out;
  for (std::uint32_t i : ids) {
    if (!out.empty()) out += sep;
    out += name(i);
  }
  return out;
}

// Items of each list shown per cause; the rest are one `crampx why CAUSE` away.
constexpr std::size_t kTextItems = 3;

std::string more(std::size_t total, std::string_view cause) {
  if (total <= kTextItems) return "";
  return fmt::format(" (+{} more: crampx why {})", total - kTextItems, cause);
}

}  // namespace

void render_text(const infer::Report& r, const kb::KnowledgeBase& kb, const RenderOptions& options,
                 std::string& out) {
  if (r.triage.none) return append_out_of_scope(out, r, kb, options);
  if (!options.full) return render_short_text(r, kb, options, out);
  const Painter p(options.color);
  const std::size_t width = std::max<std::size_t>(options.width, 40);
  const PlainReport plain = plain_report(r, kb, options.top, [](std::string_view s) { return terminal_safe(s); });

  // Triage first: it is what matters most. One piece of advice (the headline's); the
  // reasons below it say why, without advice of their own that could contradict it.
  append_triage_line(out, r, plain, p, width);
  for (const infer::TriageReason& reason : r.triage.reasons) {
    const std::string mark = reason.kind == infer::TriageReason::Kind::red_flag ? p.paint(Style::red, "!") : "-";
    append_wrapped(out, "  " + mark + " ", triage_reason_text(reason, kb), 4, width);
  }
  if (!plain.about.empty()) append_wrapped(out, "", plain.about, 0, width);
  out += '\n';

  if (!r.analysis.mentions.empty()) {
    out += p.paint(Style::bold, "Findings") + '\n';
    const auto& mentions = r.analysis.mentions;
    std::size_t status_width = 0;  // the widest status word and two spaces: columns never touch
    for (std::size_t i = 0; i < std::min(mentions.size(), kMaxListed); ++i) {
      status_width = std::max(status_width, status_words(mentions[i].status).size() + 2);
    }
    for (std::size_t i = 0; i < std::min(mentions.size(), kMaxListed); ++i) {
      const text::Mention& m = mentions[i];
      const std::string said = terminal_safe(r.input.substr(m.begin, m.end - m.begin));
      std::string line = fmt::format("{} ({}\"{}\")", kb.str(kb.findings()[m.finding].label),
                                     m.repaired_to != kb::kNone
                                         ? fmt::format("read as \"{}\" from ", kb.str(kb.typo_words()[m.repaired_to].word))
                                         : "",
                                     said);
      const std::string status = fmt::format("{:<{}}", status_words(m.status), status_width);
      append_wrapped(out, "  " + p.paint(m.status == text::Status::present ? Style::cyan : Style::dim, status), line,
                     2 + status_width, width);
    }
    if (mentions.size() > kMaxListed) out += fmt::format("  ({} more mentions not listed)\n", mentions.size() - kMaxListed);
    out += '\n';
  }

  if (!r.answers.empty()) {
    std::string said;
    for (const infer::AnswerEntry& a : r.answers) {
      if (!said.empty()) said += "; ";
      said += fmt::format("{}: {}", kb.str(kb.findings()[a.finding].label), to_string(a.answer));
    }
    append_wrapped(out, p.paint(Style::bold, "Your answers: "), said, 2, width);
    out += '\n';
  }

  append_wrapped(out, "", confidence_sentence(r, kb), 0, width);
  if (const std::string unlisted = unlisted_sentence(r); !unlisted.empty()) append_wrapped(out, "", unlisted, 0, width);
  if (r.in_scope) {
    out += '\n' + p.paint(Style::bold, "Likely causes (how well each fits the description, not how likely it is)") + '\n';
    const std::size_t n = std::min(options.top, r.causes.size());
    std::size_t label_width = 0;
    for (std::size_t i = 0; i < n; ++i) {
      label_width = std::max(label_width, display_width(kb.str(kb.causes()[r.causes[i].cause].label)));
    }
    constexpr std::size_t kChanceWidth = 19;  // " 46% fit ██████····"
    if (5 + label_width + 1 + kChanceWidth > width) label_width = 0;  // too wide to align: each on its own
    for (std::size_t i = 0; i < n; ++i) {
      const infer::CauseScore& s = r.causes[i];
      const kb::CauseRec& c = kb.causes()[s.cause];
      const std::string label(kb.str(c.label));
      const std::string chance = fmt::format("{:>3}% fit {}", static_cast<int>(s.probability * 100 + 0.5),
                                             bar(s.probability, 10));
      if (5 + std::max(label_width, display_width(label)) + 1 + display_width(chance) <= width) {  // one line
        out += fmt::format("  {}. {}{} {}\n", i + 1, p.paint(Style::bold, label),
                           std::string(std::max(label_width, display_width(label)) - display_width(label), ' '), chance);
      } else {  // too narrow: the label wraps, the chance goes on its own line
        append_wrapped(out, fmt::format("  {}. ", i + 1), p.paint(Style::bold, label), 5, width);
        out += "     " + chance + '\n';
      }
      std::string why;
      for (const infer::Contribution& k : s.supporting) {
        if (!why.empty()) why += ", ";
        why += fmt::format("{}{} (+{:.1f})", k.state == infer::State::absent ? "no " : "",
                           kb.str(kb.findings()[k.finding].label), k.bits);
      }
      std::string against;
      for (const infer::Contribution& k : s.conflicting) {
        if (!against.empty()) against += ", ";
        against += fmt::format("{}{} ({:.1f})", k.state == infer::State::absent ? "no " : "",
                               kb.str(kb.findings()[k.finding].label), k.bits);
      }
      if (!why.empty()) append_wrapped(out, "     why:     ", why, 14, width);
      if (!against.empty()) append_wrapped(out, "     against: ", against, 14, width);
      if (c.mechanisms.count > 0) {  // a lookalike may have no chain
        append_wrapped(out, "     how:     ",
                       join(kb.ids(c.mechanisms),
                            [&](std::uint32_t m) { return std::string(kb.str(kb.mechanisms()[m].label)); }, " -> "),
                       14, width);
      }
      const auto diagnostics = kb.ids(c.diagnostics);
      append_wrapped(out, "     doctor:  ",
                     join(diagnostics.first(std::min(kTextItems, diagnostics.size())),
                          [&](std::uint32_t d) { return std::string(kb.str(kb.diagnostics()[d].label)); }) +
                         more(diagnostics.size(), kb.str(c.id)),
                     14, width);
      // The best-supported treatments, each with its first caution; `crampx why` lists them all.
      // Never a treatment that could harm in what was found (infer/withhold.h).
      std::vector<std::uint32_t> treatments;
      for (std::uint32_t t : kb.ids(c.treatments)) {
        if (!infer::withheld(r, kb, t)) treatments.push_back(t);
      }
      std::stable_sort(treatments.begin(), treatments.end(), [&](std::uint32_t a, std::uint32_t b) {
        return kb.treatments()[a].evidence < kb.treatments()[b].evidence;
      });
      const std::size_t shown = std::min(kTextItems, treatments.size());
      append_wrapped(out, "     helps:   ",
                     join(std::span<const std::uint32_t>(treatments).first(shown),
                          [&](std::uint32_t t) { return std::string(kb.str(kb.treatments()[t].label)); }) +
                         more(treatments.size(), kb.str(c.id)),
                     14, width);
      for (std::size_t k = 0; k < shown; ++k) {
        const kb::TreatmentRec& rec = kb.treatments()[treatments[k]];
        const auto cautions = kb.cautions(rec);
        if (cautions.empty()) continue;
        append_wrapped(out, "     " + p.paint(Style::yellow, "caution:") + " ",
                       fmt::format("{}: {}", kb.str(rec.label), kb.str(cautions[0].text)), 14, width);
      }
    }
  }

  if (r.question.asked) {
    const kb::FindingRec& f = kb.findings()[r.question.finding];
    out += '\n';
    append_wrapped(out, p.paint(Style::bold, "Next question: "), std::string(kb.str(f.question)), 2, width);
    append_wrapped(out, "  ",
                   fmt::format("{} Answer with --answer {}=yes|no|unknown.", question_reason(r.question, kb),
                               kb.str(f.id)),
                   2, width);
  } else if (r.in_scope && !r.question.reason.empty()) {
    out += '\n';
    append_wrapped(out, p.paint(Style::bold, "No further question: "), std::string(r.question.reason), 2, width);
  }
  if (!r.analysis.unrecognized.empty()) {
    std::string words;
    const auto& unrecognized = r.analysis.unrecognized;
    for (std::size_t i = 0; i < std::min(unrecognized.size(), kMaxListed); ++i) {
      if (!words.empty()) words += ", ";
      words += terminal_safe(r.input.substr(unrecognized[i].begin, unrecognized[i].end - unrecognized[i].begin));
    }
    if (unrecognized.size() > kMaxListed) words += fmt::format(" (+{} more)", unrecognized.size() - kMaxListed);
    out += '\n';
    append_wrapped(out, p.paint(Style::dim, "Not recognized: "), words, 2, width);
  }
  out += '\n';
  append_wrapped(out, "", std::string(kb.str(kb.meta().disclaimer)), 0, width);
  append_triage_line(out, r, plain, p, width);  // and last, where the reader ends
}

}  // namespace crampx::report
