#include "infer/evidence.h"

#include <algorithm>
#include <cctype>

namespace crampx::infer {
namespace {

// Merge order: a firmer statement replaces a weaker one.
int strength(State s) {
  switch (s) {
    case State::present: return 4;
    case State::possible: return 3;
    case State::absent: return 2;
    case State::irrelevant: return 1;
    default: return 0;
  }
}

State from_status(text::Status status, bool past_counts) {
  switch (status) {
    case text::Status::present: return State::present;
    case text::Status::possible: return State::possible;
    case text::Status::absent: return State::absent;
    case text::Status::historical: return past_counts ? State::present : State::irrelevant;
    case text::Status::hypothetical:
    case text::Status::family: return State::irrelevant;
  }
  return State::irrelevant;
}

}  // namespace

std::optional<Answer> parse_answer(std::string_view s) {
  constexpr std::size_t kLongest = 9;  // "dont_know"
  if (s.size() > kLongest) return std::nullopt;
  char folded[kLongest];
  for (std::size_t i = 0; i < s.size(); ++i) {
    folded[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
  }
  const std::string_view word(folded, s.size());
  if (const auto a = parse_enum<Answer>(word)) return a;
  if (word == "y" || word == "true") return Answer::yes;
  if (word == "n" || word == "false") return Answer::no;
  if (word == "?" || word == "dont_know") return Answer::unknown;
  return std::nullopt;
}

void gather_evidence(const std::vector<text::Mention>& mentions, const std::vector<AnswerEntry>& answers,
                     const kb::KnowledgeBase& kb, Evidence& out) {
  const auto findings = kb.findings();
  out.state.assign(findings.size(), State::unknown);
  out.known.clear();
  auto set = [&](std::uint32_t f, State s) {
    if (out.state[f] == State::unknown) out.known.push_back(f);
    out.state[f] = s;
  };
  out.of_named_person.assign(findings.size(), false);
  for (const text::Mention& m : mentions) {
    const State s = from_status(m.status, findings[m.finding].past_counts);
    if (strength(s) > strength(out.state[m.finding])) set(m.finding, s);
    const kb::FindingKind kind = findings[m.finding].kind;
    if (m.status == text::Status::family && m.assertion.person && kind != kb::FindingKind::history &&
        kind != kb::FindingKind::medication && kind != kb::FindingKind::context && !m.assertion.negated &&
        !m.assertion.hypothetical) {
      out.of_named_person[m.finding] = true;
    }
  }
  for (const AnswerEntry& a : answers) {
    set(a.finding, a.answer == Answer::yes ? State::present : a.answer == Answer::no ? State::absent : State::asked);
  }
  // A yes says what the finding's canonical phrase says, with the findings that phrase
  // contains: "during exercise = yes" is exercise, so it is not asked about again. Text
  // and other answers about those findings stand.
  for (const AnswerEntry& a : answers) {
    if (a.answer != Answer::yes) continue;
    for (const std::uint32_t f : kb.ids(findings[a.finding].implies)) {
      if (out.state[f] == State::unknown) set(f, State::present);
    }
  }
  // A present finding that another present finding says already ("after long runs":
  // after exercise, so exercise) is one fact, not two: scoring counts it once, through
  // the finding that says it. Of two findings that say each other, the first counts.
  out.implied.assign(findings.size(), false);
  for (const std::uint32_t a : out.known) {
    if (out.state[a] != State::present) continue;
    for (const std::uint32_t f : kb.ids(findings[a].implies)) {
      if (out.state[f] != State::present) continue;
      const auto back = kb.ids(findings[f].implies);
      const bool mutual = std::find(back.begin(), back.end(), a) != back.end();
      if (!mutual || f > a) out.implied[f] = true;
    }
  }
  out.any_core = out.any_weak = false;
  for (const std::uint32_t f : out.known) {
    if (out.state[f] != State::present && out.state[f] != State::possible) continue;
    if (findings[f].scope == kb::Scope::core) out.any_core = true;
    if (findings[f].scope == kb::Scope::weak) out.any_weak = true;
  }
}

}  // namespace crampx::infer
