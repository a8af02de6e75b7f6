#include "kb/validate.h"

#include <gtest/gtest.h>

#include "support/test_kb.h"

namespace crampx::kb {
namespace {

using json = nlohmann::json;

std::vector<Problem> problems_of(const json& root) {
  Document doc;
  doc.root = root;
  for (const auto& item : root.items()) doc.key_files.emplace_back(item.key(), "kb.json");
  return validate(doc);
}

json mini() { return json::parse(test::mini_kb_text()); }

bool has(const std::vector<Problem>& ps, const std::string& pointer, const std::string& words) {
  for (const Problem& p : ps) {
    if (p.pointer == pointer && p.message.find(words) != std::string::npos) return true;
  }
  return false;
}

std::string dump(const std::vector<Problem>& ps) { return format_problems(ps); }

TEST(Validate, TheFixtureIsValid) { EXPECT_TRUE(problems_of(mini()).empty()) << dump(problems_of(mini())); }

TEST(Validate, WrongTypeIsReportedAtItsPointer) {
  json kb = mini();
  kb["causes"][0]["prior"] = "often";
  const auto ps = problems_of(kb);
  EXPECT_FALSE(ps.empty());
  bool found = false;
  for (const Problem& p : ps) found |= p.pointer == "/causes/0/prior";
  EXPECT_TRUE(found) << dump(ps);
}

// Found by fuzz_kb: the integrity checks run after a failed schema check too, and one
// read a member of meta as the type it should have whatever it held (a string threw
// type_error, uncaught).
TEST(Validate, WrongTypesNeverStopTheIntegrityChecks) {
  json kb = mini();
  kb["meta"]["required_causes"] = "yes";
  const auto ps = problems_of(kb);
  EXPECT_TRUE(has(ps, "/meta/required_causes", "")) << dump(ps);
  kb["meta"]["required_causes"] = {7, nullptr, "myotonia"};
  EXPECT_TRUE(has(problems_of(kb), "/meta/required_causes/2", "'myotonia'")) << dump(problems_of(kb));
  kb["meta"] = "not an object";
  kb["causes"][0]["mechanisms"] = {7, nullptr, "no_such"};
  kb["causes"][0]["findings"] = "none";
  EXPECT_FALSE(problems_of(kb).empty());
}

TEST(Validate, ProbabilitiesMustLieStrictlyBetweenZeroAndOne) {
  json kb = mini();
  kb["findings"][1]["base_rate"] = 1.0;
  const auto ps = problems_of(kb);
  bool found = false;
  for (const Problem& p : ps) found |= p.pointer == "/findings/1/base_rate";
  EXPECT_TRUE(found) << dump(ps);
}

TEST(Validate, MissingRequiredFieldAndUnknownField) {
  json kb = mini();
  kb["treatments"][0].erase("cautions");
  kb["treatments"][1]["dose"] = "lots";
  const auto ps = problems_of(kb);
  EXPECT_GE(ps.size(), 2u) << dump(ps);
}

TEST(Validate, DuplicateIdsAcrossKinds) {
  json kb = mini();
  kb["diagnostics"][0]["id"] = "stretching";
  EXPECT_TRUE(has(problems_of(kb), "/treatments/0/id", "duplicate id 'stretching'")) << dump(problems_of(kb));
}

TEST(Validate, DanglingReferencesAreEachReported) {
  json kb = mini();
  kb["causes"][0]["findings"][0]["finding"] = "no_such_finding";
  kb["causes"][1]["treatments"][0] = "no_such_treatment";
  kb["red_flags"][0]["any_of"][0] = "nowhere";
  kb["findings"][0]["references"][0] = "no_ref";
  const auto ps = problems_of(kb);
  EXPECT_TRUE(has(ps, "/causes/0/findings/0/finding", "no_such_finding")) << dump(ps);
  EXPECT_TRUE(has(ps, "/causes/1/treatments/0", "no_such_treatment")) << dump(ps);
  EXPECT_TRUE(has(ps, "/red_flags/0/any_of/0", "nowhere")) << dump(ps);
  EXPECT_TRUE(has(ps, "/findings/0/references/0", "no_ref")) << dump(ps);
}

TEST(Validate, UnusedFindingIsAProblem) {
  json kb = mini();
  json extra = kb["findings"][0];
  extra["id"] = "orphan";
  kb["findings"].push_back(extra);
  kb["lexicon"]["orphan"]["phrases"] = json::array({"orphan phrase"});
  const auto ps = problems_of(kb);
  EXPECT_TRUE(has(ps, "/findings/9/id", "used by no cause")) << dump(ps);
}

TEST(Validate, TheLexiconNamesEveryFindingAndNothingElse) {
  json kb = mini();
  kb["lexicon"]["no_such_finding"] = kb["lexicon"]["weakness"];
  kb["lexicon"].erase("weakness");
  const auto ps = problems_of(kb);
  EXPECT_TRUE(has(ps, "/lexicon/no_such_finding", "is not the id of any entry of /findings")) << dump(ps);
  EXPECT_TRUE(has(ps, "/findings/6/id", "finding 'weakness' has no phrases in /lexicon")) << dump(ps);
  EXPECT_EQ(ps.size(), 2u) << dump(ps);
}

TEST(Validate, ALexiconEntryNeedsAPhraseAndOnlyPhrasesAndLookalikes) {
  json kb = mini();
  kb["lexicon"]["weakness"]["phrases"] = json::array();
  kb["lexicon"]["night_time"]["synonyms"] = json::array({"nocturnal"});
  kb["findings"][0]["phrases"] = json::array({"cramp"});  // the clinical fields hold no phrases
  const auto ps = problems_of(kb);
  EXPECT_TRUE(has(ps, "/lexicon/weakness/phrases", "")) << dump(ps);
  bool entry = false;
  bool finding = false;
  for (const Problem& p : ps) {
    entry |= p.pointer.rfind("/lexicon/night_time", 0) == 0;
    finding |= p.pointer.rfind("/findings/0", 0) == 0;
  }
  EXPECT_TRUE(entry) << dump(ps);
  EXPECT_TRUE(finding) << dump(ps);
}

TEST(Validate, EveryRequiredCauseMustBeDefined) {
  json kb = mini();
  kb["meta"]["required_causes"] = {"dehydration_salt_loss", "myotonia", "fasciculation", "back_strain"};
  const auto ps = problems_of(kb);
  // The fixture defines 2 of the 4; each missing one is reported, all at once, where it is required.
  int missing = 0;
  for (const Problem& p : ps) missing += p.message.find("required cause") != std::string::npos;
  EXPECT_EQ(missing, 2) << dump(ps);
  EXPECT_TRUE(has(ps, "/meta/required_causes/1", "'myotonia' is not defined")) << dump(ps);
  EXPECT_TRUE(has(ps, "/meta/required_causes/3", "'back_strain' is not defined")) << dump(ps);
}

TEST(Validate, UnusedTreatmentsReferencesAndOthersAreEachReported) {
  json kb = mini();
  kb["causes"][1]["treatments"] = json::array({"stretching"});  // quinine is now used by nothing
  kb["causes"][1]["prevention"] = json::array();                // nor is drink_water
  json extra = kb["references"][0];
  extra["id"] = "never_cited";
  kb["references"].push_back(extra);
  json step = kb["diagnostics"][0];
  step["id"] = "never_done";
  kb["diagnostics"].push_back(step);
  const auto ps = problems_of(kb);
  EXPECT_TRUE(has(ps, "/treatments/1/id", "treatment 'quinine' is used by no cause")) << dump(ps);
  EXPECT_TRUE(has(ps, "/prevention/0/id", "'drink_water' is used by no cause")) << dump(ps);
  EXPECT_TRUE(has(ps, "/references/1/id", "reference 'never_cited' is cited by nothing")) << dump(ps);
  EXPECT_TRUE(has(ps, "/diagnostics/1/id", "'never_done' is used by no cause")) << dump(ps);
  EXPECT_EQ(ps.size(), 4u) << dump(ps);  // each once, nothing else
}

TEST(Validate, MechanismChainsMustEndAtANormalStep) {
  json kb = mini();
  kb["causes"][0]["mechanisms"] = json::array({"lower_motor_neuron", "nerve_overactivity"});
  kb["mechanisms"][2].erase("disturbs");
  const auto ps = problems_of(kb);
  EXPECT_TRUE(has(ps, "/causes/0/mechanisms/1", "must end")) << dump(ps);
  EXPECT_TRUE(has(ps, "/mechanisms/2", "disturbs")) << dump(ps);
}

// A cause under one of the groups meta.required_causes lists names it in `category`; a
// group belongs under none, and a lookalike (not a cramp) under none either.
TEST(Validate, ACategoryNamesAGroup) {
  json kb = mini();
  kb["meta"]["required_causes"] = {"nocturnal_leg_cramps", "dehydration_salt_loss", "fasciculation"};
  json sub = kb["causes"][0];
  sub["id"] = "pregnancy_night_cramps";
  sub["category"] = "nocturnal_leg_cramps";
  kb["causes"].push_back(sub);
  EXPECT_TRUE(problems_of(kb).empty()) << dump(problems_of(kb));

  kb["causes"][3]["category"] = "no_such_group";
  EXPECT_TRUE(has(problems_of(kb), "/causes/3/category", "'no_such_group' is not the id")) << dump(problems_of(kb));
  json other = kb["causes"][0];
  other["id"] = "another_night_cramp";
  kb["causes"].push_back(other);
  kb["causes"][3]["category"] = "another_night_cramp";  // a cause, but not a group
  EXPECT_TRUE(has(problems_of(kb), "/causes/3/category", "not one of the groups")) << dump(problems_of(kb));
  kb["causes"][3]["category"] = "nocturnal_leg_cramps";
  kb["causes"][0]["category"] = "fasciculation";  // a group under a group
  EXPECT_TRUE(has(problems_of(kb), "/causes/0/category", "is a group")) << dump(problems_of(kb));
  kb["causes"][0].erase("category");
  kb["causes"][3]["kind"] = "lookalike";
  EXPECT_TRUE(has(problems_of(kb), "/causes/3/category", "lookalike")) << dump(problems_of(kb));
  kb["causes"][3]["kind"] = "cramp";
  EXPECT_TRUE(has(problems_of(kb), "/causes/3/kind", "")) << dump(problems_of(kb));
}

// Without meta.required_causes (a fixture, a draft), a category names a cause that is under none.
TEST(Validate, WithoutGroupsACategoryNamesACauseUnderNone) {
  json kb = mini();
  kb["causes"][2]["category"] = "nocturnal_leg_cramps";
  EXPECT_TRUE(problems_of(kb).empty()) << dump(problems_of(kb));
  kb["causes"][0]["category"] = "dehydration_salt_loss";
  EXPECT_TRUE(has(problems_of(kb), "/causes/2/category", "itself under a category")) << dump(problems_of(kb));
}

// A lookalike (a clot called a cramp) need not disturb muscle contraction; a cause must say how it does.
TEST(Validate, OnlyALookalikeMayHaveNoMechanismChain) {
  json kb = mini();
  kb["causes"][0]["mechanisms"] = json::array();
  EXPECT_TRUE(has(problems_of(kb), "/causes/0/mechanisms", "only a lookalike")) << dump(problems_of(kb));
  kb["causes"][0]["kind"] = "lookalike";
  EXPECT_TRUE(problems_of(kb).empty()) << dump(problems_of(kb));
}

TEST(Validate, AnHpoIdIsHpColonAndSevenDigits) {
  json kb = mini();
  kb["findings"][0]["hpo"] = "HP:0003394";
  EXPECT_TRUE(problems_of(kb).empty()) << dump(problems_of(kb));
  for (const char* bad : {"HP:394", "hp:0003394", "HP_0003394", "HP:00033940"}) {
    kb["findings"][0]["hpo"] = bad;
    EXPECT_TRUE(has(problems_of(kb), "/findings/0/hpo", "")) << bad << dump(problems_of(kb));
  }
}

// The HPO table names findings that carry its term's id (scripts/hpo_layperson.py writes it
// from them; a finding's id changed by hand makes it stale).
TEST(Validate, TheHpoTableNamesFindingsWithItsTerm) {
  json kb = test::mini_kb_with_hpo_term({"charley horse"});
  const json term = kb["hpo_layperson"]["terms"][0];
  EXPECT_TRUE(problems_of(kb).empty()) << dump(problems_of(kb));

  kb["findings"][1]["hpo"] = "HP:0002380";  // an id added by hand, with no term of its own
  kb["hpo_layperson"]["terms"][0]["findings"] = {"muscle_cramp", "muscle_twitching", "muscle_pain", "no_such"};
  kb["hpo_layperson"]["terms"].push_back(term);
  const auto ps = problems_of(kb);
  EXPECT_TRUE(has(ps, "/hpo_layperson/terms/0/findings/1", "the hpo id 'HP:0002380', not 'HP:0003394'")) << dump(ps);
  EXPECT_TRUE(has(ps, "/hpo_layperson/terms/0/findings/2", "no hpo id")) << dump(ps);
  EXPECT_TRUE(has(ps, "/hpo_layperson/terms/0/findings/3", "'no_such' is not the id")) << dump(ps);
  EXPECT_TRUE(has(ps, "/hpo_layperson/terms/1/hpo", "already the term at /hpo_layperson/terms/0")) << dump(ps);
  EXPECT_TRUE(has(ps, "/findings/1/hpo", "'HP:0002380' has no term in /hpo_layperson")) << dump(ps);
  EXPECT_EQ(ps.size(), 5u) << dump(ps);

  kb["hpo_layperson"].erase("release");
  EXPECT_TRUE(has(problems_of(kb), "/hpo_layperson", "release")) << dump(problems_of(kb));
}

TEST(Validate, WrongTypesDoNotStopTheIntegrityCheck) {
  json kb = mini();
  kb["causes"] = 5;
  kb["findings"][0] = "not an object";
  EXPECT_FALSE(problems_of(kb).empty());
}

TEST(Validate, OverlongStringsAreRejectedWithoutPatternMatching) {
  json kb = mini();
  kb["findings"][0]["id"] = std::string(1 << 20, 'a');
  const auto ps = problems_of(kb);
  EXPECT_TRUE(has(ps, "/findings/0/id", "longer than")) << dump(ps);
}

// A red flag's none_of and suggests, and a treatment's unsafe_with, name what exists; a flag
// cannot be stopped by a finding it needs.
TEST(Validate, DangerLinksNameWhatExists) {
  json kb = mini();
  kb["red_flags"][0]["suggests"] = {"fasciculation", "no_such_cause"};
  kb["red_flags"][0]["none_of"] = {"heat_exposure", "recent_wound", "no_such_finding"};
  kb["treatments"][0]["unsafe_with"] = {
      {{"findings", {"weakness", "nowhere"}}, {"reason", "r"}, {"references", {"ref_test"}}},
      {{"red_flags", {"tetanus_signs", "rf_none"}}, {"causes", {"fasciculation", "gone"}}, {"reason", "r"},
       {"references", {"ref_test"}}}};
  const auto ps = problems_of(kb);
  EXPECT_TRUE(has(ps, "/red_flags/0/suggests/1", "'no_such_cause'")) << dump(ps);
  EXPECT_TRUE(has(ps, "/red_flags/0/none_of/1", "needed by this red flag and stops it")) << dump(ps);
  EXPECT_TRUE(has(ps, "/red_flags/0/none_of/2", "'no_such_finding'")) << dump(ps);
  EXPECT_TRUE(has(ps, "/treatments/0/unsafe_with/0/findings/1", "'nowhere'")) << dump(ps);
  EXPECT_TRUE(has(ps, "/treatments/0/unsafe_with/1/red_flags/1", "'rf_none'")) << dump(ps);
  EXPECT_TRUE(has(ps, "/treatments/0/unsafe_with/1/causes/1", "'gone'")) << dump(ps);
  EXPECT_EQ(ps.size(), 6u) << dump(ps);
}

TEST(Validate, AnUnsafeRuleNamesWhatMakesItApplyAndWhy) {
  json kb = mini();
  kb["treatments"][0]["unsafe_with"] = {{{"reason", "r"}, {"references", {"ref_test"}}}};
  EXPECT_TRUE(has(problems_of(kb), "/treatments/0/unsafe_with/0", "")) << dump(problems_of(kb));
  kb["treatments"][0]["unsafe_with"] = {{{"findings", {"weakness"}}, {"references", {"ref_test"}}}};
  EXPECT_TRUE(has(problems_of(kb), "/treatments/0/unsafe_with/0", "reason")) << dump(problems_of(kb));
}

TEST(Validate, ScoringNumbersStayInRange) {
  json kb = mini();
  kb["scoring"]["unlisted_share"] = 1.0;
  EXPECT_TRUE(has(problems_of(kb), "/scoring/unlisted_share", "")) << dump(problems_of(kb));
  kb = mini();
  kb["scoring"]["temperature"] = 0;
  EXPECT_TRUE(has(problems_of(kb), "/scoring/temperature", "")) << dump(problems_of(kb));
  kb = mini();
  kb["scoring"].erase("note");
  EXPECT_TRUE(has(problems_of(kb), "/scoring", "note")) << dump(problems_of(kb));
}

// Issue 22.1: a knowledge base never drives the terminal. Every string and every key is
// checked, wherever it is, and the problem names its pointer and the character.
TEST(Validate, ControlCharactersAreRefusedInEveryString) {
  json kb = mini();
  kb["causes"][0]["label"] = "Night cramps\x1b]0;owned\x07";
  kb["causes"][0]["summary"] = "Clears \x1b[2J the screen";
  kb["findings"][1]["question"] = "A bell\x07?";
  kb["lexicon"]["muscle_cramp"]["phrases"].push_back("cramp\tnow");
  kb["meta"]["disclaimer"] = "Not advice\u009b31m";  // U+009B: a one-character CSI
  kb["references"][0]["url"] = "https://example.org/\x7f";
  kb["lexicon"]["muscle_cramp"]["odd\x1bkey"] = json::array({"x"});
  const auto ps = problems_of(kb);
  EXPECT_TRUE(has(ps, "/causes/0/label", "U+001B at byte 12")) << dump(ps);
  EXPECT_TRUE(has(ps, "/causes/0/summary", "control character")) << dump(ps);
  EXPECT_TRUE(has(ps, "/findings/1/question", "U+0007")) << dump(ps);
  EXPECT_TRUE(has(ps, "/lexicon/muscle_cramp/phrases/5", "U+0009")) << dump(ps);
  EXPECT_TRUE(has(ps, "/meta/disclaimer", "U+009B")) << dump(ps);
  EXPECT_TRUE(has(ps, "/references/0/url", "U+007F")) << dump(ps);
  EXPECT_TRUE(has(ps, "/lexicon/muscle_cramp/odd\x1bkey", "the key holds a control character")) << dump(ps);
}

// Issue 22.2: a prior of 1e-46 is above zero, as the schema asks, but a float holds it as
// 0, and every probability became NaN. Priors, frequencies and base rates are refused when
// a float cannot hold them.
TEST(Validate, ProbabilitiesAFloatCannotHoldAreRefused) {
  json kb = mini();
  kb["causes"][0]["prior"] = 1e-46;
  kb["causes"][1]["findings"][0]["frequency"] = 1e-40;
  kb["findings"][2]["base_rate"] = 5e-39;
  const auto ps = problems_of(kb);
  EXPECT_TRUE(has(ps, "/causes/0/prior", "too small to be stored")) << dump(ps);
  EXPECT_TRUE(has(ps, "/causes/1/findings/0/frequency", "too small")) << dump(ps);
  EXPECT_TRUE(has(ps, "/findings/2/base_rate", "too small")) << dump(ps);
  kb = mini();
  kb["causes"][0]["prior"] = 2e-38;  // the smallest a float holds is about 1.18e-38
  EXPECT_TRUE(problems_of(kb).empty()) << dump(problems_of(kb));
}

// Issue 22.7: mechanism chains and steps that make no sense are refused.
TEST(Validate, AMechanismChainGoesThroughEachStepOnce) {
  json kb = mini();
  kb["causes"][0]["mechanisms"] = json::array({"nerve_overactivity", "nerve_overactivity", "lower_motor_neuron"});
  EXPECT_TRUE(has(problems_of(kb), "/causes/0/mechanisms/1", "already in the mechanism chain")) << dump(problems_of(kb));
}

TEST(Validate, ANormalStepDisturbsNothing) {
  json kb = mini();
  kb["mechanisms"][0]["disturbs"] = "relaxation";
  EXPECT_TRUE(has(problems_of(kb), "/mechanisms/0/disturbs", "a normal_step does not")) << dump(problems_of(kb));
}

TEST(Validate, TwoNormalStepsNeverShareAnOrder) {
  json kb = mini();
  kb["mechanisms"][1]["order"] = 1;
  EXPECT_TRUE(has(problems_of(kb), "/mechanisms/1/order", "another normal_step has the order 1 (/mechanisms/0/order)"))
      << dump(problems_of(kb));
}

// 4294967297 was cut to 1 in the image: `why` said step 1 and `show` 4294967297.
TEST(Validate, AnOrderBeyond32BitsIsRefused) {
  json kb = mini();
  kb["mechanisms"][1]["order"] = 4294967297ull;
  EXPECT_TRUE(has(problems_of(kb), "/mechanisms/1/order", "")) << dump(problems_of(kb));
  kb["mechanisms"][1]["order"] = 4294967295ull;
  EXPECT_TRUE(problems_of(kb).empty()) << dump(problems_of(kb));
}

}  // namespace
}  // namespace crampx::kb
