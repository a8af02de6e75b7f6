#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "e2e/e2e.h"

namespace crampx::test {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

std::string write_temp(const std::string& name, const std::string& text) {
  const fs::path p = fs::temp_directory_path() / ("crampx_e2e_" + std::to_string(::getpid()) + "_" + name);
  std::ofstream(p) << text;
  return p.string();
}

json mini_json() {
  std::ifstream in(kMiniKb);
  return json::parse(in);
}

TEST(KbE2E, ListCausesJson) {
  const auto r = mini({"list", "causes", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_TRUE(j.is_array());
  ASSERT_EQ(j.size(), 3u);
  for (const json& c : j) {
    EXPECT_TRUE(c["id"].is_string());
    EXPECT_TRUE(c["label"].is_string());
  }
}

// A lookalike and a cause under a group say so in list, why and show.
TEST(KbE2E, KindAndCategoryAreShownWhereACauseIs) {
  json kb = mini_json();
  kb["causes"][1]["kind"] = "lookalike";
  kb["causes"][1]["mechanisms"] = json::array();
  kb["causes"][2]["category"] = "nocturnal_leg_cramps";
  const std::string path = write_temp("kinds.json", kb.dump(2));
  const json listed = json::parse(crampx({"--kb", path, "list", "causes", "--json"}).out);
  ASSERT_EQ(listed.size(), 3u);
  EXPECT_EQ(listed[0]["kind"], "cause");
  EXPECT_FALSE(listed[0].contains("category"));
  EXPECT_EQ(listed[1]["kind"], "lookalike");
  EXPECT_EQ(listed[2]["category"], "nocturnal_leg_cramps");
  const auto text = crampx({"--kb", path, "list", "causes"});
  EXPECT_NE(text.out.find("lookalike"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("under nocturnal_leg_cramps"), std::string::npos) << text.out;

  const json why = json::parse(crampx({"--kb", path, "why", "fasciculation", "--json"}).out);
  EXPECT_EQ(why["kind"], "cause");
  EXPECT_EQ(why["category"]["id"], "nocturnal_leg_cramps");
  const auto why_lookalike = crampx({"--kb", path, "why", "dehydration_salt_loss"});
  ASSERT_EQ(why_lookalike.exit_code, 0) << why_lookalike.err;
  EXPECT_NE(why_lookalike.out.find("A lookalike"), std::string::npos) << why_lookalike.out;
  EXPECT_EQ(why_lookalike.out.find("How it disturbs"), std::string::npos) << why_lookalike.out;  // no chain

  const json shown = json::parse(crampx({"--kb", path, "show", "dehydration_salt_loss", "--json"}).out);
  EXPECT_EQ(shown["object"], "cause");
  EXPECT_EQ(shown["kind"], "lookalike");
  fs::remove(path);
}

TEST(KbE2E, DumpIsTheKnowledgeBaseAsJson) {
  const auto r = mini({"kb", "dump"});
  ASSERT_EQ(r.exit_code, 0);
  const json j = json::parse(r.out);
  for (const char* key : {"causes", "findings", "mechanisms"}) EXPECT_TRUE(j[key].is_array()) << key;
  EXPECT_EQ(j, mini_json());
}

TEST(KbE2E, DumpOfTheEmbeddedKnowledgeBaseLoadsBack) {
  const auto dump = crampx({"kb", "dump"});
  ASSERT_EQ(dump.exit_code, 0);
  const std::string path = write_temp("dump.json", dump.out);
  EXPECT_EQ(crampx({"kb", "validate", path}).exit_code, 0);
  const auto listed = crampx({"--kb", path, "list", "causes", "--json"});
  EXPECT_EQ(json::parse(listed.out), json::parse(crampx({"list", "causes", "--json"}).out));
  fs::remove(path);
}

TEST(KbE2E, ValidateReportsEveryProblemWithPointers) {
  json kb = mini_json();
  kb["causes"][0]["prior"] = 2;
  kb["causes"][1]["treatments"][0] = "no_such_treatment";
  kb["red_flags"][0]["all_of"][0] = "ghost";
  const std::string path = write_temp("bad.json", kb.dump(2));
  const auto r = crampx({"kb", "validate", path});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(path + ": /causes/0/prior"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/causes/1/treatments/0"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/red_flags/0/all_of/0"), std::string::npos) << r.err;
  EXPECT_EQ(crampx({"kb", "validate", kMiniKb}).exit_code, 0);
  fs::remove(path);
}

TEST(KbE2E, KbOptionAndEnvironmentLoadAndValidate) {
  ProcessOptions env;
  env.env = {"CRAMPX_KB=" + kMiniKb};
  const auto listed = crampx({"list", "causes", "--json"}, env);
  EXPECT_EQ(json::parse(listed.out).size(), 3u);

  const std::string broken = write_temp("syntax.json", "{\n  \"meta\": {\n    \"name\": oops\n");
  const auto r = crampx({"--kb", broken, "explain", "cramps"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find(broken + ":3:"), std::string::npos) << r.err;  // file:line:column
  EXPECT_EQ(r.out, "");
  const auto missing = crampx({"explain", "cramps", "--kb", "/nonexistent.json"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no such file"), std::string::npos) << missing.err;
  fs::remove(broken);
}

TEST(KbE2E, StatsCountEachKind) {
  const auto r = mini({"kb", "stats", "--json"});
  ASSERT_EQ(r.exit_code, 0);
  const json j = json::parse(r.out);
  EXPECT_EQ(j["causes"], 3);
  EXPECT_EQ(j["findings"], 9);
  EXPECT_EQ(j["red_flags"], 1);
}

}  // namespace
}  // namespace crampx::test
