// Searching the knowledge base by words (`crampx search`): what the words would be
// recognized as in a description, then every object whose label (or, for a
// finding, one of its phrases) shares their stems; with "did you mean" spellings
// when nothing matches.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kb/knowledge_base.h"

namespace crampx::text {

struct SearchHit {
  std::string kind;     // cause, finding, mechanism, condition, diagnostic, treatment, prevention, red_flag
  std::string_view id;
  std::string_view label;
  std::string why;      // "recognized as ...", or the words that matched
  int score;
};

struct SearchResult {
  std::vector<SearchHit> hits;            // best first
  std::vector<std::string> did_you_mean;  // spellings to try when `hits` is empty
};

SearchResult search_kb(std::string_view query, const kb::KnowledgeBase& kb, std::size_t limit = 20);

}  // namespace crampx::text
