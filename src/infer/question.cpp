#include "infer/question.h"

#include <cmath>

namespace crampx::infer {

void next_question(const Evidence& evidence, const std::vector<CauseScore>& ranked, double unlisted,
                   const kb::KnowledgeBase& kb, Question& out) {
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
  // Probabilities indexed by cause, and last the unlisted cause's, which a yes moves by the
  // finding's base rate (the likelihood table's last row).
  const std::uint32_t hypotheses = kb.unlisted_cause() + 1;
  std::vector<double> prior(hypotheses);
  for (const CauseScore& s : ranked) prior[s.cause] = s.probability;
  prior[kb.unlisted_cause()] = unlisted;

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
  // The expected gain of asking about f: H(P) - [P(yes) H(P | yes) + P(no) H(P | no)],
  // where the posteriors move exactly as scoring would move them (a yes by P(f|c), a no
  // by the capped denial factor). With w_c = P(c) x_c and Z = sum w_c, the entropy of
  // the posterior w / Z is log2 Z - sum_c w_c (log2 P(c) + log2 x_c) / Z, so each
  // candidate costs two logarithms; the image holds log2 x_c (docs/SCORING.md).
  std::vector<double> log2_prior(hypotheses);
  double h0 = 0;
  for (std::uint32_t c = 0; c < hypotheses; ++c) {
    log2_prior[c] = prior[c] > 0 ? std::log2(prior[c]) : 0.0;
    h0 -= prior[c] * log2_prior[c];
  }
  auto posterior_entropy = [](double z, double weighted_log) { return z > 0 ? std::log2(z) - weighted_log / z : 0.0; };
  double best_gain = 0;
  for (std::uint32_t f = 0; f < findings.size(); ++f) {
    if (!candidate[f]) continue;
    double p_yes = 0, s_yes = 0, z_no = 0, s_no = 0;
    for (std::uint32_t c = 0; c < hypotheses; ++c) {
      const kb::LikelihoodRec& l = kb.likelihood(c, f);
      const double yes = prior[c] * l.p;
      const double no = prior[c] * l.no;
      p_yes += yes;
      s_yes += yes * (log2_prior[c] + l.log2_p);
      z_no += no;
      s_no += no * (log2_prior[c] + l.log2_no);
    }
    const double gain = h0 - (p_yes * posterior_entropy(p_yes, s_yes) + (1 - p_yes) * posterior_entropy(z_no, s_no));
    if (gain <= best_gain) continue;
    best_gain = gain;
    out.finding = f;
  }
  if (out.finding != kb::kNone) {
    // Which causes a yes and a no would favour most.
    double p_yes = 0, z_no = 0;
    for (std::uint32_t c = 0; c < hypotheses; ++c) {
      p_yes += prior[c] * kb.likelihood(c, out.finding).p;
      z_no += prior[c] * kb.likelihood(c, out.finding).no;
    }
    double up = 0;
    double down = 0;
    for (std::uint32_t c = 0; c < causes.size(); ++c) {
      const kb::LikelihoodRec& l = kb.likelihood(c, out.finding);
      const double delta = prior[c] * l.p / p_yes - prior[c] * l.no / z_no;
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
