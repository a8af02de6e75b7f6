// Triage scenarios kept as data (tests/cases/triage.txt): dangerous and benign descriptions
// in lay words, each with the level it must reach (at_least) or stay within (at_most) and,
// where a red flag names the danger, the cause the report must lead with. Every case also
// holds what danger first promises (docs/SCORING.md): when an urgent or emergency flag that
// suggests causes fires, the first cause is one of them, and the summary of an urgent or
// emergency report never calls anything harmless.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "infer/report.h"
#include "infer/withhold.h"
#include "report/wording.h"
#include "support/case_file.h"

namespace crampx::test {
namespace {

struct TriageCase {
  int line = 0;
  std::string text;
  int bound_line = 0;
  bool at_least = true;  // at_least LEVEL, or at_most LEVEL
  kb::Level level = kb::Level::self_care;
  int first_line = 0;
  std::string first;  // the cause the report must lead with, or empty
  std::vector<std::pair<int, std::string>> withholds;  // treatments the report must not offer
  int patient_line = 0;
  std::string patient;  // whom the report must be about (writer, someone_else), or empty
};

std::vector<TriageCase> read_cases(const std::string& path) {
  std::vector<TriageCase> cases;
  for (const CaseBlock& block : read_case_file(path)) {
    TriageCase& c = cases.emplace_back();
    c.line = block.text.number;
    c.text = block.text.text;
    for (const auto& [number, line] : block.expects) {
      const std::size_t space = line.find(' ');
      const std::string word = line.substr(0, space), value = space == std::string::npos ? "" : line.substr(space + 1);
      if (word == "at_least" || word == "at_most") {
        const auto level = parse_enum<kb::Level>(value);
        if (!level || c.bound_line != 0) {
          ADD_FAILURE_AT(path.c_str(), number) << "one 'at_least LEVEL' or 'at_most LEVEL' per case, not '" << line << "'";
          continue;
        }
        c.bound_line = number;
        c.at_least = word == "at_least";
        c.level = *level;
      } else if (word == "patient" && (value == "writer" || value == "someone_else") && c.patient.empty()) {
        c.patient_line = number;
        c.patient = value;
      } else if (word == "withholds" && !value.empty()) {
        c.withholds.emplace_back(number, value);
      } else if (word == "first" && !value.empty() && c.first.empty()) {
        c.first_line = number;
        c.first = value;
      } else {
        ADD_FAILURE_AT(path.c_str(), number) << "expected 'at_least LEVEL', 'at_most LEVEL', 'first CAUSE', 'patient WHO' or "
                                                "'withholds TREATMENT', not '"
                                             << line << "'";
      }
    }
  }
  for (const TriageCase& c : cases) {
    if (c.bound_line == 0) ADD_FAILURE_AT(path.c_str(), c.line) << "a case without 'at_least' or 'at_most'";
  }
  return cases;
}

struct Counts {
  int dangerous = 0, benign = 0;
};

Counts run_cases(const std::string& path, const kb::KnowledgeBase& kb) {
  Counts counts;
  infer::Workspace w;
  infer::Report r;
  for (const TriageCase& c : read_cases(path)) {
    infer::explain(c.text, {}, kb, infer::ExplainOptions{}, w, r);
    const std::string got(to_string(r.triage.level));
    if (c.at_least) {
      ++counts.dangerous;
      if (r.triage.level < c.level) {
        ADD_FAILURE_AT(path.c_str(), c.bound_line) << '"' << c.text << "\": triage " << got << ", below " << to_string(c.level);
      }
    } else {
      ++counts.benign;
      if (r.triage.level > c.level) {
        std::string flags;
        for (const infer::TriageReason& t : r.triage.reasons) {
          if (t.kind != infer::TriageReason::Kind::red_flag) continue;
          flags += ' ';
          flags += kb.str(kb.red_flags()[t.index].id);
        }
        ADD_FAILURE_AT(path.c_str(), c.bound_line) << '"' << c.text << "\": triage " << got << ", above " << to_string(c.level)
                                                   << " (red flags:" << flags << ")";
      }
    }
    const std::string patient = r.analysis.about_someone_else ? "someone_else" : "writer";
    if (!c.patient.empty() && patient != c.patient) {
      ADD_FAILURE_AT(path.c_str(), c.patient_line) << '"' << c.text << "\": about the " << patient << ", not the " << c.patient;
    }
    const std::string first = r.causes.empty() ? "(none)" : std::string(kb.str(kb.causes()[r.causes[0].cause].id));
    if (!c.first.empty()) {
      if (!kb.find_cause(c.first)) {
        ADD_FAILURE_AT(path.c_str(), c.first_line) << "no cause '" << c.first << "' in the knowledge base";
      } else if (first != c.first) {
        ADD_FAILURE_AT(path.c_str(), c.first_line) << '"' << c.text << "\": leads with " << first << ", not " << c.first;
      }
    }
    for (const auto& [line, id] : c.withholds) {
      const auto treatment = kb.find_treatment(id);
      if (!treatment) {
        ADD_FAILURE_AT(path.c_str(), line) << "no treatment '" << id << "' in the knowledge base";
      } else if (!infer::withheld(r, kb, *treatment)) {
        ADD_FAILURE_AT(path.c_str(), line) << '"' << c.text << "\": " << id << " would be offered";
      }
    }
    // Danger first: an urgent or emergency flag that suggests causes puts one of them first.
    bool suggests_any = false;
    for (const infer::TriageReason& t : r.triage.reasons) {
      if (t.kind == infer::TriageReason::Kind::red_flag && t.level >= kb::Level::urgent) {
        suggests_any |= !kb.ids(kb.red_flags()[t.index].suggests).empty();
      }
    }
    if (suggests_any && !r.causes.empty() && !infer::suggested_by_flag(r.triage, kb, r.causes[0].cause, kb::Level::urgent)) {
      ADD_FAILURE_AT(path.c_str(), c.line) << '"' << c.text << "\": a red flag names its cause, but " << first << " leads";
    }
    if (r.triage.level >= kb::Level::urgent) {
      const std::string summary = report::confidence_sentence(r, kb);
      if (summary.find("harmless") != std::string::npos) {
        ADD_FAILURE_AT(path.c_str(), c.line) << '"' << c.text << "\": an urgent report's summary reassures: " << summary;
      }
    }
  }
  return counts;
}

TEST(TriageCases, DangersReachTheirLevelAndLeadWithTheirCauseBenignTextsStayCalm) {
  const Counts n = run_cases(std::string(CRAMPX_SOURCE_DIR) + "/tests/cases/triage.txt", kb::embedded());
  EXPECT_GT(n.dangerous, 0);
  EXPECT_GE(n.benign, 30);
  RecordProperty("dangerous", n.dangerous);
  RecordProperty("benign", n.benign);
}

}  // namespace
}  // namespace crampx::test
