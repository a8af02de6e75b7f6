#include "text/typo.h"

#include <gtest/gtest.h>

#include "support/test_kb.h"

namespace crampx::text {
namespace {

std::string repair(std::string_view word) {
  const auto& kb = test::mini_kb();
  const auto fix = correct(word, kb);
  return fix ? std::string(kb.str(kb.typo_words()[fix->typo_word].word)) : std::string();
}

TEST(Typo, AllowedDistanceGrowsWithLength) {
  EXPECT_EQ(max_typo_distance(3), 0);
  EXPECT_EQ(max_typo_distance(4), 1);
  EXPECT_EQ(max_typo_distance(7), 1);
  EXPECT_EQ(max_typo_distance(8), 2);
  EXPECT_EQ(max_typo_distance(15), 2);
}

TEST(Typo, OsaDistanceCountsTranspositionsOnce) {
  EXPECT_EQ(osa_distance("night", "nihgt", 2), 1);
  EXPECT_EQ(osa_distance("spasm", "spasms", 2), 1);
  EXPECT_EQ(osa_distance("cramp", "crump", 2), 1);
  EXPECT_EQ(osa_distance("abc", "xyz", 1), 2);  // limit + 1 when beyond the limit
  EXPECT_EQ(osa_distance("", "", 0), 0);
}

TEST(Typo, RepairsUnknownWordsWithinTheirDistance) {
  EXPECT_EQ(repair("nihgt"), "night");                   // 5 letters, 1 transposition
  EXPECT_EQ(repair("fasciculaton"), "fasciculation");    // 12 letters, 1 deletion
  EXPECT_EQ(repair("fascicluatoin"), "fasciculation");   // 13 letters, 2 transpositions
  EXPECT_EQ(repair("nocternal"), "nocturnal");
}

TEST(Typo, NeverRepairsShortOrTooDistantWords) {
  EXPECT_EQ(repair("nit"), "");     // 3 letters: no repair at all
  EXPECT_EQ(repair("nxxht"), "");   // 2 edits on a 5-letter word
  EXPECT_EQ(repair("crmp5"), "");   // not a plain word
}

TEST(Typo, NeverOverridesAKnownWord) {
  EXPECT_EQ(repair("heat"), "");    // in the lexicon
  EXPECT_EQ(repair("heart"), "");   // an English word: not a typo of "heat"
  EXPECT_EQ(repair("beat"), "");
  EXPECT_EQ(repair("weaker"), "");  // stems to a lexicon stem
}

}  // namespace
}  // namespace crampx::text
