// Calibration of the ranking for bench/vignette_eval: the reliability table (the report's
// top cause's probability in bins of 0.2, against the share of texts whose top cause is
// right) and the fit of the knowledge base's two global numbers (`scoring`: the unlisted
// share and the temperature) by cross-validation over fixed folds.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "infer/report.h"
#include "kb/knowledge_base.h"

namespace crampx::bench {

// One in-scope text of the evaluation set, with what scoring needs to rank it again
// under other parameters: each cause's evidence does not depend on them.
struct CalibrationCase {
  std::string id;
  std::vector<infer::CauseScore> scores;  // evidence filled in; the explanation lists empty
  infer::Triage triage;                   // the red flags, which may put a cause first
  std::vector<std::uint32_t> right;       // the expected causes this knowledge base holds
  bool right_is_unlisted = false;         // none of the expected causes is in it
};

CalibrationCase calibration_case(std::string id, const infer::Report& report, const std::vector<std::string>& expected,
                                 const kb::KnowledgeBase& kb);

struct ReliabilityBin {
  int n = 0;
  double sum_p = 0;
  int right = 0;
};

struct Calibration {
  ReliabilityBin bins[5];  // top probability in [0, 0.2), [0.2, 0.4) ... [0.8, 1]
  int n = 0, top1 = 0;
  double log_loss = 0;     // mean -ln P(a right answer), the unlisted share counting for unlisted causes
  // The largest |mean probability - share right| over bins with at least `min_cases` texts.
  double max_gap(int min_cases) const;
};

// Scores `cases` under `params` as the product does (rank_causes, then danger first).
Calibration evaluate(const std::vector<const CalibrationCase*>& cases, const kb::KnowledgeBase& kb,
                     const infer::ScoringParams& params);

// The parameters on a grid that minimize the mean log loss on `cases` among those that keep
// its reliability table within 0.15 (bins of at least 10 texts); if none does, the ones with
// the smallest gap.
infer::ScoringParams fit(const std::vector<const CalibrationCase*>& cases, const kb::KnowledgeBase& kb);

// The fold of a text: its id's stable hash, modulo `folds`.
int fold_of(const std::string& id, int folds);

// Prints the reliability table, one line per bin.
std::string reliability_table(const Calibration& c);

// The cross-validation: for each of `folds` folds, fits on the others and predicts it; prints
// each fold's parameters, the out-of-fold figures and their reliability table, then the fit on
// every text (the numbers to write into the knowledge base's `scoring`).
std::string cross_validate(const std::vector<CalibrationCase>& cases, const kb::KnowledgeBase& kb, int folds);

}  // namespace crampx::bench
