#include "text/tokenize.h"

#include <gtest/gtest.h>

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

TEST(Stemmer, InflectionsMeet) {
  EXPECT_EQ(stem("cramping"), "cramp");
  EXPECT_EQ(std::string(stem("cramped")), "cramp");
  EXPECT_EQ(std::string(stem("cramps")), "cramp");
  EXPECT_EQ(std::string(stem("twitches")), std::string(stem("twitching")));
}

}  // namespace
}  // namespace crampx::text
