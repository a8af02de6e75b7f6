// Scoring, as docs/SCORING.md describes: naive-Bayes log-odds. Each cause starts
// from its prior; a present finding adds log(P(f|cause) / base_rate(f)), a denied
// one min(0, log((1 - P(f|cause)) / (1 - base_rate(f)))); an uncertain one half of the
// present weight; unknown findings add nothing. Probabilities are the softmax of
// the scores over all causes.
#pragma once

#include <cstdint>
#include <vector>

#include "infer/evidence.h"
#include "kb/knowledge_base.h"

namespace crampx::infer {

// Weight of a finding reported as possible, relative to a present one.
inline constexpr double kPossibleWeight = 0.5;

struct Contribution {
  std::uint32_t finding;
  double bits;  // log2 of the likelihood ratio applied (positive: for the cause)
  State state;
};

struct CauseScore {
  std::uint32_t cause;
  double log_odds;     // natural log, before normalization
  double probability;  // normalized over all causes
  std::vector<Contribution> supporting;   // present findings that raise it, strongest first
  std::vector<Contribution> conflicting;  // findings that lower it (denied expected ones, or against it)
  std::vector<std::uint32_t> unconfirmed;  // expected findings nobody mentioned, most expected first
};

// P(finding | cause) as scoring uses it: the cause's frequency, clamped, or the
// finding's base rate when the cause does not list it (a neutral finding).
double likelihood(const kb::KnowledgeBase& kb, std::uint32_t cause, std::uint32_t finding);

// Scores every cause; sorted by probability, highest first. `explain` fills the
// supporting / conflicting / unconfirmed lists (not needed for ranking alone).
void score_causes(const Evidence& evidence, const kb::KnowledgeBase& kb, bool explain, std::vector<CauseScore>& out);

}  // namespace crampx::infer
