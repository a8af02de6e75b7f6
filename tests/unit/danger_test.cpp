// Danger first and withholding (docs/SCORING.md), on a variant of the fixture knowledge base
// whose red flags suggest causes and whose treatments say when they could harm.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "infer/report.h"
#include "infer/withhold.h"
#include "report/render.h"
#include "support/test_kb.h"

namespace crampx::infer {
namespace {

using json = nlohmann::json;

// The fixture, plus an urgent flag for weakness with cramps or twitching that points to
// benign fasciculation (test data: the medicine does not matter here) unless the text is
// about heat; stretching is unsafe with weakness or with fasciculation in play, quinine
// once the tetanus flag fires.
json variant_json(const char* level = "urgent") {
  json kb = json::parse(test::mini_kb_text());
  kb["red_flags"].push_back({{"id", "weak_with_cramps"},
                             {"label", "Weakness with cramps"},
                             {"level", level},
                             {"all_of", {"weakness"}},
                             {"any_of", {"muscle_cramp", "muscle_twitching"}},
                             {"none_of", {"heat_exposure"}},
                             {"suggests", {"fasciculation"}},
                             {"reason", "Weakness with cramps needs a look."},
                             {"advice", "See a doctor today."},
                             {"references", {"ref_test"}}});
  for (json& t : kb["treatments"]) {
    if (t["id"] == "stretching") {
      t["unsafe_with"] = {{{"findings", {"weakness"}}, {"reason", "Not when weak."}, {"references", {"ref_test"}}},
                          {{"causes", {"fasciculation"}}, {"reason", "Not with twitches."}, {"references", {"ref_test"}}}};
    }
    if (t["id"] == "quinine") {
      t["unsafe_with"] = {{{"red_flags", {"tetanus_signs"}}, {"reason", "Not with lockjaw."}, {"references", {"ref_test"}}}};
    }
  }
  return kb;
}

const kb::KnowledgeBase& variant() {
  static const kb::KnowledgeBase kb = test::compile_text(variant_json().dump());
  return kb;
}

Report explained(std::string_view text, const kb::KnowledgeBase& kb = variant()) {
  Workspace w;
  Report r;
  explain(text, {}, kb, ExplainOptions{}, w, r);
  return r;
}

std::string id_of(const kb::KnowledgeBase& kb, const CauseScore& s) { return std::string(kb.str(kb.causes()[s.cause].id)); }

bool fired(const Report& r, const kb::KnowledgeBase& kb, std::string_view flag) {
  return std::any_of(r.triage.reasons.begin(), r.triage.reasons.end(), [&](const TriageReason& t) {
    return t.kind == TriageReason::Kind::red_flag && kb.str(kb.red_flags()[t.index].id) == flag;
  });
}

TEST(RedFlags, NoneOfStopsAFlagOnlyWhenSaidOutright) {
  const kb::KnowledgeBase& kb = variant();
  EXPECT_TRUE(fired(explained("calf cramps at night and weak legs"), kb, "weak_with_cramps"));
  EXPECT_FALSE(fired(explained("calf cramps in the heat and weak legs"), kb, "weak_with_cramps"));
  // Safety first: a maybe does not stop it, and a denial certainly does not.
  EXPECT_TRUE(fired(explained("calf cramps and weak legs, maybe the heat"), kb, "weak_with_cramps"));
  EXPECT_TRUE(fired(explained("calf cramps and weak legs, not in the heat"), kb, "weak_with_cramps"));
}

TEST(DangerFirst, AnUrgentFlagPutsTheCauseItSuggestsFirstWithItsOwnProbability) {
  const kb::KnowledgeBase& kb = variant();
  const Report calm = explained("calf cramps at night");
  const Report r = explained("calf cramps at night and weak legs");
  ASSERT_EQ(r.triage.level, kb::Level::urgent);
  ASSERT_EQ(r.danger_led, 1u);
  EXPECT_EQ(id_of(kb, r.causes[0]), "fasciculation");
  // Its probability is its own, lower than the next cause's: the order says what to rule out
  // first, the numbers still say what is likely.
  EXPECT_LT(r.causes[0].probability, r.causes[1].probability);
  for (std::size_t i = 2; i < r.causes.size(); ++i) EXPECT_GE(r.causes[i - 1].probability, r.causes[i].probability);
  ASSERT_NE(most_probable(r), nullptr);
  EXPECT_EQ(id_of(kb, *most_probable(r)), "nocturnal_leg_cramps");
  double sum = r.unlisted;
  for (const CauseScore& s : r.causes) sum += s.probability;
  EXPECT_NEAR(sum, 1.0, 1e-12);
  // Without the flag the ranking is by probability alone.
  EXPECT_EQ(calm.danger_led, 0u);
  EXPECT_EQ(id_of(kb, calm.causes[0]), "nocturnal_leg_cramps");
}

TEST(DangerFirst, AConsultFlagDoesNotReorder) {
  const kb::KnowledgeBase kb = test::compile_text(variant_json("consult").dump());
  const Report r = explained("calf cramps at night and weak legs", kb);
  EXPECT_TRUE(fired(r, kb, "weak_with_cramps"));
  EXPECT_EQ(r.danger_led, 0u);
  EXPECT_EQ(id_of(kb, r.causes[0]), "nocturnal_leg_cramps");
}

TEST(Withhold, AReportedFindingAFiredFlagOrACauseInPlayWithholdsATreatment) {
  const kb::KnowledgeBase& kb = variant();
  const std::uint32_t stretching = *kb.find_treatment("stretching");
  const std::uint32_t quinine = *kb.find_treatment("quinine");
  const Report calm = explained("calf cramps at night");
  EXPECT_FALSE(withheld(calm, kb, stretching));
  EXPECT_FALSE(withheld(calm, kb, quinine));

  const Report weak = explained("calf cramps at night, maybe weak");
  const auto why = withheld(weak, kb, stretching);
  ASSERT_TRUE(why);
  EXPECT_EQ(why->because, Withholding::Because::finding);
  EXPECT_EQ(kb.str(kb.findings()[why->index].id), "weakness");
  EXPECT_EQ(kb.str(why->rule->reason), "Not when weak.");

  const Report lockjaw = explained("stiff jaw after a rusty nail wound");
  const auto flag = withheld(lockjaw, kb, quinine);
  ASSERT_TRUE(flag);
  EXPECT_EQ(flag->because, Withholding::Because::red_flag);
  EXPECT_EQ(kb.str(kb.red_flags()[flag->index].id), "tetanus_signs");

  // Twitching makes fasciculation likely: a cause in play.
  const Report twitch = explained("my calf muscle twitches");
  ASSERT_TRUE(cause_in_play(twitch, kb, *kb.find_cause("fasciculation")));
  const auto cause = withheld(twitch, kb, stretching);
  ASSERT_TRUE(cause);
  EXPECT_EQ(cause->because, Withholding::Because::cause);
  EXPECT_EQ(kb.str(cause->rule->reason), "Not with twitches.");
}

TEST(DangerFirst, TheJsonReportSaysWhyItLeadsAndWhatItWithholds) {
  const kb::KnowledgeBase& kb = variant();
  const Report r = explained("calf cramps at night and weak legs");
  std::string out;
  report::render(report::Format::json, r, kb, report::RenderOptions{}, out);
  const json j = json::parse(out);
  EXPECT_EQ(j["ranking"], "danger_first");
  EXPECT_EQ(j["causes"][0]["id"], "fasciculation");
  EXPECT_EQ(j["causes"][0]["flagged_by"], json::array({"weak_with_cramps"}));
  EXPECT_FALSE(j["causes"][1].contains("flagged_by"));
  EXPECT_NE(j["summary"].get<std::string>().find("warning sign"), std::string::npos) << j["summary"];
  bool saw_withheld = false;
  for (const json& c : j["causes"]) {
    for (const json& t : c["treatments"]) EXPECT_NE(t["id"], "stretching") << c["id"];
    if (!c.contains("withheld_treatments")) continue;
    for (const json& t : c["withheld_treatments"]) {
      EXPECT_EQ(t["id"], "stretching");
      EXPECT_FALSE(t["reason"].get<std::string>().empty());
      EXPECT_TRUE(t["because"]["kind"] == "finding" || t["because"]["kind"] == "cause") << t;
      saw_withheld = true;
    }
  }
  EXPECT_TRUE(saw_withheld);
  // The text and Markdown reports never offer it either.
  for (const report::Format f : {report::Format::text, report::Format::markdown}) {
    std::string rendered;
    report::render(f, r, kb, report::RenderOptions{}, rendered);
    EXPECT_EQ(rendered.find("helps:   Stretching"), std::string::npos) << rendered;
  }
}

// The short report (the default) offers the best-fitting cause's self-care as "what may
// help now": never one withheld for what the text reports. The fixture without the rule
// offers stretching for the same text, so the check can fail.
TEST(Withhold, TheShortReportNeverOffersAWithheldTreatment) {
  const kb::KnowledgeBase plain = test::compile_text(test::mini_kb_text());
  const std::string_view text = "my calf muscle twitches";
  for (const report::Format f : {report::Format::text, report::Format::markdown}) {
    std::string offered, withheld_out, full;
    report::render(f, explained(text, plain), plain, report::RenderOptions{}, offered);
    EXPECT_NE(offered.find("help now"), std::string::npos) << offered;
    EXPECT_NE(offered.find("Stretching"), std::string::npos) << offered;
    report::render(f, explained(text), variant(), report::RenderOptions{}, withheld_out);
    EXPECT_EQ(withheld_out.find("Stretching"), std::string::npos) << withheld_out;
    report::RenderOptions detail;
    detail.full = true;
    report::render(f, explained(text), variant(), detail, full);
    EXPECT_EQ(full.find("helps:   Stretching"), std::string::npos) << full;
    EXPECT_EQ(full.find("helps: Stretching"), std::string::npos) << full;
  }
}

}  // namespace
}  // namespace crampx::infer
