// matcher_check FILE...: the phrase matcher against its slow reference
// (tests/support/reference_matcher.h, a linear scan over every phrase at every token) on
// every text of each file: a JSON Lines file of records with a "text" (the dev set), or a
// NegEx-format TSV with a header line (the sentence column). Prints each text on which they
// disagree, with the first difference, and per file how many texts were read, what the
// reference matched in them, and how many disagreed. Exit status 1 when any text disagrees,
// 2 when a file cannot be read.
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kb/knowledge_base.h"
#include "support/reference_matcher.h"
#include "text/analyze.h"

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The texts of a file: "text" of each JSON line, or the third column of each TSV row.
bool read_texts(const char* path, std::vector<std::string>& texts) {
  std::ifstream in(path);
  if (!in) return false;
  const bool jsonl = ends_with(path, ".jsonl");
  std::string line;
  bool header = !jsonl;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (header || line.empty()) {
      header = false;
      continue;
    }
    if (jsonl) {
      const nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
      if (row.is_object() && row.contains("text") && row["text"].is_string()) texts.push_back(row["text"]);
      continue;
    }
    const std::size_t a = line.find('\t');
    const std::size_t b = a == std::string::npos ? a : line.find('\t', a + 1);
    const std::size_t c = b == std::string::npos ? b : line.find('\t', b + 1);
    if (c != std::string::npos) texts.push_back(line.substr(b + 1, c - b - 1));
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: matcher_check FILE.jsonl|FILE.tsv...\n", stderr);
    return 2;
  }
  const crampx::kb::KnowledgeBase& kb = crampx::kb::embedded();
  crampx::text::Scratch scratch;  // one for every text, as a stream's thread has
  int status = 0;
  for (int f = 1; f < argc; ++f) {
    std::vector<std::string> texts;
    if (!read_texts(argv[f], texts)) {
      std::fprintf(stderr, "matcher_check: cannot read %s\n", argv[f]);
      return 2;
    }
    std::size_t findings = 0, triggers = 0, repaired = 0, disagreements = 0;
    for (const std::string& t : texts) {
      const auto reference = crampx::test::read_with_reference(t, kb);
      const auto product = crampx::test::read_with_product(t, kb, scratch);
      findings += reference.findings.size();
      triggers += reference.triggers.size();
      for (const auto& m : reference.findings) repaired += m.repaired ? 1 : 0;
      const std::string difference = crampx::test::first_difference(t, reference, product, kb);
      if (difference.empty()) continue;
      ++disagreements;
      std::printf("DISAGREE %s\n  text: %s\n  %s\n", argv[f], t.c_str(), difference.c_str());
    }
    std::printf("%s: texts=%zu finding_matches=%zu trigger_matches=%zu repaired_matches=%zu disagreements=%zu\n",
                argv[f], texts.size(), findings, triggers, repaired, disagreements);
    if (disagreements > 0) status = 1;
  }
  return status;
}
