#include "infer/triage.h"

#include <gtest/gtest.h>

#include <algorithm>

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

// Text about nothing muscular gets no triage and no advice; a red flag still sets its level.
TEST(Triage, OutOfScopeIsNoneUnlessARedFlagFires) {
  Fixture f;
  EXPECT_TRUE(f.run(false).none);
  EXPECT_TRUE(f.t.reasons.empty());
  EXPECT_FALSE(reaches(f.t, kb::Level::self_care));
  EXPECT_EQ(level_name(f.t), "none");
  Fixture g;
  g.set("jaw_stiffness", State::present);
  g.set("recent_wound", State::present);
  EXPECT_FALSE(g.run(false).none);
  EXPECT_EQ(level_name(g.t), "emergency");
  EXPECT_TRUE(reaches(g.t, kb::Level::urgent));
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

TEST(DefaultEvidence, AFindingAnotherSaysCountsOnce) {
  // "after exercise" says exercise: exercise is present, but only after_exercise weighs.
  const kb::KnowledgeBase& kb = kb::embedded();
  const std::uint32_t exercise = *kb.find_finding("exercise");
  const std::uint32_t after = *kb.find_finding("after_exercise");
  const auto said = kb.ids(kb.findings()[after].implies);
  ASSERT_NE(std::find(said.begin(), said.end(), exercise), said.end());
  Workspace w;
  Report r;
  explain("my calves cramp after exercise", {}, kb, ExplainOptions{}, w, r);
  ASSERT_EQ(r.evidence.state[exercise], State::present);
  EXPECT_TRUE(r.evidence.implied[exercise]);
  EXPECT_FALSE(r.evidence.implied[after]);
  bool after_supports = false;
  for (const CauseScore& s : r.causes) {
    for (const Contribution& c : s.supporting) {
      EXPECT_NE(c.finding, exercise) << kb.str(kb.causes()[s.cause].id);
      after_supports = after_supports || c.finding == after;
    }
  }
  EXPECT_TRUE(after_supports);
  // The same ranking as when the text says nothing about exercise by itself.
  Report without;
  Evidence e = r.evidence;
  e.state[exercise] = State::unknown;
  e.implied.clear();
  std::vector<CauseScore> scores;
  score_causes(e, kb, false, scores);
  ASSERT_EQ(scores.size(), r.causes.size());
  for (std::size_t i = 0; i < scores.size(); ++i) {
    EXPECT_EQ(scores[i].cause, r.causes[i].cause);
    EXPECT_NEAR(scores[i].probability, r.causes[i].probability, 1e-12);
  }
}

TEST(DefaultEvidence, FindingsSayOnlyWhatTheirCanonicalPhraseSays) {
  const kb::KnowledgeBase& kb = kb::embedded();
  auto says = [&](const char* a, const char* b) {
    const auto ids = kb.ids(kb.findings()[*kb.find_finding(a)].implies);
    return std::find(ids.begin(), ids.end(), *kb.find_finding(b)) != ids.end();
  };
  EXPECT_TRUE(says("eyelid_twitch", "muscle_twitching"));
  EXPECT_TRUE(says("eyelid_twitch", "eyelid_location"));
  EXPECT_FALSE(says("muscle_twitching", "eyelid_twitch"));  // not every twitch is in an eyelid
  EXPECT_FALSE(says("exercise", "after_exercise"));
  for (const kb::FindingRec& f : kb.findings()) {
    for (const std::uint32_t g : kb.ids(f.implies)) EXPECT_NE(&kb.findings()[g], &f) << kb.str(f.id);
  }
}

}  // namespace
}  // namespace crampx::infer
