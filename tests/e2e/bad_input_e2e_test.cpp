// The catalogue of bad input (docs/RELIABILITY.md): every entry runs the real binary
// and checks that it ends cleanly with a clear message, and that in a stream every
// other record is still answered, in order. A new kind of bad input found anywhere
// (a fuzzer, a bug report) gets a row here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <random>

#include "e2e/e2e.h"

namespace crampx::test {
namespace {

using json = nlohmann::json;
namespace fs = std::filesystem;

std::string random_bytes(std::size_t n, bool no_newlines) {
  std::mt19937 rng(20261130);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string s(n, '\0');
  for (char& c : s) {
    c = static_cast<char>(byte(rng));
    if (no_newlines && c == '\n') c = ' ';
  }
  return s;
}

std::string ten_megabytes_of_words() {
  std::string s;
  while (s.size() < (10u << 20)) s += "my calf cramps at night and twitches ";
  return s;
}

// ---- One text, `crampx explain --json` on stdin --------------------------------------

// Inputs are made when a test runs, not when the tests are listed: some are tens of MB.
using Make = std::function<std::string()>;
Make bytes(std::string s) { return [s] { return s; }; }

struct TextCase {
  const char* name;
  Make text;
  int exit_code;            // 0 explained, 1 nothing recognized, 2 refused
  const char* err_has = "";  // for 2: words the error must contain
};

std::vector<TextCase> text_cases() {
  using namespace std::string_literals;
  return {
      {"InvalidUtf8", bytes("my calf \xFF\xFE cramps \xC3 at night"), 0},
      {"NulBytes", bytes("my calf\0 cramps\0\0 at night"s), 0},
      {"Empty", bytes(""), 1},
      {"WhitespaceOnly", bytes(" \t\n  \r\n "), 1},
      {"TenMegabyteLine", ten_megabytes_of_words, 0},
      {"OneMegabyteOfRandomBytes", [] { return random_bytes(1u << 20, false); }, -1},  // 0 or 1: whatever it finds
      {"TerminalEscapes", bytes("calf \x1b]0;owned\x07 cramps \x1b[2J\x9b at night"), 0},
      {"OverTheTextLimit", [] { return std::string((16u << 20) + 1, 'a'); }, 2, "longer than the limit of 16 MiB"},
  };
}

void PrintTo(const TextCase& c, std::ostream* os) { *os << c.name; }

class BadText : public ::testing::TestWithParam<TextCase> {};

TEST_P(BadText, EndsCleanly) {
  const TextCase& c = GetParam();
  ProcessOptions o;
  o.stdin_data = c.text();
  const auto r = crampx({"explain", "--json"}, o);
  if (c.exit_code >= 0) {
    EXPECT_EQ(r.exit_code, c.exit_code) << r.err;
  } else {
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.exit_code << r.err;
  }
  if (r.exit_code == 2) {
    EXPECT_NE(r.err.find("crampx: error: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(c.err_has), std::string::npos) << r.err;
    EXPECT_TRUE(r.out.empty());
    return;
  }
  EXPECT_TRUE(r.err.empty()) << r.err;
  // The report stays within a small multiple of the input, however many mentions it holds: it
  // echoes the input, where a control byte becomes a 6-byte \u escape at worst.
  EXPECT_LT(r.out.size(), 6 * o.stdin_data.size() + 300000);
  const json j = json::parse(r.out);  // valid JSON whatever the bytes were
  if (j["findings"].size() == 1000) {
    EXPECT_GT(j["findings_omitted"].get<std::size_t>(), 0u);
  }
  for (const json& f : j["findings"]) {
    EXPECT_LE(f["span"][0].get<std::size_t>(), f["span"][1].get<std::size_t>());
    EXPECT_LE(f["span"][1].get<std::size_t>(), o.stdin_data.size());
  }
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);  // escapes are JSON-escaped, never raw
  // The text a person reads holds no control bytes either.
  ProcessOptions t = o;
  const auto text = crampx({"explain", "--color=never"}, t);
  EXPECT_EQ(text.exit_code, r.exit_code);
  for (char ch : text.out) {
    const auto u = static_cast<unsigned char>(ch);
    EXPECT_FALSE(u < 0x20 && ch != '\n') << "control byte " << int(u) << " in text output";
  }
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadText, ::testing::ValuesIn(text_cases()),
                         [](const ::testing::TestParamInfo<TextCase>& i) { return std::string(i.param.name); });

// ---- One bad line in a stream, between two good ones ---------------------------------

struct LineCase {
  const char* name;
  Make line;                 // without its newline
  const char* error_code;    // "" when the line is answered as a report
  const char* id = nullptr;  // the id its record must echo (JSON), when it has one
};

std::vector<LineCase> line_cases() {
  using namespace std::string_literals;
  return {
      {"InvalidUtf8Plain", bytes("calf \xFF cramps"), ""},
      {"InvalidUtf8InJson", bytes("{\"id\": 1, \"text\": \"calf \xFF cramps\"}"), ""},
      {"NulBytes", bytes("calf\0cramps"s), ""},
      {"Empty", bytes(""), "empty_record"},
      {"WhitespaceOnly", bytes(" \t \r"), "empty_record"},
      {"TenMegabyteLine", ten_megabytes_of_words, ""},
      {"OneMegabyteOfRandomBytes", [] { return random_bytes(1u << 20, true); }, "*"},  // answered or refused: one line
      {"Nested200000Deep", [] { return std::string(200000, '[') + std::string(200000, ']'); }, "invalid_json"},
      {"NestedArraysInAField", [] { return "{\"text\": \"x\", \"extra\": " + std::string(100000, '[') + "}"; },
       "invalid_json"},
      {"TextIsANumber", bytes("{\"id\": 2, \"text\": 42}"), "invalid_text"},
      {"AnswersIsAString", bytes("{\"id\": 3, \"text\": \"cramps\", \"answers\": \"yes\"}"), "invalid_answers"},
      {"AnswerUnknownFinding", bytes("{\"text\": \"cramps\", \"answers\": {\"no_such\": \"yes\"}}"), "unknown_finding"},
      {"ArrayInsteadOfObject", bytes("[\"calf cramps\"]"), "invalid_record"},
      {"IdIsAnObject", bytes("{\"id\": {\"a\": 1}, \"text\": \"cramps\"}"), "invalid_id"},
      {"BrokenJson", bytes("{\"text\": \"cramps\""), "invalid_json"},
      {"NumberBeyondADouble", bytes("{\"id\": 1e400, \"text\": \"cramps\"}"), "invalid_json"},
      {"IdBeyondADouble", bytes("{\"id\": -0.54448888E+311, \"text\": \"cramps\"}"), "invalid_id"},
      {"TrailingGarbage", bytes("{\"text\": \"cramps\"} x"), "invalid_json"},
      {"TerminalEscapesPlain", bytes("calf \x1b[2J cramps \x1b]0;x\x07 at night"), ""},
      {"TerminalEscapesInJson", bytes("{\"text\": \"calf \\u001b[2J cramps \\u009b at night\"}"), ""},
      {"RawControlByteInAJsonString", bytes("{\"text\": \"calf \x1b cramps\"}"), "invalid_json"},  // JSON forbids it
      {"OverTheRecordLimit", [] { return std::string((24u << 20) + 1, 'a'); }, "record_too_long"},
      {"TextOverTheTextLimit", [] { return "{\"text\": \"" + std::string((16u << 20) + 1, 'a') + "\"}"; },
       "text_too_long"},
      // A JSON line after a byte-order mark or Unicode blanks is still a record: its id kept,
      // its syntax never read as symptoms (issue 22.5).
      {"ByteOrderMarkBeforeARecord", bytes("\xEF\xBB\xBF{\"id\": \"bom\", \"text\": \"calf cramps\"}"), "", "\"bom\""},
      {"NoBreakSpacesBeforeARecord", bytes("\xC2\xA0 \xE2\x80\x83{\"id\": 7, \"text\": \"calf cramps\"}"), "", "7"},
      {"ByteOrderMarkBeforeBrokenJson", bytes("\xEF\xBB\xBF{\"id\": 8, \"text\": \"calf cramps\""), "invalid_json"},
      {"NoBreakSpaceBeforeAnArray", bytes("\xC2\xA0[\"calf cramps\"]"), "invalid_record"},
      // An id is echoed exactly or refused: never rewritten to U+FFFD, where two ids would
      // collide (issue 22.8).
      {"IdWithALoneLowSurrogate", bytes("{\"id\": \"a\\udc00\", \"text\": \"calf cramps\"}"), "invalid_id"},
      {"IdWithALoneHighSurrogate", bytes("{\"id\": \"a\\ud800\", \"text\": \"calf cramps\"}"), "invalid_id"},
      {"IdWithInvalidUtf8", bytes("{\"id\": \"a\xFF\", \"text\": \"calf cramps\"}"), "invalid_id"},
      {"IdWithAReplacementCharacter", bytes("{\"id\": \"a\xEF\xBF\xBD\", \"text\": \"calf cramps\"}"), "",
       "\"a\xEF\xBF\xBD\""},
      // Two answers for one finding contradict each other (issue 22.9).
      {"ContradictoryAnswers", bytes("{\"text\": \"cramps\", \"answers\": {\"at_rest\": \"yes\", \"at_rest\": \"no\"}}"),
       "invalid_answer"},
  };
}

void PrintTo(const LineCase& c, std::ostream* os) { *os << c.name; }

class BadLine : public ::testing::TestWithParam<LineCase> {};

TEST_P(BadLine, GetsOneRecordAndTheStreamGoesOn) {
  const LineCase& c = GetParam();
  ProcessOptions o;
  o.stdin_data = "{\"id\": \"before\", \"text\": \"calf cramps at night\"}\n" + c.line() +
                 "\n{\"id\": \"after\", \"text\": \"twitching eyelid\"}\n";
  const auto r = crampx({"explain", "--jsonl"}, o);
  const auto lines = json_lines(r.out);  // every output line is valid JSON
  ASSERT_EQ(lines.size(), 3u) << r.err;
  EXPECT_EQ(lines[0]["id"], "before");
  EXPECT_FALSE(lines[0]["causes"].empty());
  EXPECT_EQ(lines[2]["id"], "after");
  EXPECT_FALSE(lines[2]["causes"].empty());
  const json& mid = lines[1];
  if (c.id != nullptr) {
    EXPECT_EQ(mid["id"], json::parse(c.id)) << mid.dump().substr(0, 300);
  }
  const std::string want = c.error_code;
  if (want.empty()) {
    EXPECT_FALSE(mid.contains("error")) << mid.dump().substr(0, 300);
    EXPECT_EQ(r.exit_code, 0);
  } else if (want == "*") {
    EXPECT_TRUE(mid.contains("error") || mid.contains("findings"));
  } else {
    ASSERT_TRUE(mid.contains("error")) << mid.dump().substr(0, 300);
    EXPECT_EQ(mid["error"]["code"], want);
    EXPECT_FALSE(mid["error"]["message"].get<std::string>().empty());
    EXPECT_EQ(r.exit_code, 2);  // a bad line makes the whole run 2, at the end
  }
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
  EXPECT_TRUE(r.err.empty()) << r.err;  // errors of records travel in the stream, not on stderr
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadLine, ::testing::ValuesIn(line_cases()),
                         [](const ::testing::TestParamInfo<LineCase>& i) { return std::string(i.param.name); });

TEST(BadStream, ThousandsOfBlankLinesGetARecordEach) {
  ProcessOptions o;
  o.stdin_data = "calf cramps\n" + std::string(5000, '\n') + "twitching\n";
  const auto r = crampx({"explain", "--jsonl", "--brief", "-j", "2"}, o);
  const auto lines = json_lines(r.out);
  ASSERT_EQ(lines.size(), 5002u);
  EXPECT_TRUE(lines.front()["error"].is_null());
  for (std::size_t i = 1; i <= 5000; ++i) ASSERT_EQ(lines[i]["error"]["code"], "empty_record") << i;
  EXPECT_TRUE(lines.back()["error"].is_null());
  EXPECT_EQ(r.exit_code, 2);
}

// Issue 22.9: contradictory --answer options are an error naming the finding; the same
// answer twice is one answer, listed once.
TEST(BadAnswers, ContradictoryAnswersAreAnError) {
  const auto r = crampx({"explain", "--json", "--answer", "at_rest=yes", "--answer", "at_rest=no", "calf cramps"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out.substr(0, 300);
  EXPECT_NE(r.err.find("contradictory answers for 'at_rest': yes and no"), std::string::npos) << r.err;
  const auto twice = crampx({"explain", "--json", "--answer", "at_rest=yes", "--answer", "at_rest=YES", "calf cramps"});
  ASSERT_EQ(twice.exit_code, 0) << twice.err;
  EXPECT_EQ(json::parse(twice.out)["answers"].size(), 1u) << twice.out.substr(0, 300);
  ProcessOptions o;
  o.stdin_data = "{\"text\": \"calf cramps\", \"answers\": {\"at_rest\": \"yes\", \"at_rest\": \"no\"}}\n";
  const auto record = crampx({"explain", "--jsonl"}, o);
  const auto lines = json_lines(record.out);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines[0]["error"]["message"].get<std::string>().find("'at_rest'"), std::string::npos) << record.out;
}

// ---- Bad knowledge bases: `crampx kb validate FILE` and `--kb FILE` ------------------

struct KbCase {
  const char* name;
  Make content;  // ignored with missing = true: no file at all
  std::vector<std::string> err_has;
  bool missing = false;
};

// The embedded knowledge base with one thing broken.
Make broken_kb(std::function<void(json&)> edit) {
  return [edit] {
    json kb = json::parse(crampx({"kb", "dump"}).out);
    edit(kb);
    return kb.dump();
  };
}

std::vector<KbCase> kb_cases() {
  return {
      {"SyntaxError", bytes("{\n  \"meta\": {\"name\": \"x\",\n    \"version\": 1.0.0}\n}"), {"kb.json:3:", "invalid JSON"}},
      {"WrongTypes", broken_kb([](json& kb) {
         kb["causes"][0]["prior"] = "common";
         kb["lexicon"]["muscle_cramp"]["phrases"] = 7;
       }),
       {"/causes/0/prior", "/lexicon/muscle_cramp/phrases"}},
      {"DuplicateIds", broken_kb([](json& kb) { kb["findings"].push_back(kb["findings"][0]); }), {"duplicate"}},
      {"DanglingReference", broken_kb([](json& kb) { kb["causes"][0]["mechanisms"][0] = "no_such_mechanism"; }),
       {"/causes/0/mechanisms/0", "no_such_mechanism"}},
      {"MissingFile", bytes(""), {"no such file"}, true},
      {"HugeFile", [] { return "{\"meta\": {\"pad\": \"" + std::string(33u << 20, 'x') + "\"}}"; },
       {"larger than the limit of 32 MiB"}},
      {"DeeplyNested", [] { return "{\"meta\": " + std::string(100000, '[') + std::string(100000, ']') + "}"; },
       {"nested deeper than 64 levels"}},
      {"NotAnObject", bytes("[1, 2, 3]"), {"must hold a JSON object"}},
      {"NumberOutOfRange", bytes("{\"meta\": {\"version\": 1e400}}"), {"invalid JSON", "1e400"}},
      // Issue 22.1: no string of a knowledge base can drive the terminal.
      {"ControlCharacters", broken_kb([](json& kb) {
         kb["causes"][0]["label"] = "Cramps\x1b]0;owned\x07";
         kb["meta"]["disclaimer"] = "Not advice\u009b2J";
       }),
       {"/causes/0/label", "/meta/disclaimer", "control character (U+001B at byte 6)", "U+009B"}},
      // Issue 22.2: a prior a float cannot hold made every probability NaN.
      {"PriorThatAFloatCannotHold", broken_kb([](json& kb) { kb["causes"][0]["prior"] = 1e-46; }),
       {"/causes/0/prior", "too small to be stored"}},
      {"FrequencyThatAFloatCannotHold", broken_kb([](json& kb) { kb["causes"][1]["findings"][0]["frequency"] = 1e-45; }),
       {"/causes/1/findings/0/frequency", "too small to be stored"}},
      // Issue 22.7: what validation let through.
      {"PhraseOfFillersOnly", broken_kb([](json& kb) { kb["lexicon"]["muscle_cramp"]["phrases"].push_back("my"); }),
       {"/lexicon/muscle_cramp/phrases/", "'my' holds filler words only"}},
      {"PhraseOfANumberRangeOnly", broken_kb([](json& kb) { kb["lexicon"]["muscle_cramp"]["phrases"].push_back("{1-99}"); }),
       {"/lexicon/muscle_cramp/phrases/", "a number range and filler words only"}},
      {"MechanismChainRepeatsAStep", broken_kb([](json& kb) {
         json& chain = kb["causes"][0]["mechanisms"];
         chain.insert(chain.begin(), chain[0]);
       }),
       {"/causes/0/mechanisms/1", "already in the mechanism chain"}},
      {"NormalStepThatDisturbs", broken_kb([](json& kb) { kb["mechanisms"][0]["disturbs"] = kb["mechanisms"][1]["id"]; }),
       {"/mechanisms/0/disturbs", "a normal_step does not"}},
      {"TwoNormalStepsWithOneOrder", broken_kb([](json& kb) { kb["mechanisms"][1]["order"] = kb["mechanisms"][0]["order"]; }),
       {"/mechanisms/1/order", "another normal_step has the order"}},
      {"OrderBeyond32Bits", broken_kb([](json& kb) { kb["mechanisms"][0]["order"] = 4294967297ull; }),
       {"/mechanisms/0/order"}},
  };
}

void PrintTo(const KbCase& c, std::ostream* os) { *os << c.name; }

class BadKb : public ::testing::TestWithParam<KbCase> {};

TEST_P(BadKb, IsRefusedWithEveryProblemNamed) {
  const KbCase& c = GetParam();
  const fs::path dir = fs::temp_directory_path() / ("crampx_badkb_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path file = dir / "kb.json";
  fs::remove(file);
  if (!c.missing) std::ofstream(file, std::ios::binary) << c.content();

  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"kb", "validate", file.string()},
        std::vector<std::string>{"--kb", file.string(), "explain", "calf cramps"}}) {
    const auto r = crampx(args);
    EXPECT_EQ(r.exit_code, 2) << args[0];
    EXPECT_TRUE(r.out.empty()) << r.out.substr(0, 200);
    EXPECT_NE(r.err.find("crampx: error: "), std::string::npos) << r.err.substr(0, 500);
    for (const std::string& want : c.err_has) EXPECT_NE(r.err.find(want), std::string::npos) << want << "\n" << r.err.substr(0, 2000);
  }
  ProcessOptions env;
  env.env = {"CRAMPX_KB=" + file.string()};
  EXPECT_EQ(crampx({"explain", "calf cramps"}, env).exit_code, 2);
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Catalogue, BadKb, ::testing::ValuesIn(kb_cases()),
                         [](const ::testing::TestParamInfo<KbCase>& i) { return std::string(i.param.name); });

}  // namespace
}  // namespace crampx::test
