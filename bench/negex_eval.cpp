// negex_eval FILE.tsv [--errors]: scores crampx's assertion engine on a NegEx-format
// annotation file (row, concept, sentence, negation, temporality, experiencer; a
// header line). Each concept is found in its sentence by its words, case-insensitively,
// and assessed by the same code the product uses (text::read_text, assert_text,
// assess over the embedded knowledge base's triggers). Prints precision, recall and
// F1 for negation, historical and hypothetical as the positive class, and the speed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kb/knowledge_base.h"
#include "text/analyze.h"

namespace {

using crampx::text::TokenRange;

struct Row {
  std::string id, concept_text, sentence;
  bool negated = false, historical = false, hypothetical = false;
};

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    const auto tab = line.find('\t');
    out.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return out;
    line.remove_prefix(tab + 1);
  }
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool read_rows(const char* path, std::vector<Row>& rows) {
  std::ifstream in(path);
  if (!in) return false;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (header) {
      header = false;
      continue;
    }
    const auto cols = split_tabs(line);
    if (cols.size() < 6) continue;
    Row r;
    r.id = cols[0];
    r.concept_text = cols[1];
    r.sentence = cols[2];
    r.negated = lower(cols[3]) == "negated";
    const std::string temporality = lower(cols[4]);
    r.historical = temporality == "historical";
    r.hypothetical = temporality == "not particular" || temporality == "hypothetical";
    rows.push_back(std::move(r));
  }
  return true;
}

// The word tokens of a text, as indices into its tokens.
std::vector<std::uint32_t> word_tokens(const crampx::text::Tokens& t) {
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < t.tokens.size(); ++i) {
    if (t.tokens[i].kind == crampx::text::TokenKind::word) out.push_back(i);
  }
  return out;
}

bool all_upper(std::string_view bytes) {
  bool letters = false;
  for (const char c : bytes) {
    if (c >= 'a' && c <= 'z') return false;
    letters = letters || (c >= 'A' && c <= 'Z');
  }
  return letters;
}

// Where the concept's words stand in the sentence (punctuation ignored): the whole
// concept if it is there, else its longest run of words that is (an annotator's
// concept sometimes runs past the sentence it was cut from). Of equal runs, the one
// the annotators wrote in capitals wins, then one that is not a heading ("Allergies:").
std::optional<TokenRange> find_concept(std::string_view text, const crampx::text::Tokens& sentence,
                                       const crampx::text::Tokens& concept_tokens) {
  const auto s = word_tokens(sentence);
  const auto c = word_tokens(concept_tokens);
  std::optional<TokenRange> best;
  std::size_t best_len = 0;
  int best_rank = -1;
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (std::size_t j = 0; j < c.size(); ++j) {
      std::size_t k = 0;
      while (i + k < s.size() && j + k < c.size() &&
             sentence.norm(sentence.tokens[s[i + k]]) == concept_tokens.norm(concept_tokens.tokens[c[j + k]])) {
        ++k;
      }
      if (k == 0 || k < best_len) continue;
      const TokenRange r{s[i], s[i + k - 1]};
      const auto begin = sentence.tokens[r.first].begin;
      const bool upper = all_upper(text.substr(begin, sentence.tokens[r.last].end - begin));
      const bool heading = r.last + 1 < sentence.tokens.size() && sentence.tokens[r.last + 1].punct == ':';
      const int rank = (upper ? 2 : 0) + (heading ? 0 : 1);
      if (k > best_len || rank > best_rank) {
        best = r;
        best_len = k;
        best_rank = rank;
      }
    }
  }
  return best;
}

struct Score {
  int tp = 0, fp = 0, fn = 0;
  void add(bool gold, bool predicted) {
    tp += gold && predicted ? 1 : 0;
    fp += !gold && predicted ? 1 : 0;
    fn += gold && !predicted ? 1 : 0;
  }
  void print(const char* name) const {
    const double p = tp + fp == 0 ? 0.0 : static_cast<double>(tp) / (tp + fp);
    const double r = tp + fn == 0 ? 0.0 : static_cast<double>(tp) / (tp + fn);
    const double f = p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    std::printf("%-13s precision=%.3f recall=%.3f f1=%.3f (tp=%d fp=%d fn=%d)\n", name, p, r, f, tp, fp, fn);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: negex_eval FILE.tsv [--errors]\n");
    return 2;
  }
  const bool show_errors = argc > 2 && std::string_view(argv[2]) == "--errors";
  std::vector<Row> rows;
  if (!read_rows(argv[1], rows)) {
    std::fprintf(stderr, "negex_eval: cannot read %s\n", argv[1]);
    return 2;
  }
  const crampx::kb::KnowledgeBase& kb = crampx::kb::embedded();
  crampx::text::Scratch scratch;
  crampx::text::Tokens concept_tokens;
  const crampx::text::AnalyzeOptions options{};

  Score negation, historical, hypothetical;
  int missing = 0;
  for (const Row& r : rows) {
    crampx::text::read_text(r.sentence, kb, options, scratch);
    crampx::text::tokenize(r.concept_text, concept_tokens);
    const auto range = find_concept(r.sentence, scratch.tokens, concept_tokens);
    crampx::text::Assertion a;
    if (range) {
      crampx::text::assert_text(kb, scratch, std::span(&*range, 1));
      a = crampx::text::assess(scratch, *range);
    } else {
      ++missing;
    }
    negation.add(r.negated, a.negated);
    historical.add(r.historical, a.historical);
    hypothetical.add(r.hypothetical, a.hypothetical);
    if (show_errors && (r.negated != a.negated || r.historical != a.historical || r.hypothetical != a.hypothetical)) {
      std::printf("%s\tgold=%s%s%s\tgot=%s%s%s%s%s\t[%s]\t%s\n", r.id.c_str(), r.negated ? "N" : "-",
                  r.historical ? "H" : "-", r.hypothetical ? "Y" : "-", a.negated ? "N" : "-",
                  a.historical ? "H" : "-", a.hypothetical ? "Y" : "-", a.possible ? "P" : "-",
                  a.family ? "F" : "-", r.concept_text.c_str(), r.sentence.c_str());
    }
  }

  // Speed: the engine alone (the concept positions are found once, outside the clock).
  std::vector<std::optional<TokenRange>> ranges;
  for (const Row& r : rows) {
    crampx::text::read_text(r.sentence, kb, options, scratch);
    crampx::text::tokenize(r.concept_text, concept_tokens);
    ranges.push_back(find_concept(r.sentence, scratch.tokens, concept_tokens));
  }
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  std::size_t done = 0;
  int sink = 0;
  do {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      crampx::text::read_text(rows[i].sentence, kb, options, scratch);
      if (!ranges[i]) continue;
      crampx::text::assert_text(kb, scratch, std::span(&*ranges[i], 1));
      sink += crampx::text::assess(scratch, *ranges[i]).negated ? 1 : 0;
    }
    done += rows.size();
  } while (Clock::now() - start < std::chrono::milliseconds(500));
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();

  std::printf("rows=%zu concept_not_found=%d\n", rows.size(), missing);
  negation.print("negation");
  historical.print("historical");
  hypothetical.print("hypothetical");
  std::printf("sentences_per_second=%.0f\n", static_cast<double>(done) / seconds + (sink < 0 ? 1 : 0));
  return 0;
}
