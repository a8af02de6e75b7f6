// The default knowledge base's language (data/kb/language.json) where a case is more
// than a text and its findings: the trigger classes present, typo repair, and word-order
// variants agreeing. The texts and statuses are in tests/cases/lexical.txt.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "support/test_kb.h"

namespace crampx::text {
namespace {

const kb::KnowledgeBase& kb() { return kb::embedded(); }

TEST(Language, TheKnowledgeBaseHasEveryTriggerClass) {
  int seen[8] = {};
  for (const kb::TriggerRec& t : kb().triggers()) ++seen[static_cast<int>(t.category)];
  for (int c = 0; c < 8; ++c) EXPECT_GT(seen[c], 0) << "category " << c;
}

TEST(Language, TyposAreRepairedOnlyForUnknownWords) {
  Scratch scratch;
  Analysis a;
  const std::string input = "my calfs cramp at nigth and the heat makes my hamstirng twich";
  analyze(input, kb(), {}, scratch, a);
  std::vector<std::string> fuzzy;
  for (const Mention& m : a.mentions) {
    if (m.match != MatchKind::fuzzy) continue;
    fuzzy.push_back(input.substr(m.begin, m.end - m.begin) + ">" + std::string(kb().str(kb().typo_words()[m.repaired_to].word)));
  }
  EXPECT_EQ(fuzzy, (std::vector<std::string>{"at nigth>night", "hamstirng>hamstring", "twich>twitch"}));
  EXPECT_EQ(test::status_in("heart problems", "heat_exposure", kb()), "missing");  // "heart" is a word
}

TEST(Lexicon, WordOrderVariantsGiveTheSameFindings) {
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(sorted(test::findings_of("eyelid twitching", kb())), sorted(test::findings_of("twitching in my eyelid", kb())));
}

}  // namespace
}  // namespace crampx::text
