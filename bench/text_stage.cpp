// The text stage alone, as a whole process, for comparison with ripgrep's
// multi-literal search (`rg -F -f PHRASES FILE`), the practical floor for finding
// many phrases in text: reads FILE, runs analyze() (tokens, stems, lexicon, typo
// repair, assertion) on each line, and prints the number of lines and of mentions.
//   text_stage FILE
#include <cstdio>
#include <fstream>
#include <string>

#include "kb/knowledge_base.h"
#include "text/analyze.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: text_stage FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "text_stage: cannot read %s\n", argv[1]);
    return 2;
  }
  const crampx::kb::KnowledgeBase& kb = crampx::kb::embedded();
  crampx::text::Scratch scratch;
  crampx::text::Analysis analysis;
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
