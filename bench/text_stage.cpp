// The text stage alone, as a whole process, for comparison with ripgrep's
// multi-literal search (`rg -F -f PHRASES FILE`), the practical floor for finding
// many phrases in text: reads FILE, runs analyze() (tokens, stems, lexicon, typo
// repair, assertion) on each line, and prints the number of lines and of mentions.
// With --whole N, the file is one text, read N times over (for counting the
// instructions of one pass, the second minus the first: bench/perf.sh).
//   text_stage FILE
//   text_stage --whole N FILE
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <string>

#include "kb/knowledge_base.h"
#include "text/analyze.h"

int main(int argc, char** argv) {
  const bool whole = argc == 4 && std::strcmp(argv[1], "--whole") == 0;
  if (argc != 2 && !whole) {
    std::fprintf(stderr, "usage: text_stage FILE | text_stage --whole N FILE\n");
    return 2;
  }
  const char* path = argv[argc - 1];
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "text_stage: cannot read %s\n", path);
    return 2;
  }
  const crampx::kb::KnowledgeBase& kb = crampx::kb::embedded();
  crampx::text::Scratch scratch;
  crampx::text::Analysis analysis;
  if (whole) {
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const long passes = std::strtol(argv[2], nullptr, 10);
    for (long i = 0; i < passes; ++i) crampx::text::analyze(text, kb, {}, scratch, analysis);
    std::printf("bytes=%zu passes=%ld mentions=%zu\n", text.size(), passes, analysis.mentions.size());
    return 0;
  }
  std::string line;
  std::size_t lines = 0, mentions = 0;
  while (std::getline(in, line)) {
    crampx::text::analyze(line, kb, {}, scratch, analysis);
    ++lines;
    mentions += analysis.mentions.size();
  }
  std::printf("lines=%zu mentions=%zu\n", lines, mentions);
  return 0;
}
