// Lexical cases kept as data, the way jq keeps tests/jq.test: tests/cases/*.txt hold
// texts and what must be read in them (the format is described at the top of each
// file). A failure names the file and line of the expectation that did not hold.
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/case_file.h"
#include "support/test_kb.h"

namespace crampx::test {
namespace {

struct Expectation {
  int line = 0;
  std::string finding;  // empty: no finding at all ("nothing")
  std::string status;
};

struct LexicalCase {
  int line = 0;
  std::string text;
  std::vector<Expectation> expected;
};

const char* const kStatuses[] = {"present", "absent",  "possible", "historical",
                                 "hypothetical", "family", "missing"};

std::string path_of(const std::string& file) { return std::string(CRAMPX_SOURCE_DIR) + "/tests/cases/" + file; }

// The cases of a file; an expectation line that is neither 'FINDING STATUS' nor 'nothing'
// is a test failure at that line.
std::vector<LexicalCase> read_cases(const std::string& path) {
  std::vector<LexicalCase> cases;
  for (const CaseBlock& block : read_case_file(path)) {
    LexicalCase& c = cases.emplace_back(LexicalCase{block.text.number, block.text.text, {}});
    for (const auto& [number, line] : block.expects) {
      Expectation e{number, "", ""};
      if (line != "nothing") {
        const std::size_t space = line.find(' ');
        e.finding = line.substr(0, space);
        e.status = space == std::string::npos ? "" : line.substr(space + 1);
        if (std::find(std::begin(kStatuses), std::end(kStatuses), e.status) == std::end(kStatuses)) {
          ADD_FAILURE_AT(path.c_str(), number) << "expected 'FINDING STATUS' or 'nothing', not '" << line << "'";
          continue;
        }
      }
      c.expected.push_back(e);
    }
  }
  for (const LexicalCase& c : cases) {
    if (c.expected.empty()) ADD_FAILURE_AT(path.c_str(), c.line) << "a text with nothing expected of it";
  }
  return cases;
}

// Runs every case of the file at `path` against `kb`; returns the number of expectations checked.
std::size_t run_cases(const std::string& path, const kb::KnowledgeBase& kb) {
  std::size_t checked = 0;
  for (const LexicalCase& c : read_cases(path)) {
    const std::vector<std::string> found = findings_of(c.text, kb);
    for (const Expectation& e : c.expected) {
      ++checked;
      if (e.finding.empty()) {
        if (!found.empty()) {
          ADD_FAILURE_AT(path.c_str(), e.line) << '"' << c.text << "\": expected nothing, found " << found[0];
        }
      } else if (!kb.find_finding(e.finding)) {
        ADD_FAILURE_AT(path.c_str(), e.line) << "no finding '" << e.finding << "' in the knowledge base";
      } else if (const std::string status = status_in(c.text, e.finding, kb); status != e.status) {
        ADD_FAILURE_AT(path.c_str(), e.line)
            << '"' << c.text << "\": " << e.finding << " is " << status << ", expected " << e.status;
      }
    }
  }
  return checked;
}

TEST(LexicalCases, TheDefaultKnowledgeBaseReadsItsCases) {
  const std::size_t checked = run_cases(path_of("lexical.txt"), kb::embedded());
  EXPECT_GT(checked, 0u);
  RecordProperty("expectations", static_cast<int>(checked));
}

TEST(LexicalCases, TheAssertionRulesOnTheFixture) {
  const std::size_t checked = run_cases(path_of("assertion_rules.txt"), mini_kb());
  EXPECT_GT(checked, 0u);
  RecordProperty("expectations", static_cast<int>(checked));
}

// The failures run_cases reports on a file holding `text`, as "line: message".
std::vector<std::string> failures_on(const std::string& text) {
  const std::string path =
      (std::filesystem::temp_directory_path() / ("crampx_cases_" + std::to_string(::getpid()) + ".txt")).string();
  std::ofstream(path) << text;
  testing::TestPartResultArray results;
  {
    const testing::ScopedFakeTestPartResultReporter intercept(
        testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &results);
    run_cases(path, mini_kb());
  }
  std::filesystem::remove(path);
  std::vector<std::string> out;
  for (int i = 0; i < results.size(); ++i) {
    std::string message = results.GetTestPartResult(i).summary();
    if (message.rfind("Failed\n", 0) == 0) message.erase(0, 7);
    out.push_back(std::to_string(results.GetTestPartResult(i).line_number()) + ": " + message);
  }
  return out;
}

// The runner itself: what does not hold fails at its line, and a file that holds passes.
TEST(LexicalCases, WhatDoesNotHoldFailsAtItsLine) {
  using V = std::vector<std::string>;
  EXPECT_EQ(failures_on("# comment\nno cramps\nmuscle_cramp absent\ncalf_location missing\n\n"
                        "my calf cramps\nmuscle_cramp present\n\nthen stomach cramps again\nnothing\n"),
            V{});
  EXPECT_EQ(failures_on("# comment\nno cramps\nmuscle_cramp present\n\ncramps\nno_such_finding present\n\n"
                        "calf cramps\nmuscle_cramp sometimes\n\nmy calf cramps\nnothing\n\nalone\n"),
            (V{"9: expected 'FINDING STATUS' or 'nothing', not 'muscle_cramp sometimes'",
               "8: a text with nothing expected of it", "14: a text with nothing expected of it",
               "3: \"no cramps\": muscle_cramp is absent, expected present",
               "6: no finding 'no_such_finding' in the knowledge base",
               "12: \"my calf cramps\": expected nothing, found calf_location=present"}));
}

}  // namespace
}  // namespace crampx::test
