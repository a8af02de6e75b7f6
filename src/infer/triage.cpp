#include "infer/triage.h"

#include <algorithm>

namespace crampx::infer {

bool flag_fires(const Evidence& evidence, const kb::KnowledgeBase& kb, std::uint32_t r, bool& uncertain) {
  // Said of the writer, or of a person the text names in a mixed text ("my son is having
  // chest pain, I get leg cramps"): a danger is never lost to whom it is about.
  auto active = [&](std::uint32_t f) {
    return evidence.state[f] == State::present || evidence.state[f] == State::possible ||
           (f < evidence.of_named_person.size() && evidence.of_named_person[f]);
  };
  const kb::RedFlagRec& flag = kb.red_flags()[r];
  const auto all_of = kb.ids(flag.all_of);
  if (!active(all_of[0])) return false;  // most flags fail here: cheap before the full check
  const auto any_of = kb.ids(flag.any_of);
  if (!std::all_of(all_of.begin(), all_of.end(), active)) return false;
  if (!any_of.empty() && !std::any_of(any_of.begin(), any_of.end(), active)) return false;
  // What shows the words meant something else stops the flag, when it is said outright.
  const auto none_of = kb.ids(flag.none_of);
  if (std::any_of(none_of.begin(), none_of.end(), [&](std::uint32_t f) { return evidence.state[f] == State::present; })) {
    return false;
  }
  auto possible = [&](std::uint32_t f) { return evidence.state[f] == State::possible; };
  uncertain = std::any_of(all_of.begin(), all_of.end(), possible) ||
              (!any_of.empty() && std::none_of(any_of.begin(), any_of.end(), [&](std::uint32_t f) {
                return evidence.state[f] == State::present;
              }));
  return true;
}

void fire_red_flags(const Evidence& evidence, const kb::KnowledgeBase& kb, std::vector<TriageReason>& reasons) {
  reasons.clear();
  const auto flags = kb.red_flags();
  for (std::uint32_t r = 0; r < flags.size(); ++r) {
    // Most flags fail on their first finding: checked here, before the call, as this loop
    // runs over every flag for every text of a stream.
    const std::uint32_t first = kb.ids(flags[r].all_of)[0];
    const bool named = first < evidence.of_named_person.size() && evidence.of_named_person[first];
    if (evidence.state[first] != State::present && evidence.state[first] != State::possible && !named) continue;
    bool uncertain = false;
    if (flag_fires(evidence, kb, r, uncertain)) reasons.push_back({TriageReason::Kind::red_flag, r, flags[r].level, uncertain});
  }
  // Most urgent first; ties in the knowledge base's order (the flags were added in it).
  std::sort(reasons.begin(), reasons.end(), [](const TriageReason& a, const TriageReason& b) {
    return a.level != b.level ? a.level > b.level : a.index < b.index;
  });
}

std::uint32_t danger_naming_cause(const std::vector<TriageReason>& fired, const kb::KnowledgeBase& kb) {
  std::uint32_t first = kb::kNone;
  for (const TriageReason& r : fired) {
    if (r.kind != TriageReason::Kind::red_flag || r.level < kb::Level::urgent || r.uncertain) continue;
    if (kb.ids(kb.red_flags()[r.index].suggests).empty()) continue;
    if (first == kb::kNone || r.index < first) first = r.index;
  }
  return first;
}

void finish_triage(const std::vector<CauseScore>& ranked, bool in_scope, const kb::KnowledgeBase& kb, Triage& out) {
  out.none = false;
  out.level = kb::Level::self_care;
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

void assess_triage(const Evidence& evidence, const std::vector<CauseScore>& ranked, bool in_scope,
                   const kb::KnowledgeBase& kb, Triage& out) {
  fire_red_flags(evidence, kb, out.reasons);
  finish_triage(ranked, in_scope, kb, out);
}

bool suggested_by_flag(const Triage& triage, const kb::KnowledgeBase& kb, std::uint32_t cause, kb::Level at_least) {
  for (const TriageReason& r : triage.reasons) {
    if (r.kind != TriageReason::Kind::red_flag || r.level < at_least) continue;
    const auto suggests = kb.ids(kb.red_flags()[r.index].suggests);
    if (std::find(suggests.begin(), suggests.end(), cause) != suggests.end()) return true;
  }
  return false;
}

std::size_t lead_with_danger(const Triage& triage, const kb::KnowledgeBase& kb, std::vector<CauseScore>& ranked) {
  if (triage.reasons.empty() || triage.reasons.front().kind != TriageReason::Kind::red_flag ||
      triage.reasons.front().level < kb::Level::urgent) {
    return 0;  // red flags come first among the reasons, most urgent first
  }
  // A stable partition, one rotation per suggested cause: no buffer to allocate. The causes
  // behind an emergency flag go before those behind an urgent one (high potassium before the
  // palpitations' low salts), each group in order of probability.
  std::size_t led = 0;
  for (const kb::Level level : {kb::Level::emergency, kb::Level::urgent}) {
    for (std::size_t i = led; i < ranked.size(); ++i) {
      if (!suggested_by_flag(triage, kb, ranked[i].cause, level)) continue;
      std::rotate(ranked.begin() + static_cast<std::ptrdiff_t>(led), ranked.begin() + static_cast<std::ptrdiff_t>(i),
                  ranked.begin() + static_cast<std::ptrdiff_t>(i) + 1);
      ++led;
    }
  }
  return led;
}

}  // namespace crampx::infer
