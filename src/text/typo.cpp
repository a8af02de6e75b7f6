#include "text/typo.h"

#include <algorithm>
#include <array>
#include <span>
#include <tuple>
#include <vector>


namespace crampx::text {

int max_typo_distance(std::size_t length) {
  if (length <= 3) return 0;
  if (length <= 7) return 1;
  return 2;
}

int index_delete_depth(std::size_t length) {
  // A typo of up to 2 edits is only allowed on words of 8+ letters, which lie within
  // 2 letters of a lexicon word of 6+ letters.
  if (length >= 6) return 2;
  if (length >= 3) return 1;
  return 0;
}

int osa_distance(std::string_view a, std::string_view b, int limit) {
  const auto n = a.size();
  const auto m = b.size();
  if (static_cast<int>(n > m ? n - m : m - n) > limit) return limit + 1;
  constexpr std::size_t kMax = 64;
  if (n >= kMax || m >= kMax) return limit + 1;
  std::array<std::array<int, kMax>, 3> rows{};  // rolling rows i-2, i-1, i
  for (std::size_t j = 0; j <= m; ++j) rows[1][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    auto& cur = rows[(i + 1) % 3];
    const auto& prev = rows[i % 3];
    const auto& prev2 = rows[(i + 2) % 3];
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > limit) return limit + 1;
  }
  const int d = rows[(n + 1) % 3][m];
  return d > limit ? limit + 1 : d;
}

namespace {

// The first record with `hash`, or end. The hashes are sorted and spread evenly over
// 64 bits, so interpolation finds the place in a few probes where a binary search
// would take about twenty, each likely a cache miss: this lookup is the hot loop of
// typo repair.
const kb::DeleteRec* find_hash(std::span<const kb::DeleteRec> recs, std::uint64_t hash) {
  std::size_t lo = 0;
  std::size_t hi = recs.size();  // the answer lies in [lo, hi]
  constexpr int kProbes = 4;
  for (int probe = 0; probe < kProbes && hi - lo > 16; ++probe) {
    const std::uint64_t a = recs[lo].hash;
    const std::uint64_t b = recs[hi - 1].hash;
    if (hash <= a) {
      hi = lo;
      break;
    }
    if (hash > b) {
      lo = hi;
      break;
    }
    const auto span = static_cast<long double>(b - a);
    auto mid = lo + static_cast<std::size_t>(static_cast<long double>(hash - a) / span * static_cast<long double>(hi - 1 - lo));
    mid = std::min(std::max(mid, lo), hi - 1);
    if (recs[mid].hash < hash) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  const auto it = std::lower_bound(recs.begin() + static_cast<std::ptrdiff_t>(lo), recs.begin() + static_cast<std::ptrdiff_t>(hi),
                                   hash, [](const kb::DeleteRec& r, std::uint64_t v) { return r.hash < v; });
  return recs.data() + (it - recs.begin());
}

// How many finding phrases use each vocabulary stem: the knowledge base's own measure of
// how central a word is ("cramp" in dozens, "crop" in one). Counted once per scratch and
// knowledge base.
std::span<const std::uint32_t> finding_uses(const kb::KnowledgeBase& kb, TypoScratch& scratch) {
  if (scratch.uses_of != kb.serial()) {
    scratch.uses.assign(kb.vocab().size(), 0);
    for (const kb::PhraseRec& p : kb.phrases()) {
      if (p.target_kind != kb::PhraseTarget::finding) continue;
      for (const std::uint32_t s : kb.ids(p.stems)) ++scratch.uses[s];
    }
    scratch.uses_of = kb.serial();
  }
  return scratch.uses;
}

// Whether `word` keeps the stem of `candidate` whole and differs from it only in an ending
// more than one edit away: a word built on the stem ("crampons" on "cramp"), not a misspelt
// form of it ("crampes", "crampping" are one edit from "cramps", "cramping"). A typist who
// got the whole stem right makes a small slip in the ending, not two.
bool derived_from_stem(std::string_view word, std::string_view candidate, std::string_view stem) {
  if (stem.empty() || !word.starts_with(stem) || !candidate.starts_with(stem)) return false;
  return osa_distance(word.substr(stem.size()), candidate.substr(stem.size()), 1) > 1;
}

}  // namespace

std::optional<Correction> correct(std::string_view word, const kb::KnowledgeBase& kb, Stemmer& stemmer,
                                  TypoScratch& scratch) {
  if (kb.find_stem(stemmer.stem(word))) return std::nullopt;
  return correct_unknown(word, kb, scratch);
}

std::optional<Correction> correct_unknown(std::string_view word, const kb::KnowledgeBase& kb, TypoScratch& scratch) {
  const int limit = max_typo_distance(word.size());
  if (limit == 0 || word.size() >= 40) return std::nullopt;
  for (char c : word) {
    if (c < 'a' || c > 'z') return std::nullopt;  // only plain words: not numbers, not other scripts
  }
  if (kb.in_dictionary(word)) return std::nullopt;  // a real word, just not one the knowledge base uses

  const auto deletes = kb.deletes();
  const auto words = kb.typo_words();
  const auto uses = finding_uses(kb, scratch);
  // Nearest first; then the same first letter (typos rarely hit it); then the word more
  // finding phrases use, so "crmp" is "cramp", not "crop"; then the nearer length; then
  // alphabetical, so the choice never depends on the index order.
  auto rank = [&](std::uint32_t typo_word, int dist) {
    const std::string_view w = kb.str(words[typo_word].word);
    const auto len_diff = w.size() > word.size() ? w.size() - word.size() : word.size() - w.size();
    return std::tuple(dist, w[0] != word[0], -static_cast<std::int64_t>(uses[words[typo_word].stem]), len_diff, w);
  };
  std::optional<Correction> best;
  std::vector<std::uint32_t>& seen = scratch.seen;
  scratch.word.assign(word);
  seen.clear();
  for_each_deletion(scratch.word, limit, [&](std::uint64_t h) {
    const kb::DeleteRec* const end = deletes.data() + deletes.size();
    for (const kb::DeleteRec* it = find_hash(deletes, h); it != end && it->hash == h; ++it) {
      if (std::find(seen.begin(), seen.end(), it->word) != seen.end()) continue;
      seen.push_back(it->word);
      const std::string_view candidate = kb.str(words[it->word].word);
      const int d = osa_distance(word, candidate, limit);
      if (d > limit) continue;
      if (d > 1 && derived_from_stem(word, candidate, kb.str(kb.vocab()[words[it->word].stem].stem))) continue;
      if (!best || rank(it->word, d) < rank(best->typo_word, best->distance)) {
        best = Correction{it->word, d};
      }
    }
  });
  return best;
}

}  // namespace crampx::text
