// Scoring, as docs/SCORING.md describes: naive-Bayes log-odds. A present finding adds
// log(P(f|cause) / base_rate(f)) to a cause's evidence, a denied one
// min(0, log((1 - P(f|cause)) / (1 - base_rate(f)))), an uncertain one half of the present
// weight; unknown findings add nothing. A cause's log-odds are its log prior plus its
// evidence divided by the knowledge base's temperature. Probabilities are the softmax of
// the log-odds over all causes and one more: a cause the knowledge base does not hold, whose
// evidence is always 0 (every finding is as common under it as its base rate).
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

// The ranking's global numbers, the knowledge base's `scoring` (docs/SCORING.md).
struct ScoringParams {
  double unlisted_share = 0;  // prior probability of a cause the knowledge base does not hold
  double temperature = 1;     // each log-odds (log prior + evidence) is divided by it

  static ScoringParams of(const kb::KnowledgeBase& kb) {
    return {kb.meta().unlisted_share, kb.meta().temperature};
  }
};

struct CauseScore {
  std::uint32_t cause;
  double evidence;     // natural log: the sum of the findings' weights for the cause
  double log_odds;     // natural log, before normalization: (log prior + evidence) / temperature
  double probability;  // normalized over all causes and the unlisted one
  std::vector<Contribution> supporting;   // present findings that raise it, strongest first
  std::vector<Contribution> conflicting;  // findings that lower it (denied expected ones, or against it)
  std::vector<std::uint32_t> unconfirmed;  // expected findings nobody mentioned, most expected first
};

// P(finding | cause) as scoring uses it: the cause's frequency, clamped, or the
// finding's base rate when the cause does not list it (a neutral finding).
double likelihood(const kb::KnowledgeBase& kb, std::uint32_t cause, std::uint32_t finding);

// Scores every cause; sorted by probability, highest first. `explain` fills the
// supporting / conflicting / unconfirmed lists (not needed for ranking alone). Returns the
// share of a cause the knowledge base does not hold: it and the causes' probabilities sum to 1.
double score_causes(const Evidence& evidence, const kb::KnowledgeBase& kb, bool explain, std::vector<CauseScore>& out);

// The one place probabilities are made: each cause's log-odds from its prior and evidence
// under `params`, the softmax over the causes and the unlisted one, and the sort (most
// probable first; ties in the knowledge base's order). Returns the unlisted share. Exposed
// so that an evaluation can try other parameters on the same evidence (bench/vignette_eval).
double rank_causes(const kb::KnowledgeBase& kb, const ScoringParams& params, std::vector<CauseScore>& scores);

}  // namespace crampx::infer
