#include "text/typo.h"

#include <gtest/gtest.h>

#include "support/test_kb.h"

namespace crampx::text {
namespace {

std::string repair_with(const kb::KnowledgeBase& kb, std::string_view word, Stemmer& stemmer, TypoScratch& scratch) {
  const auto fix = correct(word, kb, stemmer, scratch);
  return fix ? std::string(kb.str(kb.typo_words()[fix->typo_word].word)) : std::string();
}

std::string repair_in(const kb::KnowledgeBase& kb, std::string_view word) {
  Stemmer stemmer;
  TypoScratch scratch;
  return repair_with(kb, word, stemmer, scratch);
}

std::string repair(std::string_view word) { return repair_in(test::mini_kb(), word); }

// The fixture with one rare finding phrase whose words lie as near some typos as "cramp" does.
const kb::KnowledgeBase& kb_with_crops() {
  static const kb::KnowledgeBase kb = test::compile_text([] {
    std::string json = test::mini_kb_text();
    const std::string from = R"("phrases": ["rusty nail", "wound", "cut myself"])";
    json.replace(json.find(from), from.size(), R"("phrases": ["rusty nail", "wound", "cut myself", "crop spraying"])");
    return json;
  }());
  return kb;
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

struct RepairCase {
  const char* word;
  const char* repaired;  // "" for no repair
  const char* rule;
};

std::ostream& operator<<(std::ostream& out, const RepairCase& c) { return out << c.word << " (" << c.rule << ")"; }

class TypoRule : public testing::TestWithParam<RepairCase> {};

TEST_P(TypoRule, Repair) { EXPECT_EQ(repair(GetParam().word), GetParam().repaired) << GetParam().rule; }

INSTANTIATE_TEST_SUITE_P(
    Distances, TypoRule,
    testing::Values(RepairCase{"hta", "", "3 letters: never repaired"},
                    RepairCase{"cramp", "", "a lexicon word"},
                    RepairCase{"crmp", "cramp", "4 letters: one edit"},
                    RepairCase{"crampp", "cramps", "one edit: 'cramp' and 'cramps' tie, the same length wins"},
                    RepairCase{"cranp", "cramp", "one substitution"},
                    RepairCase{"carmp", "cramp", "one transposition counts once"},
                    RepairCase{"carmpp", "", "7 letters or fewer: two edits are too many"},
                    RepairCase{"wekness", "weakness", "7 letters: one edit"},
                    RepairCase{"waekness", "weakness", "8 letters: one transposition"},
                    RepairCase{"waeknes", "", "7 letters typed: one edit allowed, this takes two"},
                    RepairCase{"fasiculatoin", "fasciculation", "12 letters: two edits"},
                    RepairCase{"fsiculatoin", "", "12 letters: three edits are too many"},
                    RepairCase{"twich", "twitch", "a repair lands on the lexicon's own word"},
                    RepairCase{"twitchng", "twitching", "or on a real inflection of it"},
                    RepairCase{"twitchs", "", "stems to a lexicon stem: matched without repair"}));

INSTANTIATE_TEST_SUITE_P(
    KnownWords, TypoRule,
    testing::Values(RepairCase{"heat", "", "in the lexicon"},
                    RepairCase{"heart", "", "an English word, one edit from 'heat'"},
                    RepairCase{"nights", "", "stems to a lexicon stem"},
                    RepairCase{"weaker", "", "stems to a lexicon stem"},
                    RepairCase{"wound", "", "in the lexicon"},
                    RepairCase{"would", "", "an English word, one edit from 'wound'"},
                    RepairCase{"cr4mp", "", "not a plain word"},
                    RepairCase{"kr\xC3\xA4mpf", "", "not ASCII letters"}));

TEST(Typo, TiesGoToTheSameFirstLetter) {
  // "weat" is one edit from "heat" and from "what" (a trigger word): the one that keeps
  // the typed first letter wins (typos rarely hit it), though "heat" sorts first.
  EXPECT_EQ(repair("weat"), "what");
}

TEST(Typo, TiesGoToTheWordMoreFindingsUse) {
  // "crmp" is one edit from "cramp" and from "crop" (closer in length, and first in the
  // old tie-break): "cramp" is in more finding phrases, and the word the person meant.
  EXPECT_EQ(repair_in(kb_with_crops(), "crmp"), "cramp");
  EXPECT_EQ(repair_in(kb_with_crops(), "crmps"), "cramps");
  EXPECT_EQ(repair_in(kb_with_crops(), "crop"), "");  // a lexicon word is never repaired
  EXPECT_EQ(repair_in(kb_with_crops(), "crops"), "");
}

// A scratch remembers how many phrases use each stem of the knowledge base it last served:
// serving another one in between must not leave it counting for the wrong one.
TEST(Typo, OneScratchServesOneKnowledgeBaseAfterAnother) {
  const kb::KnowledgeBase* kbs[] = {&test::mini_kb(), &kb_with_crops(), &kb::embedded(), &kb_with_crops(),
                                    &test::mini_kb()};
  Stemmer stemmer;
  TypoScratch scratch;
  for (const kb::KnowledgeBase* kb : kbs) {
    for (const std::string_view word : {"crmp", "crmps", "spsm", "weat", "musle"}) {
      EXPECT_EQ(repair_with(*kb, word, stemmer, scratch), repair_in(*kb, word)) << word;
    }
  }
  EXPECT_EQ(repair_with(kb_with_crops(), "crmp", stemmer, scratch), "cramp");
}

TEST(Typo, TheDefaultKnowledgeBaseRepairsToItsCoreWords) {
  const kb::KnowledgeBase& kb = kb::embedded();
  EXPECT_EQ(repair_in(kb, "crmp"), "cramp");
  EXPECT_EQ(repair_in(kb, "crmps"), "cramps");
  EXPECT_EQ(repair_in(kb, "spsm"), "spasm");
  EXPECT_EQ(repair_in(kb, "twtch"), "twitch");
  EXPECT_EQ(repair_in(kb, "heat"), "");   // a lexicon word
  EXPECT_EQ(repair_in(kb, "heart"), "");  // an English word, one edit from "heat"
  EXPECT_EQ(repair_in(kb, "tick"), "");   // an English word
  EXPECT_EQ(repair_in(kb, "crp"), "");    // 3 letters: never
}

TEST(Typo, NeverOverridesAKnownWord) {
  EXPECT_EQ(repair("heat"), "");    // in the lexicon
  EXPECT_EQ(repair("heart"), "");   // an English word: not a typo of "heat"
  EXPECT_EQ(repair("beat"), "");
  EXPECT_EQ(repair("weaker"), "");  // stems to a lexicon stem
}

}  // namespace
}  // namespace crampx::text
