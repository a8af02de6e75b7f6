#include "text/tokenize.h"

#include <gtest/gtest.h>

#include "support/test_kb.h"
#include "text/stemmer.h"

namespace crampx::text {
namespace {

std::vector<std::string> words(std::string_view input) {
  Tokens t;
  tokenize(input, t);
  std::vector<std::string> out;
  for (const Token& tok : t.tokens) {
    if (tok.kind == TokenKind::word) out.emplace_back(t.norm(tok));
  }
  return out;
}

TEST(Tokenize, FoldsCaseApostrophesAndAccents) {
  EXPECT_EQ(words("I DON'T have Cramps"), (std::vector<std::string>{"i", "dont", "have", "cramps"}));
  EXPECT_EQ(words("I don\xE2\x80\x99t"), (std::vector<std::string>{"i", "dont"}));  // curly apostrophe
  EXPECT_EQ(words("caf\xC3\xA9 na\xC3\xAFve"), (std::vector<std::string>{"cafe", "naive"}));
  EXPECT_EQ(words("'quoted' words"), (std::vector<std::string>{"quoted", "words"}));
}

TEST(Tokenize, DashesAndQuotesSeparateWords) {
  EXPECT_EQ(words("charley\xE2\x80\x94horse \xE2\x80\x9Cknot\xE2\x80\x9D"),
            (std::vector<std::string>{"charley", "horse", "knot"}));
}

TEST(Tokenize, SpansPointIntoTheOriginalBytes) {
  const std::string input = "Calf \xE2\x80\x9C" "CRAMP\xE2\x80\x9D at night";
  Tokens t;
  tokenize(input, t);
  for (const Token& tok : t.tokens) {
    if (tok.kind != TokenKind::word) continue;
    std::string original = input.substr(tok.begin, tok.end - tok.begin);
    for (char& c : original) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(original, t.norm(tok));
  }
}

TEST(Tokenize, InvalidBytesSeparateWordsAndKeepOffsets) {
  const std::string input("cramp\xFF\xFEspasm\x00twitch", 19);
  Tokens t;
  tokenize(input, t);
  ASSERT_EQ(t.tokens.size(), 3u);
  EXPECT_EQ(t.norm(t.tokens[1]), "spasm");
  EXPECT_EQ(t.tokens[1].begin, 7u);
  EXPECT_EQ(t.tokens[2].begin, 13u);
}

TEST(Tokenize, SentencesAndNumbers) {
  Tokens t;
  tokenize("Took 0.5 mg. Then cramps; worse\n\nnow", t);
  std::vector<std::string> seen;
  int ends = 0;
  for (const Token& tok : t.tokens) {
    if (tok.kind == TokenKind::word) seen.emplace_back(t.norm(tok));
    ends += tok.sentence_end ? 1 : 0;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"took", "0.5", "mg", "then", "cramps", "worse", "now"}));
  EXPECT_EQ(ends, 3);  // '.', ';' and the blank line
}

// Word tokens and which punctuation ends a sentence, as "w w | w" (| a sentence end), with
// the fixture's abbreviations.
std::string shape(std::string_view input) {
  Tokens t;
  tokenize(input, test::mini_kb(), t);
  std::string out;
  for (const Token& tok : t.tokens) {
    if (tok.kind != TokenKind::word && !tok.sentence_end) continue;
    if (!out.empty()) out.push_back(' ');
    out.append(tok.kind == TokenKind::word ? t.norm(tok) : std::string_view("|"));
  }
  return out;
}

struct ShapeCase {
  const char* input;
  const char* shape;
};

class TokenizeShape : public testing::TestWithParam<ShapeCase> {};

TEST_P(TokenizeShape, Words) { EXPECT_EQ(shape(GetParam().input), GetParam().shape) << GetParam().input; }

INSTANTIATE_TEST_SUITE_P(
    Normalization, TokenizeShape,
    testing::Values(ShapeCase{"NO Cramps", "no cramps"},
                    ShapeCase{"I can\xE2\x80\x99t", "i cant"},
                    ShapeCase{"\xC3\x89PAULE \xC3\x9C\xC3\x9F", "epaule uss"},                   // Latin-1 letters fold
                    ShapeCase{"\xC5\x81\xC3\x93" "D\xC5\xB9", "\xC5\x82od\xC5\xBA"},               // Latin Extended-A: lower case
                    ShapeCase{"\xCE\x9C\xCE\xA5\xCE\x99\xCE\x91", "\xCE\xBC\xCF\x85\xCE\xB9\xCE\xB1"},  // Greek
                    ShapeCase{"\xD0\x9A\xD0\xA0\xD0\x90\xD0\x9C\xD0\x9F", "\xD0\xBA\xD1\x80\xD0\xB0\xD0\xBC\xD0\xBF"},  // Cyrillic
                    ShapeCase{"ROS -ve for fever, +VE for rash", "ros negative for fever positive for rash"},
                    ShapeCase{"five-ve", "five ve"},                                                  // not a sign
                    ShapeCase{"left-sided weakness", "left sided weakness"}));

INSTANTIATE_TEST_SUITE_P(
    Sentences, TokenizeShape,
    testing::Values(ShapeCase{"no pain. cramps", "no pain | cramps"},
                    ShapeCase{"no pain - just cramps", "no pain | just cramps"},                       // a spaced dash
                    ShapeCase{"no pain\xE2\x80\x94just cramps", "no pain just cramps"},              // joined: a hyphen
                    ShapeCase{"no pain \xE2\x80\x94 just cramps", "no pain | just cramps"},
                    ShapeCase{"- cramps\n- twitching", "| cramps | twitching"},                       // bullets
                    ShapeCase{"taken p.o. daily", "taken p o daily"},
                    ShapeCase{"e.g. cramps. Then", "e g cramps | then"},
                    ShapeCase{"saw Dr. Smith", "saw dr smith"},
                    ShapeCase{"Vitamin D. Then", "vitamin d | then"},
                    ShapeCase{"why? no; yes!", "why | no | yes |"}));

// The abbreviations are the knowledge base's (language.json word_classes): without one, the
// words are the same, and only the dots of single letters ("e.g.") do not end a sentence.
TEST(Tokenize, AbbreviationsComeFromTheKnowledgeBase) {
  const std::string input = "Seen by Dr. Smith e.g. twice, approx. weekly. Then cramps";
  Tokens with_kb;
  Tokens without;
  tokenize(input, test::mini_kb(), with_kb);
  tokenize(input, without);
  ASSERT_EQ(with_kb.tokens.size(), without.tokens.size());
  std::string ends_with_kb;
  std::string ends_without;
  for (std::size_t i = 0; i < without.tokens.size(); ++i) {
    EXPECT_EQ(with_kb.norm(with_kb.tokens[i]), without.norm(without.tokens[i]));
    ends_with_kb += with_kb.tokens[i].sentence_end ? "|" : ".";
    ends_without += without.tokens[i].sentence_end ? "|" : ".";
  }
  // Tokens: seen by dr . smith e . g . twice , approx . weekly . then cramps
  EXPECT_EQ(ends_with_kb, "..............|..");
  EXPECT_EQ(ends_without, "...|........|.|..");
}

TEST(Tokenize, NeverLosesABytesPlace) {
  // Every kind of byte, valid or not: spans stay inside the input, in order, and never overlap.
  std::string input;
  for (int b = 0; b < 256; ++b) {
    input.push_back(static_cast<char>(b));
    input += "ab ";
  }
  input += "\xE2\x80";  // a truncated sequence at the very end
  Tokens t;
  tokenize(input, t);
  std::uint32_t last_end = 0;
  for (const Token& tok : t.tokens) {
    EXPECT_LE(last_end, tok.begin);
    EXPECT_LT(tok.begin, tok.end);
    EXPECT_LE(tok.end, input.size());
    last_end = tok.end;
  }
  Tokens empty;
  tokenize("", empty);
  EXPECT_TRUE(empty.tokens.empty());
}

TEST(Tokenize, SignedVeKeepsTheSpanOfWhatWasWritten) {
  Tokens t;
  const std::string input = "BK -ve";
  tokenize(input, t);
  ASSERT_EQ(t.tokens.size(), 2u);
  EXPECT_EQ(t.norm(t.tokens[1]), "negative");
  EXPECT_EQ(input.substr(t.tokens[1].begin, t.tokens[1].end - t.tokens[1].begin), "-ve");
}

// "-ve" and "+ve" are the only input that normalizes to more bytes than it has (3 read
// as 8): a text made of little else must grow the normalized buffer as it goes, and a
// Tokens reused for a shorter text must not keep the longer one's bytes.
TEST(Tokenize, SignedVeOutgrowsItsBytesAnywhereInAText) {
  Tokens t;
  for (const std::size_t n : {1u, 2u, 3u, 100u, 5000u}) {
    std::string input;
    std::vector<std::string> expected;
    for (std::size_t k = 0; k < n; ++k) {
      input += k % 3 == 0 ? "-ve " : k % 3 == 1 ? "+VE," : "\xC3\x89 -ve\n";  // with a folded accent (2 bytes -> 1)
      if (k % 3 == 2) expected.emplace_back("e");
      expected.emplace_back(k % 3 == 1 ? "positive" : "negative");
    }
    tokenize(input, t);
    std::vector<std::string> got;
    for (const Token& tok : t.tokens) {
      if (tok.kind == TokenKind::word) got.emplace_back(t.norm(tok));
    }
    EXPECT_EQ(got, expected) << n;
    std::string joined;
    for (const std::string& w : expected) joined += w;
    EXPECT_EQ(t.text, joined) << n;  // the normalized words back to back, nothing after them
  }
  tokenize("-ve", t);
  EXPECT_EQ(t.text, "negative");
}

TEST(Stemmer, InflectionsMeet) {
  Stemmer s;
  EXPECT_EQ(s.stem("cramping"), "cramp");
  EXPECT_EQ(std::string(s.stem("cramped")), "cramp");
  EXPECT_EQ(std::string(s.stem("cramps")), "cramp");
  EXPECT_EQ(std::string(s.stem("twitches")), std::string(s.stem("twitching")));
}

}  // namespace
}  // namespace crampx::text
