// Typo repair for words the vocabulary does not know, by symmetric deletion
// (Garbe's SymSpell idea): every lexicon word is indexed under its deletions, and
// an unknown word's deletions are looked up, then checked with a bounded
// Damerau (optimal string alignment) distance. Known words are never corrected:
// a word that stems to a lexicon stem, or is in the English dictionary, is left alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/knowledge_base.h"
#include "text/stemmer.h"

namespace crampx::text {

// Edits allowed when repairing a word of `length` letters: 0 up to 3, 1 for 4-7, 2 for 8 or more.
int max_typo_distance(std::size_t length);

// Deletions indexed for a lexicon word of `length` letters, enough for every typo
// within max_typo_distance of it to share a deletion with it.
int index_delete_depth(std::size_t length);

// Calls f(hash) for the hash of `word` and of every string obtained by deleting up
// to `depth` letters (may repeat a hash).
template <class F>
void for_each_deletion(std::string& word, int depth, F&& f);

// Optimal string alignment distance, or limit + 1 when it exceeds `limit`.
int osa_distance(std::string_view a, std::string_view b, int limit);

struct Correction {
  std::uint32_t typo_word;  // index into KnowledgeBase::typo_words()
  int distance;
};

// What typo repair reuses from word to word, so that repairing allocates nothing in
// steady state: buffers, and how many finding phrases use each stem of the knowledge
// base it last served (that knowledge base's own measure of how central a word is).
struct TypoScratch {
  std::string word;                  // the word with letters deleted
  std::vector<std::uint32_t> seen;   // typo words already weighed for this word
  std::uint64_t uses_of = 0;         // KnowledgeBase::serial() that `uses` counts for (never 0)
  std::vector<std::uint32_t> uses;   // per vocabulary stem: the finding phrases that use it
};

// The closest lexicon word to an unknown `word`, if one is near enough. Of equally near
// words, one with the same first letter wins, then the one more finding phrases use
// ("crmp" is "cramp", not "crop"), then the nearer length, then the first alphabetically.
std::optional<Correction> correct(std::string_view word, const kb::KnowledgeBase& kb, Stemmer& stemmer,
                                  TypoScratch& scratch);

// The same for a word whose stem the caller already found missing from the vocabulary.
std::optional<Correction> correct_unknown(std::string_view word, const kb::KnowledgeBase& kb, TypoScratch& scratch);

}  // namespace crampx::text

#include "base/hash.h"

namespace crampx::text {

template <class F>
void for_each_deletion(std::string& word, int depth, F&& f) {
  f(stable_hash(word));
  if (depth == 0 || word.size() <= 1) return;
  for (std::size_t i = 0; i < word.size(); ++i) {
    // Deleting one of a run of equal letters gives the same string: only delete the first.
    if (i > 0 && word[i] == word[i - 1]) continue;
    const char removed = word[i];
    word.erase(i, 1);
    for_each_deletion(word, depth - 1, f);
    word.insert(word.begin() + static_cast<std::ptrdiff_t>(i), removed);
  }
}

}  // namespace crampx::text
