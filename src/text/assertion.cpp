#include "text/assertion.h"

#include <algorithm>

namespace crampx::text {
namespace {

using kb::TriggerCategory;

constexpr std::uint8_t bit(TriggerCategory c) { return static_cast<std::uint8_t>(1u << static_cast<unsigned>(c)); }
constexpr std::uint8_t kAllModifiers = bit(TriggerCategory::negated) | bit(TriggerCategory::possible) |
                                       bit(TriggerCategory::historical) | bit(TriggerCategory::hypothetical) |
                                       bit(TriggerCategory::family);

// A scope never runs past this many words, however long a list is, nor past this many
// tokens, however much punctuation: they bound the work per trigger.
constexpr std::uint32_t kMaxScopeWords = 48;
constexpr std::uint32_t kMaxScopeTokens = 4 * kMaxScopeWords;

bool is_modifier(TriggerCategory c) { return (bit(c) & kAllModifiers) != 0; }

// Whether token i is a word of class c (language.json word_classes); punctuation is of none.
bool has_class(const std::vector<TokenInfo>& info, std::uint32_t i, kb::WordClass c) {
  return (info[i].classes & c) != 0;
}

// Whether the question that token `first` opens asks about the person's own symptom,
// or for advice, rather than whether something is so: "why do my calves cramp?",
// "should I see a doctor about my cramps?", "does anyone else get night cramps?".
// Its first word, or first two, are a question opener.
bool asks_about_own_symptom(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
                            std::uint32_t first, std::uint32_t question_mark) {
  std::uint32_t words[2];
  int n = 0;
  for (std::uint32_t i = first; i < question_mark && n < 2; ++i) {
    if (tokens.tokens[i].kind == TokenKind::word) words[n++] = i;
  }
  if (n == 0) return false;
  if (has_class(info, words[0], kb::kQuestionOpener)) return true;
  return n == 2 && (kb.word_classes(tokens.norm(tokens.tokens[words[0]]), tokens.norm(tokens.tokens[words[1]])) &
                    kb::kQuestionOpener) != 0;
}

// Whether a new clause may start at token i: after a comma, colon or bracket, or after a
// clause joiner ("and"). (A dash with a space beside it already ends the sentence: see tokenize.)
bool after_break(const Tokens& tokens, const std::vector<TokenInfo>& info, std::uint32_t i) {
  if (i == 0) return false;
  const Token& prev = tokens.tokens[i - 1];
  if (prev.kind == TokenKind::punct) {
    return prev.punct == ',' || prev.punct == ':' || prev.punct == '(' || prev.punct == ')';
  }
  return has_class(info, i - 1, kb::kClauseJoiner);
}

// A colon that closes "... the following (are noted):" or "include(s):" (a list
// introducer) introduces a list, not a new label, so it does not end a scope; it starts
// the list's first item.
bool introduces_list(const Tokens& tokens, const std::vector<TokenInfo>& info, std::uint32_t colon) {
  constexpr std::uint32_t kLookBack = 4;  // words
  std::uint32_t words = 0;
  for (std::uint32_t i = colon; i > 0 && words < kLookBack; --i) {
    if (tokens.tokens[i - 1].kind != TokenKind::word) return false;
    if (has_class(info, i - 1, kb::kListIntroducer)) return true;
    ++words;
  }
  return false;
}

// A comma, a slash or a list separator ("or", "nor", "and").
bool separates_list_items(const Token& t, const TokenInfo& info) {
  if (t.kind == TokenKind::punct) return t.punct == ',' || t.punct == '/';
  return (info.classes & kb::kListSeparator) != 0;
}

// Whether the clause after the comma at `comma` opens (after a clause joiner, if any) with
// a summing word, which sums up what came before it ("..., and all tests came back
// negative", "cramps and twitching, both gone").
bool sums_up(const Tokens& tokens, const std::vector<TokenInfo>& info, std::uint32_t comma) {
  const auto& toks = tokens.tokens;
  std::uint32_t i = comma + 1;
  if (i < toks.size() && has_class(info, i, kb::kClauseJoiner)) ++i;
  return i < toks.size() && has_class(info, i, kb::kSummingWord);
}

// A word the findings use that is not a stopword or filler ("run", "weakness"; not "in",
// "about"): a noun phrase can end at it. Unknown words (and repaired ones) do not count,
// to stay on the safe side.
bool is_content_word(const TokenInfo& t) {
  return t.stem != kb::kNone && (t.flags & kb::kLexiconWord) != 0 && (t.flags & (kb::kStopword | kb::kFiller)) == 0;
}

// A trigger standing alone right after a label answers it: "Numbness: no", "Any weakness? No.",
// "Headache - denied", "bowel obstruction, resolved". Its scope is then the label before the
// separator (a trigger with words of its own after a comma keeps to them: "cramps, fever resolved").
bool answers_label(const Tokens& tokens, const PhraseMatch& m) {
  const auto& toks = tokens.tokens;
  if (m.first == 0) return false;
  const Token& sep = toks[m.first - 1];
  if (sep.kind != TokenKind::punct || (sep.punct != ':' && sep.punct != '-' && sep.punct != '?' && sep.punct != ',')) {
    return false;
  }
  // Followed by a question mark it is a tag, not an answer: "I have cramps, no?".
  const std::uint32_t after = m.last + 1;
  return after == toks.size() || (toks[after].sentence_end && toks[after].punct != '?') || toks[after].punct == ',';
}

}  // namespace

void AssertionScopes::build(const Tokens& tokens, const std::vector<TokenInfo>& info,
                            const std::vector<PhraseMatch>& triggers, const kb::KnowledgeBase& kb) {
  take_backs_.clear();
  const auto& toks = tokens.tokens;
  const auto n = static_cast<std::uint32_t>(toks.size());
  marks_.assign(n, Mark{});
  for (std::uint32_t i = 0; i < n; ++i) marks_[i].list_separator = separates_list_items(toks[i], info[i]);

  bool any_question_only = false;
  for (const PhraseMatch& m : triggers) {
    const kb::TriggerRec& t = kb.triggers()[kb.phrases()[m.phrase].target];
    Mark& mark = marks_[m.first];
    if (t.category == TriggerCategory::terminate) {
      if (t.direction == kb::Direction::backward) {  // takes back a scope: see add_scope
        take_backs_.push_back({m.first, m.last, t.ends == 0 ? kAllModifiers : t.ends});
        continue;
      }
      mark.ends |= t.ends == 0 ? kAllModifiers : t.ends;
    } else if (t.category == TriggerCategory::clause_start || t.category == TriggerCategory::pseudo) {
      mark.pseudo = mark.pseudo || t.category == TriggerCategory::pseudo;
      // "no numbness, my calves cramp"; "no fever, no relief from the cramps".
      if (after_break(tokens, info, m.first)) {
        mark.clause = true;
      } else if (t.category == TriggerCategory::clause_start) {
        // Without punctuation, a subject word right after a content word starts a run-on
        // clause ("no weakness my calves cramp"); other clause words may open an adverbial for it.
        const bool subject = m.first == m.last && has_class(info, m.first, kb::kSubjectWord);
        if (!subject) {
          mark.opener = true;
        } else if (m.first > 0 && is_content_word(info[m.first - 1])) {
          mark.run_on = true;
        }
      }
    } else if (is_modifier(t.category)) {
      // Another kind of trigger ends a scope where it opens a new clause or list item
      // ("no cramps, maybe twitching"), not where it qualifies the same words ("denies any history of").
      if (after_break(tokens, info, m.first)) mark.starts = static_cast<std::int8_t>(t.category);
      const bool question_only = (t.flags & kb::kQuestionOnly) != 0;
      any_question_only = any_question_only || question_only;
      mark.asks = mark.asks || (t.category == TriggerCategory::hypothetical && !question_only);
    }
  }

  if (any_question_only) mark_questions(tokens);
  const auto by_first = [](const TakeBack& a, const TakeBack& b) { return a.first < b.first; };
  if (!std::is_sorted(take_backs_.begin(), take_backs_.end(), by_first)) {  // mostly are: no buffer to allocate
    std::stable_sort(take_backs_.begin(), take_backs_.end(), by_first);
  }

  for (const PhraseMatch& m : triggers) {
    const kb::TriggerRec& t = kb.triggers()[kb.phrases()[m.phrase].target];
    if (!is_modifier(t.category)) continue;
    if ((t.flags & kb::kQuestionOnly) != 0 && !marks_[m.first].question) continue;
    const std::uint32_t person =
        t.category == TriggerCategory::family && (t.flags & kb::kNamesAPerson) != 0 ? m.first : kNoPerson;
    if (t.direction == kb::Direction::forward || t.direction == kb::Direction::both) {
      const std::uint32_t end = scan_forward(tokens, info, m, t);
      if (end > m.last + 1) add_scope(t.category, m.last + 1, end, person);
    }
    if (t.direction == kb::Direction::backward || t.direction == kb::Direction::both) {
      const std::uint32_t begin = scan_backward(tokens, info, m.first, t);
      if (begin < m.first) add_scope(t.category, begin, m.first);
    }
    if (answers_label(tokens, m)) {
      const std::uint32_t label_end = m.first - 1;  // the separator
      const std::uint32_t begin = scan_backward(tokens, info, label_end, t);
      if (begin < label_end) add_scope(t.category, begin, label_end);
    }
  }

  // A question mark makes the finding just before it uncertain ("ALS?", "is this a cramp?"),
  // unless the question asks about the person's own symptom or holds a pseudo trigger
  // ("is it normal to get cramps at night?").
  std::uint32_t sentence = 0;  // first token of the current sentence
  bool pseudo = false;
  for (std::uint32_t q = 0; q < n; ++q) {
    pseudo = pseudo || marks_[q].pseudo;
    if (toks[q].punct == '?' && q > sentence && !pseudo && !asks_about_own_symptom(tokens, info, kb, sentence, q)) {
      marks_[q - 1].in_scope |= bit(TriggerCategory::possible);
    }
    if (toks[q].sentence_end) {
      sentence = q + 1;
      pseudo = false;
    }
  }
}

// Lists carry a scope only while they are coordinated: an item after a bare comma joins
// the list once another separator follows it ("no fever, chills or weakness", "denies
// fever, chills, sweats"), else the scope ends at the comma: "no fever, calf cramps at
// night" is a denial and then a run-on statement, the way people write.
std::uint32_t AssertionScopes::scan_forward(const Tokens& tokens, const std::vector<TokenInfo>& info,
                                            const PhraseMatch& m, const kb::TriggerRec& t) const {
  const auto& toks = tokens.tokens;
  const auto n = static_cast<std::uint32_t>(toks.size());
  std::uint32_t item_words = 0;  // words since the trigger or the last list separator
  std::uint32_t words = 0;       // words since the trigger
  int depth = 0;  // brackets opened inside the scope
  // A trigger that labels a section ("Social history: he denies alcohol, smokes") covers the
  // clause that opens the section, though a trigger or clause word opens it, and its items.
  const bool label = m.last + 1 < n && toks[m.last + 1].punct == ':';
  std::uint32_t pending = n;     // a bare comma whose next item is not yet known to be a list item
  bool enumeration = label;      // two bare commas in a row of items: later ones carry
  std::uint32_t opener = n;      // the item's last clause word ("after"), where a run-on clause may begin
  std::uint32_t j = m.last + 1;
  for (; j < n && j - m.last <= kMaxScopeTokens; ++j) {
    const Token& tok = toks[j];
    const Mark& mark = marks_[j];
    if (tok.sentence_end || (mark.ends & bit(t.category)) != 0) break;
    // A new clause, or a trigger opening a new item or clause, which scopes what follows
    // itself ("no X, no Y, Z").
    if ((mark.clause || mark.starts >= 0) && !(label && j == m.last + 2)) break;
    // A run-on clause takes the adverbial just before it: "no weakness after a run my calves cramp".
    if (mark.run_on && item_words > 0) return std::min(pending, opener < j ? opener : j);
    if (tok.kind == TokenKind::punct) {
      // A colon starts a new label ("Diagnosis: chest pain") unless it opens the scope or a list.
      if (tok.punct == ':' && j != m.last + 1) {
        if (!introduces_list(tokens, info, j)) break;
        item_words = 0;
      }
      if (tok.punct == '(') ++depth;
      if (tok.punct == ')' && depth-- == 0) break;  // the trigger stood inside these brackets
      if (tok.punct == ',' && !enumeration) {
        enumeration = pending < n;
        pending = enumeration ? n : j;
      } else if (tok.punct == '/') {
        pending = n;
      }
      if (mark.list_separator) {
        item_words = 0;
        opener = n;
      }
      continue;
    }
    if (mark.list_separator) {  // "or", "nor", "and": the list is coordinated
      pending = n;
      item_words = 0;
      opener = n;
      continue;
    }
    if (mark.opener && item_words > 0) opener = j;
    if (++item_words > t.window || ++words > kMaxScopeWords) break;
  }
  return std::min(pending, j);
}

// A backward scope ("the swelling went away", "Cramps: none") covers only the trigger's
// own clause: it stops at a comma, a sentence end, a clause start and at a colon other
// than the one just before the trigger. A clause that sums up a list ("..., all negative")
// reaches back over the list.
std::uint32_t AssertionScopes::scan_backward(const Tokens& tokens, const std::vector<TokenInfo>& info,
                                             std::uint32_t from, const kb::TriggerRec& t) const {
  const auto& toks = tokens.tokens;
  const auto c = static_cast<std::int8_t>(t.category);
  std::uint32_t item_words = 0;
  std::uint32_t words = 0;
  int depth = 0;  // brackets closed inside the scope
  bool summary = false;  // the clause sums up the list before it: its commas separate items
  std::uint32_t j = from;
  while (j > 0 && from - j < kMaxScopeTokens) {
    const std::uint32_t k = j - 1;
    const Token& tok = toks[k];
    const Mark& mark = marks_[k];
    if (tok.sentence_end || (mark.ends & bit(t.category)) != 0) break;
    if (mark.starts >= 0 && mark.starts != c) break;
    if (tok.kind == TokenKind::punct) {
      if (tok.punct == ',' && !summary) {
        if (!sums_up(tokens, info, k)) break;
        summary = true;
      }
      if (tok.punct == ':' && k + 1 != from) break;
      if (tok.punct == ')') ++depth;
      if (tok.punct == '(' && depth-- == 0) break;
      if (mark.list_separator) item_words = 0;
    } else if (mark.list_separator) {
      item_words = 0;
    } else if (++item_words > t.window || ++words > kMaxScopeWords) {
      break;
    }
    j = k;
    if (mark.clause || mark.run_on) break;  // the clause the trigger is in starts here
  }
  return j;
}

void AssertionScopes::mark_questions(const Tokens& tokens) {
  const auto& toks = tokens.tokens;
  const auto n = static_cast<std::uint32_t>(toks.size());
  for (std::uint32_t begin = 0; begin < n;) {
    std::uint32_t end = begin;
    bool asks = false;
    for (; end < n && !toks[end].sentence_end; ++end) asks = asks || marks_[end].asks;
    asks = asks || (end < n && toks[end].punct == '?');
    for (std::uint32_t i = begin; i < end && i < n; ++i) marks_[i].question = asks;
    begin = end + 1;
  }
}

// A backward terminator takes back the scope it stands in, up to itself: "never had cramps
// like this" is about cramps the person has now. Of several, the last one in the scope (or
// just after it) counts. Only the terminators inside the scope are looked at, so the work
// is bounded by the scope's length, which the scan already paid for.
void AssertionScopes::add_scope(TriggerCategory category, std::uint32_t begin, std::uint32_t end,
                                std::uint32_t person) {
  auto it = std::upper_bound(take_backs_.begin(), take_backs_.end(), end,
                             [](std::uint32_t at, const TakeBack& t) { return at < t.first; });
  while (it != take_backs_.begin()) {
    --it;
    if (it->first < begin) break;
    if ((it->ends & bit(category)) != 0) {
      begin = std::min(it->last + 1, end);
      break;
    }
  }
  for (std::uint32_t k = begin; k < end; ++k) {
    marks_[k].in_scope |= bit(category);
    if (person != kNoPerson && marks_[k].person == 0) marks_[k].person = person + 1;
  }
}

Assertion AssertionScopes::assess(std::uint32_t first, std::uint32_t last) const {
  std::uint8_t in_scope = 0;
  bool person = false;
  for (std::uint32_t k = first; k <= last && k < marks_.size(); ++k) {
    in_scope |= marks_[k].in_scope;
    person = person || marks_[k].person != 0;
  }
  Assertion a;
  a.negated = (in_scope & bit(TriggerCategory::negated)) != 0;
  a.possible = (in_scope & bit(TriggerCategory::possible)) != 0;
  a.historical = (in_scope & bit(TriggerCategory::historical)) != 0;
  a.hypothetical = (in_scope & bit(TriggerCategory::hypothetical)) != 0;
  a.family = (in_scope & bit(TriggerCategory::family)) != 0;
  a.person = a.family && person;
  return a;
}

std::uint32_t AssertionScopes::person_word(std::uint32_t first, std::uint32_t last) const {
  for (std::uint32_t k = first; k <= last && k < marks_.size(); ++k) {
    if (marks_[k].person != 0) return marks_[k].person - 1;
  }
  return kNoPerson;
}

}  // namespace crampx::text
