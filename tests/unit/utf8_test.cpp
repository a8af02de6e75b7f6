#include "base/utf8.h"

#include <gtest/gtest.h>

namespace crampx::utf8 {
namespace {

TEST(Utf8, DecodesValidSequences) {
  EXPECT_EQ(decode("a", 0).cp, U'a');
  const std::string s = "\xC3\xA9\xE2\x80\x99\xF0\x9F\x98\x80";  // é ’ 😀
  EXPECT_EQ(decode(s, 0).cp, U'\u00E9');
  EXPECT_EQ(decode(s, 0).length, 2u);
  EXPECT_EQ(decode(s, 2).cp, U'\u2019');
  EXPECT_EQ(decode(s, 5).cp, U'\U0001F600');
  EXPECT_TRUE(is_valid(s));
}

TEST(Utf8, InvalidBytesDecodeAsOneReplacementEach) {
  for (const std::string& bad : {std::string("\xFF"), std::string("\xC3"), std::string("\xC0\xAF"),
                                std::string("\xED\xA0\x80"), std::string("\xE2\x80"), std::string("\x80")}) {
    const Decoded d = decode(bad, 0);
    EXPECT_FALSE(d.valid) << testing::PrintToString(bad);
    EXPECT_EQ(d.cp, kReplacement);
    EXPECT_EQ(d.length, 1u);
    EXPECT_FALSE(is_valid(bad));
  }
}

TEST(Utf8, SanitizeReplacesAndKeepsEverythingElse) {
  EXPECT_EQ(sanitize("ok\xFFok"), "ok\xEF\xBF\xBDok");
  EXPECT_EQ(sanitize(std::string("a\0b", 3)), std::string("a\0b", 3));
  EXPECT_EQ(sanitize("caf\xC3\xA9"), "caf\xC3\xA9");
}

}  // namespace
}  // namespace crampx::utf8
