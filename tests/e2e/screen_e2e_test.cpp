// What a person sees at an 80x24 terminal: the default report, the interview, the
// pager and JSON, driven through a real pseudo-terminal and asserted on the lines the
// terminal shows (tests/e2e/pty.h lays them out as the terminal does).
#include <gtest/gtest.h>

#include <algorithm>

#include "e2e/e2e.h"
#include "e2e/pty.h"

namespace crampx::test {
namespace {

PtyOptions screen_80x24(std::vector<std::pair<std::string, std::string>> env = {}) {
  PtyOptions o;
  o.cols = 80;
  o.rows = 24;
  o.env = std::move(env);
  return o;
}

bool contains(const std::vector<std::string>& lines, std::string_view what) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(what) != std::string::npos; });
}

// Ordinary descriptions in lay words, from self care to an emergency.
const char* const kDescriptions[] = {
    "my calves cramp at night",
    "my calf is swollen, red and painful",
    "stiff neck with fever and headache and muscle cramps",
    "my eyelid keeps twitching when I am tired",
    "my back went into spasm when I lifted a box",
};

TEST(ScreenE2E, TheDefaultReportIsOneScreenWithTheTriageFirstAndLast) {
  for (const char* text : kDescriptions) {
    Pty pty({CRAMPX_BINARY, "explain", text}, screen_80x24());
    EXPECT_EQ(pty.wait(), 0) << text;
    const std::vector<std::string> shown = pty.lines();
    ASSERT_FALSE(shown.empty()) << text;
    // With the command line and the prompt after it, the whole report is on one screen.
    EXPECT_LE(shown.size(), 22u) << text << "\n" << pty.transcript();
    EXPECT_EQ(shown.front().rfind("TRIAGE: ", 0), 0u) << text << ": the triage comes first\n" << pty.transcript();
    const auto last_triage = std::find_if(shown.rbegin(), shown.rend(), [](const std::string& l) {
      return l.rfind("TRIAGE: ", 0) == 0;
    });
    ASSERT_NE(last_triage, shown.rend()) << text;
    EXPECT_LE(last_triage - shown.rbegin(), 2) << text << ": the triage comes again last\n" << pty.transcript();
    EXPECT_NE(last_triage.base() - 1, shown.begin()) << text << ": twice";
    EXPECT_LE(pty.widest_line(), 80u) << text << "\n" << pty.transcript();
    for (const char* jargon : {"bits", "LR ", "log-odds", "prior", "likelihood ratio"}) {
      EXPECT_EQ(pty.transcript().find(jargon), std::string::npos) << text << ": " << jargon;
    }
  }
}

TEST(ScreenE2E, ADangerLeadsWithWhatToDoAndWhy) {
  for (const char* text : {"my calf is swollen, red and painful", "stiff neck with fever and headache and muscle cramps"}) {
    Pty pty({CRAMPX_BINARY, "explain", "--color=never", text}, screen_80x24());
    EXPECT_EQ(pty.wait(), 0) << text;
    const std::vector<std::string> shown = pty.lines();
    ASSERT_GE(shown.size(), 4u) << text;
    EXPECT_TRUE(shown[0].rfind("TRIAGE: URGENT", 0) == 0 || shown[0].rfind("TRIAGE: EMERGENCY", 0) == 0) << shown[0];
    EXPECT_TRUE(contains({shown.begin(), shown.begin() + 4}, "Why:")) << text << "\n" << pty.transcript();
    const std::string& t = pty.transcript();
    for (const char* calming : {"harmless", "self care", "SELF CARE", "not an emergency", "within days", "at home"}) {
      EXPECT_EQ(t.find(calming), std::string::npos) << text << ": " << calming << "\n" << t;
    }
  }
}

TEST(ScreenE2E, TextAboutNothingMuscularGetsNoAdvice) {
  for (const char* text : {"what is the capital of France", "hello"}) {
    Pty pty({CRAMPX_BINARY, "explain", text}, screen_80x24());
    EXPECT_EQ(pty.wait(), 1) << text;
    EXPECT_NE(pty.transcript().find("cannot explain"), std::string::npos) << pty.transcript();
    for (const char* advice : {"doctor", "TRIAGE", "emergency"}) {
      EXPECT_EQ(pty.transcript().find(advice), std::string::npos) << text << ": " << advice;
    }
    const auto json = crampx({"explain", "--json", text});
    EXPECT_EQ(json.exit_code, 1);
    EXPECT_EQ(nlohmann::json::parse(json.out)["triage"]["level"], "none") << json.out;
  }
}

TEST(ScreenE2E, LongOutputGoesThroughThePagerOnlyOnATerminal) {
  const std::pair<std::string, std::string> pager{"PAGER", "sed s/^/PAGED:/"};
  {
    Pty pty({CRAMPX_BINARY, "why", "nocturnal_leg_cramps"}, screen_80x24({pager}));
    EXPECT_EQ(pty.wait(), 0);
    EXPECT_NE(pty.transcript().find("PAGED:"), std::string::npos) << "taller than the screen: paged";
  }
  {
    Pty pty({CRAMPX_BINARY, "--no-pager", "why", "nocturnal_leg_cramps"}, screen_80x24({pager}));
    EXPECT_EQ(pty.wait(), 0);
    EXPECT_EQ(pty.transcript().find("PAGED:"), std::string::npos) << "--no-pager";
    EXPECT_NE(pty.transcript().find("Night-time leg cramps"), std::string::npos);
  }
  {
    Pty pty({CRAMPX_BINARY, "explain", "my calves cramp at night"}, screen_80x24({pager}));
    EXPECT_EQ(pty.wait(), 0);
    EXPECT_EQ(pty.transcript().find("PAGED:"), std::string::npos) << "one screen: not paged";
  }
  ProcessOptions with_pager;
  with_pager.env = {"PAGER=sed s/^/PAGED:/"};
  const auto piped = crampx({"why", "nocturnal_leg_cramps"}, with_pager);
  EXPECT_EQ(piped.exit_code, 0);
  EXPECT_EQ(piped.out.find("PAGED:"), std::string::npos) << "a pipe is never paged";
}

TEST(ScreenE2E, JsonIsIndentedOnATerminalAndCompactOnAPipe) {
  {
    Pty pty({CRAMPX_BINARY, "--no-pager", "explain", "--json", "calf cramps"}, screen_80x24());
    EXPECT_EQ(pty.wait(), 0);
    EXPECT_NE(pty.transcript().find("\n  \"schema\""), std::string::npos) << pty.transcript().substr(0, 200);
  }
  {
    Pty pty({CRAMPX_BINARY, "--compact", "explain", "--json", "calf cramps"}, screen_80x24());
    EXPECT_EQ(pty.wait(), 0);
    EXPECT_EQ(pty.transcript().find("\n  \"schema\""), std::string::npos);
  }
  const auto piped = crampx({"explain", "--json", "calf cramps"});
  EXPECT_EQ(std::count(piped.out.begin(), piped.out.end(), '\n'), 1) << "one line on a pipe";
  const auto pretty = crampx({"--pretty", "explain", "--json", "calf cramps"});
  EXPECT_NE(pretty.out.find("\n  \"schema\""), std::string::npos);
  EXPECT_EQ(nlohmann::json::parse(piped.out), nlohmann::json::parse(pretty.out)) << "the same content";
}

TEST(ScreenE2E, TheInterviewFitsTheScreenAndShowsTheTriageAsItRises) {
  Pty pty({CRAMPX_BINARY, "interview", "my calves cramp"}, screen_80x24());
  ASSERT_TRUE(pty.read_until("[yes/no/unknown/quit]")) << pty.transcript();
  const std::vector<std::string> first = pty.lines();
  EXPECT_TRUE(contains(first, "TRIAGE: ")) << "the triage before the first question\n" << pty.transcript();
  EXPECT_TRUE(contains(first, "how well each cause fits") || contains(first, "How well each cause fits"))
      << pty.transcript();
  pty.type("no\n");
  ASSERT_TRUE(pty.read_until("[yes/no/unknown/quit]")) << pty.transcript();
  pty.interrupt();  // Ctrl-C: the advice reached so far is still printed
  pty.wait();
  const std::vector<std::string> shown = pty.screen();
  EXPECT_TRUE(contains(shown, "TRIAGE: ")) << pty.transcript();
  EXPECT_TRUE(contains(shown, "To see this report again")) << pty.transcript();
  EXPECT_LE(pty.widest_line(), 80u) << pty.transcript();
}

TEST(ScreenE2E, AnEmergencyInTheInterviewComesBeforeTheRanking) {
  Pty pty({CRAMPX_BINARY, "interview", "I stepped on a rusty nail and now my jaw is stiff"}, screen_80x24());
  pty.type("quit\n");
  pty.wait();
  const std::vector<std::string> shown = pty.lines();
  const auto emergency = std::find_if(shown.begin(), shown.end(), [](const std::string& l) {
    return l.find("TRIAGE: EMERGENCY") != std::string::npos;
  });
  const auto ranking = std::find_if(shown.begin(), shown.end(), [](const std::string& l) {
    return l.find("% fit") != std::string::npos;
  });
  ASSERT_NE(emergency, shown.end()) << pty.transcript();
  EXPECT_LT(emergency, ranking) << pty.transcript();
  EXPECT_LE(pty.widest_line(), 80u) << pty.transcript();
}

TEST(ScreenE2E, HelpListsAndSearchFitEightyColumns) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"help"}, {"help", "explain"}, {"help", "interview"}, {"list", "causes"},
                                             {"search", "cramp"}, {"explain", "--help"}}) {
    std::vector<std::string> argv{CRAMPX_BINARY, "--no-pager"};
    argv.insert(argv.end(), args.begin(), args.end());
    Pty pty(argv, screen_80x24());
    EXPECT_EQ(pty.wait(), 0) << args.front();
    EXPECT_LE(pty.widest_line(), 80u) << args.front() << "\n" << pty.transcript();
  }
}

}  // namespace
}  // namespace crampx::test
