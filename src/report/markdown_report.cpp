// The report as Markdown, for pasting into notes and tickets: the short report by
// default, the detailed one with --full; both begin and end with the triage.
#include <algorithm>

#include <fmt/format.h>

#include "infer/withhold.h"
#include "report/plain_report.h"
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

// Treatments listed per cause in the detailed report.
constexpr std::size_t kTreatmentsShown = 3;

// The short report, in Markdown: the same content as the default text report.
void short_markdown(const infer::Report& r, const kb::KnowledgeBase& kb, const RenderOptions& options,
                    std::string& out) {
  const PlainReport plain = plain_report(r, kb, options.top, [](std::string_view s) { return md_escape(s); });
  const std::string triage = fmt::format("**Triage: {}.** {}\n", plain.level, plain.action);
  out += triage;
  if (!plain.why.empty()) out += fmt::format("\n{}{}\n", plain.why, plain.also.empty() ? "" : " " + plain.also);
  if (!plain.about.empty()) out += fmt::format("\n{}\n", plain.about);
  if (!plain.causes.empty()) {
    out += "\n";
    out += "### " + plain.causes_heading + "\n\n";
    for (std::size_t i = 0; i < plain.causes.size(); ++i) out += fmt::format("{}. {}\n", i + 1, plain.causes[i]);
    if (!plain.note.empty()) out += "\n" + plain.note + "\n";
  }
  if (!plain.helps.empty()) {
    out += "\n### What may help now\n\n";
    for (const std::string& item : plain.helps) out += "- " + item + "\n";
  }
  if (!plain.warning_signs.empty()) out += "\n" + plain.warning_signs + "\n";
  out += fmt::format("\n_{}_\n\n{}", plain.disclaimer, triage);
}

}  // namespace

void render_markdown(const infer::Report& r, const kb::KnowledgeBase& kb, const RenderOptions& options,
                     std::string& out) {
  out += "## crampx report\n\n";
  out += fmt::format("> {}\n\n", md_escape(r.input));
  if (r.triage.none) {
    out += fmt::format("{}\n\n{}\n", kOutOfScope, md_escape(scope_reason(r, kb)));
    return;
  }
  if (!options.full) return short_markdown(r, kb, options, out);
  const PlainReport plain = plain_report(r, kb, options.top, [](std::string_view s) { return md_escape(s); });
  out += fmt::format("**Triage: {}.** {}\n\n", plain.level, plain.action);
  for (const infer::TriageReason& reason : r.triage.reasons) out += fmt::format("- {}\n", triage_reason_text(reason, kb));
  if (!r.triage.reasons.empty()) out += '\n';
  if (!plain.about.empty()) out += plain.about + "\n\n";
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
    out += "### Likely causes (how well each fits the description, not how likely it is)\n\n";
    const std::size_t n = std::min(options.top, r.causes.size());
    for (std::size_t i = 0; i < n; ++i) {
      const infer::CauseScore& s = r.causes[i];
      const kb::CauseRec& c = kb.causes()[s.cause];
      out += fmt::format("{}. **{}** ({}% fit): {}\n", i + 1, kb.str(c.label),
                         static_cast<int>(s.probability * 100 + 0.5), kb.str(c.summary));
      for (const infer::Contribution& k : s.supporting) {
        out += fmt::format("   - for: {}{} (+{:.1f} bits)\n", k.state == infer::State::absent ? "no " : "",
                           kb.str(kb.findings()[k.finding].label), k.bits);
      }
      for (const infer::Contribution& k : s.conflicting) {
        out += fmt::format("   - against: {}{} ({:.1f} bits)\n", k.state == infer::State::absent ? "no " : "",
                           kb.str(kb.findings()[k.finding].label), k.bits);
      }
      // The best-supported treatments, each with its first caution, as the text report
      // shows them; `crampx why CAUSE` has every treatment with every caution. A treatment
      // that could harm in what was found is named as not advised, with the reason.
      std::vector<std::uint32_t> treatments;
      for (std::uint32_t t : kb.ids(c.treatments)) {
        const kb::TreatmentRec& rec = kb.treatments()[t];
        if (const auto why = infer::withheld(r, kb, t)) {
          out += fmt::format("   - not advised now ({}): {}\n", kb.str(rec.label), kb.str(why->rule->reason));
          continue;
        }
        treatments.push_back(t);
      }
      std::stable_sort(treatments.begin(), treatments.end(), [&](std::uint32_t a, std::uint32_t b) {
        return kb.treatments()[a].evidence < kb.treatments()[b].evidence;
      });
      for (std::size_t k = 0; k < std::min<std::size_t>(kTreatmentsShown, treatments.size()); ++k) {
        const kb::TreatmentRec& rec = kb.treatments()[treatments[k]];
        const auto cautions = kb.cautions(rec);
        out += fmt::format("   - helps: {}{}\n", kb.str(rec.label),
                           cautions.empty() ? "" : fmt::format(" (caution: {})", kb.str(cautions[0].text)));
      }
      if (treatments.size() > kTreatmentsShown) {
        out += fmt::format("   - more treatments, with every caution: `crampx why {}`\n", kb.str(c.id));
      }
    }
    out += '\n';
  }
  if (r.question.asked) {
    const kb::FindingRec& f = kb.findings()[r.question.finding];
    out += fmt::format("**Next question:** {} (`--answer {}=yes|no`)\n\n", kb.str(f.question), kb.str(f.id));
  }
  out += fmt::format("_{}_\n\n**Triage: {}.** {}\n", kb.str(kb.meta().disclaimer), plain.level, plain.action);
}

}  // namespace crampx::report
