// Normalization and tokenization. One pass over the input bytes: decodes UTF-8
// (invalid bytes become U+FFFD and separate words, never crash or vanish), folds
// case (ASCII, Latin, Greek, Cyrillic), accents, curly quotes and dashes, drops
// apostrophes inside words ("don't" -> "dont"), reads "-ve"/"+ve" as negative and
// positive, and records each token's byte span in the original input. Sentences end
// at . ! ? ; a blank line, and a dash with a space beside it ("no pain - just
// cramps"), but not at the dots of "e.g." or of the knowledge base's abbreviations ("Dr.").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kb/knowledge_base.h"

namespace crampx::text {

enum class TokenKind : std::uint8_t { word, punct };

struct Token {
  std::uint32_t begin = 0;  // byte span [begin, end) in the original input
  std::uint32_t end = 0;
  std::uint32_t norm = 0;   // normalized form: bytes [norm, norm + norm_len) of Tokens::text
  std::uint32_t norm_len = 0;
  TokenKind kind = TokenKind::word;
  char punct = 0;           // for punct tokens: one of . , ; : ? ! ( ) - / and '\n' (paragraph)
  bool sentence_end = false;  // punct token that ends a sentence (or a clause, for a spaced dash)
};

struct Tokens {
  std::string text;  // normalized words, back to back
  std::vector<Token> tokens;

  std::string_view norm(const Token& t) const { return {text.data() + t.norm, t.norm_len}; }
  void clear() {
    text.clear();
    tokens.clear();
  }
};

// Tokenizes `input` into `out` (cleared first; its buffers are reused).
void tokenize(std::string_view input, const kb::KnowledgeBase& kb, Tokens& out);

// The same without a knowledge base, where only the words count (a phrase of the
// knowledge base being compiled, a search query): the words are the same, but a dot after
// an abbreviation ("Dr.") ends a sentence.
void tokenize(std::string_view input, Tokens& out);

}  // namespace crampx::text
