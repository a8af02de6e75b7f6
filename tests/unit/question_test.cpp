#include "infer/question.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "kb/likelihood.h"

#include "support/test_kb.h"

namespace crampx::infer {
namespace {

TEST(Question, AsksTheMostInformativeUnknownFinding) {
  const kb::KnowledgeBase& kb = test::mini_kb();
  Evidence e = test::evidence_of(kb, State::unknown);
  e.state[*kb.find_finding("muscle_cramp")] = State::present;
  e.any_core = true;
  std::vector<CauseScore> ranked;
  const double unlisted = score_causes(e, kb, false, ranked);
  ASSERT_GT(unlisted, 0);  // the unlisted cause is one more hypothesis to tell apart
  Question q;
  next_question(e, ranked, unlisted, kb, q);
  ASSERT_TRUE(q.asked);
  EXPECT_GT(q.gain_bits, kMinGainBits);
  EXPECT_NE(q.finding, *kb.find_finding("muscle_cramp"));  // never asks what is known
  // With cramps known, night versus heat is what separates the two cramp causes.
  const std::string id(kb.str(kb.findings()[q.finding].id));
  EXPECT_TRUE(id == "night_time" || id == "heat_exposure") << id;
  EXPECT_NE(q.raises, q.lowers);

  // The brute-force check: no other candidate has a larger expected gain. The entropy is
  // over the causes and the unlisted cause, under which a finding is as common as its base rate.
  auto gain_of = [&](std::uint32_t f) {
    Evidence yes = e, no = e;
    yes.state[f] = State::present;
    no.state[f] = State::absent;
    std::vector<CauseScore> ry, rn;
    const double unlisted_yes = score_causes(yes, kb, false, ry);
    const double unlisted_no = score_causes(no, kb, false, rn);
    double p_yes = unlisted * std::clamp(static_cast<double>(kb.findings()[f].base_rate), kb::kMinLikelihood,
                                         1 - kb::kMinLikelihood);
    for (const CauseScore& s : ranked) p_yes += s.probability * likelihood(kb, s.cause, f);
    auto h = [](const std::vector<CauseScore>& r, double u) {
      double v = u > 0 ? -u * std::log2(u) : 0;
      for (const CauseScore& s : r) v -= s.probability > 0 ? s.probability * std::log2(s.probability) : 0;
      return v;
    };
    return h(ranked, unlisted) - (p_yes * h(ry, unlisted_yes) + (1 - p_yes) * h(rn, unlisted_no));
  };
  EXPECT_NEAR(gain_of(q.finding), q.gain_bits, 1e-9);
  for (std::uint32_t f = 0; f < kb.findings().size(); ++f) {
    if (e.state[f] == State::unknown) {
      EXPECT_LE(gain_of(f), q.gain_bits + 1e-12) << kb.str(kb.findings()[f].id);
    }
  }
}

TEST(Question, OnlyGenericComplaintsAskWhatKindOfMuscleProblemItIs) {
  const kb::KnowledgeBase& kb = test::mini_kb();
  Evidence e = test::evidence_of(kb, State::unknown);
  e.state[*kb.find_finding("muscle_pain")] = State::present;
  e.any_weak = true;
  std::vector<CauseScore> ranked;
  const double unlisted = score_causes(e, kb, false, ranked);
  Question q;
  next_question(e, ranked, unlisted, kb, q);
  ASSERT_TRUE(q.asked);
  EXPECT_EQ(kb.findings()[q.finding].scope, kb::Scope::core) << kb.str(kb.findings()[q.finding].id);
}

TEST(Question, NoQuestionWhenNothingIsInScopeOrAllIsKnown) {
  const kb::KnowledgeBase& kb = test::mini_kb();
  Evidence e = test::evidence_of(kb, State::asked);
  std::vector<CauseScore> ranked;
  const double unlisted = score_causes(e, kb, false, ranked);
  Question q;
  next_question(e, ranked, unlisted, kb, q);
  EXPECT_FALSE(q.asked);
  EXPECT_FALSE(q.reason.empty());
  next_question(e, {}, 0, kb, q);
  EXPECT_FALSE(q.asked);
}

}  // namespace
}  // namespace crampx::infer
