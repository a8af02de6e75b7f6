#include "calibration.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "base/hash.h"

namespace crampx::bench {
namespace {

constexpr double kMinProbability = 1e-6;  // a right answer given 0 costs this much, not infinity

// The grid the fit searches: temperatures 0.3 to 4, unlisted shares 0.05 to 0.6. The share
// starts above 0 because the open world is a design decision (issue 18): an evaluation set
// whose expected causes are all in the knowledge base always pulls the share to 0, which
// says nothing about the texts crampx will meet whose cause it does not hold.
constexpr double kTemperatureFrom = 0.3, kTemperatureTo = 4.0, kTemperatureStep = 0.05;
constexpr double kShareFrom = 0.05, kShareTo = 0.6, kShareStep = 0.01;

// The reliability the fit must keep on the texts it fits: no bin of at least kGapBinCases
// texts whose mean top probability is off the share ranked right by more than kMaxGap.
constexpr int kGapBinCases = 10;
constexpr double kMaxGap = 0.15;

}  // namespace

CalibrationCase calibration_case(std::string id, const infer::Report& report, const std::vector<std::string>& expected,
                                 const kb::KnowledgeBase& kb) {
  CalibrationCase c;
  c.id = std::move(id);
  for (const infer::CauseScore& s : report.causes) {
    infer::CauseScore kept;
    kept.cause = s.cause;
    kept.evidence = s.evidence;
    kept.log_odds = s.log_odds;
    kept.probability = s.probability;
    c.scores.push_back(std::move(kept));
  }
  c.triage = report.triage;
  for (const std::string& e : expected) {
    if (const auto cause = kb.find_cause(e)) c.right.push_back(*cause);
  }
  c.right_is_unlisted = c.right.empty();
  return c;
}

double Calibration::max_gap(int min_cases) const {
  double gap = 0;
  for (const ReliabilityBin& b : bins) {
    if (b.n >= min_cases) gap = std::max(gap, std::abs(b.sum_p / b.n - static_cast<double>(b.right) / b.n));
  }
  return gap;
}

Calibration evaluate(const std::vector<const CalibrationCase*>& cases, const kb::KnowledgeBase& kb,
                     const infer::ScoringParams& params) {
  Calibration out;
  std::vector<infer::CauseScore> scores;
  for (const CalibrationCase* c : cases) {
    scores = c->scores;
    const double unlisted = infer::rank_causes(kb, params, scores);
    infer::lead_with_danger(c->triage, kb, scores);
    const infer::CauseScore& top = scores.front();
    const bool right = std::find(c->right.begin(), c->right.end(), top.cause) != c->right.end();
    double p_right = c->right_is_unlisted ? unlisted : 0.0;
    for (const infer::CauseScore& s : scores) {
      if (std::find(c->right.begin(), c->right.end(), s.cause) != c->right.end()) p_right += s.probability;
    }
    ReliabilityBin& bin = out.bins[std::min(4, static_cast<int>(top.probability * 5))];
    ++bin.n;
    bin.sum_p += top.probability;
    bin.right += right;
    ++out.n;
    out.top1 += right;
    out.log_loss -= std::log(std::max(p_right, kMinProbability));
  }
  if (out.n > 0) out.log_loss /= out.n;
  return out;
}

infer::ScoringParams fit(const std::vector<const CalibrationCase*>& cases, const kb::KnowledgeBase& kb) {
  // The lowest log loss among the parameters that keep the reliability table within
  // kMaxGap; when none does, the smallest gap (then the lowest log loss).
  infer::ScoringParams best{};
  bool best_reliable = false;
  double best_loss = INFINITY, best_gap = INFINITY;
  for (double t = kTemperatureFrom; t <= kTemperatureTo + 1e-9; t += kTemperatureStep) {
    for (double share = kShareFrom; share <= kShareTo + 1e-9; share += kShareStep) {
      const infer::ScoringParams p{share, t};
      const Calibration c = evaluate(cases, kb, p);
      const double gap = c.max_gap(kGapBinCases);
      const bool reliable = gap <= kMaxGap;
      const bool better = reliable != best_reliable ? reliable
                          : reliable              ? c.log_loss < best_loss - 1e-12
                                                  : gap < best_gap - 1e-12 ||
                                         (gap < best_gap + 1e-12 && c.log_loss < best_loss - 1e-12);
      if (better) best = p, best_reliable = reliable, best_loss = c.log_loss, best_gap = gap;
    }
  }
  return best;
}

int fold_of(const std::string& id, int folds) { return static_cast<int>(stable_hash(id) % static_cast<std::uint64_t>(folds)); }

std::string reliability_table(const Calibration& c) {
  std::string out = "  top probability    texts  mean_p  right   gap\n";
  for (int i = 0; i < 5; ++i) {
    const ReliabilityBin& b = c.bins[i];
    if (b.n == 0) {
      out += fmt::format("  [{:.1f}, {:.1f}{}  {:>10}\n", i * 0.2, (i + 1) * 0.2, i == 4 ? "]" : ")", 0);
      continue;
    }
    const double mean = b.sum_p / b.n, right = static_cast<double>(b.right) / b.n;
    out += fmt::format("  [{:.1f}, {:.1f}{}  {:>10}  {:>6.3f}  {:>5.3f}  {:+.3f}\n", i * 0.2, (i + 1) * 0.2,
                       i == 4 ? "]" : ")", b.n, mean, right, right - mean);
  }
  return out;
}

std::string cross_validate(const std::vector<CalibrationCase>& cases, const kb::KnowledgeBase& kb, int folds) {
  std::string out = fmt::format("cross-validation: {} folds by id hash\n", folds);
  Calibration pooled;
  std::vector<const CalibrationCase*> train, test, all;
  for (const CalibrationCase& c : cases) all.push_back(&c);
  for (int k = 0; k < folds; ++k) {
    train.clear();
    test.clear();
    for (const CalibrationCase& c : cases) (fold_of(c.id, folds) == k ? test : train).push_back(&c);
    const infer::ScoringParams p = fit(train, kb);
    const Calibration held = evaluate(test, kb, p);
    out += fmt::format("  fold {}: texts={} temperature={:.2f} unlisted_share={:.2f} top1={:.3f} log_loss={:.3f}\n", k,
                       held.n, p.temperature, p.unlisted_share, held.n ? static_cast<double>(held.top1) / held.n : 0.0,
                       held.log_loss);
    for (int i = 0; i < 5; ++i) {
      pooled.bins[i].n += held.bins[i].n;
      pooled.bins[i].sum_p += held.bins[i].sum_p;
      pooled.bins[i].right += held.bins[i].right;
    }
    pooled.n += held.n;
    pooled.top1 += held.top1;
    pooled.log_loss += held.log_loss * held.n;
  }
  if (pooled.n > 0) pooled.log_loss /= pooled.n;
  out += fmt::format("cv out-of-fold: texts={} top1={:.3f} log_loss={:.3f} max_gap(bins>=10)={:.3f}\n", pooled.n,
                     pooled.n ? static_cast<double>(pooled.top1) / pooled.n : 0.0, pooled.log_loss, pooled.max_gap(10));
  out += reliability_table(pooled);
  const infer::ScoringParams whole = fit(all, kb);
  const Calibration in_sample = evaluate(all, kb, whole);
  out += fmt::format("fit on every text: temperature={:.2f} unlisted_share={:.2f} (in-sample log_loss={:.3f})\n",
                     whole.temperature, whole.unlisted_share, in_sample.log_loss);
  return out;
}

}  // namespace crampx::bench
