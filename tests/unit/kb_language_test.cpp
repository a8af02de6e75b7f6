// The default knowledge base's language (data/kb/language.json): every trigger class
// in lay and clinical words, the scope rules on real sentences (including the ones
// naive NegEx gets wrong), the weaknesses the knowledge-base author reported, and
// every guard phrase. The engine's rules on their own are in assertion_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "support/test_kb.h"

namespace crampx::text {
namespace {

const kb::KnowledgeBase& kb() { return kb::embedded(); }

struct Case {
  const char* text;
  const char* finding;
  const char* status;
};

std::ostream& operator<<(std::ostream& out, const Case& c) { return out << '"' << c.text << "\" " << c.finding; }

class LanguageCase : public testing::TestWithParam<Case> {};

TEST_P(LanguageCase, Status) {
  const Case& c = GetParam();
  EXPECT_EQ(test::status_in(c.text, c.finding, kb()), c.status) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Absent, LanguageCase,
    testing::Values(Case{"no cramps at night", "muscle_cramp", "absent"},
                    Case{"it is not a cramp", "muscle_cramp", "absent"},
                    Case{"twitching without weakness", "muscle_weakness", "absent"},
                    Case{"I've never had a cramp", "muscle_cramp", "absent"},
                    Case{"I don't have cramps", "muscle_cramp", "absent"},
                    Case{"I haven't noticed any weakness", "muscle_weakness", "absent"},
                    Case{"She denies muscle weakness", "muscle_weakness", "absent"},
                    Case{"He denied any weakness", "muscle_weakness", "absent"},
                    Case{"free of cramps since March", "muscle_cramp", "absent"},
                    Case{"Cramps: none", "muscle_cramp", "absent"},
                    Case{"Tested negative for diabetes", "diabetes", "absent"},
                    Case{"negative for fever", "fever", "absent"},
                    Case{"-ve for fever", "fever", "absent"},
                    Case{"no evidence of muscle weakness", "muscle_weakness", "absent"},
                    Case{"the doctor ruled out ALS", "als_mnd_diagnosis", "absent"},
                    Case{"ALS was ruled out", "als_mnd_diagnosis", "absent"},
                    Case{"the twitching has resolved", "muscle_twitching", "absent"},
                    Case{"the cramps went away", "muscle_cramp", "absent"},
                    Case{"I no longer get cramps", "muscle_cramp", "absent"},
                    Case{"no cramps, no twitching, no weakness", "muscle_twitching", "absent"},
                    Case{"no cramps, no twitching, no weakness", "muscle_weakness", "absent"}));

INSTANTIATE_TEST_SUITE_P(
    Possible, LanguageCase,
    testing::Values(Case{"maybe a cramp", "muscle_cramp", "possible"},
                    Case{"it might be a cramp", "muscle_cramp", "possible"},
                    Case{"not sure if it's a cramp or a spasm", "muscle_cramp", "possible"},
                    Case{"not sure if it's a cramp or a spasm", "muscle_spasm", "possible"},
                    Case{"possible ALS", "als_mnd_diagnosis", "possible"},
                    Case{"ALS?", "als_mnd_diagnosis", "possible"},
                    Case{"worried it's ALS", "als_mnd_diagnosis", "possible"},
                    Case{"I'm scared it could be ALS", "als_mnd_diagnosis", "possible"},
                    Case{"anxious it's diabetes", "diabetes", "possible"},
                    Case{"could it be dehydration", "dehydration_signs", "possible"},
                    Case{"is it ALS", "als_mnd_diagnosis", "possible"},
                    Case{"not certain whether it is ALS", "als_mnd_diagnosis", "possible"},  // not a denial
                    Case{"worried it's ALS", "stress_anxiety", "present"}));  // the worry itself is real

INSTANTIATE_TEST_SUITE_P(
    Historical, LanguageCase,
    testing::Values(Case{"I used to get cramps", "muscle_cramp", "historical"},
                    Case{"I had back spasms years ago", "back_spasm", "historical"},
                    Case{"years ago I had back spasms", "back_spasm", "historical"},
                    Case{"history of diabetes", "diabetes", "historical"},
                    Case{"I had cramps last year", "muscle_cramp", "historical"},
                    Case{"as a child I had cramps", "muscle_cramp", "historical"},
                    Case{"I used to get cramps, now I get twitching", "muscle_twitching", "present"},
                    Case{"a two-day history of cramps", "muscle_cramp", "present"}));  // recent, not past

INSTANTIATE_TEST_SUITE_P(
    Hypothetical, LanguageCase,
    testing::Values(Case{"what if I get a cramp while swimming", "muscle_cramp", "hypothetical"},
                    Case{"should I stretch if I get a cramp?", "muscle_cramp", "hypothetical"},
                    Case{"in case I get a cramp, what should I do", "muscle_cramp", "hypothetical"},
                    Case{"if I get cramps, should I take magnesium?", "muscle_cramp", "hypothetical"},
                    Case{"if I run too far my calves cramp", "muscle_cramp", "present"},  // a habit
                    Case{"if I sit too long my legs cramp", "muscle_cramp", "present"},
                    Case{"call your doctor if weakness develops", "muscle_weakness", "hypothetical"},
                    Case{"should I see a doctor about my cramps?", "muscle_cramp", "present"},
                    Case{"is it normal to get cramps at night?", "night_time", "present"}));

INSTANTIATE_TEST_SUITE_P(
    Family, LanguageCase,
    testing::Values(Case{"my mother has myotonic dystrophy", "myotonia_diagnosis", "family"},
                    Case{"my dad had cramps", "muscle_cramp", "family"},
                    Case{"my sister gets twitching", "muscle_twitching", "family"},
                    Case{"cramps run in the family", "muscle_cramp", "family"},
                    Case{"myotonic dystrophy runs in my family", "myotonia_diagnosis", "family"},
                    Case{"family history of diabetes", "diabetes", "family"},
                    Case{"my mother has myotonic dystrophy and I've noticed my grip is slow to release",
                         "delayed_relaxation", "present"},
                    Case{"my dad had twitching but I get cramps", "muscle_cramp", "present"},
                    Case{"my mum has diabetes, I get cramps", "muscle_cramp", "present"},
                    Case{"my brother and I both get cramps", "muscle_cramp", "present"}));

INSTANTIATE_TEST_SUITE_P(
    Terminators, LanguageCase,
    testing::Values(Case{"no twitching but cramps", "muscle_cramp", "present"},
                    Case{"no twitching although cramps at night", "muscle_cramp", "present"},
                    Case{"no twitching except cramps at night", "muscle_cramp", "present"},
                    Case{"no twitching, however my calves cramp", "muscle_cramp", "present"},
                    Case{"no twitching though my calves cramp", "muscle_cramp", "present"},
                    Case{"no twitching apart from cramps", "muscle_cramp", "present"},
                    Case{"no twitching, only cramps", "muscle_cramp", "present"},
                    Case{"no twitching. Cramps at night.", "muscle_cramp", "present"},
                    Case{"no twitching, worse cramps at night", "muscle_cramp", "present"},
                    Case{"no twitching, after a run my calves cramp", "muscle_cramp", "present"},
                    Case{"I can't sleep because of cramps", "muscle_cramp", "present"}));

INSTANTIATE_TEST_SUITE_P(
    Lists, LanguageCase,
    testing::Values(Case{"no fever, chills or weakness", "fever", "absent"},
                    Case{"no fever, chills or weakness", "muscle_weakness", "absent"},
                    Case{"denies fever, headache, nausea, numbness or weakness", "muscle_weakness", "absent"},
                    Case{"no numbness or leg swelling, just cramps in my feet", "tingling_numbness", "absent"},
                    Case{"no numbness or leg swelling, just cramps in my feet", "leg_swelling", "absent"},
                    Case{"no numbness or leg swelling, just cramps in my feet", "muscle_cramp", "present"},
                    Case{"no numbness or leg swelling, just cramps in my feet", "foot_location", "present"}));

INSTANTIATE_TEST_SUITE_P(
    PseudoTriggers, LanguageCase,
    testing::Values(Case{"not only cramps but twitching", "muscle_cramp", "present"},
                    Case{"no increase in cramps", "muscle_cramp", "present"},
                    Case{"gram negative infection with fever", "fever", "present"},
                    Case{"I don't know why my legs cramp", "muscle_cramp", "present"},
                    Case{"no idea why my calves cramp", "muscle_cramp", "present"},
                    Case{"nothing helps my cramps", "muscle_cramp", "present"},
                    Case{"my cramps won't go away", "muscle_cramp", "present"},
                    Case{"stretching doesn't help the cramps", "muscle_cramp", "present"},
                    Case{"I've never had cramps like this before", "muscle_cramp", "present"},
                    Case{"cramps for no reason", "muscle_cramp", "present"}));

INSTANTIATE_TEST_SUITE_P(
    ReportedWeaknesses, LanguageCase,
    testing::Values(Case{"I can never keep up in sports, my muscles cramp", "muscle_cramp", "present"},
                    Case{"I never sleep well, my calves cramp", "muscle_cramp", "present"},
                    Case{"my mother has myotonic dystrophy and I've noticed my grip is slow to release",
                         "myotonia_diagnosis", "family"},
                    Case{"it feels like my calves cramp", "muscle_cramp", "present"},  // "like" is not "likely"
                    Case{"I was quite tired and my calves cramped", "muscle_cramp", "present"},  // nor "quite" "quit"
                    Case{"it seems likely my calves cramp", "muscle_cramp", "possible"}));

TEST(Language, TheKnowledgeBaseHasEveryTriggerClass) {
  int seen[8] = {};
  for (const kb::TriggerRec& t : kb().triggers()) ++seen[static_cast<int>(t.category)];
  for (int c = 0; c < 8; ++c) EXPECT_GT(seen[c], 0) << "category " << c;
}

// Phrases that look like findings but are not: none of them may yield a finding.
class GuardCase : public testing::TestWithParam<const char*> {};

TEST_P(GuardCase, MatchesNoFinding) {
  const std::string text = std::string("then ") + GetParam() + " again";
  EXPECT_EQ(test::findings_of(text, kb()), std::vector<std::string>{}) << text;
}

INSTANTIATE_TEST_SUITE_P(
    Language, GuardCase,
    testing::Values("period cramps", "menstrual cramps", "abdominal cramps", "stomach cramps", "tummy cramps",
                    "belly cramps", "gas cramps", "labour cramps", "labor cramps", "ovulation cramps",
                    "kidney spasms", "bladder spasms", "oesophageal spasms", "esophageal spasms", "anal spasms",
                    "cramped space", "cramped room", "cramp my style", "twitch stream", "bored stiff",
                    "scared stiff", "stiff drink", "stiff competition", "tight schedule", "tight budget",
                    "money is tight", "knee jerk reaction", "lock up the house", "seize the day", "tie the knot",
                    "phone vibrating", "clock ticking", "heat pad", "heating pad", "heat pack", "apply heat",
                    "deep heat", "hot water bottle", "run out of", "ran out of", "in the long run", "run errands",
                    "run a bath", "running late", "on the other hand", "second hand", "hands down", "get a grip",
                    "on foot", "foot the bill", "face it", "in the face of", "breast stroke", "stroke of luck",
                    "hay fever", "cabin fever", "poison ivy", "stress fracture", "stress test", "eye strain",
                    "rest of", "for a week", "for a day"));

TEST(Language, GuardsLeaveTheRealFindingBeside) {
  EXPECT_EQ(test::status_in("stomach cramps and calf cramps", "muscle_cramp", kb()), "present");
  EXPECT_EQ(test::status_in("I use a heat pad when my calf cramps", "heat_exposure", kb()), "missing");
  EXPECT_EQ(test::status_in("I use a heat pad when my calf cramps", "muscle_cramp", kb()), "present");
}

TEST(Language, TyposAreRepairedOnlyForUnknownWords) {
  Scratch scratch;
  Analysis a;
  const std::string input = "my calfs cramp at nigth and the heat makes my hamstirng twich";
  analyze(input, kb(), {}, scratch, a);
  std::vector<std::string> fuzzy;
  for (const Mention& m : a.mentions) {
    if (m.match != MatchKind::fuzzy) continue;
    fuzzy.push_back(input.substr(m.begin, m.end - m.begin) + ">" + std::string(kb().str(kb().typo_words()[m.repaired_to].word)));
  }
  EXPECT_EQ(fuzzy, (std::vector<std::string>{"at nigth>night", "hamstirng>hamstring", "twich>twitch"}));
  EXPECT_EQ(test::status_in("heart problems", "heat_exposure", kb()), "missing");  // "heart" is a word
}

// What the reviewers of the knowledge base found, on the default knowledge base.
bool has(const std::vector<std::string>& findings, const std::string& f) {
  return std::find(findings.begin(), findings.end(), f) != findings.end();
}

TEST(Lexicon, PhrasesWithTheCrampWordStillCountTheCramp) {
  for (const char* text : {"I get night cramps", "nighttime leg cramps", "rest cramps", "exercise associated cramps"}) {
    EXPECT_TRUE(has(test::findings_of(text, kb()), "muscle_cramp=present")) << text;
  }
  EXPECT_TRUE(has(test::findings_of("ms spasms", kb()), "muscle_spasm=present"));
  EXPECT_TRUE(has(test::findings_of("my neck spasms", kb()), "muscle_spasm=present"));
  EXPECT_TRUE(has(test::findings_of("my toes curl and cramp", kb()), "toes_location=present"));
  EXPECT_TRUE(has(test::findings_of("a knot in my calf", kb()), "muscle_cramp=present"));
  EXPECT_TRUE(has(test::findings_of("my legs were tied up in knots", kb()), "muscle_cramp=present"));
}

TEST(Lexicon, LookalikesOfTheBackAndOfASpasm) {
  const auto thigh = test::findings_of("cramps in the back of my thigh", kb());
  EXPECT_FALSE(has(thigh, "back_spasm=present"));
  EXPECT_TRUE(has(thigh, "hamstring_location=present"));
  EXPECT_FALSE(has(test::findings_of("pain in the back of my knee", kb()), "back_pain=present"));
  EXPECT_EQ(test::findings_of("a spasm of guilt", kb()), std::vector<std::string>{});
  EXPECT_EQ(test::findings_of("the engine seized up on the motorway", kb()), std::vector<std::string>{});
}

TEST(Lexicon, LegAndAbdominalWallCrampsAreInScopeMenstrualCrampsAreNot) {
  EXPECT_TRUE(has(test::findings_of("my legs cramp during my period", kb()), "muscle_cramp=present"));
  const auto abs = test::findings_of("cramps in my stomach muscles after situps", kb());
  EXPECT_TRUE(has(abs, "muscle_cramp=present"));
  EXPECT_TRUE(has(abs, "abdominal_wall_location=present"));
  EXPECT_EQ(test::findings_of("bad period cramps this month", kb()), std::vector<std::string>{});
}

TEST(Lexicon, WordOrderVariantsGiveTheSameFindings) {
  auto sorted = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return v;
  };
  EXPECT_EQ(sorted(test::findings_of("eyelid twitching", kb())), sorted(test::findings_of("twitching in my eyelid", kb())));
  EXPECT_TRUE(has(test::findings_of("my jaw was slow to open and felt very stiff", kb()), "jaw_stiffness=present"));
  // Any phrase of the finding, with the preposition inside the site's own phrase.
  EXPECT_TRUE(has(test::findings_of("sharp pain in my lower back when I bent over", kb()), "back_pain=present"));
  EXPECT_TRUE(has(test::findings_of("spasms in my lower back", kb()), "back_spasm=present"));
  // Only the other finding's canonical phrase: hot weather near a calf is not a hot calf.
  EXPECT_FALSE(has(test::findings_of("my calf cramps in the heat", kb()), "leg_swelling=present"));
}

TEST(Lexicon, NumbersPeopleWrite) {
  EXPECT_TRUE(has(test::findings_of("I'm 75 and my calves cramp", kb()), "older_age=present"));
  EXPECT_FALSE(has(test::findings_of("I'm 35 and my calves cramp", kb()), "older_age=present"));
  EXPECT_TRUE(has(test::findings_of("twitching for 3 weeks", kb()), "lasting_weeks=present"));
  EXPECT_TRUE(has(test::findings_of("the cramp lasted 20 minutes", kb()), "lasting_long=present"));
  EXPECT_TRUE(has(test::findings_of("I swam a mile and got a cramp", kb()), "exercise=present"));
  EXPECT_TRUE(has(test::findings_of("back spasms after a fall", kb()), "trauma_recent=present"));
}

}  // namespace
}  // namespace crampx::text
