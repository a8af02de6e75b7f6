// Assertion with the fixture's small trigger set; the default knowledge base's
// full trigger vocabulary is tested in kb_language_test.cpp.
#include <gtest/gtest.h>

#include "support/test_kb.h"

namespace crampx::text {
namespace {

struct Case {
  const char* text;
  const char* finding;
  const char* status;
};

class AssertionCase : public testing::TestWithParam<Case> {};

TEST_P(AssertionCase, Status) {
  const Case& c = GetParam();
  EXPECT_EQ(test::status_in(c.text, c.finding, test::mini_kb()), c.status) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Fixture, AssertionCase,
    testing::Values(Case{"calf cramps", "muscle_cramp", "present"},
                    Case{"no cramps", "muscle_cramp", "absent"},
                    Case{"not a cramp", "muscle_cramp", "absent"},
                    Case{"I don't have cramps", "muscle_cramp", "absent"},
                    Case{"cramps without weakness", "weakness", "absent"},
                    Case{"cramps without weakness", "muscle_cramp", "present"},
                    Case{"not only cramps", "muscle_cramp", "present"},            // pseudo-trigger
                    Case{"no weakness but cramps", "muscle_cramp", "present"},     // terminator
                    Case{"no cramps, twitching or weakness", "weakness", "absent"},  // lists carry
                    Case{"no cramps, twitching or weakness", "muscle_twitching", "absent"},
                    Case{"no weakness. Cramps at night.", "muscle_cramp", "present"},  // sentence end
                    Case{"maybe a twitch", "muscle_twitching", "possible"},
                    Case{"not sure if it is a cramp", "muscle_cramp", "possible"},
                    Case{"I used to get cramps", "muscle_cramp", "historical"},
                    Case{"what if I get cramps", "muscle_cramp", "hypothetical"},
                    Case{"my mother has twitching", "muscle_twitching", "family"},
                    Case{"is this a twitch?", "muscle_twitching", "possible"},
                    Case{"why do my calves cramp at night?", "muscle_cramp", "present"}));

}  // namespace
}  // namespace crampx::text
