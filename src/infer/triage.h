// Triage: how urgently to seek care. Red flags are checked apart from the ranking:
// each fires on its findings alone and raises the level with its reason. Without
// a red flag, the level is the most cautious of the likely causes' own levels.
// Denied findings never fire a red flag; uncertain ones do (safety first). Text
// about nothing muscular, with no red flag, gets no triage at all ("none"): crampx
// has nothing to judge, and advice to see a doctor about "hello" helps no one.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "base/enum_names.h"
#include "infer/evidence.h"
#include "infer/score.h"
#include "kb/knowledge_base.h"

namespace crampx::infer {

// A cause counts towards triage when at least this likely.
inline constexpr double kTriageCauseProbability = 0.25;

struct TriageReason {
  enum class Kind : std::uint8_t { red_flag, cause } kind;
  std::uint32_t index;  // red flag or cause index
  kb::Level level;
  bool uncertain;       // a red flag fired on a finding reported only as possible
};

}  // namespace crampx::infer

namespace crampx {

template <>
struct EnumNames<infer::TriageReason::Kind> {
  static constexpr std::pair<infer::TriageReason::Kind, std::string_view> table[] = {
      {infer::TriageReason::Kind::red_flag, "red_flag"},
      {infer::TriageReason::Kind::cause, "cause"}};
};

}  // namespace crampx

namespace crampx::infer {

struct Triage {
  bool none = false;  // out of scope and no red flag: nothing to triage (`level` means nothing)
  kb::Level level = kb::Level::self_care;
  std::vector<TriageReason> reasons;  // red flags first, most urgent first
};

// Whether the triage is at `level` or above ("none" reaches no level).
inline bool reaches(const Triage& t, kb::Level level) { return !t.none && t.level >= level; }

// The level as reports write it: a level's name, or "none".
inline std::string_view level_name(const Triage& t) { return t.none ? "none" : to_string(t.level); }

// Whether red flag `r` fires on `evidence` (all of its all_of findings and one of its any_of
// present or possible, none of its none_of present); `uncertain` says that it fired on a
// finding reported only as possible.
bool flag_fires(const Evidence& evidence, const kb::KnowledgeBase& kb, std::uint32_t r, bool& uncertain);

// The red flags that fire on `evidence`, most urgent first (ties in the knowledge base's order).
void fire_red_flags(const Evidence& evidence, const kb::KnowledgeBase& kb, std::vector<TriageReason>& reasons);

// Of the flags that fired, the first (in the knowledge base's order) urgent or emergency one
// that fired on findings said outright and suggests a cause of the knowledge base, or kNone.
// Such a text is in scope without a cramp word (docs/SCORING.md, "Scope"): a clinical picture
// of a danger crampx holds ("core temperature 41, confused, after a run in the heat": heat
// stroke) is ranked, with that danger first.
std::uint32_t danger_naming_cause(const std::vector<TriageReason>& fired, const kb::KnowledgeBase& kb);

// The level from the red flags already in `out.reasons` (fire_red_flags) and, in scope, the
// causes of `ranked` (sorted by probability) that are likely enough to count.
void finish_triage(const std::vector<CauseScore>& ranked, bool in_scope, const kb::KnowledgeBase& kb, Triage& out);

// `in_scope`: the text is about cramps or spasms; otherwise only red flags can set a level.
// A red flag fires when all of its all_of findings and one of its any_of are present or
// possible, and none of its none_of is present. `ranked` is sorted by probability.
void assess_triage(const Evidence& evidence, const std::vector<CauseScore>& ranked, bool in_scope,
                   const kb::KnowledgeBase& kb, Triage& out);

// Whether a red flag that fired, at `at_least` or above, suggests `cause`.
bool suggested_by_flag(const Triage& triage, const kb::KnowledgeBase& kb, std::uint32_t cause,
                       kb::Level at_least = kb::Level::self_care);

// Danger first (docs/SCORING.md): when a red flag makes triage urgent or emergency, the
// causes the urgent and emergency flags suggest move to the head of `ranked`, most probable
// first, each with its own probability; the rest follow by probability. Returns how many lead.
std::size_t lead_with_danger(const Triage& triage, const kb::KnowledgeBase& kb, std::vector<CauseScore>& ranked);

}  // namespace crampx::infer
