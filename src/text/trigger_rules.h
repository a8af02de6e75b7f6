// Which trigger phrases (language.json triggers) a text holds: the longest at each word,
// left to right, never overlapping, except that triggers of several kinds with the same
// stems match together (those spelled as written win: "ruled out" over "rule out").
// Trigger words are matched without typo repair, and an "-ly" adverb does not meet its
// adjective's trigger ("likely"/"like"). Written over any matcher with PhraseMatcher's
// interface, as finding_rules.h is.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "kb/knowledge_base.h"
#include "text/phrase_matcher.h"
#include "text/tokenize.h"
#include "text/word_cache.h"

namespace crampx::text {

// The trigger matches of a text, ordered by first token (PhraseMatcher over the image's index).
void match_triggers(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
                    MatchScratch& scratch, std::vector<PhraseMatch>& out);

// The same over any matcher.
template <class Matcher>
void apply_trigger_rules(const Tokens& tokens, const kb::KnowledgeBase& kb, Matcher& matcher,
                         std::vector<PhraseMatch>& out) {
  out.clear();
  const auto phrases = kb.phrases();
  const auto any = [](const kb::PhraseRec&) { return true; };
  for (std::uint32_t i = 0; i < tokens.tokens.size();) {
    PhraseMatch m{};
    if (!matcher.longest_at(i, static_cast<std::uint32_t>(tokens.tokens.size()), any, m)) {
      ++i;
      continue;
    }
    // The same stems may be triggers of several kinds. Where some of them are the words as
    // written, only those act ("rule out": possible; "ruled out": denied); otherwise all do
    // ("i": a new clause, and the end of a relative's scope).
    const std::size_t first = out.size();
    out.push_back(m);
    matcher.for_each_same_stems([&](std::uint32_t q) {
      const std::string_view words = kb.str(phrases[q].words);
      if (phrases[q].target_kind != kb::PhraseTarget::trigger || !same_part_of_speech(tokens, matcher.used(), words)) {
        return;
      }
      out.push_back({q, m.first, m.last, false, same_surface(tokens, matcher.used(), words)});
    });
    const auto added = out.begin() + static_cast<std::ptrdiff_t>(first);
    if (std::any_of(added, out.end(), [](const PhraseMatch& x) { return x.surface_equal; })) {
      out.erase(std::remove_if(added, out.end(), [](const PhraseMatch& x) { return !x.surface_equal; }), out.end());
    }
    i = m.last + 1;
  }
}

}  // namespace crampx::text
