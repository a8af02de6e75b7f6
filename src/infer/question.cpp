#include "infer/question.h"

#include <cmath>

namespace crampx::infer {
namespace {

}  // namespace

void next_question(const Evidence& evidence, const std::vector<CauseScore>& ranked, const kb::KnowledgeBase& kb,
                   Question& out) {
  out = Question{};
  const auto causes = kb.causes();
  const auto findings = kb.findings();
  if (ranked.empty()) {
    out.reason = "nothing in the text is about cramps or spasms";
    return;
  }
  if (ranked.front().probability >= kClearProbability) {
    out.reason = "one cause is already clear; more answers would not change the ranking much";
    return;
  }
  // Probabilities indexed by cause (ranked is sorted by probability).
  std::vector<double> prior(causes.size());
  for (const CauseScore& s : ranked) prior[s.cause] = s.probability;

  // Candidate findings: those some cause lists, not yet known. While the text has
  // only generic complaints ("my muscles hurt"), ask first what kind of muscle
  // problem it is: only core findings (cramp, spasm, twitch, stiffness) are asked.
  std::vector<bool> candidate(findings.size(), false);
  for (const kb::CauseRec& c : causes) {
    for (const kb::CauseFindingRec& cf : kb.cause_findings(c)) {
      if (evidence.state[cf.finding] != State::unknown) continue;
      if (!evidence.any_core && findings[cf.finding].scope != kb::Scope::core) continue;
      candidate[cf.finding] = true;
    }
  }
  // The expected gain of asking about f is the mutual information between the
  // answer and the cause: I = h(P(yes)) - sum_c P(c) h(P(f|c)), with h the binary
  // entropy, which the image holds per cause and finding (see docs/SCORING.md).
  auto binary_entropy = [](double p) { return p <= 0 || p >= 1 ? 0.0 : -(p * std::log2(p) + (1 - p) * std::log2(1 - p)); };
  double best_gain = 0;
  for (std::uint32_t f = 0; f < findings.size(); ++f) {
    if (!candidate[f]) continue;
    double p_yes = 0;
    double noise = 0;
    for (std::uint32_t c = 0; c < causes.size(); ++c) {
      const kb::LikelihoodRec& l = kb.likelihood(c, f);
      p_yes += prior[c] * l.p;
      noise += prior[c] * l.entropy;
    }
    const double gain = binary_entropy(p_yes) - noise;
    if (gain <= best_gain) continue;
    best_gain = gain;
    out.finding = f;
  }
  if (out.finding != kb::kNone) {
    // Which causes a yes and a no would favour most.
    double p_yes = 0;
    for (std::uint32_t c = 0; c < causes.size(); ++c) p_yes += prior[c] * kb.likelihood(c, out.finding).p;
    double up = 0;
    double down = 0;
    for (std::uint32_t c = 0; c < causes.size(); ++c) {
      const double l = kb.likelihood(c, out.finding).p;
      const double delta = prior[c] * l / p_yes - prior[c] * (1 - l) / (1 - p_yes);
      if (delta > up) up = delta, out.raises = c;
      if (delta < down) down = delta, out.lowers = c;
    }
  }
  if (best_gain < kMinGainBits || out.finding == kb::kNone) {
    out = Question{};
    out.reason = "no remaining question would change the ranking much";
    return;
  }
  out.asked = true;
  out.gain_bits = best_gain;
}

}  // namespace crampx::infer
