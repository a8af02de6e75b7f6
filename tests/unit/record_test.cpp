#include "cli/answers.h"
#include "cli/record.h"

#include <gtest/gtest.h>

#include "support/test_kb.h"

namespace crampx::cli {
namespace {

Record parse(std::string_view line) { return parse_record(line, test::mini_kb()); }

std::string code(const Record& r) { return r.error ? std::string(to_string(r.error->code)) : "ok"; }

TEST(Record, PlainTextLine) {
  const Record r = parse("my calves cramp\r");
  EXPECT_EQ(code(r), "ok");
  EXPECT_EQ(r.text, "my calves cramp");
  EXPECT_FALSE(r.id);
}

TEST(Record, JsonObjectWithIdAndAnswers) {
  const Record r = parse(R"({"id": 17, "text": "cramps", "answers": {"night_time": "yes", "weakness": false}})");
  EXPECT_EQ(code(r), "ok");
  EXPECT_EQ(*r.id, "17");
  EXPECT_EQ(r.text, "cramps");
  ASSERT_EQ(r.answers.size(), 2u);
  EXPECT_EQ(r.answers[1].answer, infer::Answer::no);  // keys come sorted: night_time, weakness
  EXPECT_EQ(r.answers[0].answer, infer::Answer::yes);
  const Record s = parse(R"({"id": "x\"y", "text": "t"})");
  EXPECT_EQ(*s.id, R"("x\"y")");
}

// A stream's worker reads every line with the same reader into the same Record: nothing
// of one line may show through in the next, whatever each of them is (JSON, an error,
// plain text, a huge text).
TEST(Record, AReusedRecordKeepsNothingOfTheLineBefore) {
  const auto& kb = test::mini_kb();
  RecordReader reader;
  Record r;
  reader.read(R"({"id": "first", "text": "cramps", "answers": {"night_time": "yes"}})", kb, r);
  ASSERT_EQ(code(r), "ok");
  ASSERT_EQ(r.answers.size(), 1u);

  reader.read(R"({"id": 2, "text": )", kb, r);  // invalid JSON, with a readable id
  EXPECT_EQ(code(r), "invalid_json");
  EXPECT_EQ(*r.id, "2");
  EXPECT_TRUE(r.text.empty());
  EXPECT_TRUE(r.answers.empty());

  reader.read("twitching", kb, r);
  EXPECT_EQ(code(r), "ok");
  EXPECT_FALSE(r.id);
  EXPECT_EQ(r.text, "twitching");

  const std::string huge(2 << 20, 'x');
  reader.read(R"({"text": ")" + huge + R"("})", kb, r);
  EXPECT_EQ(code(r), "ok");
  EXPECT_EQ(r.text, huge);

  reader.read(R"({"id": 3, "text": "cramp"})", kb, r);
  EXPECT_EQ(code(r), "ok");
  EXPECT_EQ(*r.id, "3");
  EXPECT_EQ(r.text, "cramp");
  EXPECT_TRUE(r.answers.empty());

  reader.read("   ", kb, r);
  EXPECT_EQ(code(r), "empty_record");
  EXPECT_FALSE(r.id);
  EXPECT_TRUE(r.text.empty());
}

// Found by fuzz_record: bytes after a complete record, NUL bytes included, make the line
// invalid JSON (another parser stops reading at the NUL and would accept it).
TEST(Record, BytesAfterTheRecordAreInvalidJson) {
  using namespace std::string_literals;
  EXPECT_EQ(code(parse("{\"id\": 3, \"text\": \"x\"}\0\0"s)), "invalid_json");
  EXPECT_EQ(code(parse(R"({"text": "x"} {"text": "y"})")), "invalid_json");
  EXPECT_EQ(code(parse("{\"text\": \"x\"}  \t")), "ok");
}

// Found by fuzz_record under UBSan: the first value pushed on RapidJSON's empty parse stack
// (Tencent/rapidjson#1724). Any array or object record takes that path; the sanitizer build
// of this suite checks it stays clean.
TEST(Record, ArrayRecordIsReadWithoutUndefinedBehaviour) { EXPECT_EQ(code(parse("[1, 2, 3]")), "invalid_record"); }

TEST(Record, BadLinesGetCodes) {
  EXPECT_EQ(code(parse("")), "empty_record");
  EXPECT_EQ(code(parse("   \t")), "empty_record");
  EXPECT_EQ(code(parse("{\"text\": ")), "invalid_json");
  EXPECT_EQ(code(parse("[1, 2]")), "invalid_record");
  EXPECT_EQ(code(parse(R"({"id": 1})")), "missing_text");
  EXPECT_EQ(code(parse(R"({"text": 5})")), "invalid_text");
  EXPECT_EQ(code(parse(R"({"text": "x", "answers": "yes"})")), "invalid_answers");
  EXPECT_EQ(code(parse(R"({"text": "x", "answers": {"nite_time": "yes"}})")), "unknown_finding");
  EXPECT_EQ(code(parse(R"({"text": "x", "answers": {"night_time": "often"}})")), "invalid_answer");
  EXPECT_EQ(code(parse(R"({"text": "x", "id": [1]})")), "invalid_id");
  EXPECT_EQ(code(parse(std::string(200000, '[') + std::string(200000, ']'))), "invalid_json");
  EXPECT_EQ(code(parse("{\"text\": \"\xFF cramps\"}")), "ok");  // invalid UTF-8 is read as in plain text
}

// Found by fuzz_record: RapidJSON read -0.54448888E+311 as a number and crampx echoed it
// as the id, which parsers that hold numbers as doubles refuse.
TEST(Record, NumericIdMustFitADouble) {
  EXPECT_EQ(code(parse(R"({"id": -0.54448888E+311, "text": "x"})")), "invalid_id");
  EXPECT_EQ(*parse(R"({"id": 1.5e308, "text": "x"})").id, "1.5e308");
  EXPECT_EQ(*parse(R"({"id": 1e-400, "text": "x"})").id, "1e-400");  // underflow to 0 is a number
}

TEST(Record, JsonEdgeCases) {
  EXPECT_EQ(*parse(R"({"id": 1.50, "text": "x"})").id, "1.50");  // numbers echoed exactly as written
  EXPECT_EQ(code(parse(R"({"text": "x"} {"text": "y"})")), "invalid_json");  // one value per line
  EXPECT_EQ(code(parse(std::string("{\"text\": \"x\"}\0garbage", 21))), "invalid_json");
  EXPECT_EQ(code(parse(R"({"text": "x"}   )")), "ok");
  EXPECT_EQ(parse(R"({"text": "a", "text": "b"})").text, "b");  // the last of duplicate keys wins
  EXPECT_EQ(code(parse(R"({"text": "x", "extra": {"deep": [1, {"a": null}]}})")), "ok");  // unknown fields skipped
  EXPECT_EQ(code(parse(R"({"text": null})")), "invalid_text");
  EXPECT_EQ(code(parse(R"({"text": "x", "answers": null})")), "ok");
  EXPECT_EQ(code(parse(R"({"text": "x", "answers": {"night_time": ["yes"]}})")), "invalid_answer");
  EXPECT_EQ(code(parse(R"("just a string")")), "ok");  // not starting with { or [: plain text
  EXPECT_EQ(code(parse(std::string(64, '[') + std::string(64, ']'))), "invalid_record");
  EXPECT_EQ(code(parse(std::string(65, '[') + std::string(65, ']'))), "invalid_json");
}

// Records are parsed in place, 16 bytes at a time: every length of string and every
// position of an escape across those blocks reads back the same text.
TEST(Record, StringsDecodeAtEveryLengthAndEscapePosition) {
  for (std::size_t n = 0; n < 70; ++n) {
    const std::string plain(n, 'a');
    EXPECT_EQ(parse("{\"text\": \"" + plain + "\"}").text, plain) << n;
    for (std::size_t at = 0; at <= n; ++at) {
      const std::string before(at, 'a'), after(n - at, 'a');
      const std::string escaped = before + R"(\"\u00e9\n)" + after;
      const std::string expected = before + "\"\xC3\xA9\n" + after;
      const Record r = parse("{\"id\": \"" + escaped + "\", \"text\": \"" + escaped + "\"}");
      ASSERT_EQ(code(r), "ok") << n << " " << at;
      EXPECT_EQ(r.text, expected) << n << " " << at;
    }
  }
  EXPECT_EQ(parse(R"({"text": "\ud83d\ude00 cramp"})").text, "\xF0\x9F\x98\x80 cramp");
}

// Records are parsed in place from a NUL-terminated copy, so a NUL byte in the line ends the
// parse where it stands, as the end of the line would: inside a string, a string without its
// closing quote; between tokens, a record cut short.
TEST(Record, NulByteEndsTheParseWhereItStands) {
  using namespace std::string_literals;
  const Record in_string = parse("{\"text\": \"calf\0cramps\"}"s);
  ASSERT_EQ(code(in_string), "invalid_json");
  EXPECT_EQ(in_string.error->message, "invalid JSON at byte 14: Missing a closing quotation mark in string.");
  const Record between = parse("{\"text\"\0: \"x\"}"s);
  ASSERT_EQ(code(between), "invalid_json");
  EXPECT_EQ(between.error->message, "invalid JSON at byte 7: Missing a colon after a name of object member.");
}

// A raw control byte inside a string is invalid JSON wherever it stands (found in review:
// RapidJSON 1.1.0's SSE2 string scan lets 0x1A-0x1F through past the first 16 bytes).
TEST(Record, RawControlBytesInStringsAreInvalidAtEveryPosition) {
  for (int byte = 1; byte < 0x20; ++byte) {
    for (std::size_t at = 0; at < 70; ++at) {
      std::string text(70, 'a');
      text[at] = static_cast<char>(byte);
      EXPECT_EQ(code(parse("{\"text\": \"" + text + "\"}")), "invalid_json") << byte << " at " << at;
    }
  }
}

// A numeric id of fewer than 300 characters without an exponent needs no range check; longer
// ones get one, and the reader itself refuses integers beyond a double.
TEST(Record, LongNumericIdsAreCheckedAgainstADouble) {
  std::string short_id(299, '9'), fits(309, '0'), too_big(309, '0');  // 9...9, 1e308, 2e308
  fits[0] = '1';
  too_big[0] = '2';
  EXPECT_EQ(*parse("{\"id\": " + short_id + ", \"text\": \"x\"}").id, short_id);
  EXPECT_EQ(*parse("{\"id\": " + fits + ", \"text\": \"x\"}").id, fits);
  EXPECT_EQ(*parse("{\"id\": -" + fits + ".5, \"text\": \"x\"}").id, "-" + fits + ".5");
  EXPECT_EQ(code(parse("{\"id\": " + too_big + ", \"text\": \"x\"}")), "invalid_json");
  EXPECT_EQ(*parse("{\"id\": 0." + too_big + ", \"text\": \"x\"}").id, "0." + too_big);
}

TEST(Record, TheIdIsKeptForErrorRecords) {
  const Record r = parse(R"({"id": "a7", "text": 12})");
  EXPECT_EQ(code(r), "invalid_text");
  EXPECT_EQ(*r.id, "\"a7\"");
}

// Each reader's buffers are its own: two readers used in turn (as two workers of a
// stream may be) read each line as a fresh reader does.
TEST(Record, ReadersUsedInTurnReadAsFreshOnes) {
  const auto& kb = test::mini_kb();
  const std::string lines[] = {R"({"id": 1, "text": "cramps at night", "answers": {"night_time": "no"}})",
                               R"({"id": "b", "text": )", "twitching", R"({"text": "x", "id": [1]})",
                               R"({"id": 5, "text": "calf cramp"})", "   "};
  RecordReader first, second;
  Record a, b;
  for (std::size_t i = 0; i < std::size(lines); ++i) {
    RecordReader& reader = i % 2 == 0 ? first : second;
    Record& r = i % 2 == 0 ? a : b;
    reader.read(lines[i], kb, r);
    const Record fresh = parse(lines[i]);
    EXPECT_EQ(code(r), code(fresh)) << lines[i];
    EXPECT_EQ(r.id, fresh.id) << lines[i];
    EXPECT_EQ(r.text, fresh.text) << lines[i];
    EXPECT_EQ(r.answers.size(), fresh.answers.size()) << lines[i];
  }
}

TEST(Record, AnswerOptionSuggestsNearMisses) {
  const auto bad = parse_answer_option("nite_time=yes", test::mini_kb());
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("did you mean 'night_time'"), std::string::npos);
  EXPECT_TRUE(parse_answer_option("night_time=no", test::mini_kb()).ok());
  EXPECT_FALSE(parse_answer_option("night_time", test::mini_kb()).ok());
}

// One reading of an answer for --answer and a record's "answers": yes, no and unknown
// in any case, and the short forms.
TEST(Record, AnswersAreReadAlikeInAnyCase) {
  const std::pair<const char*, infer::Answer> cases[] = {
      {"yes", infer::Answer::yes},  {"YES", infer::Answer::yes},    {"Y", infer::Answer::yes},
      {"True", infer::Answer::yes}, {"no", infer::Answer::no},      {"No", infer::Answer::no},
      {"n", infer::Answer::no},     {"FALSE", infer::Answer::no},   {"unknown", infer::Answer::unknown},
      {"Unknown", infer::Answer::unknown}, {"?", infer::Answer::unknown}, {"Dont_Know", infer::Answer::unknown}};
  for (const auto& [word, want] : cases) {
    const auto option = parse_answer_option(std::string("night_time=") + word, test::mini_kb());
    ASSERT_TRUE(option.ok()) << word;
    EXPECT_EQ(option->answer, want) << word;
    const Record r = parse(std::string(R"({"text": "cramps", "answers": {"night_time": ")") + word + "\"}}");
    ASSERT_FALSE(r.error) << word;
    ASSERT_EQ(r.answers.size(), 1u);
    EXPECT_EQ(r.answers[0].answer, want) << word;
  }
  for (const char* word : {"", "yess", "maybe", "unknownx", "o"}) {
    EXPECT_FALSE(parse_answer_option(std::string("night_time=") + word, test::mini_kb()).ok()) << word;
  }
}

TEST(Record, AnswerOptionsKeepTheirOrderAndStopAtTheFirstBadOne) {
  const auto both = parse_answer_options({"night_time=yes", "weakness=No", "night_time=YES"}, test::mini_kb());
  ASSERT_TRUE(both.ok());
  ASSERT_EQ(both->size(), 2u);  // the same answer twice is one answer
  EXPECT_EQ((*both)[0].answer, infer::Answer::yes);
  EXPECT_EQ((*both)[1].answer, infer::Answer::no);
  // Issue 22.9: two answers for one finding contradict each other (they were both kept).
  const auto contradiction = parse_answer_options({"night_time=yes", "night_time=No"}, test::mini_kb());
  ASSERT_FALSE(contradiction.ok());
  EXPECT_EQ(contradiction.error().code, ErrorCode::invalid_answer);
  EXPECT_EQ(contradiction.error().message, "contradictory answers for 'night_time': yes and no");
  const Record r = parse(R"({"text": "cramps", "answers": {"night_time": "yes", "weakness": "no", "night_time": "no"}})");
  ASSERT_TRUE(r.error);
  EXPECT_EQ(r.error->message, "contradictory answers for 'night_time': yes and no");
  const auto bad = parse_answer_options({"night_time=yes", "night_time=perhaps", "nite=yes"}, test::mini_kb());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_answer);
}

}  // namespace
}  // namespace crampx::cli
