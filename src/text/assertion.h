// Assertion, in the manner of ConText (Harkema et al. 2009): trigger phrases from
// the knowledge base open a scope forward or backward; a finding inside a scope
// takes the trigger's category. A forward scope ends at
//   - a sentence end, or a colon that starts a new label ("Diagnosis: ...");
//   - a terminator ("but", "although", "just"; some end only some categories); a backward
//     terminator takes back the scope before it ("never had cramps like this");
//   - a new clause: a clause_start or pseudo trigger after a comma, dash or "and"
//     ("no numbness, my calves cramp"); without punctuation, a subject ("my", "I") right
//     after a content word, together with the adverbial just before it ("no weakness
//     after a run my calves cramp");
//   - a comma, unless the list is coordinated: the item after it is followed by another
//     separator ("no fever, chills or weakness", "denies fever, chills, sweats") - so
//     "no fever, calf cramps at night" denies only the fever;
//   - the closing bracket of the brackets the trigger stands in;
//   - a trigger that opens a new clause or list item ("no cramps, maybe twitching", "no X,
//     no Y, Z"); within a clause both apply ("denies any history of");
//   - the trigger's window of words, counted per list item, or a fixed cap in all.
// A backward scope ("the swelling went away") keeps to its clause: it stops at a comma, a
// sentence end, a clause start, and a colon other than the one just before it ("X: none").
// A trigger standing alone after a label answers it: "numbness: no", "Any weakness? No.".
// A question mark makes the finding just before it uncertain, except in questions
// that ask about the person's own symptom ("why do my calves cramp?"). Triggers
// flagged question_only ("if I") assert only in a sentence that asks.
#pragma once

#include <cstdint>
#include <vector>

#include "kb/knowledge_base.h"
#include "text/phrase_matcher.h"
#include "text/tokenize.h"
#include "text/word_cache.h"

namespace crampx::text {

struct Assertion {
  bool negated = false;
  bool possible = false;
  bool historical = false;
  bool hypothetical = false;
  bool family = false;
  bool person = false;  // family, from a trigger that names the person it is about ("my son gets")
};

// The scopes of one text's triggers; build once, then assess each finding.
// Work is linear in the tokens times the (bounded) window; buffers are reused.
// Scopes are kept as a category mask per token, not as a list: assessing a finding
// then looks at its own tokens only, so a text with a million findings and a million
// triggers ("no cramps no cramps ...") costs linear time, not their product.
class AssertionScopes {
 public:
  // `triggers` are the trigger-phrase matches of the text (match_triggers).
  // `info` are the tokens' stems (lookup_tokens).
  void build(const Tokens& tokens, const std::vector<TokenInfo>& info, const std::vector<PhraseMatch>& triggers,
             const kb::KnowledgeBase& kb);

  // The assertion for a finding spanning tokens [first, last].
  Assertion assess(std::uint32_t first, std::uint32_t last) const;
  // The first token of the trigger that names the person a finding spanning tokens
  // [first, last] is said of ("son" of "my son gets cramps"), or kNoPerson.
  static constexpr std::uint32_t kNoPerson = 0xFFFFFFFFu;
  std::uint32_t person_word(std::uint32_t first, std::uint32_t last) const;

 private:
  // What the scope scan needs to know about each token.
  struct Mark {
    std::uint8_t ends = 0;       // categories a terminator starting here ends (bit per category)
    std::int8_t starts = -1;     // category of a modifier trigger that opens a clause or list item here
    bool clause = false;         // a new clause starts here, after punctuation or "and"
    bool run_on = false;         // a subject after a content word starts a clause without punctuation
    bool opener = false;         // a clause word inside a clause ("after", "when"): may open an adverbial
    bool list_separator = false; // ',', '/', a list separator ("or", "and"): a new list item follows
    bool asks = false;           // a trigger that makes its sentence a question starts here
    bool pseudo = false;         // a pseudo trigger starts here
    bool question = false;       // in a sentence that asks (set only when a trigger needs it)
    std::uint8_t in_scope = 0;   // categories of the scopes that cover this token (bit per category)
    std::uint32_t person = 0;    // in the family scope of a trigger that names a person ("my son gets"):
                                 // that trigger's first token + 1 (the first such scope's)
  };
  // A backward terminator ("like this"): tokens [first, last], the categories it ends.
  struct TakeBack {
    std::uint32_t first;
    std::uint32_t last;
    std::uint8_t ends;
  };
  std::uint32_t scan_forward(const Tokens& tokens, const std::vector<TokenInfo>& info, const PhraseMatch& m,
                             const kb::TriggerRec& t) const;
  // The first token of a backward scope that ends just before token `from`.
  std::uint32_t scan_backward(const Tokens& tokens, const std::vector<TokenInfo>& info, std::uint32_t from,
                              const kb::TriggerRec& t) const;
  // Sets Mark::question for the sentences that end in '?' or hold an asking trigger.
  void mark_questions(const Tokens& tokens);
  // Marks tokens [begin, end) as in a scope of `category`, after a backward terminator took it back.
  // `person`: the first token of a trigger that names the person the scope is about
  // (kb::kNamesAPerson), else kNoPerson.
  void add_scope(kb::TriggerCategory category, std::uint32_t begin, std::uint32_t end,
                 std::uint32_t person = kNoPerson);

  std::vector<Mark> marks_;
  std::vector<TakeBack> take_backs_;  // in text order
};

}  // namespace crampx::text
