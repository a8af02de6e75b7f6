// The assertion engine's rules, with the fixture's small trigger set, so these cases
// do not move when the default knowledge base's vocabulary does (that vocabulary is
// tested in kb_language_test.cpp); then the gaps a review found, on the default
// knowledge base, where they depend on its words.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "support/test_kb.h"

namespace crampx::text {
namespace {

struct Case {
  const char* text;
  const char* finding;
  const char* status;
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << '"' << c.text << "\" " << c.finding; }

class AssertionCase : public testing::TestWithParam<Case> {};

TEST_P(AssertionCase, Status) {
  const Case& c = GetParam();
  EXPECT_EQ(test::status_in(c.text, c.finding, test::mini_kb()), c.status) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    TriggerClasses, AssertionCase,
    testing::Values(Case{"calf cramps", "muscle_cramp", "present"},
                    Case{"no cramps", "muscle_cramp", "absent"},
                    Case{"not a cramp", "muscle_cramp", "absent"},
                    Case{"I don't have cramps", "muscle_cramp", "absent"},  // naive NegEx: "don't" is not "no"
                    Case{"cramps without weakness", "weakness", "absent"},
                    Case{"cramps without weakness", "muscle_cramp", "present"},  // forward only
                    Case{"maybe a twitch", "muscle_twitching", "possible"},
                    Case{"not sure if it is a cramp", "muscle_cramp", "possible"},  // longest trigger wins over "not"
                    Case{"I used to get cramps", "muscle_cramp", "historical"},
                    Case{"a history of weakness", "weakness", "historical"},
                    Case{"what if I get cramps", "muscle_cramp", "hypothetical"},
                    Case{"should I stretch a cramp", "muscle_cramp", "hypothetical"},
                    Case{"my mother has twitching", "muscle_twitching", "family"}));

INSTANTIATE_TEST_SUITE_P(
    Directions, AssertionCase,
    testing::Values(Case{"Cramps: none", "muscle_cramp", "absent"},                      // backward
                    Case{"weakness ruled out", "weakness", "absent"},                    // both: backward
                    Case{"they ruled out weakness", "weakness", "absent"},               // both: forward
                    Case{"rule out weakness", "weakness", "possible"},                   // same stems, other words
                    Case{"none of it. Cramps at night", "muscle_cramp", "present"}));    // backward only

INSTANTIATE_TEST_SUITE_P(
    Terminators, AssertionCase,
    testing::Values(Case{"no weakness but cramps", "muscle_cramp", "present"},
                    Case{"no weakness, just cramps", "muscle_cramp", "present"},
                    Case{"no weakness. Cramps at night.", "muscle_cramp", "present"},   // sentence end
                    Case{"no weakness; cramps at night", "muscle_cramp", "present"},
                    Case{"no weakness - cramps at night", "muscle_cramp", "present"},   // a spaced dash
                    Case{"I used to get cramps now twitching", "muscle_twitching", "present"},  // ends historical
                    Case{"no weakness now cramps", "muscle_cramp", "absent"},           // but not negation
                    Case{"my mother has twitching I get cramps", "muscle_cramp", "present"}));  // ends family

INSTANTIATE_TEST_SUITE_P(
    Clauses, AssertionCase,
    testing::Values(Case{"no weakness, my calves cramp", "muscle_cramp", "present"},
                    Case{"no weakness, I get cramps", "muscle_cramp", "present"},
                    Case{"no weakness and I get cramps", "muscle_cramp", "present"},
                    Case{"my mother has twitching and I get cramps", "muscle_cramp", "present"},
                    Case{"no weakness, not a twitch, maybe a cramp", "muscle_cramp", "possible"},  // another kind
                    Case{"no weakness (twitch) cramps", "muscle_cramp", "absent"},
                    Case{"cramps (no weakness) twitch", "muscle_twitching", "present"},  // the bracket closes
                    Case{"no weakness, diagnosis: cramps", "muscle_cramp", "present"},  // a colon starts a label
                    Case{"No: cramps", "muscle_cramp", "absent"}));  // a colon right after the trigger

INSTANTIATE_TEST_SUITE_P(
    RunOnClauses, AssertionCase,
    testing::Values(Case{"no weakness I get cramps", "muscle_cramp", "present"},   // a subject after a content word
                    Case{"no weakness my calves cramp", "muscle_cramp", "present"},
                    Case{"no weakness my calves cramp", "weakness", "absent"},
                    Case{"no weakness in my calf", "calf_location", "absent"},     // after "in": the same phrase
                    Case{"should I see someone about my weakness?", "weakness", "hypothetical"},
                    Case{"calf cramps my weakness: none", "muscle_cramp", "present"}));  // ends a backward scope

INSTANTIATE_TEST_SUITE_P(
    Lists, AssertionCase,
    testing::Values(Case{"no cramps, twitching or weakness", "weakness", "absent"},
                    Case{"no cramps, twitching or weakness", "muscle_twitching", "absent"},
                    Case{"no cramps, no twitching, no weakness", "weakness", "absent"},
                    Case{"no calf pain, aching muscles, heat intolerance, jumping muscle or weakness", "weakness",
                         "absent"},  // the window counts words per list item
                    Case{"no cramps and weakness", "weakness", "absent"},
                    Case{"no cramps, twitching, weakness", "weakness", "absent"},  // an enumeration carries
                    Case{"no cramps/weakness", "weakness", "absent"},
                    // Not coordinated: the denial ends at the comma.
                    Case{"no weakness, cramps", "muscle_cramp", "present"},
                    Case{"no weakness, calf cramps at night", "muscle_cramp", "present"},
                    Case{"no weakness, calf cramps at night", "night_time", "present"},
                    Case{"no weakness, calf cramps at night", "weakness", "absent"},
                    Case{"no weakness or twitching, calf cramps at night", "muscle_cramp", "present"},
                    Case{"no weakness, no twitching, calf cramps", "muscle_cramp", "present"},
                    Case{"no weakness, no twitching, calf cramps", "muscle_twitching", "absent"}));

INSTANTIATE_TEST_SUITE_P(
    BackwardScopes, AssertionCase,
    testing::Values(Case{"cramps, weakness: none", "muscle_cramp", "present"},  // stops at a comma
                    Case{"cramps, weakness: none", "weakness", "absent"},
                    Case{"calf cramps, weakness ruled out", "muscle_cramp", "present"},
                    Case{"calf cramps, weakness ruled out", "weakness", "absent"},
                    Case{"cramps. Weakness: none", "muscle_cramp", "present"},  // and at a sentence end
                    Case{"cramps and weakness: none", "muscle_cramp", "absent"},  // a list within the clause
                    Case{"diagnosis: cramps ruled out", "muscle_cramp", "absent"},
                    Case{"cramps: diagnosis ruled out", "muscle_cramp", "present"},  // a colon not just before it
                    Case{"calf weakness, ruled out", "weakness", "absent"},  // a trigger alone answers its label
                    // A clause that sums up the list before it reaches back over the list.
                    Case{"twitching, weakness or cramps, all ruled out", "muscle_twitching", "absent"},
                    Case{"tested for twitching and weakness, and both ruled out", "weakness", "absent"},
                    Case{"cramps, the weakness ruled out", "muscle_cramp", "present"}));

INSTANTIATE_TEST_SUITE_P(
    Answers, AssertionCase,
    testing::Values(Case{"weakness: no", "weakness", "absent"},
                    Case{"Any weakness? No.", "weakness", "absent"},
                    Case{"weakness - no", "weakness", "absent"},
                    Case{"weakness: maybe", "weakness", "possible"},
                    Case{"weakness: no, cramps: maybe", "weakness", "absent"},
                    Case{"weakness: no, cramps: maybe", "muscle_cramp", "possible"},
                    Case{"weakness: no, cramps", "muscle_cramp", "present"},
                    Case{"weakness? No twitching.", "muscle_twitching", "absent"},  // not alone: it scopes forward
                    Case{"weakness? No twitching.", "weakness", "possible"},
                    Case{"cramps no", "muscle_cramp", "present"},  // no label separator: not an answer
                    Case{"I get cramps, no?", "muscle_cramp", "present"}));  // a tag question

INSTANTIATE_TEST_SUITE_P(
    Windows, AssertionCase,
    testing::Values(Case{"free of weakness", "weakness", "absent"},
                    Case{"free of any real weakness", "weakness", "present"},  // window 2
                    Case{"weakness and heat: none", "weakness", "absent"},      // backward window 3
                    Case{"weakness in the calf really badly: none", "weakness", "present"},
                    Case{"no one two three four five six seven eight nine weakness", "weakness", "present"}));

INSTANTIATE_TEST_SUITE_P(
    PseudoTriggers, AssertionCase,
    testing::Values(Case{"not only cramps", "muscle_cramp", "present"},
                    Case{"no increase in cramps", "muscle_cramp", "present"},
                    Case{"no weakness, no increase in cramps", "muscle_cramp", "present"},  // a new clause too
                    Case{"not a cramp like this", "muscle_cramp", "present"},  // a backward terminator takes it back
                    Case{"no cramps like this, no weakness", "weakness", "absent"}));

INSTANTIATE_TEST_SUITE_P(
    Questions, AssertionCase,
    testing::Values(Case{"is this a twitch?", "muscle_twitching", "possible"},
                    Case{"why do my calves cramp at night?", "muscle_cramp", "present"},
                    Case{"should I see someone about my weakness?", "weakness", "hypothetical"},
                    Case{"if I run my calves cramp", "muscle_cramp", "present"},        // a habit
                    Case{"if I get cramps, should I stretch?", "muscle_cramp", "hypothetical"},
                    Case{"if I get cramps should I stretch", "muscle_cramp", "hypothetical"},  // asks without '?'
                    Case{"if I get cramps I stretch. Should I?", "muscle_cramp", "present"}));  // another sentence

// The gaps a review found, on the default knowledge base's own words (lay and clinical).
class ReviewedCase : public testing::TestWithParam<Case> {};

TEST_P(ReviewedCase, Status) {
  const Case& c = GetParam();
  EXPECT_EQ(test::status_in(c.text, c.finding, kb::embedded()), c.status) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    ListsAndRunOns, ReviewedCase,
    testing::Values(Case{"no fever, calf cramps at night", "muscle_cramp", "present"},
                    Case{"no fever, calf cramps at night", "fever", "absent"},
                    Case{"no fever, calf cramps at night", "night_time", "present"},
                    Case{"no fever, chills or weakness", "muscle_weakness", "absent"},
                    Case{"denies fever, chest pain and nausea", "nausea", "absent"},
                    Case{"denies fever, chest pain and nausea", "chest_pain", "absent"},
                    Case{"denies fever, headache, nausea", "nausea", "absent"},
                    Case{"no fever, no chills, no weakness", "muscle_weakness", "absent"},
                    Case{"no headache, no nausea, my calves cramp", "muscle_cramp", "present"},
                    Case{"no weakness after a run my calf cramps", "muscle_weakness", "absent"},
                    Case{"no weakness after a run my calf cramps", "muscle_cramp", "present"},
                    Case{"no weakness after a run my calf cramps", "after_exercise", "present"},
                    Case{"no cramps after exercise", "muscle_cramp", "absent"}));

INSTANTIATE_TEST_SUITE_P(
    BackwardAndAfterTheSymptom, ReviewedCase,
    testing::Values(Case{"my calf cramps, the swelling went away", "muscle_cramp", "present"},
                    Case{"calf cramps, fever resolved", "muscle_cramp", "present"},
                    Case{"calf cramps, fever resolved", "fever", "absent"},
                    Case{"calf cramps, nausea: none", "muscle_cramp", "present"},
                    Case{"calf cramps, nausea: none", "nausea", "absent"},
                    Case{"weakness is not present", "muscle_weakness", "absent"},
                    Case{"weakness not seen", "muscle_weakness", "absent"},
                    Case{"tremor was not observed", "tremor", "absent"},
                    Case{"I have not seen any twitching", "muscle_twitching", "absent"},  // still forward too
                    Case{"numbness: no", "tingling_numbness", "absent"},
                    Case{"Any weakness? No.", "muscle_weakness", "absent"},
                    Case{"Headache - denied", "headache", "absent"},
                    Case{"the twitching has disappeared", "muscle_twitching", "absent"}));

INSTANTIATE_TEST_SUITE_P(
    History, ReviewedCase,
    testing::Values(Case{"Past medical history: he has diabetes and asthma", "diabetes", "historical"},  // a label
                    Case{"past medical history of diabetes, he has cramps", "muscle_cramp", "present"},
                    Case{"Medical history: diabetes, I get cramps", "muscle_cramp", "present"},
                    Case{"status post thyroidectomy", "recent_neck_surgery", "historical"}));

INSTANTIATE_TEST_SUITE_P(
    Family, ReviewedCase,
    testing::Values(Case{"my mother has diabetes", "diabetes", "family"},
                    Case{"my sister gets cramps", "muscle_cramp", "family"},
                    Case{"cramps run in the family", "muscle_cramp", "family"},
                    Case{"my dad had cramps", "muscle_cramp", "family"},
                    Case{"my dad had cramps, I get twitching", "muscle_twitching", "present"}));

// "had a stroke" is a finding phrase that shares the "had" of the trigger "dad had": a
// trigger that only overlaps a finding's start still asserts it.
TEST(Assertion, RelativeBeforeAFindingThatStartsWithTheVerb) {
  EXPECT_EQ(test::status_in("my dad had a stroke", "stroke_history", kb::embedded()), "family");
}

TEST(Assertion, TriggerWordsInsideAFindingPhraseAreThePhrase) {
  // "no" in a finding phrase would not negate it; a trigger that spans a finding still asserts.
  const auto kb = test::compile_text([] {
    std::string json = test::mini_kb_text();
    const std::string from = R"("phrases": ["weakness", "weak"])";
    json.replace(json.find(from), from.size(), R"("phrases": ["weakness", "weak", "no strength"])");
    return json;
  }());
  EXPECT_EQ(test::status_in("no strength", "weakness", kb), "present");
  EXPECT_EQ(test::status_in("I have no strength, no cramps", "muscle_cramp", kb), "absent");
}

TEST(Assertion, PunctuationRunsKeepTheWorkLinear) {
  // Every trigger here sees the same long run of commas; a scope is bounded in tokens,
  // not only in words, so this takes milliseconds rather than minutes.
  std::string text;
  for (int i = 0; i < 50000; ++i) text += "no ";
  for (int i = 0; i < 200000; ++i) text += ", ";
  text += "cramps";
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(test::status_in(text, "muscle_cramp", test::mini_kb()), "present");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(Assertion, ScopesAreReusedAcrossTexts) {
  Scratch scratch;
  Analysis a;
  analyze("no cramps", test::mini_kb(), {}, scratch, a);
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_EQ(a.mentions[0].status, Status::absent);
  analyze("cramps", test::mini_kb(), {}, scratch, a);
  ASSERT_EQ(a.mentions.size(), 1u);
  EXPECT_EQ(a.mentions[0].status, Status::present);
}

TEST(Assertion, AssessesAnyTokenRangeLikeAFinding) {
  // The path bench/negex_eval uses: a caller's own target span, with trigger words inside it its own.
  Scratch s;
  read_text("no lymphadenopathy seen", test::mini_kb(), {}, s);
  const TokenRange target{1, 1};
  assert_text(test::mini_kb(), s, std::span(&target, 1));
  EXPECT_TRUE(assess(s, target).negated);

  read_text("no lymphadenopathy seen", test::mini_kb(), {}, s);
  const TokenRange whole{0, 1};
  assert_text(test::mini_kb(), s, std::span(&whole, 1));
  EXPECT_FALSE(assess(s, whole).negated);
}

TEST(Assertion, StatusPrefersTheMostSpecific) {
  Assertion a;
  EXPECT_EQ(status_of(a), Status::present);
  a.possible = true;
  EXPECT_EQ(status_of(a), Status::possible);
  a.historical = true;
  EXPECT_EQ(status_of(a), Status::historical);
  a.negated = true;
  EXPECT_EQ(status_of(a), Status::absent);
  a.hypothetical = true;
  EXPECT_EQ(status_of(a), Status::hypothetical);
  a.family = true;
  EXPECT_EQ(status_of(a), Status::family);
}

}  // namespace
}  // namespace crampx::text
