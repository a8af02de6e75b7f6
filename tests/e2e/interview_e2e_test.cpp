// The interview through a real pseudo-terminal (forkpty), as a person would use
// it, and with answers piped on stdin, as a script would.
#include <gtest/gtest.h>

#include "e2e/e2e.h"
#include "e2e/pty.h"

namespace crampx::test {
namespace {


TEST(InterviewE2E, AsksOneQuestionAtATimeOnATerminal) {
  Pty pty({CRAMPX_BINARY, "--kb", kMiniKb, "interview", "I", "get", "cramps"});
  const std::string prompt = "[yes/no/unknown/quit]";
  ASSERT_TRUE(pty.read_until(prompt)) << pty.transcript();
  pty.type("no\n");
  ASSERT_TRUE(pty.read_until(prompt)) << pty.transcript();
  EXPECT_NE(pty.transcript().find("(+"), std::string::npos) << "the ranking moves after an answer";
  pty.type("maybe\n");  // not an answer: asked again
  ASSERT_TRUE(pty.read_until("Please answer")) << pty.transcript();
  pty.type("no\n");
  pty.type("q\n");
  EXPECT_EQ(pty.wait(), 0);
  const std::string& t = pty.transcript();
  EXPECT_NE(t.find("TRIAGE:"), std::string::npos) << t;
  EXPECT_NE(t.find("To see this report again"), std::string::npos) << t;
  EXPECT_NE(t.find("crampx explain --answer night_time=no --answer heat_exposure=no -- 'I get cramps'"), std::string::npos) << t;
  EXPECT_NE(t.find("\x1b["), std::string::npos) << "colour on a terminal";
}

TEST(InterviewE2E, AsksForTheDescriptionWhenNoneIsGiven) {
  Pty pty({CRAMPX_BINARY, "--kb", kMiniKb, "interview"});
  ASSERT_TRUE(pty.read_until("Describe what you feel:")) << pty.transcript();
  pty.type("twitching in my calf\n");
  ASSERT_TRUE(pty.read_until("[yes/no/unknown/quit]")) << pty.transcript();
  pty.type("quit\n");
  EXPECT_EQ(pty.wait(), 0);
  EXPECT_NE(pty.transcript().find("(\"twitching\")"), std::string::npos) << "the cause cites the words it fits"
                                                                      << pty.transcript();
}

TEST(InterviewE2E, AnswersPipedOnStdin) {
  ProcessOptions o;
  o.stdin_data = "calf cramps\nyes\nno\n";
  const auto r = mini({"interview"}, o);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Describe what you feel: calf cramps"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("] yes"), std::string::npos) << r.out;  // piped answers are echoed
  EXPECT_NE(r.out.find("--answer"), std::string::npos);
  EXPECT_EQ(r.out.find("\x1b["), std::string::npos);  // no colour off a terminal
}

// Issue 22.10: the command the interview prints to see its report again gives back the same
// description and answers for every description: one that starts with '-' (an option
// to the old command line, which put the text first), one with quotes and shell syntax, and
// one with an escape sequence and an invalid byte (written as $'...\x1b...', printable).
TEST(InterviewE2E, TheCommandToSeeTheReportAgainWorksForEveryDescription) {
  for (const std::string& description : {std::string("-5 degrees outside and I get cramps"),
                                        std::string("it's \"bad\"; $HOME `id` I get cramps \\ too"),
                                        std::string("I get \x1b]0;x\x07 cramps \xff")}) {
    ProcessOptions o;
    o.stdin_data = description + "\nyes\nno\nquit\n";
    const auto r = mini({"interview"}, o);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    // The command may be wrapped over lines ending in " \\", as a shell reads it.
    const std::string marker = "To see this report again (add --full for the detail):\ncrampx explain ";
    const auto at = r.out.find(marker);
    ASSERT_NE(at, std::string::npos) << r.out;
    std::size_t end = at + marker.size();
    while (r.out.compare(r.out.find('\n', end) - 2, 2, " \\") == 0) end = r.out.find('\n', end) + 1;
    const std::string rest = r.out.substr(at + marker.size(), r.out.find('\n', end) - at - marker.size());
    EXPECT_EQ(rest.find('\x1b'), std::string::npos) << rest;  // printable on the terminal
    ProcessOptions none;
    none.stdin_closed = true;
    const auto again = run({"/bin/bash", "-c",
                            std::string("exec \"$0\" --kb \"$1\" explain --json ") + rest, CRAMPX_BINARY, kMiniKb},
                           none);
    ASSERT_EQ(again.exit_code, 0) << rest << "\n" << again.err;
    const auto j = nlohmann::json::parse(again.out);
    std::string expected = description;  // JSON shows an invalid byte as U+FFFD
    if (const auto bad = expected.find('\xff'); bad != std::string::npos) expected.replace(bad, 1, "\uFFFD");
    EXPECT_EQ(j["input"].get<std::string>(), expected) << rest;
    std::size_t answered = 0;
    for (auto k = rest.find("--answer "); k != std::string::npos; k = rest.find("--answer ", k + 1)) ++answered;
    EXPECT_GT(answered, 0u) << r.out;
    EXPECT_EQ(j["answers"].size(), answered) << rest;
  }
}

TEST(InterviewE2E, StopsWhenOneCauseIsClear) {
  ProcessOptions o;
  o.stdin_data = std::string(40, 'y') + "\n";
  std::string answers;
  for (int i = 0; i < 20; ++i) answers += "yes\n";
  o.stdin_data = answers;
  const auto r = mini({"interview", "calf cramps at night in bed, no weakness"}, o);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("No more useful questions"), std::string::npos) << r.out;
}

TEST(InterviewE2E, OutOfScopeEndsWithExitOne) {
  ProcessOptions o;
  o.stdin_closed = true;
  const auto r = mini({"interview", "the train was late"}, o);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("cannot explain"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace crampx::test

namespace crampx::test {
namespace {

TEST(TerminalE2E, NoInputOnATerminalPrintsAShortUsage) {
  Pty pty({CRAMPX_BINARY, "explain"});
  EXPECT_EQ(pty.wait(), 2);
  EXPECT_NE(pty.transcript().find("crampx: error: no text to explain"), std::string::npos) << pty.transcript();
  EXPECT_NE(pty.transcript().find("usage: crampx explain"), std::string::npos) << pty.transcript();
}

TEST(TerminalE2E, StreamingFromATerminalPrintsAShortUsage) {
  Pty pty({CRAMPX_BINARY, "explain", "--jsonl"});
  EXPECT_EQ(pty.wait(), 2);
  EXPECT_NE(pty.transcript().find("crampx: error: --jsonl reads records from stdin"), std::string::npos)
      << pty.transcript();
  EXPECT_NE(pty.transcript().find("crampx explain --jsonl < records.jsonl"), std::string::npos) << pty.transcript();
}

// --brief without --jsonl is the brief record of the one text: with none, the usage.
TEST(TerminalE2E, BriefAloneWantsOneText) {
  Pty pty({CRAMPX_BINARY, "explain", "--brief"});
  EXPECT_EQ(pty.wait(), 2);
  EXPECT_NE(pty.transcript().find("crampx: error: no text to explain"), std::string::npos) << pty.transcript();
}

TEST(TerminalE2E, InputNeverReachesTheTerminalRaw) {
  // An escape sequence in the text and in an unknown id: shown, but defused.
  Pty pty({CRAMPX_BINARY, "--kb", kMiniKb, "explain", "--color=never", "calf \x1b]0;pwned\x07 cramps \x1b[2J"});
  EXPECT_EQ(pty.wait(), 0);
  EXPECT_EQ(pty.transcript().find("\x1b]0;"), std::string::npos);
  EXPECT_EQ(pty.transcript().find("\x1b[2J"), std::string::npos);
  Pty err({CRAMPX_BINARY, "--kb", kMiniKb, "why", "\x1b[31mred"});
  EXPECT_EQ(err.wait(), 2);
  EXPECT_EQ(err.transcript().find("\x1b[31m"), std::string::npos) << err.transcript();
}

}  // namespace
}  // namespace crampx::test
