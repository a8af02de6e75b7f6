#include "infer/triage.h"

#include <gtest/gtest.h>

#include <string>

#include "infer/report.h"
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

// The default knowledge base's red flags on whole texts.
struct Triaged {
  kb::Level level;
  std::vector<std::string> flags;
};

Triaged triage_of(std::string_view text, std::vector<AnswerEntry> answers = {}) {
  const kb::KnowledgeBase& kb = kb::embedded();
  Workspace w;
  Report r;
  explain(text, answers, kb, ExplainOptions{}, w, r);
  Triaged t{r.triage.level, {}};
  for (const TriageReason& reason : r.triage.reasons) {
    if (reason.kind == TriageReason::Kind::red_flag) t.flags.emplace_back(kb.str(kb.red_flags()[reason.index].id));
  }
  return t;
}

bool has_flag(const Triaged& t, std::string_view id) {
  return std::find(t.flags.begin(), t.flags.end(), id) != t.flags.end();
}

TEST(DefaultRedFlags, NewSpasticityOrSuddenWeaknessIsAnEmergency) {
  const Triaged stroke = triage_of("after a stroke yesterday my leg is suddenly spastic");
  EXPECT_EQ(stroke.level, kb::Level::emergency);
  EXPECT_TRUE(has_flag(stroke, "rf_new_spasticity"));
  const Triaged weak = triage_of("sudden weakness in my arm and it is stiff");
  EXPECT_EQ(weak.level, kb::Level::emergency);
  EXPECT_TRUE(has_flag(weak, "rf_sudden_weakness"));
  EXPECT_EQ(triage_of("I banged my head and since this morning my leg is weak and stiff").level,
            kb::Level::emergency);
  // Long-standing spasticity is not an emergency on its own.
  EXPECT_LT(triage_of("since my stroke two years ago my arm is spastic").level, kb::Level::emergency);
}

TEST(DefaultRedFlags, ConfusionInLayWordsButNotPuzzlement) {
  EXPECT_TRUE(has_flag(triage_of("cramps, I'm confused"), "rf_confusion"));
  EXPECT_FALSE(has_flag(triage_of("I'm confused about why my calves cramp"), "rf_confusion"));
}

TEST(DefaultRedFlags, AWoundYearsAgoIsNotATetanusRiskNow) {
  EXPECT_TRUE(triage_of("stepped on a nail 5 years ago, now my calves cramp").flags.empty());
  const Triaged recent = triage_of("I stepped on a rusty nail last week and now my jaw is stiff");
  EXPECT_EQ(recent.level, kb::Level::emergency);
  EXPECT_TRUE(has_flag(recent, "rf_tetanus_signs_after_wound"));
}

TEST(DefaultRedFlags, SwellingMeansLegSwellingOnlyInTheLegs) {
  EXPECT_FALSE(has_flag(triage_of("my eczema makes my skin swell and itch, and my calves cramp"), "rf_leg_swelling"));
  EXPECT_TRUE(has_flag(triage_of("my calf cramps and my ankles are swollen"), "rf_leg_swelling"));
}

TEST(DefaultRedFlags, ASuspectedPoisoningIsUrgentEvenAlone) {
  EXPECT_GE(triage_of("bitten by a black widow an hour ago").level, kb::Level::urgent);
}

TEST(DefaultAnswers, AYesBringsTheFindingsItsPhraseContains) {
  // "During exercise" is exercise: after that yes, "Were you exercising?" is not asked.
  const kb::KnowledgeBase& kb = kb::embedded();
  Workspace w;
  Report r;
  explain("my calves cramp", {{*kb.find_finding("during_exercise"), Answer::yes}}, kb, ExplainOptions{}, w, r);
  EXPECT_EQ(r.evidence.state[*kb.find_finding("exercise")], State::present);
  ASSERT_TRUE(r.question.asked);
  EXPECT_NE(r.question.finding, *kb.find_finding("exercise"));
  // A no says nothing about exercise in general.
  explain("my calves cramp", {{*kb.find_finding("during_exercise"), Answer::no}}, kb, ExplainOptions{}, w, r);
  EXPECT_EQ(r.evidence.state[*kb.find_finding("exercise")], State::unknown);
}

}  // namespace
}  // namespace crampx::infer
