// The assertion engine's rules where a case is more than a text and a status: triggers
// inside a finding phrase, linear work on punctuation runs, reused scratch, a caller's own
// target span, and the order of statuses. The texts and statuses, on the fixture's small
// trigger set and on the default knowledge base, are in tests/cases/*.txt.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "support/test_kb.h"

namespace crampx::text {
namespace {

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
