#include "infer/score.h"

#include <algorithm>
#include <cmath>

#include "base/invariant.h"
#include "kb/likelihood.h"

namespace crampx::infer {
namespace {

constexpr double kLn2 = 0.69314718055994530942;
// An expected finding: a cause lists it this often or more.
constexpr double kExpectedFrequency = 0.5;
constexpr std::size_t kMaxUnconfirmed = 5;

// The natural-log weight a finding in `state` adds for a cause.
double weight(State state, const kb::Likelihoods& l) {
  switch (state) {
    case State::present: return std::log(l.lr_present());
    case State::possible: return kPossibleWeight * std::log(l.lr_present());
    // A denied finding only counts against the causes that expect it more than usual; it is
    // never evidence for a cause (as in INTERNIST-1/QMR, docs/SCORING.md), so LR- is capped at 1.
    case State::absent: return std::min(0.0, std::log(l.lr_absent()));
    default: return 0.0;
  }
}

// Adds `finding` to `top`, the kMaxUnconfirmed findings cause `c` expects most, most
// expected first and, on a tie, the first listed first: what a stable sort of every
// unconfirmed finding would keep, without the list or the sort's buffer.
void keep_most_expected(const kb::KnowledgeBase& kb, std::uint32_t c, std::uint32_t finding,
                        std::vector<std::uint32_t>& top) {
  const double p = kb.likelihood(c, finding).p;
  std::size_t at = top.size();
  while (at > 0 && kb.likelihood(c, top[at - 1]).p < p) --at;
  if (at >= kMaxUnconfirmed) return;
  if (top.size() == kMaxUnconfirmed) top.pop_back();
  if (top.capacity() == 0) top.reserve(kMaxUnconfirmed);
  top.insert(top.begin() + static_cast<std::ptrdiff_t>(at), finding);
}

}  // namespace

double likelihood(const kb::KnowledgeBase& kb, std::uint32_t cause, std::uint32_t finding) {
  return kb.likelihood(cause, finding).p;  // precomputed by compile/ with the same clamp
}

double score_causes(const Evidence& evidence, const kb::KnowledgeBase& kb, bool explain, std::vector<CauseScore>& out) {
  const auto causes = kb.causes();
  const auto findings = kb.findings();
  out.resize(causes.size());
  for (std::uint32_t c = 0; c < causes.size(); ++c) {
    CauseScore& s = out[c];
    s.cause = c;
    s.evidence = 0;
    s.supporting.clear();
    s.conflicting.clear();
    s.unconfirmed.clear();
    // Findings the cause does not list are neutral (P(f|c) = base rate): only listed ones add weight.
    for (const kb::CauseFindingRec& cf : kb.cause_findings(causes[c])) {
      const State state = evidence.state[cf.finding];
      // Most listed findings are not in the text: they weigh nothing, and only a full report
      // (the findings a cause expects) looks at them.
      if (state == State::unknown && !explain) continue;
      const kb::Likelihoods l = kb::likelihoods(cf.frequency, findings[cf.finding].base_rate);
      // A finding another present one says adds nothing of its own: P(f | that one, c) = 1.
      const double w = evidence.implied.empty() || !evidence.implied[cf.finding] ? weight(state, l) : 0.0;
      s.evidence += w;
      if (!explain) continue;
      if (state == State::unknown) {
        if (l.p >= kExpectedFrequency && l.p > l.base) keep_most_expected(kb, c, cf.finding, s.unconfirmed);
      } else if (w > 0) {
        s.supporting.push_back({cf.finding, w / kLn2, state});
      } else if (w < 0) {
        s.conflicting.push_back({cf.finding, w / kLn2, state});
      }
    }
    if (!explain) continue;
    std::sort(s.supporting.begin(), s.supporting.end(),
              [](const Contribution& a, const Contribution& b) { return a.bits > b.bits; });
    std::sort(s.conflicting.begin(), s.conflicting.end(),
              [](const Contribution& a, const Contribution& b) { return a.bits < b.bits; });
  }
  return rank_causes(kb, ScoringParams::of(kb), out);
}

double rank_causes(const kb::KnowledgeBase& kb, const ScoringParams& params, std::vector<CauseScore>& scores) {
  const auto causes = kb.causes();
  double total_prior = 0;
  double max_log_odds = -INFINITY;
  for (CauseScore& s : scores) {
    const double prior = causes[s.cause].prior;
    total_prior += prior;
    // Temperature scaling divides the whole log-odds, prior and evidence: it softens or
    // sharpens the probabilities without changing which cause ranks above which.
    s.log_odds = (std::log(prior) + s.evidence) / params.temperature;
    // Not a number (a prior below zero in an image nobody validated) counts as impossible.
    if (std::isnan(s.log_odds)) s.log_odds = -INFINITY;
    max_log_odds = std::max(max_log_odds, s.log_odds);
  }
  // The unlisted cause's prior weight makes it `unlisted_share` of all prior weight; its
  // evidence is 0, so its log-odds are its log prior (divided by the temperature too).
  const double unlisted_weight =
      params.unlisted_share > 0 ? params.unlisted_share / (1 - params.unlisted_share) * total_prior : 0.0;
  const bool has_unlisted = std::isfinite(unlisted_weight) && unlisted_weight > 0;
  const double unlisted_log_odds = has_unlisted ? std::log(unlisted_weight) / params.temperature : -INFINITY;
  max_log_odds = std::max(max_log_odds, unlisted_log_odds);
  // The softmax, defined for every score: validation refuses the priors and frequencies
  // that make a score infinite (a prior of 0 or beyond a float), but an image built without
  // it still gets probabilities that are numbers summing to 1. Every cause impossible: all
  // equally so; some infinitely likely: they share it.
  const bool all_impossible = max_log_odds == -INFINITY;
  const bool some_infinite = max_log_odds == INFINITY;
  const double unlisted = has_unlisted && !some_infinite ? std::exp(unlisted_log_odds - max_log_odds) : 0.0;
  double total = unlisted;
  for (CauseScore& s : scores) {
    s.probability = all_impossible  ? 1.0
                    : some_infinite ? (s.log_odds == INFINITY ? 1.0 : 0.0)
                                    : std::exp(s.log_odds - max_log_odds);
    total += s.probability;
  }
  const double unlisted_probability = total > 0 ? unlisted / total : 0.0;
  double sum = unlisted_probability;
  for (CauseScore& s : scores) sum += (s.probability /= total);
  CRAMPX_INVARIANT(scores.empty() || std::abs(sum - 1.0) < 1e-9, "probabilities and the unlisted share sum to 1");
  for (const CauseScore& s : scores) {
    CRAMPX_INVARIANT(s.probability >= 0.0 && s.probability <= 1.0, "a cause probability is a number in [0, 1]");
  }
  // Ties keep the knowledge base's order: a stable sort without a stable sort's buffer,
  // which would be an allocation per text.
  std::sort(scores.begin(), scores.end(), [](const CauseScore& a, const CauseScore& b) {
    return a.probability != b.probability ? a.probability > b.probability : a.cause < b.cause;
  });
  return unlisted_probability;
}

}  // namespace crampx::infer
