#include "text/assertion.h"

#include <string_view>

namespace crampx::text {
namespace {

using kb::TriggerCategory;

constexpr std::uint8_t bit(TriggerCategory c) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(c)); }
constexpr std::uint8_t kAllModifiers = bit(TriggerCategory::negated) | bit(TriggerCategory::possible) |
                                       bit(TriggerCategory::historical) | bit(TriggerCategory::hypothetical) |
                                       bit(TriggerCategory::family);

bool is_modifier(TriggerCategory c) { return (bit(c) & kAllModifiers) != 0; }

// A question mark makes the finding just before it uncertain ("ALS?"), except in
// questions that ask about a symptom the person has ("why do my calves cramp?").
bool asks_about_own_symptom(const Tokens& tokens, std::uint32_t question_mark) {
  std::uint32_t i = question_mark;
  while (i > 0 && !tokens.tokens[i - 1].sentence_end) --i;
  for (; i < question_mark; ++i) {
    if (tokens.tokens[i].kind != TokenKind::word) continue;
    const std::string_view w = tokens.norm(tokens.tokens[i]);
    return w == "why" || w == "what" || w == "how" || w == "when" || w == "where" || w == "which" ||
           w == "whats" || w == "hows";
  }
  return false;
}

}  // namespace

void AssertionScopes::build(const Tokens& tokens, const std::vector<PhraseMatch>& triggers,
                            const kb::KnowledgeBase& kb) {
  scopes_.clear();
  const auto& toks = tokens.tokens;
  const auto n = static_cast<std::uint32_t>(toks.size());
  stops_.assign(n, 0);

  // Where scopes stop: terminators, new clauses, and later triggers of another category.
  std::vector<std::int8_t> starts_category(n, -1);
  for (const PhraseMatch& m : triggers) {
    const kb::TriggerRec& t = kb.triggers()[kb.phrases()[m.phrase].target];
    if (t.category == TriggerCategory::terminate) {
      stops_[m.first] |= t.ends == 0 ? kAllModifiers : t.ends;
    } else if (t.category == TriggerCategory::clause_start) {
      const bool after_break = m.first > 0 && (toks[m.first - 1].punct == ',' || toks[m.first - 1].punct == ':' ||
                                               tokens.norm(toks[m.first - 1]) == "and");
      if (after_break) stops_[m.first] |= kAllModifiers;
    } else if (is_modifier(t.category)) {
      starts_category[m.first] = static_cast<std::int8_t>(t.category);
    }
  }

  auto ends_scope = [&](std::uint32_t j, TriggerCategory c, std::uint32_t trigger_last, std::uint32_t trigger_first) {
    if (toks[j].sentence_end || (stops_[j] & bit(c)) != 0) return true;
    // Another kind of trigger, not directly next to this one ("no history of" is one assertion).
    return starts_category[j] >= 0 && starts_category[j] != static_cast<std::int8_t>(c) &&
           j != trigger_last + 1 && j + 1 != trigger_first;
  };

  for (const PhraseMatch& m : triggers) {
    const kb::TriggerRec& t = kb.triggers()[kb.phrases()[m.phrase].target];
    if (!is_modifier(t.category)) continue;
    if (t.direction == kb::Direction::forward || t.direction == kb::Direction::both) {
      std::uint32_t words = 0;
      std::uint32_t j = m.last + 1;
      for (; j < n; ++j) {
        if (ends_scope(j, t.category, m.last, m.first)) break;
        if (toks[j].kind == TokenKind::word && ++words > t.window) break;
      }
      if (j > m.last + 1) scopes_.push_back({t.category, m.last + 1, j});
    }
    if (t.direction == kb::Direction::backward || t.direction == kb::Direction::both) {
      std::uint32_t words = 0;
      std::uint32_t j = m.first;
      while (j > 0) {
        const std::uint32_t k = j - 1;
        if (toks[k].sentence_end || ends_scope(k, t.category, m.last, m.first)) break;
        if (toks[k].kind == TokenKind::word && ++words > t.window) break;
        j = k;
      }
      if (j < m.first) scopes_.push_back({t.category, j, m.first});
    }
  }

  for (std::uint32_t q = 0; q < n; ++q) {
    if (toks[q].punct != '?' || q == 0 || asks_about_own_symptom(tokens, q)) continue;
    scopes_.push_back({TriggerCategory::possible, q - 1, q});
  }
}

Assertion AssertionScopes::assess(std::uint32_t first, std::uint32_t last) const {
  Assertion a;
  for (const Scope& s : scopes_) {
    if (last < s.begin || first >= s.end) continue;
    switch (s.category) {
      case TriggerCategory::negated: a.negated = true; break;
      case TriggerCategory::possible: a.possible = true; break;
      case TriggerCategory::historical: a.historical = true; break;
      case TriggerCategory::hypothetical: a.hypothetical = true; break;
      case TriggerCategory::family: a.family = true; break;
      default: break;
    }
  }
  return a;
}

}  // namespace crampx::text
