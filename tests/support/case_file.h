// The format shared by the case files in tests/cases/: cases separated by blank lines; a
// case's first line is its text, the lines after it what must hold of it; lines starting
// with '#' are comments. Each test parses the expectation lines its own file holds.
#pragma once

#include <string>
#include <vector>

namespace crampx::test {

struct CaseLine {
  int number = 0;  // 1-based line number in the file, for failures
  std::string text;
};

struct CaseBlock {
  CaseLine text;                  // the description under test
  std::vector<CaseLine> expects;  // the lines after it, in order
};

// The cases of the file at `path`; an unreadable file is a test failure (and no cases).
std::vector<CaseBlock> read_case_file(const std::string& path);

}  // namespace crampx::test
