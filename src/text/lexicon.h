// Lexicon matching: each word token is mapped to its vocabulary stem (or, for an
// unknown word, to the stem of its typo repair), then the longest knowledge-base
// phrase starting at each token is matched over stems, letting filler words
// ("my", "left", "really") sit inside a phrase.
#pragma once

#include <cstdint>
#include <vector>

#include "kb/knowledge_base.h"
#include "text/tokenize.h"

namespace crampx::text {

struct TokenInfo {
  std::uint32_t stem = kb::kNone;       // vocabulary index of the token's own stem
  std::uint32_t repaired = kb::kNone;   // vocabulary index reached by typo repair
  std::uint32_t typo_word = kb::kNone;  // the word it was repaired to (KnowledgeBase::typo_words)
  std::uint8_t flags = 0;               // kb::VocabFlag of the token's own stem
};

// Looks up every token's stem; repairs unknown words when `repair_typos`.
void lookup_tokens(const Tokens& tokens, const kb::KnowledgeBase& kb, bool repair_typos,
                   std::vector<TokenInfo>& out);

struct PhraseMatch {
  std::uint32_t phrase;  // index into KnowledgeBase::phrases()
  std::uint32_t first;   // token range [first, last]
  std::uint32_t last;
  bool repaired;         // some token matched through typo repair
  bool surface_equal;    // the words are the phrase's words as written (not only the same stems)
};

// Longest matches, left to right, of phrases whose target kind is `finding`/`guard`
// (when `triggers` is false) or `trigger` (when true), ordered by first token.
//
// Findings and guards: a guard wins over any shorter finding match inside it, except
// right after a body site, where it leaves the muscle word it starts with to the site
// ("my legs cramp during my period"). A finding's lookalike (a guard compiled from a
// finding's `lookalikes`) that starts inside a finding match and runs past it cuts that
// match short ("cramps in the back of my thigh"), and so does a body site that starts
// inside a guard ("cramps in my stomach muscles"). Matches may overlap in two ways: a
// finding phrase also yields the findings it contains that say what the problem is, where,
// or what brought it on ("night cramps": a cramp at night), and a finding followed by a
// preposition and a body site also yields the phrase that names the site first
// ("twitching in my eyelid": eyelid twitching).
//
// Triggers never overlap, except that triggers of several kinds with the same stems
// match together (those spelled as written win: "ruled out" over "rule out"). Trigger
// words are matched without typo repair, and an "-ly" adverb does not meet its
// adjective's trigger ("likely"/"like").
void match_phrases(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
                   bool triggers, std::vector<PhraseMatch>& out);

}  // namespace crampx::text
