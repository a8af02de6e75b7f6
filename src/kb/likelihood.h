// How strongly a finding speaks for a cause, computed one way for scoring, the
// compiler's likelihood table (LikelihoodRec) and the views (why, graph):
// P(finding | cause) and the finding's base rate are clamped into
// [kMinLikelihood, 1 - kMinLikelihood], so that no finding is decisive alone, and
// the likelihood ratios are quotients of the clamped values (docs/SCORING.md).
#pragma once

#include <algorithm>

namespace crampx::kb {

inline constexpr double kMinLikelihood = 0.001;

inline double clamp_likelihood(double p) { return std::clamp(p, kMinLikelihood, 1.0 - kMinLikelihood); }

struct Likelihoods {
  double p;     // P(finding | cause), clamped
  double base;  // P(finding) over everyone: the base rate, clamped

  // A finding reported present multiplies the odds of the cause by this.
  double lr_present() const { return p / base; }
  // A finding reported absent multiplies them by this (scoring caps it at 1: docs/SCORING.md).
  double lr_absent() const { return (1.0 - p) / (1.0 - base); }
};

// `frequency` is how often the cause has the finding, `base_rate` how often anyone has it.
inline Likelihoods likelihoods(double frequency, double base_rate) {
  return {clamp_likelihood(frequency), clamp_likelihood(base_rate)};
}

}  // namespace crampx::kb
