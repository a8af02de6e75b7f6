// Evidence: what the text and the answers say about each finding, one state per
// finding of the knowledge base. Several mentions of one finding are merged (a
// present mention wins over a denial: "no cramps by day, but cramps at night").
// Answers to questions override the text; a yes also brings the findings its
// finding's canonical phrase contains ("during exercise": exercise), as in text.
// Findings another present finding already says are marked, so scoring counts them once.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "base/enum_names.h"
#include "kb/knowledge_base.h"
#include "text/analyze.h"

namespace crampx::infer {

enum class Answer : std::uint8_t { yes, no, unknown };

// The one reading of an answer, wherever it is given (--answer, a record's "answers", the
// interview): yes, no or unknown in any case, and y/n, true/false, ? and dont_know.
std::optional<Answer> parse_answer(std::string_view s);

}  // namespace crampx::infer

namespace crampx {

template <>
struct EnumNames<infer::Answer> {
  static constexpr std::pair<infer::Answer, std::string_view> table[] = {
      {infer::Answer::yes, "yes"}, {infer::Answer::no, "no"}, {infer::Answer::unknown, "unknown"}};
};

}  // namespace crampx

namespace crampx::infer {

struct AnswerEntry {
  std::uint32_t finding;
  Answer answer;
};

// What is known about one finding.
enum class State : std::uint8_t {
  unknown,      // not mentioned, not asked
  present,
  possible,     // "maybe", "not sure if", "?"
  absent,       // denied, or answered no
  asked,        // answered "unknown": asked, nothing learned
  irrelevant,   // mentioned as past (when the past does not count), hypothetical or of someone else
};

}  // namespace crampx::infer

namespace crampx {

// The report's words for a finding's state: a report says "present", "possible" and "absent",
// as a mention's status does (text::Status).
template <>
struct EnumNames<infer::State> {
  static constexpr std::pair<infer::State, std::string_view> table[] = {
      {infer::State::unknown, "unknown"}, {infer::State::present, "present"},
      {infer::State::possible, "possible"}, {infer::State::absent, "absent"},
      {infer::State::asked, "asked"},     {infer::State::irrelevant, "irrelevant"}};
};

}  // namespace crampx

namespace crampx::infer {

struct Evidence {
  std::vector<State> state;          // indexed by finding
  std::vector<std::uint32_t> known;  // the findings whose state is not unknown, each once
  std::vector<bool> implied;         // present, and said by another present finding (FindingRec::implies)
  // Said of a person the text names with a complaint, in a text about the writer ("my husband
  // keeps getting sudden weakness, and I get cramps"): not the writer's evidence, but red
  // flags still fire on it (danger is never lost). What they had or were diagnosed with is not.
  std::vector<bool> of_named_person;
  bool any_core = false;             // a core finding is present or possible
  bool any_weak = false;             // a weak finding is present or possible
};

void gather_evidence(const std::vector<text::Mention>& mentions, const std::vector<AnswerEntry>& answers,
                     const kb::KnowledgeBase& kb, Evidence& out);

}  // namespace crampx::infer
