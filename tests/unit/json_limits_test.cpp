#include "base/json_limits.h"

#include <gtest/gtest.h>

namespace crampx {
namespace {

TEST(JsonLimits, CountsNestingOutsideStrings) {
  EXPECT_FALSE(json_depth_exceeds("{\"a\": [1, {\"b\": []}]}", 4));
  EXPECT_TRUE(json_depth_exceeds("{\"a\": [1, {\"b\": []}]}", 3));
  EXPECT_FALSE(json_depth_exceeds("{\"text\": \"[[[[[[[[\\\"[[[[\"}", 1));
}

TEST(JsonLimits, HugeNestingIsLinear) {
  const std::string deep(200000, '[');
  EXPECT_TRUE(json_depth_exceeds(deep));
}

TEST(JsonLimits, LineAndColumn) {
  const std::string text = "ab\ncd\nef";
  EXPECT_EQ(line_column(text, 0).line, 1u);
  EXPECT_EQ(line_column(text, 4).line, 2u);
  EXPECT_EQ(line_column(text, 4).column, 2u);
}

}  // namespace
}  // namespace crampx
