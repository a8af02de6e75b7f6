#include "infer/withhold.h"

#include <algorithm>

namespace crampx::infer {

bool cause_in_play(const Report& r, const kb::KnowledgeBase& kb, std::uint32_t cause) {
  if (suggested_by_flag(r.triage, kb, cause)) return true;
  return std::any_of(r.causes.begin(), r.causes.end(), [&](const CauseScore& s) {
    return s.cause == cause && s.probability >= kTriageCauseProbability;
  });
}

std::optional<Withholding> withheld(const Report& r, const kb::KnowledgeBase& kb, std::uint32_t treatment) {
  for (const kb::UnsafeRec& rule : kb.unsafe(kb.treatments()[treatment])) {
    for (const std::uint32_t f : kb.ids(rule.findings)) {
      const State s = f < r.evidence.state.size() ? r.evidence.state[f] : State::unknown;
      if (s == State::present || s == State::possible) return Withholding{Withholding::Because::finding, f, &rule};
    }
    for (const std::uint32_t flag : kb.ids(rule.red_flags)) {
      const bool fired = std::any_of(r.triage.reasons.begin(), r.triage.reasons.end(), [&](const TriageReason& t) {
        return t.kind == TriageReason::Kind::red_flag && t.index == flag;
      });
      if (fired) return Withholding{Withholding::Because::red_flag, flag, &rule};
    }
    for (const std::uint32_t c : kb.ids(rule.causes)) {
      if (cause_in_play(r, kb, c)) return Withholding{Withholding::Because::cause, c, &rule};
    }
  }
  return std::nullopt;
}

}  // namespace crampx::infer
