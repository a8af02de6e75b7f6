#include "report/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <random>

namespace crampx::report {
namespace {

TEST(JsonWriter, EscapesControlsAndInvalidUtf8) {
  std::string out;
  append_json_string(out, std::string("a\"b\\c\n\x01\x1b[31m\xFF\xC3\xA9", 15));
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\\u001b[31m\\ufffd\xC3\xA9\"");
}

TEST(JsonWriter, AnyBytesGiveValidJson) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int i = 0; i < 500; ++i) {
    std::string s(static_cast<std::size_t>(i), '\0');
    for (char& c : s) c = static_cast<char>(byte(rng));
    std::string out;
    append_json_string(out, s);
    EXPECT_TRUE(nlohmann::json::accept(out));
  }
}

TEST(JsonWriter, StructureCompactAndPretty) {
  std::string compact;
  JsonWriter(compact)
      .begin_object()
      .field("a", 1)
      .field("p", 0.123456)
      .key("list")
      .begin_array()
      .value("x")
      .value(true)
      .null()
      .end_array()
      .key("empty")
      .begin_object()
      .end_object()
      .end_object();
  EXPECT_EQ(compact, R"({"a":1,"p":0.1235,"list":["x",true,null],"empty":{}})");
  std::string pretty;
  JsonWriter w(pretty, 2);
  w.begin_object().key("span").begin_array(true).value(3).value(8).end_array().end_object();
  EXPECT_EQ(pretty, "{\n  \"span\": [3, 8]\n}");
}

}  // namespace
}  // namespace crampx::report
