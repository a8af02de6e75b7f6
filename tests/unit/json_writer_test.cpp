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

// The escaper reads 16 (SSE2) or 8 plain bytes at a time; a byte-at-a-time reference
// must agree on strings of every length, with each kind of special byte at every
// position (the filler itself is plain: no quote or backslash).
std::string reference_escape(std::string_view s) {
  const nlohmann::json j = nlohmann::json(std::string(s));
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(JsonWriter, WordAtATimeAgreesWithByteAtATime) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> plain(0x20, 0x7E);
  std::vector<int> specials = {'"', '\\', 0x7E, 0x7F, 0x80, 0xBF, 0xC3, 0xE2, 0xFF};
  for (int c = 0; c < 0x20; ++c) specials.push_back(c);
  for (int n = 1; n < 70; ++n) {
    std::string filler(static_cast<std::size_t>(n), 'a');
    for (char& c : filler) {
      do c = static_cast<char>(plain(rng));
      while (c == '"' || c == '\\');
    }
    std::string plain_out;
    append_json_string(plain_out, filler);
    EXPECT_EQ(plain_out, '"' + filler + '"');
    for (std::size_t at = 0; at < filler.size(); ++at) {
      for (const int special : specials) {
        std::string s = filler;
        s[at] = static_cast<char>(special);
        std::string out;
        append_json_string(out, s);
        ASSERT_EQ(nlohmann::json::parse(out), nlohmann::json::parse(reference_escape(s)))
            << "length " << n << ", byte " << special << " at " << at;
      }
    }
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

TEST(JsonWriter, KeysAreEscapedLikeValues) {
  std::string out;
  JsonWriter(out, 2).begin_object().field("plain", 1).escaped_key("quote\"d\n").value(2).end_object();
  EXPECT_EQ(out, "{\n  \"plain\": 1,\n  \"quote\\\"d\\n\": 2\n}");
}

// Indentation past the writer's ready-made run of spaces (128) is written the slow way.
TEST(JsonWriter, DeepIndentationIsExact) {
  for (const int depth : {1, 63, 64, 65, 100}) {
    std::string out;
    JsonWriter w(out, 2);
    for (int d = 0; d < depth; ++d) w.begin_object().key("k");
    w.value(1);
    for (int d = 0; d < depth; ++d) w.end_object();
    std::string want;
    for (int d = 0; d < depth; ++d) want.append("{\n").append(2 * static_cast<std::size_t>(d + 1), ' ').append("\"k\": ");
    want.append("1");
    for (int d = depth - 1; d >= 0; --d) want.append("\n").append(2 * static_cast<std::size_t>(d), ' ').append("}");
    EXPECT_EQ(out, want) << "depth " << depth;
  }
}

// Numbers are rounded to 4 decimals; a huge one has none to round and must not overflow
// into "inf", which is not JSON.
TEST(JsonWriter, NumbersStayJson) {
  std::string out;
  JsonWriter(out).begin_array().value(1e305).value(-1.7976931348623157e308).value(0.00004).value(-0.00004).value(2.5).end_array();
  const nlohmann::json j = nlohmann::json::parse(out);
  EXPECT_DOUBLE_EQ(j[0].get<double>(), 1e305);
  EXPECT_DOUBLE_EQ(j[1].get<double>(), -1.7976931348623157e308);
  EXPECT_EQ(out.substr(out.find(',', out.find(',') + 1)), ",0,0,2.5]");  // no "-0"
}

}  // namespace
}  // namespace crampx::report
