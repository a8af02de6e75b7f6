// Scope cases kept as data (tests/cases/scope.txt): texts written for this file, each with
// whether crampx must explain it (in_scope) or refuse it (out_of_scope), what its out-of-scope
// reason must say, and the cause an in-scope text must rank first or in its top three.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "infer/report.h"
#include "report/wording.h"
#include "support/case_file.h"

namespace crampx::test {
namespace {

struct Counts {
  int in = 0, out = 0;
};

std::string cause_id(const kb::KnowledgeBase& kb, const infer::Report& r, std::size_t i) {
  return i < r.causes.size() ? std::string(kb.str(kb.causes()[r.causes[i].cause].id)) : "(none)";
}

Counts run_cases(const std::string& path, const kb::KnowledgeBase& kb) {
  Counts counts;
  infer::Workspace w;
  infer::Report r;
  for (const CaseBlock& block : read_case_file(path)) {
    infer::explain(block.text.text, {}, kb, infer::ExplainOptions{}, w, r);
    const std::string& text = block.text.text;
    const std::string why = report::scope_reason(r, kb);
    bool scoped = false;
    for (const auto& [number, line] : block.expects) {
      const std::size_t space = line.find(' ');
      const std::string word = line.substr(0, space), value = space == std::string::npos ? "" : line.substr(space + 1);
      if (word == "in_scope" || word == "out_of_scope") {
        scoped = true;
        const bool want = word == "in_scope";
        (want ? counts.in : counts.out) += 1;
        if (r.in_scope != want) {
          ADD_FAILURE_AT(path.c_str(), number) << '"' << text << "\": " << (r.in_scope ? "in scope" : "out of scope")
                                               << " (" << why << ")";
        }
      } else if (word == "reason" && !value.empty()) {
        if (why.find(value) == std::string::npos) {
          ADD_FAILURE_AT(path.c_str(), number) << '"' << text << "\": the scope reason '" << why << "' does not say '" << value << "'";
        }
      } else if (word == "first" && !value.empty()) {
        if (cause_id(kb, r, 0) != value) {
          ADD_FAILURE_AT(path.c_str(), number) << '"' << text << "\": leads with " << cause_id(kb, r, 0) << ", not " << value;
        }
      } else if (word == "top3" && !value.empty()) {
        if (cause_id(kb, r, 0) != value && cause_id(kb, r, 1) != value && cause_id(kb, r, 2) != value) {
          ADD_FAILURE_AT(path.c_str(), number) << '"' << text << "\": " << value << " is not in the first three ("
                                               << cause_id(kb, r, 0) << ", " << cause_id(kb, r, 1) << ", " << cause_id(kb, r, 2) << ")";
        }
      } else {
        ADD_FAILURE_AT(path.c_str(), number) << "expected 'in_scope', 'out_of_scope', 'reason WORDS', 'first CAUSE' or 'top3 CAUSE', not '" << line << "'";
      }
    }
    if (!scoped) ADD_FAILURE_AT(path.c_str(), block.text.number) << "a case without 'in_scope' or 'out_of_scope'";
  }
  return counts;
}

TEST(ScopeCases, FigurativeWordsAreRefusedWithTheirReasonAndComplaintsInAnyWordsAreExplained) {
  const Counts n = run_cases(std::string(CRAMPX_SOURCE_DIR) + "/tests/cases/scope.txt", kb::embedded());
  EXPECT_GE(n.in, 10);
  EXPECT_GE(n.out, 10);
}

}  // namespace
}  // namespace crampx::test
