#include "kb/phrase_classes.h"

#include <gtest/gtest.h>

#include "kb/validate.h"
#include "support/test_kb.h"

namespace crampx::kb {
namespace {

using json = nlohmann::json;
using V = std::vector<std::string>;

const json kClasses = {{"relative", {"mother", "dad", "family member"}}, {"verb", {"has", "had"}}};

TEST(PhraseClasses, ACrossProductIsEveryCombinationFirstNameSlowest) {
  const PhraseExpansion e = expand_phrase_classes("my {relative} {verb}", kClasses);
  EXPECT_EQ(e.problem, "");
  EXPECT_EQ(e.phrases, (V{"my mother has", "my mother had", "my dad has", "my dad had", "my family member has",
                          "my family member had"}));
  EXPECT_EQ(expand_phrase_classes("{verb}{verb}", kClasses).phrases, (V{"hashas", "hashad", "hadhas", "hadhad"}));
}

TEST(PhraseClasses, OtherBracesAndPlainPhrasesStandForThemselves) {
  EXPECT_EQ(expand_phrase_classes("charley horse", kClasses).phrases, V{"charley horse"});
  EXPECT_EQ(expand_phrase_classes("{60-110} years old", kClasses).phrases, V{"{60-110} years old"});
  EXPECT_EQ(expand_phrase_classes("{verb} {2-52} {} {Verb} {verb", kClasses).phrases,
            (V{"has {2-52} {} {Verb} {verb", "had {2-52} {} {Verb} {verb"}));
  EXPECT_EQ(expand_phrase_classes("{verb}", json::array()).problem,
            "'{verb}' names no class of /language/phrase_classes");  // no classes at all
}

TEST(PhraseClasses, AnUnknownNameOrTooManyCombinationsIsAProblem) {
  const PhraseExpansion unknown = expand_phrase_classes("{relative} {sibling}", kClasses);
  EXPECT_TRUE(unknown.phrases.empty());
  EXPECT_EQ(unknown.problem, "'{sibling}' names no class of /language/phrase_classes");
  json big = kClasses;
  big["many"] = json::array();
  for (int i = 0; i < 64; ++i) big["many"].push_back(std::to_string(i));
  EXPECT_EQ(expand_phrase_classes("{many} {many}", big).phrases.size(), 4096u);
  EXPECT_NE(expand_phrase_classes("{many} {many} {verb}", big).problem.find("more than 4096"), std::string::npos);
}

// The fixture with a family trigger and a finding phrase written as templates.
json templated_fixture() {
  json root = json::parse(test::mini_kb_text());
  root["language"]["phrase_classes"] = {{"relative", {"mother", "sister"}}, {"condition_verb", {"has", "gets"}},
                                      {"part", {"calf", "thigh"}}};
  json& triggers = root["language"]["triggers"];
  for (json& t : triggers) {
    if (t["phrase"] == "my mother has") t["phrase"] = "my {relative} {condition_verb}";
  }
  root["lexicon"]["muscle_cramp"]["phrases"].push_back("{part} locked");
  return root;
}

TEST(PhraseClasses, TheCompilerExpandsTriggersAndPhrases) {
  const KnowledgeBase kb = test::compile_text(templated_fixture().dump());
  EXPECT_EQ(test::status_in("my sister gets twitching", "muscle_twitching", kb), "family");
  EXPECT_EQ(test::status_in("my mother has twitching", "muscle_twitching", kb), "family");
  EXPECT_EQ(test::status_in("my thigh locked", "muscle_cramp", kb), "present");
  EXPECT_EQ(test::status_in("my calf locked", "muscle_cramp", kb), "present");
  std::size_t family = 0;
  for (const TriggerRec& t : kb.triggers()) family += t.category == TriggerCategory::family;
  EXPECT_EQ(family, 4u + 2u);  // the template's four, and the fixture's "my son gets" and "my son had"
}

TEST(PhraseClasses, AnUnknownNameIsReportedWhereItIsWritten) {
  json root = templated_fixture();
  root["language"]["phrase_classes"].erase("part");
  Document doc;
  doc.root = root;
  for (const auto& item : root.items()) doc.key_files.emplace_back(item.key(), "kb.json");
  const std::vector<Problem> ps = validate(doc);
  ASSERT_EQ(ps.size(), 1u) << format_problems(ps);
  EXPECT_EQ(ps[0].pointer, "/lexicon/muscle_cramp/phrases/5");
  EXPECT_NE(ps[0].message.find("'{part}'"), std::string::npos);
}

}  // namespace
}  // namespace crampx::kb
