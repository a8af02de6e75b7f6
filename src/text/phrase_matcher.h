// The phrase matcher: the longest knowledge-base phrase starting at a token, matched over
// stems, letting filler words ("my", "left", "really") sit inside a phrase. The image files
// each phrase under its first stem (longest first) and a long start list again under the
// second stem: most words start no phrase, and the next word rules out most candidates.
// The rules that decide which matches count are in finding_rules.h and trigger_rules.h.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "kb/knowledge_base.h"
#include "text/tokenize.h"
#include "text/word_cache.h"

namespace crampx::text {

struct PhraseMatch {
  std::uint32_t phrase;  // index into KnowledgeBase::phrases()
  std::uint32_t first;   // token range [first, last]
  std::uint32_t last;
  bool repaired;         // some token matched through typo repair
  bool surface_equal;    // the words are the phrase's words as written (not only the same stems)
  // A finding read from two phrases apart (a frame or a compound, finding_rules.h): the frame
  // (KnowledgeBase::frames()) or kNone, and the tokens [gap_begin, gap_end) between its two
  // parts, which are not its own words (a trigger there still speaks: "my jaw never locks").
  std::uint32_t frame = kb::kNone;
  std::uint32_t gap_begin = 0;
  std::uint32_t gap_end = 0;
};

// Buffers the matcher and the rules reuse from text to text.
struct MatchScratch {
  std::vector<std::uint32_t> used;        // the tokens of the phrase last tried
  std::vector<std::uint32_t> candidates;  // start-list positions worth trying at a token
  std::vector<std::uint32_t> top;         // finding matches not inside another (indexes into the matches)
};

// At most this many filler words may sit inside one phrase.
inline constexpr int kMaxFillers = 2;

// Whether the matched tokens `used` spell the phrase's own `words` (ignoring fillers between them).
bool same_surface(const Tokens& tokens, const std::vector<std::uint32_t>& used, std::string_view words);

// Snowball gives an adverb its adjective's stem ("likely" -> "like", "possibly" ->
// "possibl"), which for trigger words changes the meaning: a trigger word and the
// text's word with the same stem must not be an "-ly" adverb and the shorter word
// it comes from ("families" still meets "family").
bool same_part_of_speech(const Tokens& tokens, const std::vector<std::uint32_t>& used, std::string_view words);

class PhraseMatcher {
 public:
  // Matches finding and guard phrases, or (when `triggers`) trigger phrases, in `tokens`.
  PhraseMatcher(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb, bool triggers,
                MatchScratch& scratch)
      : tokens_(tokens), info_(info), kb_(kb), triggers_(triggers), phrases_(kb.phrases()), vocab_(kb.vocab()),
        used_(scratch.used), candidates_(scratch.candidates) {}

  // The longest phrase (most stems; of as many, the first in the knowledge base) starting at
  // token `i` and ending before token `end` that `accept(phrase)` allows. Trigger phrases
  // match without typo repair and only words of the same part of speech (same_part_of_speech).
  template <class Accept>
  bool longest_at(std::uint32_t i, std::uint32_t end, Accept&& accept, PhraseMatch& out) {
    const std::uint32_t head = head_at(i, end);
    if (head == kb::kNone) return false;
    const auto starts = kb_.ids(triggers_ ? vocab_[head].trigger_starts : vocab_[head].starts);
    if (starts.empty()) return false;  // most words start no phrase
    find_candidates(i, end, head, starts);
    for (const std::uint32_t n : candidates_) {
      const std::uint32_t p = starts[n];
      if (!accept(phrases_[p])) continue;
      if (match_at(p, i, end, out)) {
        last_starts_ = starts;
        last_position_ = n;
        return true;
      }
    }
    return false;
  }

  // Calls f(q) for each phrase q with the same stems as the last match's, after it in the
  // knowledge base (the same stems may be triggers of several kinds).
  template <class F>
  void for_each_same_stems(F&& f) const {
    const auto stems = kb_.ids(phrases_[last_starts_[last_position_]].stems);
    for (const std::uint32_t q : last_starts_.subspan(last_position_ + 1)) {
      const auto other = kb_.ids(phrases_[q].stems);
      if (other.size() != stems.size()) break;  // the start list is sorted longest first
      if (std::equal(other.begin(), other.end(), stems.begin())) f(q);
    }
  }

  // The tokens of the words (not the fillers between them) of the match longest_at last
  // found, until longest_at is called again.
  const std::vector<std::uint32_t>& used() const { return used_; }

 private:
  // The stem a phrase starting at token `i` (before `end`) must start with, or kNone.
  std::uint32_t head_at(std::uint32_t i, std::uint32_t end) const {
    if (i >= end || tokens_.tokens[i].kind != TokenKind::word) return kb::kNone;
    const TokenInfo& first = info_[i];
    return first.stem != kb::kNone ? first.stem : (triggers_ ? kb::kNone : first.repaired);
  }

  // Fills `candidates_` with the positions in `starts`, the start list of stem `head` at
  // token `i`, worth trying, in order.
  void find_candidates(std::uint32_t i, std::uint32_t end, std::uint32_t head, std::span<const std::uint32_t> starts);

  static bool stem_matches(const TokenInfo& t, std::uint32_t want, bool allow_repair, bool& repaired) {
    if (t.stem == want) return true;
    if (allow_repair && t.stem == kb::kNone && t.repaired == want) {
      repaired = true;
      return true;
    }
    return false;
  }

  // Whether phrase `p` matches at token `i`, ending before `end`; then `out` and `used_` hold the match.
  bool match_at(std::uint32_t p, std::uint32_t i, std::uint32_t end, PhraseMatch& out) {
    const auto& toks = tokens_.tokens;
    const kb::PhraseRec& phrase = phrases_[p];
    const auto stems = kb_.ids(phrase.stems);
    bool repaired = info_[i].stem == kb::kNone;
    used_.assign(1, i);
    std::uint32_t j = i + 1;
    int fillers = 0;
    std::size_t k = 1;
    while (k < stems.size() && j < end) {
      const Token& t = toks[j];
      if (t.kind == TokenKind::punct) {
        if (t.sentence_end || (t.punct != '-' && t.punct != '/')) break;  // hyphens and slashes join words
      } else if (stem_matches(info_[j], stems[k], !triggers_, repaired)) {
        used_.push_back(j);
        ++k;
      } else if ((info_[j].flags & kb::kFiller) != 0 && fillers < kMaxFillers) {
        ++fillers;
      } else {
        break;
      }
      ++j;
    }
    if (k < stems.size()) return false;
    if (triggers_ && !same_part_of_speech(tokens_, used_, kb_.str(phrase.words))) return false;
    out = {p, i, used_.back(), repaired, !repaired && same_surface(tokens_, used_, kb_.str(phrase.words))};
    return true;
  }

  const Tokens& tokens_;
  const std::vector<TokenInfo>& info_;
  const kb::KnowledgeBase& kb_;
  bool triggers_;
  std::span<const kb::PhraseRec> phrases_;
  std::span<const kb::VocabRec> vocab_;
  std::vector<std::uint32_t>& used_;
  std::vector<std::uint32_t>& candidates_;
  std::span<const std::uint32_t> last_starts_;  // the start list of the last match, and its position there
  std::size_t last_position_ = 0;
};

}  // namespace crampx::text
