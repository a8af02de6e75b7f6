#include "report/plain_report.h"

#include <algorithm>

#include <fmt/format.h>

#include "infer/score.h"
#include "infer/withhold.h"
#include "report/wording.h"

namespace crampx::report {
namespace {

// Treatments offered as what helps now: the ones a person does for themselves.
constexpr std::size_t kHelpsShown = 2;
// Warning signs named: the most plausible few, given what the text describes.
constexpr std::size_t kWarningSignsShown = 3;
// A warning sign is named only when it is at least this plausible (see warning_signs).
constexpr double kWarningSignFloor = 0.01;

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

// "Swollen, red or warm calf" -> "swollen, red or warm calf" and "A cramp" -> "a cramp",
// inside a sentence; "ALS ..." stays.
std::string lower_first(std::string_view s) {
  std::string out(s);
  if (out.size() > 1 && is_upper(out[0]) && (is_lower(out[1]) || out[1] == ' ')) {
    out[0] = static_cast<char>(out[0] - 'A' + 'a');
  }
  return out;
}

// A cause's label under a warning: without its parenthesis, which may reassure
// ("usually harmless") where a danger has not been ruled out.
std::string_view label_under_warning(std::string_view label) {
  if (label.empty() || label.back() != ')') return label;
  const std::size_t open = label.rfind(" (");
  return open == std::string_view::npos ? label : label.substr(0, open);
}

bool active(infer::State s) { return s == infer::State::present || s == infer::State::possible; }

// What the text said that supports a cause: the words themselves, strongest first,
// and a phrase once (not "getting weaker" and then "weaker" inside it).
std::string said_for(const infer::Report& r, const kb::KnowledgeBase& kb, const infer::CauseScore& s,
                     const QuoteInput& quote) {
  struct Said {
    text::Span span;  // {0, 0}: not in the text (an answer)
    std::string words;
  };
  std::vector<Said> all;
  for (const infer::Contribution& k : s.supporting) {
    Said said{{0, 0}, ""};
    for (const text::Mention& m : r.analysis.mentions) {
      // Not a relative's words or a what-if: they are not evidence for this person.
      if (m.finding != k.finding || m.status == text::Status::family || m.status == text::Status::hypothetical) continue;
      said = {{m.begin, m.end}, fmt::format("\"{}\"", quote(r.input.substr(m.begin, m.end - m.begin)))};
      break;
    }
    if (said.words.empty()) said.words = fmt::format("\"{}\"", lower_first(kb.str(kb.findings()[k.finding].label)));
    if (k.state == infer::State::absent) said.words = fmt::format("no {}", said.words);
    all.push_back(std::move(said));
  }
  std::vector<std::string> shown;
  for (std::size_t i = 0; i < all.size() && shown.size() < 3; ++i) {
    const text::Span& a = all[i].span;
    const bool held = a.end > 0 && std::any_of(all.begin(), all.end(), [&](const Said& o) {
      const text::Span& b = o.span;
      return &o != &all[i] && b.begin <= a.begin && a.end <= b.end && (b.end - b.begin) > (a.end - a.begin);
    });
    if (held || std::find(shown.begin(), shown.end(), all[i].words) != shown.end()) continue;
    shown.push_back(all[i].words);
  }
  if (shown.empty()) return "";
  return fmt::format(" ({})", fmt::join(shown, ", "));
}

// The warning signs worth naming for this description: red flags about what it
// describes (one of their findings is there) that have not fired and that nothing
// denied rules out, ranked by how plausible the missing findings are given the causes
// as ranked (each finding's chance under each cause, weighted by the cause's share).
// So a calf cramp names a cramp that will not ease before insecticide poisoning. Only
// flags that would need care promptly (urgent or emergency).
std::vector<std::uint32_t> warning_signs(const infer::Report& r, const kb::KnowledgeBase& kb) {
  const auto& state = r.evidence.state;
  auto expected = [&](std::uint32_t f) {
    double p = 0;
    for (const infer::CauseScore& c : r.causes) p += c.probability * infer::likelihood(kb, c.cause, f);
    return p;
  };
  std::vector<bool> fired(kb.red_flags().size(), false);
  for (const infer::TriageReason& reason : r.triage.reasons) {
    if (reason.kind == infer::TriageReason::Kind::red_flag) fired[reason.index] = true;
  }
  std::vector<std::pair<double, std::uint32_t>> ranked;
  for (std::uint32_t i = 0; i < kb.red_flags().size(); ++i) {
    const kb::RedFlagRec& flag = kb.red_flags()[i];
    if (fired[i] || flag.level < kb::Level::urgent) continue;
    // Only a flag about what the text describes: one of its findings is there already.
    const auto all_of = kb.ids(flag.all_of);
    const auto any_of = kb.ids(flag.any_of);
    if (std::none_of(all_of.begin(), all_of.end(), [&](std::uint32_t f) { return active(state[f]); }) &&
        std::none_of(any_of.begin(), any_of.end(), [&](std::uint32_t f) { return active(state[f]); })) {
      continue;
    }
    double plausible = 1;
    bool ruled_out = false;
    for (std::uint32_t f : all_of) {
      if (state[f] == infer::State::absent) ruled_out = true;
      if (!active(state[f])) plausible *= expected(f);
    }
    if (!any_of.empty() && std::none_of(any_of.begin(), any_of.end(), [&](std::uint32_t f) { return active(state[f]); })) {
      double best = 0;
      for (std::uint32_t f : any_of) {
        if (state[f] != infer::State::absent) best = std::max(best, expected(f));
      }
      plausible *= best;
    }
    if (!ruled_out && plausible >= kWarningSignFloor) ranked.emplace_back(plausible, i);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::uint32_t> out;
  for (const auto& [plausible, i] : ranked) {
    if (out.size() == kWarningSignsShown) break;
    out.push_back(i);
  }
  return out;
}

}  // namespace

std::string_view fit_words(double probability) {
  if (probability >= 0.6) return "fits well";
  if (probability >= 0.25) return "fits in part";
  return "fits a little";
}

std::string_view first_sentence(std::string_view text) {
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ' && is_upper(text[i + 2])) {
      return text.substr(0, i + 1);
    }
  }
  return text;
}

PlainReport plain_report(const infer::Report& r, const kb::KnowledgeBase& kb, std::size_t top,
                         const QuoteInput& quote) {
  PlainReport p;
  p.disclaimer = std::string(first_sentence(kb.str(kb.meta().disclaimer)));
  p.about = about_sentence(r, quote(patient_text(r)));
  const infer::Triage& t = r.triage;
  if (!t.none) {
    p.level = std::string(level_words(t));
    // One piece of advice: the deciding red flag's own (it says what to do about that
    // danger), else the level's. Other flags are named, not advised on, so that one
    // report never says "today" and "within days" at once.
    const infer::TriageReason* first = t.reasons.empty() ? nullptr : &t.reasons.front();
    if (first != nullptr && first->kind == infer::TriageReason::Kind::red_flag && first->level == t.level) {
      p.action = std::string(kb.str(kb.red_flags()[first->index].advice));
    } else {
      p.action = std::string(level_advice(t.level));
    }
    if (first != nullptr) p.why = triage_reason_text(*first, kb);
    std::string also;
    for (std::size_t i = 1; i < t.reasons.size(); ++i) {
      if (t.reasons[i].kind != infer::TriageReason::Kind::red_flag) continue;
      also += (also.empty() ? "" : "; ") + lower_first(kb.str(kb.red_flags()[t.reasons[i].index].label));
    }
    if (!also.empty()) p.also = "Also: " + also + ".";
  }
  if (!r.in_scope) return p;

  const std::size_t n = std::min(top, r.causes.size());
  const bool danger = infer::reaches(t, kb::Level::urgent);
  if (n > 0) {
    const kb::CauseRec& best = kb.causes()[r.causes[0].cause];
    p.causes_heading = danger && best.triage == kb::Level::self_care
                           ? "If a doctor rules out the warning above, how well other causes fit:"
                           : "How well each cause fits the description (not how likely it is):";
  }
  for (std::size_t i = 0; i < n; ++i) {
    const infer::CauseScore& s = r.causes[i];
    const std::string_view label = kb.str(kb.causes()[s.cause].label);
    p.causes.push_back(fmt::format("{}: {}{}.", danger ? label_under_warning(label) : label, fit_words(s.probability),
                                   said_for(r, kb, s, quote)));
  }
  // In words, not odds: a lookalike first is not a cramp; little fits well is maybe
  // something crampx does not know. A warning above already leads when one fired.
  if (n > 0 && !danger) {
    if (kb.causes()[r.causes[0].cause].kind == kb::CauseKind::lookalike) {
      p.note = fmt::format("This sounds less like a muscle cramp and more like {}.",
                           lower_first(label_under_warning(kb.str(kb.causes()[r.causes[0].cause].label))));
    } else if (infer::unlisted_notable(r)) {
      p.note = "None of these fits well: it may be something crampx does not know about.";
    }
  }

  // What helps now: the best-fitting cause's own self-care, each with its first
  // caution. With an urgent or emergency triage the advice above is what to do.
  if (n > 0 && !danger) {
    const kb::CauseRec& best = kb.causes()[r.causes[0].cause];
    std::vector<std::uint32_t> treatments;
    for (std::uint32_t tx : kb.ids(best.treatments)) {
      // Never one that could harm in what was found (infer/withhold.h).
      if (kb.treatments()[tx].kind == kb::TreatmentKind::self_care && !infer::withheld(r, kb, tx)) {
        treatments.push_back(tx);
      }
    }
    std::stable_sort(treatments.begin(), treatments.end(), [&](std::uint32_t a, std::uint32_t b) {
      return kb.treatments()[a].evidence < kb.treatments()[b].evidence;
    });
    for (std::uint32_t tx : treatments) {
      if (p.helps.size() == kHelpsShown) break;
      const kb::TreatmentRec& rec = kb.treatments()[tx];
      const auto cautions = kb.cautions(rec);
      p.helps.push_back(cautions.empty() ? fmt::format("{}.", kb.str(rec.label))
                                         : fmt::format("{}. Caution: {}", kb.str(rec.label),
                                                       first_sentence(kb.str(cautions[0].text))));
    }
  }

  if (!danger) {
    std::string signs;
    for (std::uint32_t f : warning_signs(r, kb)) {
      signs += (signs.empty() ? "" : "; ") + lower_first(kb.str(kb.red_flags()[f].label));
    }
    if (!signs.empty()) p.warning_signs = "Get medical help promptly for: " + signs + ".";
  }
  return p;
}

}  // namespace crampx::report
