// The default knowledge base's language (data/kb/language.json) where a case is more
// than a text and its findings: the trigger classes present, typo repair, and word-order
// variants agreeing. The texts and statuses are in tests/cases/lexical.txt.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

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

// Each HPO layperson phrasing the table takes (data/kb/hpo_layperson.json) is read, on its own,
// as its term's (first) finding: no longer phrase, guard or lookalike of the lexicon hides it.
TEST(Lexicon, EveryHpoPhrasingIsReadAsItsFinding) {
  const auto table = nlohmann::json::parse(kb().source_json()).at("hpo_layperson");
  EXPECT_FALSE(table.at("release").get<std::string>().empty());
  std::size_t phrasings = 0;
  for (const auto& term : table.at("terms")) {
    for (const auto& phrase : term.at("phrases")) {
      ++phrasings;
      const std::vector<std::string> found = test::findings_of(phrase.get<std::string>(), kb());
      const std::string first = term.at("findings").at(0).get<std::string>() + "=present";
      EXPECT_NE(std::find(found.begin(), found.end(), first), found.end())
          << phrase << " (" << term.at("hpo") << ") is read as " << ::testing::PrintToString(found);
    }
  }
  EXPECT_GE(phrasings, 30u);
}

}  // namespace
}  // namespace crampx::text
