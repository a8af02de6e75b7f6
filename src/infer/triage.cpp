#include "infer/triage.h"

#include <algorithm>

namespace crampx::infer {

void assess_triage(const Evidence& evidence, const std::vector<CauseScore>& ranked, bool in_scope,
                   const kb::KnowledgeBase& kb, Triage& out) {
  out.none = false;
  out.level = kb::Level::self_care;
  out.reasons.clear();
  const auto flags = kb.red_flags();
  auto active = [&](std::uint32_t f) {
    return evidence.state[f] == State::present || evidence.state[f] == State::possible;
  };
  for (std::uint32_t r = 0; r < flags.size(); ++r) {
    const kb::RedFlagRec& flag = flags[r];
    const auto all_of = kb.ids(flag.all_of);
    if (!active(all_of[0])) continue;  // most flags fail here: cheap before the full check
    const auto any_of = kb.ids(flag.any_of);
    if (!std::all_of(all_of.begin(), all_of.end(), active)) continue;
    if (!any_of.empty() && !std::any_of(any_of.begin(), any_of.end(), active)) continue;
    auto possible = [&](std::uint32_t f) { return evidence.state[f] == State::possible; };
    const bool uncertain = std::any_of(all_of.begin(), all_of.end(), possible) ||
                           (!any_of.empty() && std::none_of(any_of.begin(), any_of.end(), [&](std::uint32_t f) {
                             return evidence.state[f] == State::present;
                           }));
    out.reasons.push_back({TriageReason::Kind::red_flag, r, flag.level, uncertain});
  }
  // Most urgent first; ties in the knowledge base's order (the flags were added in it).
  std::sort(out.reasons.begin(), out.reasons.end(), [](const TriageReason& a, const TriageReason& b) {
    return a.level != b.level ? a.level > b.level : a.index < b.index;
  });
  if (!in_scope) {
    out.none = out.reasons.empty();
  } else {
    for (const CauseScore& s : ranked) {
      if (s.probability < kTriageCauseProbability) break;
      const kb::Level level = kb.causes()[s.cause].triage;
      if (level > kb::Level::self_care) out.reasons.push_back({TriageReason::Kind::cause, s.cause, level, false});
    }
  }
  for (const TriageReason& r : out.reasons) out.level = std::max(out.level, r.level);
  // A red flag is never self care, whatever level its author gave it.
  if (!out.reasons.empty() && out.reasons.front().kind == TriageReason::Kind::red_flag) {
    out.level = std::max(out.level, kb::Level::consult);
  }
}

}  // namespace crampx::infer
