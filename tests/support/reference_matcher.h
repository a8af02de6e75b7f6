// A slow reference for the phrase matcher, as re2 checks its engines against
// testing/backtrack.cc. Each token is resolved afresh (its Snowball stem looked for in the
// vocabulary word by word, an unknown word repaired by weighing every typo word), and the
// longest phrase at a token is found by a linear scan over every phrase of the knowledge
// base: no word cache, no first- or second-stem index, no deletion index.
//
// The seam is PhraseMatcher's interface (longest_at, for_each_same_stems, used): the
// finding and trigger rules (text/finding_rules.h, text/trigger_rules.h) run unchanged over
// the reference, so the rules' many questions (the longest phrase here, the longest
// lookalike there, the longest phrase before a cut) are each answered both ways, and any
// difference in the matches is the index's or the cache's, not a second copy of the rules
// drifting from the first.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kb/knowledge_base.h"
#include "text/analyze.h"
#include "text/phrase_matcher.h"
#include "text/tokenize.h"
#include "text/word_cache.h"

namespace crampx::test {

// Every token's stem, repair and classes, resolved without cache or index.
std::vector<text::TokenInfo> reference_lookup(const text::Tokens& tokens, const kb::KnowledgeBase& kb,
                                              bool repair_typos);

class ReferenceMatcher {
 public:
  ReferenceMatcher(const text::Tokens& tokens, const std::vector<text::TokenInfo>& info, const kb::KnowledgeBase& kb,
                   bool triggers)
      : tokens_(tokens), info_(info), kb_(kb), triggers_(triggers) {}

  // Every phrase of the matcher's kind in knowledge-base order; a longer match replaces a
  // shorter one, so of as many stems the first wins.
  template <class Accept>
  bool longest_at(std::uint32_t i, std::uint32_t end, Accept&& accept, text::PhraseMatch& out) {
    const auto phrases = kb_.phrases();
    bool found = false;
    std::size_t longest = 0;
    for (std::uint32_t p = 0; p < phrases.size(); ++p) {
      if (!of_my_kind(phrases[p]) || !starts_at(p, i, end)) continue;
      const std::size_t length = kb_.ids(phrases[p].stems).size();
      if ((found && length <= longest) || !accept(phrases[p])) continue;
      text::PhraseMatch m{};
      if (!match(p, i, end, m)) continue;
      out = m;
      used_ = tried_;
      longest = length;
      last_ = p;
      found = true;
    }
    return found;
  }

  // The phrases after the last match's in the knowledge base with the same stems.
  template <class F>
  void for_each_same_stems(F&& f) const {
    const auto phrases = kb_.phrases();
    const auto stems = kb_.ids(phrases[last_].stems);
    for (std::uint32_t q = last_ + 1; q < phrases.size(); ++q) {
      const auto other = kb_.ids(phrases[q].stems);
      if (of_my_kind(phrases[q]) && std::equal(other.begin(), other.end(), stems.begin(), stems.end())) f(q);
    }
  }

  const std::vector<std::uint32_t>& used() const { return used_; }

 private:
  bool of_my_kind(const kb::PhraseRec& p) const { return (p.target_kind == kb::PhraseTarget::trigger) == triggers_; }
  // Whether token `i` (before `end`) is a word with phrase `p`'s first stem, itself or by typo repair.
  bool starts_at(std::uint32_t p, std::uint32_t i, std::uint32_t end) const;
  // Whether phrase `p` matches at token `i`, ending before `end` (its words in order, with
  // hyphens, slashes and up to kMaxFillers fillers between them); `tried_` gets its tokens.
  bool match(std::uint32_t p, std::uint32_t i, std::uint32_t end, text::PhraseMatch& out);

  const text::Tokens& tokens_;
  const std::vector<text::TokenInfo>& info_;
  const kb::KnowledgeBase& kb_;
  bool triggers_;
  std::vector<std::uint32_t> tried_;
  std::vector<std::uint32_t> used_;
  std::uint32_t last_ = 0;
};

// What the text stage's lexicon reads in a text: the tokens' stems, the finding and guard
// matches, and the trigger matches.
struct LexiconReading {
  std::vector<text::TokenInfo> info;
  std::vector<text::PhraseMatch> findings;
  std::vector<text::PhraseMatch> triggers;
};

// `text` read by the reference matcher.
LexiconReading read_with_reference(std::string_view text, const kb::KnowledgeBase& kb, bool repair_typos = true);

// `text` read by the product (text::read_text) with `scratch`, which may have read other texts before.
LexiconReading read_with_product(std::string_view text, const kb::KnowledgeBase& kb, text::Scratch& scratch,
                                 bool repair_typos = true);

// The first difference between two readings of `text`, described for a person; empty when they agree.
std::string first_difference(std::string_view text, const LexiconReading& reference, const LexiconReading& product,
                             const kb::KnowledgeBase& kb);

}  // namespace crampx::test
