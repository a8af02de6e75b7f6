#include "compile/word_class_builder.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>

#include "base/hash.h"
#include "text/tokenize.h"

namespace crampx::compile {
namespace {

struct ClassList {
  const char* key;        // member of /language/word_classes
  kb::WordClass bit;
  std::size_t max_words;  // the most words an entry may have (the engine reads no more)
};

constexpr ClassList kLists[] = {
    {"clause_words", kb::kClauseWord, 1},       {"site_connectors", kb::kSiteConnector, 1},
    {"subject_words", kb::kSubjectWord, 1},     {"question_openers", kb::kQuestionOpener, 2},
    {"summing_words", kb::kSummingWord, 1},     {"list_introducers", kb::kListIntroducer, 1},
    {"list_separators", kb::kListSeparator, 1}, {"clause_joiners", kb::kClauseJoiner, 1},
    {"abbreviations", kb::kAbbreviation, 1},    {"first_person_words", kb::kFirstPerson, 1},
    {"third_person_words", kb::kThirdPerson, 1},
    {"referring_words", kb::kReferring, 1},     {"condition_words", kb::kConditionWord, 1},
    {"age_words", kb::kAgeWord, 1},
};

}  // namespace

void build_word_classes(const kb::Document& doc, ImageBuilder& b, std::vector<kb::Problem>& problems) {
  const nlohmann::json& classes = doc.root.at("language").at("word_classes");
  std::map<std::string, std::uint16_t> words;
  text::Tokens tokens;
  for (const ClassList& list : kLists) {
    if (!classes.contains(list.key)) continue;  // the person words are optional (an older knowledge base has none)
    const nlohmann::json& entries = classes.at(list.key);
    for (std::size_t k = 0; k < entries.size(); ++k) {
      const std::string entry = entries[k].get<std::string>();
      text::tokenize(entry, tokens);
      std::string normalized;
      std::size_t n = 0;
      for (const text::Token& t : tokens.tokens) {
        if (t.kind != text::TokenKind::word) continue;
        if (n++ > 0) normalized += ' ';
        normalized += tokens.norm(t);
      }
      if (n == 0 || n > list.max_words) {
        const std::string pointer = fmt::format("/language/word_classes/{}/{}", list.key, k);
        problems.push_back({doc.file_of(pointer), pointer,
                            fmt::format("'{}' reads as {} words; this list takes {}", entry, n,
                                        list.max_words == 1 ? "one" : "one or two")});
        continue;
      }
      words[normalized] = static_cast<std::uint16_t>(words[normalized] | list.bit);
    }
  }
  // Sorted by hash for the reader's binary search (kb/image.h), then by words: the same
  // knowledge base always gives the same bytes.
  std::vector<std::tuple<std::uint64_t, std::string, std::uint16_t>> sorted;
  for (const auto& [w, bits] : words) sorted.emplace_back(stable_hash(w), w, bits);
  std::sort(sorted.begin(), sorted.end());
  for (const auto& [hash, w, bits] : sorted) b.word_classes.push_back({hash, b.str(w), bits});
}

}  // namespace crampx::compile
