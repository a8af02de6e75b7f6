// The command line a seasoned user expects: help for a command, "did you mean",
// `-` for stdin, value errors that name the problem, answers in any case, --brief on
// one text, the line number on stream records, and --fail-on's exit status.
#include <gtest/gtest.h>

#include "e2e/e2e.h"

namespace crampx::test {
namespace {

TEST(CliUxE2E, HelpForACommand) {
  const auto all = crampx({"help"});
  EXPECT_EQ(all.exit_code, 0);
  EXPECT_NE(all.out.find("Commands:"), std::string::npos) << all.out;
  EXPECT_NE(all.out.find("130"), std::string::npos) << "the exit statuses";
  const auto one = crampx({"help", "explain"});
  EXPECT_EQ(one.exit_code, 0);
  EXPECT_NE(one.out.find("--fail-on"), std::string::npos) << one.out;
  EXPECT_EQ(one.out, crampx({"explain", "--help"}).out) << "help explain is explain --help";
  const auto bad = crampx({"help", "explian"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("did you mean 'crampx help explain'?"), std::string::npos) << bad.err;
}

TEST(CliUxE2E, DidYouMeanForCommandsAndOptions) {
  const auto command = crampx({"explian", "calf cramps"});
  EXPECT_EQ(command.exit_code, 2);
  EXPECT_NE(command.err.find("'explian' is not a crampx command"), std::string::npos) << command.err;
  EXPECT_NE(command.err.find("did you mean 'explain'?"), std::string::npos) << command.err;
  const auto option = crampx({"explain", "--tpo", "3", "calf cramps"});
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_NE(option.err.find("did you mean '--top'?"), std::string::npos) << option.err;
}

TEST(CliUxE2E, AValueErrorNamesTheProblem) {
  const auto r = crampx({"explain", "--top", "abc", "calf cramps"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("'abc' is not a number"), std::string::npos) << r.err;
}

TEST(CliUxE2E, AnswersInAnyCase) {
  const auto lower = crampx({"explain", "--json", "--answer", "night_time=yes", "calf cramps"});
  for (const char* given : {"night_time=YES", "night_time=Yes", "night_time=y"}) {
    const auto r = crampx({"explain", "--json", "--answer", given, "calf cramps"});
    EXPECT_EQ(r.exit_code, 0) << given << r.err;
    EXPECT_EQ(r.out, lower.out) << given;
  }
  const auto unknown = crampx({"explain", "--json", "--answer", "night_time=UNKNOWN", "calf cramps"});
  EXPECT_EQ(unknown.exit_code, 0) << unknown.err;
}

TEST(CliUxE2E, DashReadsStdin) {
  ProcessOptions o;
  o.stdin_data = "my calves cramp at night";
  const auto dash = crampx({"explain", "--json", "-"}, o);
  EXPECT_EQ(dash.exit_code, 0) << dash.err;
  EXPECT_EQ(nlohmann::json::parse(dash.out)["input"], "my calves cramp at night");
}

TEST(CliUxE2E, BriefOnOneText) {
  const auto r = crampx({"explain", "--brief", "calf cramps at night"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], "crampx/report/v2");
  EXPECT_FALSE(j["causes"].empty());
}

TEST(CliUxE2E, StreamRecordsCarryTheSchemaAndTheInputLine) {
  ProcessOptions o;
  o.stdin_data = "calf cramps\n\nmy back went into spasm\n";
  for (const char* flag : {"--jsonl", "--brief"}) {
    const auto r = crampx({"explain", "--jsonl", flag}, o);
    const auto lines = json_lines(r.out);
    ASSERT_EQ(lines.size(), 3u) << flag << r.out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      EXPECT_EQ(lines[i]["schema"], "crampx/report/v2") << flag;
      EXPECT_EQ(lines[i]["line"], i + 1) << flag;
    }
  }
}

TEST(CliUxE2E, FailOnGivesScriptsAnExitStatus) {
  const char* clot = "my calf is swollen, red and painful";
  EXPECT_EQ(crampx({"explain", "--json", "--fail-on", "urgent", clot}).exit_code, 3);
  EXPECT_EQ(crampx({"explain", "--json", "--fail-on", "emergency", clot}).exit_code, 0);
  EXPECT_EQ(crampx({"explain", "--json", "--fail-on", "urgent", "my calves cramp at night"}).exit_code, 0);
  ProcessOptions o;
  o.stdin_data = std::string("my calves cramp at night\n") + clot + "\n";
  const auto stream = crampx({"explain", "--jsonl", "--brief", "--fail-on", "urgent"}, o);
  EXPECT_EQ(stream.exit_code, 3) << stream.err;
  EXPECT_EQ(json_lines(stream.out).size(), 2u) << "the whole stream is still answered";
  const auto bad = crampx({"explain", "--fail-on", "soon", clot});
  EXPECT_EQ(bad.exit_code, 2);
}

}  // namespace
}  // namespace crampx::test
