#include "infer/triage.h"

#include <gtest/gtest.h>

#include "support/test_kb.h"

namespace crampx::infer {
namespace {

struct Fixture {
  const kb::KnowledgeBase& kb = test::mini_kb();
  Evidence e;
  std::vector<CauseScore> ranked;
  Triage t;
  Fixture() { e.state.assign(kb.findings().size(), State::unknown); }
  void set(const char* id, State s) { e.state[*kb.find_finding(id)] = s; }
  Triage& run(bool in_scope = true) {
    score_causes(e, kb, false, ranked);
    assess_triage(e, ranked, in_scope, kb, t);
    return t;
  }
};

TEST(Triage, RedFlagNeedsAllOfAndOneOfAnyOf) {
  Fixture f;
  f.set("jaw_stiffness", State::present);
  EXPECT_NE(f.run().level, kb::Level::emergency);  // a stiff jaw alone: any_of not met
  f.set("recent_wound", State::present);
  EXPECT_EQ(f.run().level, kb::Level::emergency);
  ASSERT_FALSE(f.t.reasons.empty());
  EXPECT_EQ(f.t.reasons[0].kind, TriageReason::Kind::red_flag);
  EXPECT_FALSE(f.t.reasons[0].uncertain);
}

TEST(Triage, DeniedFindingsNeverFireARedFlag) {
  Fixture f;
  f.set("jaw_stiffness", State::absent);
  f.set("recent_wound", State::present);
  EXPECT_EQ(f.run().reasons.size(), 0u);
}

TEST(Triage, UncertainFindingsStillFireButSaySo) {
  Fixture f;
  f.set("jaw_stiffness", State::possible);
  f.set("recent_wound", State::present);
  EXPECT_EQ(f.run().level, kb::Level::emergency);
  EXPECT_TRUE(f.t.reasons[0].uncertain);
}

TEST(Triage, LikelyCauseSetsTheFloor) {
  Fixture f;
  f.set("muscle_twitching", State::present);
  f.set("muscle_cramp", State::absent);
  EXPECT_EQ(f.run().level, kb::Level::consult);  // benign fasciculation asks for a consultation
  Fixture g;
  g.set("night_time", State::present);
  g.set("muscle_cramp", State::present);
  EXPECT_EQ(g.run().level, kb::Level::self_care);
}

TEST(Triage, OutOfScopeIsNeverSelfCare) {
  Fixture f;
  EXPECT_EQ(f.run(false).level, kb::Level::consult);
  EXPECT_EQ(f.t.reasons.back().kind, TriageReason::Kind::out_of_scope);
}

}  // namespace
}  // namespace crampx::infer
