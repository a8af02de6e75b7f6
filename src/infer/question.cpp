#include "infer/question.h"

#include <cmath>

namespace crampx::infer {
namespace {

double entropy(const std::vector<double>& p) {
  double h = 0;
  for (double x : p) {
    if (x > 0) h -= x * std::log2(x);
  }
  return h;
}

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
  const double h0 = entropy(prior);

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
  std::vector<double> yes(causes.size());
  std::vector<double> no(causes.size());
  double best_gain = 0;
  for (std::uint32_t f = 0; f < findings.size(); ++f) {
    if (!candidate[f]) continue;
    double p_yes = 0;
    for (std::uint32_t c = 0; c < causes.size(); ++c) {
      const double l = likelihood(kb, c, f);
      yes[c] = prior[c] * l;
      no[c] = prior[c] * (1.0 - l);
      p_yes += yes[c];
    }
    const double p_no = 1.0 - p_yes;
    if (p_yes <= 0 || p_no <= 0) continue;
    for (std::uint32_t c = 0; c < causes.size(); ++c) {
      yes[c] /= p_yes;
      no[c] /= p_no;
    }
    const double gain = h0 - (p_yes * entropy(yes) + p_no * entropy(no));
    if (gain <= best_gain) continue;
    best_gain = gain;
    out.finding = f;
    double up = 0;
    double down = 0;
    for (std::uint32_t c = 0; c < causes.size(); ++c) {
      const double delta = yes[c] - no[c];
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
