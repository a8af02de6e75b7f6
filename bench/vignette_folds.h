// Cross-validation for vignette_eval: the evaluation file split into kFolds fixed folds
// by a stable hash of each row's id, so a row stays in its fold whatever else the file
// holds. Vocabulary is written from the misses of four folds (--misses --exclude-fold K)
// and checked on the fifth, which was not looked at; the per-fold figures and the worst
// fold say how well that generalizes.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "base/hash.h"

namespace vignette {

inline constexpr int kFolds = 5;

// The fold of a row: its id's FNV-1a hash, high half folded onto the low (the low bits
// alone split ids that differ in their last digit unevenly), modulo kFolds.
inline int fold_of(std::string_view id) {
  const std::uint64_t h = crampx::stable_hash(id);
  return static_cast<int>((h ^ (h >> 32)) % kFolds);
}

struct FoldTally {
  int in_scope = 0, top1 = 0, top3 = 0;
  int unexplained = 0;  // in-scope rows answered "cannot explain"
  int out_of_scope = 0, answered = 0;  // out-of-scope rows, and those answered as cramps anyway
};

class Folds {
 public:
  // An in-scope row whose expected cause came at `rank` (1-based; 0 when not ranked), and
  // whether crampx explained it at all.
  void add_in_scope(int fold, std::size_t rank, bool explained) {
    FoldTally& t = tally_[static_cast<std::size_t>(fold)];
    ++t.in_scope;
    t.top1 += rank == 1;
    t.top3 += rank >= 1 && rank <= 3;
    t.unexplained += !explained;
  }
  void add_out_of_scope(int fold, bool answered) {
    FoldTally& t = tally_[static_cast<std::size_t>(fold)];
    ++t.out_of_scope;
    t.answered += answered;
  }

  // One line per fold, then the worst fold's top-1 and top-3 (each taken over the folds on
  // its own) and the totals of unexplained and wrongly answered rows.
  void print() const {
    double worst1 = 1, worst3 = 1;
    int worst1_fold = 0, worst3_fold = 0, unexplained = 0, answered = 0, out = 0;
    for (int k = 0; k < kFolds; ++k) {
      const FoldTally& t = tally_[static_cast<std::size_t>(k)];
      const double top1 = ratio(t.top1, t.in_scope), top3 = ratio(t.top3, t.in_scope);
      std::printf("fold %d: in_scope=%d top1=%.3f top3=%.3f unexplained=%d out_of_scope=%d answered=%d\n", k,
                  t.in_scope, top1, top3, t.unexplained, t.out_of_scope, t.answered);
      if (top1 < worst1) worst1 = top1, worst1_fold = k;
      if (top3 < worst3) worst3 = top3, worst3_fold = k;
      unexplained += t.unexplained;
      answered += t.answered;
      out += t.out_of_scope;
    }
    std::printf("worst fold: top1=%.3f (fold %d) top3=%.3f (fold %d); in-scope unexplained=%d; "
                "out-of-scope answered=%d of %d\n",
                worst1, worst1_fold, worst3, worst3_fold, unexplained, answered, out);
  }

  double worst_top1() const {
    double w = 1;
    for (const FoldTally& t : tally_) w = std::min(w, ratio(t.top1, t.in_scope));
    return w;
  }
  double worst_top3() const {
    double w = 1;
    for (const FoldTally& t : tally_) w = std::min(w, ratio(t.top3, t.in_scope));
    return w;
  }

 private:
  static double ratio(int a, int b) { return b == 0 ? 1.0 : static_cast<double>(a) / b; }
  std::array<FoldTally, kFolds> tally_{};
};

// --exclude-fold K / --only-fold K: which rows' misses to list (the figures cover all rows).
struct FoldFilter {
  int exclude = -1;
  int only = -1;
  bool shows(int fold) const { return fold != exclude && (only < 0 || fold == only); }
};

}  // namespace vignette
