// Searching the knowledge base by words (`crampx search`): what the words would be
// recognized as in a description, then every object whose label (or, for a
// finding, one of its phrases) shares their stems. Words the vocabulary does not
// know are repaired first ("did you mean"), and the repaired query is searched.
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
  std::string did_you_mean;  // the query as repaired and searched; empty when no word needed it
};

SearchResult search_kb(std::string_view query, const kb::KnowledgeBase& kb, std::size_t limit = 20);

}  // namespace crampx::text
