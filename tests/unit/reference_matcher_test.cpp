// The phrase matcher against its slow reference (support/reference_matcher.h): the same
// stems, repairs and matches on every text in the repository that the text stage is tested
// with, on the default and the fixture knowledge base. bench/matcher_check runs the same
// comparison over the evaluation sets.
#include "support/reference_matcher.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <algorithm>
#include <cctype>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_kb.h"

namespace crampx::test {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The contents of the "..." string literals of C++ source, escapes left as written.
std::vector<std::string> string_literals(const std::string& source) {
  std::vector<std::string> out;
  for (std::size_t i = source.find('"'); i != std::string::npos; i = source.find('"', i + 1)) {
    std::size_t j = i + 1;
    while (j < source.size() && source[j] != '"' && source[j] != '\n') j += source[j] == '\\' ? 2 : 1;
    if (j < source.size() && source[j] == '"') out.push_back(source.substr(i + 1, j - i - 1));
    i = j;
  }
  return out;
}

// The examples the matching rules name (text/finding_rules.h, text/trigger_rules.h).
const std::vector<std::string> kRuleExamples = {
    "my legs cramp during my period",
    "cramps in the back of my thigh",
    "cramps in my stomach muscles",
    "night cramps",
    "my toes curl",
    "after long runs in the heat",
    "pain free since yesterday",
    "heart fluttering",
    "MS spasms and chronic diarrhoea, myotonic dystrophy",
    "on my feet all day",
    "twitching in my eyelid",
    "spasms in the lower back",
    "my jaw was slow to open and felt stiff",
    "my jaw hurts but my legs are stiff",
    "TREMOR was ruled out, rule out ALS",
    "it is likely a cramp, I like running",
    "families with cramps; my family has cramps",
    "crmaps in my clves and twitchng muscels after exercize",
    "cramp-like pain left/right calf - spasm",
    "charley horse in my left calf at night",
};

// Every text the repository tests the text stage with: the NegEx sample, the explain fuzz
// seeds, the examples above, the data-driven cases of tests/cases, and the sentences of the text stage's unit tests (their
// string literals with a space and a letter, read from the sources).
std::vector<std::string> repository_texts() {
  const std::filesystem::path root = CRAMPX_SOURCE_DIR;
  std::vector<std::string> texts = kRuleExamples;
  std::istringstream sample(read_file(root / "bench/negex_sample.tsv"));
  std::string line;
  std::getline(sample, line);  // the header
  while (std::getline(sample, line)) {
    const std::size_t a = line.find('\t');
    const std::size_t b = line.find('\t', a + 1);
    const std::size_t c = line.find('\t', b + 1);
    if (c != std::string::npos) texts.push_back(line.substr(b + 1, c - b - 1));
  }
  for (const auto& seed : std::filesystem::directory_iterator(root / "fuzz/corpus/fuzz_explain")) {
    texts.push_back(read_file(seed.path()));
  }
  // The data-driven cases: a case's text is its first line after a blank line.
  for (const char* file : {"tests/cases/lexical.txt", "tests/cases/assertion_rules.txt"}) {
    std::istringstream cases(read_file(root / file));
    bool at_start = true;
    while (std::getline(cases, line)) {
      if (line.empty()) {
        at_start = true;
      } else if (line[0] != '#' && at_start) {
        texts.push_back(line);
        at_start = false;
      }
    }
  }
  for (const char* file : {"tests/unit/lexicon_test.cpp", "tests/unit/assertion_test.cpp",
                           "tests/unit/kb_language_test.cpp", "tests/unit/analyze_test.cpp"}) {
    for (const std::string& text : string_literals(read_file(root / file))) {
      const bool letter = std::any_of(text.begin(), text.end(), [](char ch) { return std::isalpha(ch) != 0; });
      if (letter && text.find(' ') != std::string::npos) texts.push_back(text);
    }
  }
  return texts;
}

void expect_agreement(const kb::KnowledgeBase& kb, bool repair_typos) {
  const std::vector<std::string> texts = repository_texts();
  ASSERT_GT(texts.size(), 300u);  // the files were found and read
  text::Scratch scratch;          // one for all: the word cache holds the texts before each one
  std::size_t findings = 0;
  std::size_t triggers = 0;
  std::size_t repaired = 0;
  for (const std::string& t : texts) {
    const LexiconReading reference = read_with_reference(t, kb, repair_typos);
    const LexiconReading product = read_with_product(t, kb, scratch, repair_typos);
    EXPECT_EQ(first_difference(t, reference, product, kb), "") << t;
    findings += reference.findings.size();
    triggers += reference.triggers.size();
    for (const text::PhraseMatch& m : reference.findings) repaired += m.repaired ? 1 : 0;
  }
  // The comparison covers every kind of match, not only texts where nothing matches: at least
  // a finding for every other text (the small fixture knows few of the words the lexical cases
  // of the full knowledge base are about).
  EXPECT_GT(findings, texts.size() / 2);
  EXPECT_GT(triggers, texts.size() / 2);
  if (repair_typos) {
    EXPECT_GT(repaired, 5u);
  }
}

TEST(ReferenceMatcher, AgreesOnTheRepositorysTextsWithTheDefaultKnowledgeBase) {
  expect_agreement(kb::embedded(), true);
}

TEST(ReferenceMatcher, AgreesOnTheRepositorysTextsWithTheFixture) { expect_agreement(mini_kb(), true); }

TEST(ReferenceMatcher, AgreesWithoutTypoRepair) { expect_agreement(kb::embedded(), false); }

// The comparison itself tells a difference: a match the product would have missed, a
// match moved by a token, a word resolved to another stem.
TEST(ReferenceMatcher, ADifferenceIsReported) {
  const kb::KnowledgeBase& kb = kb::embedded();
  const std::string t = "no cramps in my left calf at night";
  text::Scratch scratch;
  const LexiconReading reference = read_with_reference(t, kb);
  ASSERT_EQ(first_difference(t, reference, read_with_product(t, kb, scratch), kb), "");
  ASSERT_FALSE(reference.findings.empty());

  LexiconReading missing = reference;
  missing.findings.pop_back();
  EXPECT_NE(first_difference(t, reference, missing, kb).find("finding/guard match"), std::string::npos);
  LexiconReading moved = reference;
  ++moved.triggers.at(0).last;
  EXPECT_NE(first_difference(t, reference, moved, kb).find("trigger match 0"), std::string::npos);
  LexiconReading restemmed = reference;
  restemmed.info.at(1).stem = kb::kNone;
  EXPECT_NE(first_difference(t, reference, restemmed, kb).find("token 1 'cramps'"), std::string::npos);
}

}  // namespace
}  // namespace crampx::test
