#include "text/analyze.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/test_kb.h"

namespace crampx::text {
namespace {

using test::findings_of;
using test::mini_kb;
using V = std::vector<std::string>;

Analysis analyze_text(std::string_view input) {
  Scratch scratch;
  Analysis a;
  analyze(input, mini_kb(), {}, scratch, a);
  return a;
}

// A scratch remembers the words it has resolved. Words that share most of their bytes
// (the same first and last bytes, one letter apart in the middle, one a prefix of
// another) must each get their own stem or repair, whatever was resolved before them:
// every word looked up after all the others, twice, matches it looked up alone.
TEST(Lexicon, TheWordCacheTellsApartWordsThatShareTheirBytes) {
  const std::vector<std::string> words = {
      "a",        "an",        "ab",         "cramp",      "cramps",           "crampx",          "crmp",
      "calf",     "calves",    "musle",      "muscle",     "muscel",           "twitching",       "twitchinq",
      "twitcning", "nighttime", "nighttimes", "weakness",   "weaknesz",         "hyperventilating",
      "hyperventilatinq", "hypervantilating", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxa",
      "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxb", "xxxxxxxxxxxxxxxxbxxxxxxxxxxxxxxxxa"};
  auto info_of = [](const std::string& text, WordLookup& lookup) {
    Tokens tokens;
    tokenize(text, tokens);
    std::vector<TokenInfo> info;
    lookup_tokens(tokens, mini_kb(), true, lookup, info);
    return info;
  };
  auto same = [](const TokenInfo& x, const TokenInfo& y) {
    return x.stem == y.stem && x.repaired == y.repaired && x.typo_word == y.typo_word && x.flags == y.flags;
  };
  std::vector<TokenInfo> alone;
  for (const std::string& w : words) {
    WordLookup fresh;  // an empty cache
    alone.push_back(info_of(w, fresh).at(0));
  }
  std::string all;
  for (const std::string& w : words) all += w + " ";
  WordLookup lookup;
  info_of(all, lookup);
  const std::vector<TokenInfo> together = info_of(all, lookup);  // now every word comes from the cache
  ASSERT_EQ(together.size(), words.size());
  for (std::size_t i = 0; i < words.size(); ++i) EXPECT_TRUE(same(alone[i], together[i])) << words[i];
  // Not all alike: the list does hold words the knowledge base knows and words it repairs.
  EXPECT_FALSE(same(alone[3], alone[5]));  // "cramp", "crampx"
}

TEST(Lexicon, LongestPhraseWins) {
  // "charley horse" is one phrase of muscle_cramp; "horse" alone means nothing.
  EXPECT_EQ(findings_of("a charley horse in bed", mini_kb()), (V{"muscle_cramp=present", "night_time=present"}));
}

TEST(Lexicon, WordOrderAndFillersAreBothCovered) {
  EXPECT_EQ(findings_of("cramps in my left calf", mini_kb()), (V{"muscle_cramp=present", "calf_location=present"}));
  EXPECT_EQ(findings_of("calf cramps", mini_kb()), (V{"calf_location=present", "muscle_cramp=present"}));
  // Fillers may sit inside a multi-word phrase: "locks my left leg up" is not "locks up", but "locks right up" is.
  EXPECT_EQ(findings_of("it locks right up", mini_kb()), (V{"muscle_cramp=present"}));
}

TEST(Lexicon, GuardsStopLookalikes) {
  EXPECT_EQ(findings_of("I have stomach cramps", mini_kb()), V{});
  EXPECT_EQ(findings_of("stomach cramps and calf cramps", mini_kb()),
            (V{"calf_location=present", "muscle_cramp=present"}));
}

TEST(Lexicon, MatchKindsAndSpans) {
  const std::string input = "Cramp, muscle cramps, nocturnal twitches, at nihgt";
  const Analysis a = analyze_text(input);
  ASSERT_EQ(a.mentions.size(), 5u);
  auto text_of = [&](const Mention& m) { return input.substr(m.begin, m.end - m.begin); };
  EXPECT_EQ(text_of(a.mentions[0]), "Cramp");
  EXPECT_EQ(a.mentions[0].match, MatchKind::exact);    // the canonical phrase, as written
  EXPECT_EQ(text_of(a.mentions[1]), "muscle cramps");
  EXPECT_EQ(a.mentions[1].match, MatchKind::stem);     // a synonym, reached through stems
  EXPECT_EQ(a.mentions[2].match, MatchKind::synonym);  // "nocturnal": another phrase, as written
  EXPECT_EQ(text_of(a.mentions[3]), "twitches");
  EXPECT_EQ(a.mentions[3].match, MatchKind::stem);
  EXPECT_EQ(text_of(a.mentions[4]), "at nihgt");
  EXPECT_EQ(a.mentions[4].match, MatchKind::fuzzy);
  EXPECT_EQ(mini_kb().str(mini_kb().typo_words()[a.mentions[4].repaired_to].word), "night");
}

TEST(Lexicon, UnrecognizedContentWordsAreListed) {
  const std::string input = "my calf cramps during yoga";
  const Analysis a = analyze_text(input);
  std::vector<std::string> words;
  for (const Span& s : a.unrecognized) words.push_back(input.substr(s.begin, s.end - s.begin));
  EXPECT_EQ(words, (V{"during", "yoga"}));
}

TEST(Lexicon, LabelsNameTheirFindingToo) {
  // The fixture's "In the heat" is a label, not one of heat_exposure's phrases.
  const std::string input = "cramps in the heat";
  const Analysis a = analyze_text(input);
  ASSERT_EQ(a.mentions.size(), 2u);
  EXPECT_EQ(input.substr(a.mentions[1].begin, a.mentions[1].end - a.mentions[1].begin), "in the heat");
  EXPECT_EQ(a.mentions[1].match, MatchKind::exact);
}

TEST(Lexicon, SpansCountBytesOfTheOriginalInput) {
  const std::string input = "\xE2\x80\x9C" "Cr\xC3\xA0mp\xE2\x80\x9D \xE2\x80\x94 in my CALF";
  const Analysis a = analyze_text(input);
  ASSERT_EQ(a.mentions.size(), 2u);
  EXPECT_EQ(input.substr(a.mentions[0].begin, a.mentions[0].end - a.mentions[0].begin), "Cr\xC3\xA0mp");
  EXPECT_EQ(input.substr(a.mentions[1].begin, a.mentions[1].end - a.mentions[1].begin), "CALF");
}

// The fixture with a few more findings, a lookalike and a guard, for the overlap rules.
const kb::KnowledgeBase& overlap_kb() {
  static const kb::KnowledgeBase kb = [] {
    using json = nlohmann::json;
    json root = json::parse(test::mini_kb_text());
    json& findings = root["findings"];
    json& lexicon = root["lexicon"];
    auto add = [&](const char* id, const char* kind, json phrases) {
      findings.push_back({{"id", id}, {"label", id}, {"kind", kind}, {"scope", "context"}, {"base_rate", 0.1},
                          {"question", "Where?"}, {"references", {"ref_test"}}});
      lexicon[id]["phrases"] = std::move(phrases);
    };
    lexicon["night_time"]["phrases"].push_back("night cramps");
    lexicon["muscle_cramp"]["phrases"].push_back("cramp in back");
    add("back_location", "site", {"my back", "lower back"});
    lexicon["back_location"]["lookalikes"] = {"back of"};
    add("thigh_location", "site", {"thigh", "back of thigh"});
    add("eyelid_location", "site", {"eyelid"});
    add("abdominal_wall", "site", {"stomach muscles"});
    json twitch = findings[1];
    twitch["id"] = "eyelid_twitch";
    findings.push_back(twitch);
    lexicon["eyelid_twitch"]["phrases"] = {"eyelid twitch"};
    add("older_age", "context", {"im {60-110}", "{60-110} years old"});
    json& cause = root["causes"][0]["findings"];
    for (const char* id : {"back_location", "thigh_location", "eyelid_location", "abdominal_wall", "eyelid_twitch",
                           "older_age"}) {
      cause.push_back({{"finding", id}, {"frequency", 0.2}, {"references", {"ref_test"}}});
    }
    root["language"]["guards"].push_back({{"phrase", "cramp during period"}, {"reason", "Menstrual."}});
    root["language"]["guards"].push_back({{"phrase", "cramp in stomach"}, {"reason", "Gut."}});
    return test::compile_text(root.dump());
  }();
  return kb;
}

TEST(Lexicon, APhraseBringsTheFindingsItContains) {
  // "night cramps" is a phrase of night_time; the cramp in it still counts.
  EXPECT_EQ(findings_of("I get night cramps", overlap_kb()), (V{"night_time=present", "muscle_cramp=present"}));
  // Only what says what the problem is, where, or what set it off: "muscles hurt" names no cramp.
  EXPECT_EQ(findings_of("my muscles hurt", overlap_kb()), (V{"muscle_pain=present"}));
}

TEST(Lexicon, ALookalikeCutsAFindingPhraseShort) {
  // "cramp in back" would take "back"; "back of" says it is the back of something else.
  EXPECT_EQ(findings_of("cramps in the back of my thigh", overlap_kb()),
            (V{"muscle_cramp=present", "thigh_location=present"}));
  EXPECT_EQ(findings_of("a cramp in my lower back", overlap_kb()),
            (V{"muscle_cramp=present", "back_location=present"}));
  EXPECT_EQ(findings_of("the back of my hand", overlap_kb()), V{});
}

TEST(Lexicon, WordOrderVariantsConverge) {
  const V one = findings_of("eyelid twitching", overlap_kb());
  const V other = findings_of("twitching in my eyelid", overlap_kb());
  EXPECT_EQ(one, (V{"eyelid_twitch=present", "eyelid_location=present", "muscle_twitching=present"}));
  EXPECT_EQ(V(other.begin(), other.end()), (V{"muscle_twitching=present", "eyelid_twitch=present",
                                               "eyelid_location=present"}));
  // Not across a word that is not a preposition or a filler.
  EXPECT_EQ(findings_of("twitching and my eyelid", overlap_kb()),
            (V{"muscle_twitching=present", "eyelid_location=present"}));
}

TEST(Lexicon, GuardsYieldToASiteNamedBesideThem) {
  EXPECT_EQ(findings_of("cramps during my period", overlap_kb()), V{});
  EXPECT_EQ(findings_of("my calves cramp during my period", overlap_kb()),
            (V{"calf_location=present", "muscle_cramp=present"}));
  EXPECT_EQ(findings_of("cramps in my stomach", overlap_kb()), V{});
  EXPECT_EQ(findings_of("cramps in my stomach muscles", overlap_kb()),
            (V{"muscle_cramp=present", "abdominal_wall=present"}));
}

TEST(Lexicon, NumberRangesInPhrases) {
  EXPECT_EQ(findings_of("I'm 75 and my calves cramp", overlap_kb()),
            (V{"older_age=present", "calf_location=present", "muscle_cramp=present"}));
  EXPECT_EQ(findings_of("I'm 45 and my calves cramp", overlap_kb()),
            (V{"calf_location=present", "muscle_cramp=present"}));
  EXPECT_EQ(findings_of("she is 110 years old", overlap_kb()), (V{"older_age=present"}));
  EXPECT_EQ(findings_of("she is 111 years old", overlap_kb()), V{});
}

TEST(Lexicon, TriggersAndGuardsAreNotUnrecognized) {
  const std::string input = "no stomach cramps, maybe twitching";
  const Analysis a = analyze_text(input);
  EXPECT_TRUE(a.unrecognized.empty());
}

TEST(Lexicon, SameStemTriggersActByTheWordsWritten) {
  // "rule out" (possible) and "ruled out" (denied) share their stems.
  Scratch s;
  read_text("ruled out", mini_kb(), {}, s);
  ASSERT_EQ(s.triggers.size(), 1u);
  EXPECT_EQ(mini_kb().triggers()[mini_kb().phrases()[s.triggers[0].phrase].target].category,
            kb::TriggerCategory::negated);
  // "i" is both a clause start and the end of a relative's scope: both act.
  read_text("i", mini_kb(), {}, s);
  EXPECT_EQ(s.triggers.size(), 2u);
}

TEST(Lexicon, AnAdverbIsNotItsAdjectivesTrigger) {
  // Snowball stems "surely" to "sure", so "not surely if" would meet "not sure if": trigger words must agree.
  Scratch s;
  read_text("not surely if", mini_kb(), {}, s);
  ASSERT_EQ(s.triggers.size(), 1u);
  EXPECT_EQ(mini_kb().str(mini_kb().phrases()[s.triggers[0].phrase].words), "not");
}

}  // namespace
}  // namespace crampx::text
