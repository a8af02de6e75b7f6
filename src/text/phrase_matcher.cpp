#include "text/phrase_matcher.h"

#include <algorithm>

namespace crampx::text {
namespace {

// Start lists longer than this are searched by second stem; a shorter one is cheaper to scan.
constexpr std::size_t kScanAtMost = 24;

bool ends_in_ly(std::string_view w) { return w.size() > 2 && w.substr(w.size() - 2) == "ly"; }

}  // namespace

bool same_surface(const Tokens& tokens, const std::vector<std::uint32_t>& used, std::string_view words) {
  std::size_t pos = 0;
  for (std::size_t k = 0; k < used.size(); ++k) {
    const std::string_view w = tokens.norm(tokens.tokens[used[k]]);
    if (words.substr(pos, w.size()) != w) return false;
    pos += w.size();
    if (pos < words.size()) {
      if (words[pos] != ' ') return false;
      ++pos;
    }
  }
  return pos == words.size();
}

bool same_part_of_speech(const Tokens& tokens, const std::vector<std::uint32_t>& used, std::string_view words) {
  for (const std::uint32_t t : used) {
    const std::size_t space = words.find(' ');
    const std::string_view a = tokens.norm(tokens.tokens[t]);
    const std::string_view b = words.substr(0, space);
    if (ends_in_ly(a) != ends_in_ly(b) && (ends_in_ly(a) ? a.size() >= b.size() : b.size() >= a.size())) return false;
    words.remove_prefix(space == std::string_view::npos ? words.size() : space + 1);
  }
  return true;
}

void PhraseMatcher::find_candidates(std::uint32_t i, std::uint32_t end, std::uint32_t head,
                                    std::span<const std::uint32_t> starts) {
  candidates_.clear();
  const auto& toks = tokens_.tokens;
  // The stems a phrase's second word may have here: those of the next word and, while
  // the words are fillers, of the words after it. Most candidates fail on this check.
  std::uint32_t second[2 * (kMaxFillers + 1)];
  std::size_t n_second = 0;
  for (std::uint32_t j = i + 1, words = 0; j < end && words <= kMaxFillers; ++j) {
    if (toks[j].kind == TokenKind::punct) {
      if (toks[j].sentence_end || (toks[j].punct != '-' && toks[j].punct != '/')) break;
      continue;
    }
    second[n_second++] = info_[j].stem;
    second[n_second++] = triggers_ ? kb::kNone : info_[j].repaired;
    ++words;
    if ((info_[j].flags & kb::kFiller) == 0) break;
  }
  // The candidates, in the start list's order (longest first): one-word phrases and
  // those whose second stem is one of `second`.
  if (starts.size() > kScanAtMost) {
    const auto by_second = kb_.second_stems(triggers_ ? vocab_[head].trigger_seconds : vocab_[head].seconds);
    auto add_filed_under = [&](std::uint32_t key) {
      auto it = std::lower_bound(by_second.begin(), by_second.end(), key,
                                 [](const kb::SecondStemRec& r, std::uint32_t k) { return r.second < k; });
      for (; it != by_second.end() && it->second == key; ++it) candidates_.push_back(it->position);
    };
    add_filed_under(kb::kNone);
    for (std::size_t k = 0; k < n_second; ++k) {
      if (second[k] != kb::kNone && std::find(second, second + k, second[k]) == second + k) add_filed_under(second[k]);
    }
    std::sort(candidates_.begin(), candidates_.end());
  } else {
    for (std::uint32_t n = 0; n < starts.size(); ++n) {
      const auto stems = kb_.ids(phrases_[starts[n]].stems);
      if (stems.size() == 1 || std::find(second, second + n_second, stems[1]) != second + n_second) {
        candidates_.push_back(n);
      }
    }
  }
}

}  // namespace crampx::text
