#include "text/analyze.h"

#include <algorithm>

namespace crampx::text {

std::string_view to_string(Status s) {
  switch (s) {
    case Status::present: return "present";
    case Status::absent: return "absent";
    case Status::possible: return "possible";
    case Status::historical: return "historical";
    case Status::hypothetical: return "hypothetical";
    case Status::family: return "family";
  }
  return "present";
}

std::string_view to_string(MatchKind m) {
  switch (m) {
    case MatchKind::exact: return "exact";
    case MatchKind::synonym: return "synonym";
    case MatchKind::stem: return "stem";
    case MatchKind::fuzzy: return "fuzzy";
  }
  return "exact";
}

Status status_of(const Assertion& a) {
  if (a.family) return Status::family;
  if (a.hypothetical) return Status::hypothetical;
  if (a.negated) return Status::absent;
  if (a.historical) return Status::historical;
  if (a.possible) return Status::possible;
  return Status::present;
}

void analyze(std::string_view input, const kb::KnowledgeBase& kb, const AnalyzeOptions& options, Scratch& s,
             Analysis& out) {
  out.clear();
  tokenize(input, s.tokens);
  lookup_tokens(s.tokens, kb, options.repair_typos, s.info);
  match_phrases(s.tokens, s.info, kb, /*triggers=*/false, s.findings);
  match_phrases(s.tokens, s.info, kb, /*triggers=*/true, s.triggers);

  // A trigger word inside a finding phrase ("can't let go") is part of the finding.
  std::vector<bool> covered(s.tokens.tokens.size(), false);
  for (const PhraseMatch& m : s.findings) std::fill(covered.begin() + m.first, covered.begin() + m.last + 1, true);
  std::erase_if(s.triggers, [&](const PhraseMatch& m) { return covered[m.first] || covered[m.last]; });
  s.scopes.build(s.tokens, s.triggers, kb);

  const auto phrases = kb.phrases();
  for (const PhraseMatch& m : s.findings) {
    const kb::PhraseRec& phrase = phrases[m.phrase];
    if (phrase.target_kind != kb::PhraseTarget::finding) continue;  // a guard: matched, means nothing
    Mention mention{};
    mention.finding = phrase.target;
    mention.phrase = m.phrase;
    mention.begin = s.tokens.tokens[m.first].begin;
    mention.end = s.tokens.tokens[m.last].end;
    mention.first_token = m.first;
    mention.last_token = m.last;
    mention.repaired_to = kb::kNone;
    if (m.repaired) {
      for (std::uint32_t k = m.first; k <= m.last; ++k) {
        if (s.info[k].stem == kb::kNone && s.info[k].typo_word != kb::kNone) {
          mention.repaired_to = s.info[k].typo_word;
          break;
        }
      }
    }
    mention.assertion = s.scopes.assess(m.first, m.last);
    mention.status = status_of(mention.assertion);
    mention.match = m.repaired        ? MatchKind::fuzzy
                    : !m.surface_equal ? MatchKind::stem
                    : phrase.canonical ? MatchKind::exact
                                       : MatchKind::synonym;
    out.mentions.push_back(mention);
  }

  for (const PhraseMatch& m : s.triggers) std::fill(covered.begin() + m.first, covered.begin() + m.last + 1, true);
  for (std::size_t i = 0; i < s.tokens.tokens.size(); ++i) {
    const Token& t = s.tokens.tokens[i];
    if (t.kind != TokenKind::word || covered[i]) continue;
    if ((s.info[i].flags & (kb::kStopword | kb::kFiller)) != 0) continue;
    const std::string_view w = s.tokens.norm(t);
    if (w.size() < 3 || std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) {
      continue;
    }
    out.unrecognized.push_back({t.begin, t.end});
  }
}

}  // namespace crampx::text
