#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "e2e/e2e.h"

namespace crampx::test {
namespace {

using json = nlohmann::json;

TEST(ExplainE2E, JsonReportFromArguments) {
  const auto r = mini({"explain", "--json", "my", "calves", "cramp", "at", "night,", "no", "weakness"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const json j = json::parse(r.out);
  EXPECT_EQ(j["input"], "my calves cramp at night, no weakness");
  EXPECT_EQ(j["causes"][0]["id"], "nocturnal_leg_cramps");
  EXPECT_GT(j["causes"][0]["probability"].get<double>(), 0.5);
  EXPECT_EQ(j["triage"]["level"], "self_care");
  std::map<std::string, std::string> status;
  for (const json& f : j["findings"]) status[f["id"]] = f["status"];
  EXPECT_EQ(status["weakness"], "absent");
  EXPECT_EQ(status["night_time"], "present");
}

TEST(ExplainE2E, TextFromStdinAndPlainTextOutput) {
  ProcessOptions o;
  o.stdin_data = "Charley horse in my calf at night\n";
  const auto r = mini({"explain"}, o);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("TRIAGE: SELF CARE"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Night leg cramps"), std::string::npos);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);  // not a terminal: no colour
}

TEST(ExplainE2E, NothingRecognizedExitsOneAndSaysSo) {
  const auto text = mini({"explain", "the", "train", "was", "late"});
  EXPECT_EQ(text.exit_code, 1);
  EXPECT_NE(text.out.find("cannot explain"), std::string::npos) << text.out;
  const auto j = mini({"explain", "--json", "the train was late"});
  EXPECT_EQ(j.exit_code, 1);
  EXPECT_TRUE(json::parse(j.out)["causes"].empty());
}

TEST(ExplainE2E, NegationsOfSeveralForms) {
  for (const char* text : {"no cramps", "not a cramp", "I don't have cramps"}) {
    const auto r = mini({"explain", "--json", text});
    EXPECT_EQ(r.exit_code, 1) << text;  // the only finding is denied: nothing to explain
    const json j = json::parse(r.out);
    ASSERT_EQ(j["findings"].size(), 1u) << text;
    EXPECT_EQ(j["findings"][0]["status"], "absent") << text;
  }
}

TEST(ExplainE2E, ColourAlwaysAndNoColor) {
  const auto always = mini({"explain", "--color=always", "calf cramps"});
  EXPECT_NE(always.out.find("\x1b["), std::string::npos);
  const auto global_after = mini({"explain", "calf cramps", "--color", "always"});
  EXPECT_NE(global_after.out.find("\x1b["), std::string::npos);
  ProcessOptions o;
  o.env = {"NO_COLOR=1"};
  EXPECT_EQ(mini({"explain", "calf cramps"}, o).out.find("\x1b["), std::string::npos);
}

TEST(ExplainE2E, AnswersMoveTheRanking) {
  const auto before = json::parse(mini({"explain", "--json", "cramps"}).out);
  const auto after = json::parse(mini({"explain", "--json", "cramps", "--answer", "heat_exposure=yes",
                                       "--answer", "night_time=no"}).out);
  EXPECT_EQ(after["causes"][0]["id"], "dehydration_salt_loss");
  EXPECT_NE(before["causes"][0]["id"], after["causes"][0]["id"]);
  EXPECT_EQ(after["answers"].size(), 2u);
  const auto bad = mini({"explain", "cramps", "--answer", "nite_time=yes"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("did you mean 'night_time'"), std::string::npos) << bad.err;
}

TEST(ExplainE2E, UsageErrorsExitTwoWithAHint) {
  const auto r = crampx({"explain", "--no-such-option", "x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.rfind("crampx: error: ", 0), 0u) << r.err;
  EXPECT_NE(r.err.find("hint:"), std::string::npos);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(crampx({"explain", "--top", "0", "x"}).exit_code, 2);
  EXPECT_EQ(crampx({"frobnicate"}).exit_code, 2);
}

// Output formats that contradict each other are one usage error, whichever flags say so;
// those that agree (--json with --format json, --brief with --jsonl) are fine.
TEST(ExplainE2E, ConflictingOutputFormatsAreOneUsageError) {
  ProcessOptions o;
  o.stdin_closed = true;
  for (const std::vector<std::string>& flags :
       {std::vector<std::string>{"--json", "--jsonl"}, {"--format", "text", "--json"}, {"--format", "json", "--jsonl"},
        {"--brief", "--json"}, {"--brief", "--format", "markdown"}, {"--brief", "--format", "json"}}) {
    std::vector<std::string> args = {"explain"};
    args.insert(args.end(), flags.begin(), flags.end());
    const auto r = mini(args, o);
    EXPECT_EQ(r.exit_code, 2) << flags[0] << " " << flags[1];
    EXPECT_EQ(r.err.rfind("crampx: error: choose one output format\nhint: ", 0), 0u) << r.err;
    EXPECT_EQ(r.out, "");
  }
  for (const std::vector<std::string>& flags :
       {std::vector<std::string>{"--json", "--format", "json"}, {"--brief", "--jsonl"}, {"--brief", "--format", "jsonl"}}) {
    std::vector<std::string> args = {"explain"};
    args.insert(args.end(), flags.begin(), flags.end());
    EXPECT_EQ(mini(args, o).exit_code, 1) << flags[0] << " " << flags[1];  // nothing on stdin to explain
  }
}

TEST(ExplainE2E, NoTextAndStdinAtEndIsNothingToExplain) {
  ProcessOptions o;
  o.stdin_closed = true;
  const auto r = mini({"explain"}, o);
  EXPECT_EQ(r.exit_code, 1);
}

TEST(ExplainE2E, ClosedPipeEndsQuietlyAndFullDiskIsAnError) {
  ProcessOptions full;
  full.stdout_path = "/dev/full";
  const auto r = mini({"explain", "--json", "calf cramps"}, full);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
}

TEST(ExplainE2E, EveryCommandReportsAFullDisk) {
  ProcessOptions full;
  full.stdout_path = "/dev/full";
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--help"}, {"explain", "--help"}, {"--version"}, {"completion", "bash"}, {"man"},
           {"list", "causes"}, {"kb", "dump"}, {"why", "nocturnal_leg_cramps"}, {"graph"}, {"search", "cramp"}}) {
    const auto r = mini(args, full);
    EXPECT_EQ(r.exit_code, 2) << args[0];
    EXPECT_NE(r.err.find("crampx: error: cannot write the output"), std::string::npos) << args[0] << ": " << r.err;
    EXPECT_NE(r.err.find("hint: "), std::string::npos) << args[0] << ": " << r.err;
  }
}

// A person named by age is named with the number and its age words, not by "year".
TEST(ExplainE2E, APersonNamedByAgeIsNamedWholeInTheReport) {
  for (const auto& [text, named] : std::vector<std::pair<std::string, std::string>>{
           {"my 14 year old gets cramps in his calves at night", "14 year old"},
           {"our 6-year-old wakes up with leg cramps", "6-year-old"},
           {"my 3 month old has stiff legs", "3 month old"}}) {
    const auto j = crampx({"explain", "--json", text});
    const json report = json::parse(j.out);
    EXPECT_EQ(report["patient"], "someone_else") << text;
    EXPECT_EQ(report.value("patient_text", ""), named) << text;
  }
}

// Issue 20.4: a text about someone the writer names is explained about that person, and
// every format says whom it is about; family history stays the writer's.
TEST(ExplainE2E, SomeoneElseAsThePatientIsExplainedAboutThem) {
  const std::string about = "This is about the person you describe (your son), not about you.";
  const char* text = "my son gets cramps in his legs at night";
  const auto j = crampx({"explain", "--json", text});
  ASSERT_EQ(j.exit_code, 0) << j.out;
  const json report = json::parse(j.out);
  EXPECT_EQ(report["patient"], "someone_else");
  EXPECT_EQ(report["patient_text"], "son");
  EXPECT_TRUE(report["in_scope"].get<bool>());
  EXPECT_EQ(report["causes"][0]["id"], "nocturnal_leg_cramps");
  for (const json& f : report["findings"]) EXPECT_EQ(f["status"], "present") << f["id"];
  EXPECT_NE(crampx({"explain", "--brief", text}).out.find(R"("patient":"someone_else")"), std::string::npos);
  for (const std::vector<std::string>& format :
       {std::vector<std::string>{}, {"--full"}, {"--format", "markdown"}, {"--format", "markdown", "--full"}}) {
    std::vector<std::string> args{"explain"};
    args.insert(args.end(), format.begin(), format.end());
    args.emplace_back(text);
    const auto r = crampx(args);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find(about), std::string::npos) << (format.empty() ? "" : format.back()) << ":\n" << r.out;
  }
  const auto wife = crampx({"explain", "--json", "My Wife is complaining of a stiff jaw and can't open her mouth"});
  EXPECT_EQ(json::parse(wife.out)["patient"], "someone_else");
  EXPECT_EQ(json::parse(wife.out)["triage"]["level"], "emergency");
  EXPECT_NE(crampx({"explain", "My Wife is complaining of a stiff jaw"}).out.find("(your wife)"), std::string::npos);
}

TEST(ExplainE2E, FamilyHistoryStaysTheWritersReport) {
  const auto alone = crampx({"explain", "--json", "my mother had ALS"});
  EXPECT_EQ(alone.exit_code, 1) << alone.out;
  EXPECT_EQ(json::parse(alone.out)["findings"][0]["status"], "family");
  for (const char* text : {"my mother had ALS and I get cramps at night", "my brother gets cramps, I get them in my calves"}) {
    const auto r = crampx({"explain", "--json", text});
    const json report = json::parse(r.out);
    EXPECT_EQ(report["patient"], "writer") << text;
    EXPECT_FALSE(report.contains("patient_text")) << text;
    EXPECT_EQ(crampx({"explain", "--full", text}).out.find("person you describe"), std::string::npos) << text;
  }
  EXPECT_NE(crampx({"explain", "--brief", "calf cramps at night"}).out.find(R"("patient":"writer")"), std::string::npos);
}

// The findings table of the full report at 80 columns: the longest status words and long
// labels never run into the next column ("in the familyMuscle cramp"), and no line is wider.
TEST(ExplainE2E, FindingsColumnsNeverTouchAt80Columns) {
  ProcessOptions o;
  o.env = {"COLUMNS=80"};
  const auto r = crampx({"explain", "--full",
                         "my mother had ALS and myotonic dystrophy runs in my family. I used to get cramps in my "
                         "calves, no weakness, maybe some twitching. My hands are slow to let go after I grip "
                         "something and I get painful muscle cramps at night"},
                        o);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::size_t table = r.out.find("Findings\n");
  ASSERT_NE(table, std::string::npos) << r.out;
  const std::size_t end = r.out.find("\n\n", table);
  std::istringstream lines(r.out.substr(table + 9, end - table - 9));
  std::size_t rows = 0;
  std::size_t column = 0;  // where the labels start
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(line.size(), 80u) << line;
    if (line.rfind("    ", 0) == 0) continue;  // a wrapped label
    ++rows;
    const std::size_t gap = line.find("  ", 2);
    ASSERT_NE(gap, std::string::npos) << "no gap between the columns: " << line;
    const std::size_t label = line.find_first_not_of(' ', gap);
    if (column == 0) column = label;
    EXPECT_EQ(label, column) << "columns not aligned: " << line;
    const std::string status = line.substr(2, gap - 2);
    EXPECT_TRUE(status == "in the family" || status == "in the past" || status == "denied" ||
                status == "uncertain" || status == "present")
        << "status and label run into each other: " << line;
  }
  EXPECT_GE(rows, 8u) << r.out;
  EXPECT_NE(r.out.find("  in the family  "), std::string::npos) << r.out;
}

TEST(ExplainE2E, RunsFromAnyDirectoryWithTheEmbeddedKnowledgeBase) {
  const auto r = run({"/bin/sh", "-c", std::string("cd / && ") + CRAMPX_BINARY + " explain --json 'calf cramps'"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(json::parse(r.out)["causes"].empty());
}

TEST(ExplainE2E, VersionNamesTheKnowledgeBase) {
  const auto r = crampx({"--version"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("crampx ", 0), 0u);
  EXPECT_NE(r.out.find("knowledge base"), std::string::npos);
}

}  // namespace
}  // namespace crampx::test
