#include "compile/compile.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "base/hash.h"
#include "kb/validate.h"
#include "support/test_kb.h"

namespace crampx::compile {
namespace {

using json = nlohmann::json;

std::vector<kb::Problem> compile_problems(const json& root) {
  kb::Document doc;
  doc.root = root;
  for (const auto& item : root.items()) doc.key_files.emplace_back(item.key(), "kb.json");
  std::vector<kb::Problem> problems = kb::validate(doc);
  EXPECT_TRUE(problems.empty()) << kb::format_problems(problems);
  compile(doc, kb::embedded().dictionary(), problems);
  return problems;
}

TEST(Compile, ImageHoldsEveryEntity) {
  const kb::KnowledgeBase& kb = test::mini_kb();
  EXPECT_EQ(kb.causes().size(), 3u);
  EXPECT_EQ(kb.findings().size(), 9u);
  EXPECT_EQ(kb.mechanisms().size(), 4u);
  EXPECT_EQ(kb.str(kb.meta().version), "0.0.1");
  const auto cause = kb.find_cause("dehydration_salt_loss");
  ASSERT_TRUE(cause);
  EXPECT_EQ(kb.str(kb.causes()[*cause].label), "Dehydration and salt loss");
  EXPECT_EQ(kb.cause_findings(kb.causes()[*cause]).size(), 4u);
  const auto quinine = kb.treatments()[1];
  ASSERT_EQ(kb.cautions(quinine).size(), 1u);
  EXPECT_EQ(quinine.evidence, kb::Evidence::not_recommended);
  EXPECT_EQ(json::parse(kb.source_json())["meta"]["version"], "0.0.1");
}

// A cause's kind and category and a finding's HPO id, or their defaults when not written.
TEST(Compile, KindCategoryAndHpoReachTheImage) {
  json root = json::parse(test::mini_kb_text());
  root["findings"][0]["hpo"] = "HP:0003394";
  json sub = root["causes"][0];
  sub["id"] = "pregnancy_night_cramps";
  sub["category"] = "nocturnal_leg_cramps";
  root["causes"].push_back(sub);
  json clot = root["causes"][0];
  clot["id"] = "calf_clot";
  clot["kind"] = "lookalike";
  clot["mechanisms"] = json::array();
  root["causes"].push_back(clot);
  const kb::KnowledgeBase kb = test::compile_text(root.dump());

  const kb::CauseRec& group = kb.causes()[*kb.find_cause("nocturnal_leg_cramps")];
  EXPECT_EQ(group.kind, kb::CauseKind::cause);
  EXPECT_EQ(group.category, kb::kNone);
  const kb::CauseRec& under = kb.causes()[*kb.find_cause("pregnancy_night_cramps")];
  EXPECT_EQ(under.kind, kb::CauseKind::cause);
  ASSERT_NE(under.category, kb::kNone);
  EXPECT_EQ(kb.str(kb.causes()[under.category].id), "nocturnal_leg_cramps");
  const kb::CauseRec& lookalike = kb.causes()[*kb.find_cause("calf_clot")];
  EXPECT_EQ(lookalike.kind, kb::CauseKind::lookalike);
  EXPECT_EQ(lookalike.mechanisms.count, 0u);
  EXPECT_EQ(to_string(lookalike.kind), "lookalike");

  EXPECT_EQ(kb.str(kb.findings()[*kb.find_finding(root["findings"][0]["id"].get<std::string>())].hpo), "HP:0003394");
  EXPECT_TRUE(kb.str(kb.findings()[1].hpo).empty());
}

TEST(Compile, PhrasesAreStemmedAndIndexed) {
  const kb::KnowledgeBase& kb = test::mini_kb();
  const auto f = kb.find_finding("muscle_cramp");
  ASSERT_TRUE(f);
  const auto phrases = kb.phrases(kb.findings()[*f]);
  ASSERT_GE(phrases.size(), 4u);
  EXPECT_TRUE(phrases[0].canonical);
  EXPECT_EQ(kb.str(phrases[0].words), "cramp");
  EXPECT_TRUE(kb.find_stem("cramp"));
  EXPECT_FALSE(kb.find_stem("cramps"));  // stems only
}

TEST(Compile, OnePhraseForTwoFindingsIsAProblem) {
  json root = json::parse(test::mini_kb_text());
  root["lexicon"]["muscle_twitching"]["phrases"].push_back("Cramps");
  const auto ps = compile_problems(root);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].pointer, "/lexicon/muscle_twitching/phrases/3");
  EXPECT_NE(ps[0].message.find("/lexicon/muscle_cramp/phrases/0"), std::string::npos) << ps[0].message;
}

TEST(Compile, HpoPhrasingsNameTheirFinding) {
  json root = test::mini_kb_with_hpo_term({"charley horse", "cramp"});
  // A second finding coded with the same term: the phrasings name the first only.
  root["findings"][1]["hpo"] = "HP:0003394";
  root["hpo_layperson"]["terms"][0]["findings"].push_back("muscle_twitching");
  const kb::KnowledgeBase kb = test::compile_text(root.dump());
  const auto f = kb.find_finding("muscle_cramp");
  ASSERT_TRUE(f);
  std::vector<std::string> words;
  for (const kb::PhraseRec& p : kb.phrases(kb.findings()[*f])) words.emplace_back(kb.str(p.words));
  EXPECT_NE(std::find(words.begin(), words.end(), "charley horse"), words.end());
  EXPECT_EQ(std::count(words.begin(), words.end(), "cramp"), 1);  // one the lexicon has adds nothing
  EXPECT_EQ(test::findings_of("a charley horse last night", kb), std::vector<std::string>{"muscle_cramp=present"});
}

TEST(Compile, AnHpoPhrasingThatMeansAnotherFindingIsAProblem) {
  json root = test::mini_kb_with_hpo_term({"twitching"});
  const auto ps = compile_problems(root);
  ASSERT_EQ(ps.size(), 1u) << kb::format_problems(ps);
  // Said at whichever of the two the compiler reads second (findings in order).
  EXPECT_EQ(ps[0].pointer, "/lexicon/muscle_twitching/phrases/0");
  EXPECT_NE(ps[0].message.find("/hpo_layperson/terms/0/phrases/0"), std::string::npos) << ps[0].message;
}

TEST(Compile, APhraseWithoutWordsIsAProblem) {
  json root = json::parse(test::mini_kb_text());
  root["lexicon"]["muscle_pain"]["phrases"].push_back("?!");
  const auto ps = compile_problems(root);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(ps[0].pointer, "/lexicon/muscle_pain/phrases/3");
}

// The language's word classes are looked up as text is read: by the normalized word, or
// for a question opener by two ("does anyone"); an entry that reads as more words than its
// list takes is a problem where it stands.
TEST(Compile, WordClassesAreNormalizedWords) {
  const kb::KnowledgeBase& kb = test::mini_kb();
  EXPECT_EQ(kb.word_classes("in") & kb::kSiteConnector, kb::kSiteConnector);
  EXPECT_EQ(kb.word_classes("and"), kb::kListSeparator | kb::kClauseJoiner);
  EXPECT_EQ(kb.word_classes("they"), kb::kClauseWord | kb::kSubjectWord | kb::kSummingWord);
  EXPECT_EQ(kb.word_classes("does", "anyone"), kb::kQuestionOpener);
  EXPECT_EQ(kb.word_classes("does"), 0);
  EXPECT_EQ(kb.word_classes("does anyone"), kb::kQuestionOpener);
  EXPECT_EQ(kb.word_classes("cramp"), 0);

  json root = json::parse(test::mini_kb_text());
  root["language"]["word_classes"]["abbreviations"].push_back("prof");
  root["language"]["word_classes"]["clause_words"].push_back("shan't");
  const kb::KnowledgeBase edited = test::compile_text(root.dump());
  EXPECT_EQ(edited.word_classes("prof"), kb::kAbbreviation);
  EXPECT_EQ(edited.word_classes("shant"), kb::kClauseWord);

  root["language"]["word_classes"]["site_connectors"].push_back("next-to");
  const auto ps = compile_problems(root);
  ASSERT_EQ(ps.size(), 1u) << kb::format_problems(ps);
  EXPECT_EQ(ps[0].pointer, "/language/word_classes/site_connectors/17");
}

TEST(Compile, ImageReaderRejectsDamage) {
  std::vector<std::uint64_t> junk(64, 0x4242424242424242ull);
  const auto bytes = std::as_bytes(std::span(junk));
  EXPECT_FALSE(kb::KnowledgeBase::from_image(bytes).ok());
  const auto& good = test::mini_kb().image();
  EXPECT_FALSE(kb::KnowledgeBase::from_image(good.first(good.size() - 8)).ok());
}

TEST(Compile, DictionaryHashesNormalizeWords) {
  std::istringstream words("Heart\ndon't\ncaf\xC3\xA9\nx\nheart\n");
  const auto hashes = dictionary_hashes(words);
  EXPECT_EQ(hashes.size(), 2u);  // heart, dont (accented and one-letter entries skipped, duplicates merged)
  EXPECT_TRUE(std::binary_search(hashes.begin(), hashes.end(), stable_hash("dont")));
}


// Issue 22.7: fillers may sit inside a phrase, so a phrase of fillers alone, or of a number
// range alone, matched ordinary text ("my dog is fine" was a muscle cramp). A literal number
// is a word of its own ("24/7").
TEST(Compile, APhraseOfFillersOrANumberRangeAloneIsAProblem) {
  json root = json::parse(test::mini_kb_text());
  root["lexicon"]["muscle_cramp"]["phrases"].push_back("my");
  root["lexicon"]["muscle_cramp"]["phrases"].push_back("{1-99}");
  root["lexicon"]["night_time"]["lookalikes"] = json::array({"the {2-9} very"});
  root["language"]["guards"][0]["phrase"] = "really right";
  const auto ps = compile_problems(root);
  auto has = [&](const std::string& pointer, const std::string& words) {
    return std::any_of(ps.begin(), ps.end(), [&](const kb::Problem& p) {
      return p.pointer == pointer && p.message.find(words) != std::string::npos;
    });
  };
  EXPECT_TRUE(has("/lexicon/muscle_cramp/phrases/5", "'my' holds filler words only")) << kb::format_problems(ps);
  EXPECT_TRUE(has("/lexicon/muscle_cramp/phrases/6", "a number range and filler words only")) << kb::format_problems(ps);
  EXPECT_TRUE(has("/lexicon/night_time/lookalikes/0", "filler words only")) << kb::format_problems(ps);
  EXPECT_TRUE(has("/language/guards/0", "filler words only")) << kb::format_problems(ps);

  root = json::parse(test::mini_kb_text());
  root["lexicon"]["muscle_cramp"]["phrases"].push_back("24/7");
  root["lexicon"]["muscle_cramp"]["phrases"].push_back("my {2-9} legs");
  EXPECT_TRUE(compile_problems(root).empty()) << kb::format_problems(compile_problems(root));
}


// Issue 19: a number range of more than 200 numbers was left as written and never matched,
// in silence ("after walking {50-1000} yards"); the compiler now says so.
TEST(Compile, ANumberRangeThatCannotBeFilledInIsAProblem) {
  json root = json::parse(test::mini_kb_text());
  root["lexicon"]["muscle_cramp"]["phrases"].push_back("after {50-1000} yards");
  root["language"]["frame_words"]["long_way"] = json::array({"{10-999} miles"});
  const auto ps = compile_problems(root);
  auto has = [&](const std::string& pointer) {
    return std::any_of(ps.begin(), ps.end(), [&](const kb::Problem& p) {
      return p.pointer == pointer && p.message.find("not one that can be filled in") != std::string::npos;
    });
  };
  EXPECT_TRUE(has("/lexicon/muscle_cramp/phrases/5")) << kb::format_problems(ps);
  EXPECT_TRUE(has("/language/frame_words/long_way/0")) << kb::format_problems(ps);

  root = json::parse(test::mini_kb_text());
  root["lexicon"]["muscle_cramp"]["phrases"].push_back("after {50-249} yards");
  EXPECT_TRUE(compile_problems(root).empty()) << kb::format_problems(compile_problems(root));
}

}  // namespace
}  // namespace crampx::compile
