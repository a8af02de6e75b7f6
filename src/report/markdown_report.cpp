// The report as Markdown, for pasting into notes and tickets.
#include <algorithm>

#include <fmt/format.h>

#include "infer/withhold.h"
#include "report/render.h"
#include "report/terminal_text.h"
#include "report/wording.h"

namespace crampx::report {
namespace {

// Text from the input, safe inside Markdown: control characters and markup neutralized.
std::string md_escape(std::string_view s) {
  std::string out;
  for (char c : terminal_safe(s)) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

}  // namespace

void render_markdown(const infer::Report& r, const kb::KnowledgeBase& kb, const RenderOptions& options,
                     std::string& out) {
  out += "## crampx report\n\n";
  out += fmt::format("> {}\n\n", md_escape(r.input));
  out += fmt::format("**Triage: {}.** {}\n\n", to_string(r.triage.level), level_advice(r.triage.level));
  for (const infer::TriageReason& reason : r.triage.reasons) {
    out += fmt::format("- {}", triage_reason_text(reason, kb));
    if (reason.kind == infer::TriageReason::Kind::red_flag) {
      out += fmt::format(" {}", kb.str(kb.red_flags()[reason.index].advice));
    }
    out += '\n';
  }
  if (!r.triage.reasons.empty()) out += '\n';
  if (!r.analysis.mentions.empty()) {
    out += "### Findings\n\n| Finding | Status | Text | Match |\n|---|---|---|---|\n";
    const auto& mentions = r.analysis.mentions;
    for (std::size_t i = 0; i < std::min(mentions.size(), kMaxListed); ++i) {
      const text::Mention& m = mentions[i];
      out += fmt::format("| {} | {} | {} | {} |\n", kb.str(kb.findings()[m.finding].label), status_words(m.status),
                         md_escape(r.input.substr(m.begin, m.end - m.begin)), to_string(m.match));
    }
    if (mentions.size() > kMaxListed) out += fmt::format("\n({} more mentions not listed)\n", mentions.size() - kMaxListed);
    out += '\n';
  }
  out += confidence_sentence(r, kb) + "\n\n";
  if (const std::string unlisted = unlisted_sentence(r); !unlisted.empty()) out += unlisted + "\n\n";
  if (r.in_scope) {
    out += "### Likely causes\n\n";
    const std::size_t n = std::min(options.top, r.causes.size());
    for (std::size_t i = 0; i < n; ++i) {
      const infer::CauseScore& s = r.causes[i];
      const kb::CauseRec& c = kb.causes()[s.cause];
      out += fmt::format("{}. **{}** ({}%): {}\n", i + 1, kb.str(c.label), static_cast<int>(s.probability * 100 + 0.5),
                         kb.str(c.summary));
      for (const infer::Contribution& k : s.supporting) {
        out += fmt::format("   - for: {} (+{:.1f} bits)\n", kb.str(kb.findings()[k.finding].label), k.bits);
      }
      for (const infer::Contribution& k : s.conflicting) {
        out += fmt::format("   - against: {}{} ({:.1f} bits)\n", k.state == infer::State::absent ? "no " : "",
                           kb.str(kb.findings()[k.finding].label), k.bits);
      }
      for (std::uint32_t t : kb.ids(c.treatments)) {
        const kb::TreatmentRec& rec = kb.treatments()[t];
        if (const auto why = infer::withheld(r, kb, t)) {
          out += fmt::format("   - not advised now ({}): {}\n", kb.str(rec.label), kb.str(why->rule->reason));
          continue;
        }
        for (const kb::CautionRec& caution : kb.cautions(rec)) {
          out += fmt::format("   - caution ({}): {}\n", kb.str(rec.label), kb.str(caution.text));
        }
      }
    }
    out += '\n';
  }
  if (r.question.asked) {
    const kb::FindingRec& f = kb.findings()[r.question.finding];
    out += fmt::format("**Next question:** {} (`--answer {}=yes|no`)\n\n", kb.str(f.question), kb.str(f.id));
  }
  out += fmt::format("_{}_\n", kb.str(kb.meta().disclaimer));
}

}  // namespace crampx::report
