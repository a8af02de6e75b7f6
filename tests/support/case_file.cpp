#include "support/case_file.h"

#include <gtest/gtest.h>

#include <fstream>

namespace crampx::test {

std::vector<CaseBlock> read_case_file(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::vector<CaseBlock> cases;
  bool in_case = false;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      in_case = false;
    } else if (line[0] == '#') {
      continue;
    } else if (!in_case) {
      cases.push_back({{number, line}, {}});
      in_case = true;
    } else {
      cases.back().expects.push_back({number, line});
    }
  }
  return cases;
}

}  // namespace crampx::test
