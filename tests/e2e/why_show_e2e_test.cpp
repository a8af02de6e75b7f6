#include <gtest/gtest.h>

#include <algorithm>

#include "e2e/e2e.h"

namespace crampx::test {
namespace {

using json = nlohmann::json;

TEST(WhyE2E, TheChainEndsAtTheDisturbedStep) {
  const auto r = mini({"why", "dehydration_salt_loss", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["id"], "dehydration_salt_loss");
  ASSERT_EQ(j["mechanisms"].size(), 2u);
  EXPECT_EQ(j["mechanisms"][0]["kind"], "disturbance");
  EXPECT_EQ(j["mechanisms"][0]["disturbs"]["id"], "relaxation");
  EXPECT_EQ(j["mechanisms"][1]["id"], "relaxation");
  EXPECT_EQ(j["treatments"][1]["evidence"], "not_recommended");
  EXPECT_EQ(j["treatments"][1]["cautions"].size(), 1u);
  EXPECT_EQ(j["conditions"][0]["id"], "heat_cramps");
  for (const json& f : j["findings"]) {
    EXPECT_EQ(f["direction"], f["lr_present"].get<double>() >= 1 ? "for" : "against");
  }
  EXPECT_FALSE(j["references"].empty());
}

TEST(WhyE2E, TextNamesEverySection) {
  const auto r = mini({"why", "dehydration_salt_loss"});
  ASSERT_EQ(r.exit_code, 0);
  for (const char* heading : {"How it disturbs", "Typical evidence", "Conditions to consider", "What a doctor",
                              "Treatments", "caution:", "Prevention", "References"}) {
    EXPECT_NE(r.out.find(heading), std::string::npos) << heading;
  }
}

TEST(WhyE2E, UnknownCauseSuggestsTheNearest) {
  const auto r = mini({"why", "dehydration"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("did you mean 'dehydration_salt_loss'"), std::string::npos) << r.err;
}

TEST(ShowE2E, AnyObjectByIdAsWritten) {
  const auto r = mini({"show", "quinine", "--json"});
  ASSERT_EQ(r.exit_code, 0);
  const json j = json::parse(r.out);
  EXPECT_EQ(j["object"], "treatment");
  EXPECT_EQ(j["kind"], "medication");  // the treatment's own kind, as written
  EXPECT_EQ(j["evidence"], "not_recommended");
  const auto text = mini({"show", "night_time"});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("finding night_time"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("wakes me up"), std::string::npos);
  EXPECT_EQ(mini({"show", "nothing_like_this_id"}).exit_code, 2);
}

// A finding of the default knowledge base comes with its HPO layperson phrasings and the HPO
// release they were taken from (the HPO's terms of use ask for the version wherever its
// content is shown).
TEST(ShowE2E, AFindingShowsItsHpoPhrasingsWithTheRelease) {
  const auto r = crampx({"show", "muscle_weakness", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["hpo"], "HP:0001324");
  const json& phrasings = j["hpo_layperson"]["phrases"];
  EXPECT_NE(std::find(phrasings.begin(), phrasings.end(), "muscular weakness"), phrasings.end()) << phrasings;
  EXPECT_NE(j["hpo_layperson"]["release"].get<std::string>().find("layperson-synonyms"), std::string::npos);
}

}  // namespace
}  // namespace crampx::test
