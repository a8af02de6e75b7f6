#include "text/tokenize.h"

#include "base/utf8.h"

namespace crampx::text {
namespace {

enum class Class : std::uint8_t { letter, apostrophe, punct, space };

struct Folded {
  Class cls;
  char punct;             // for Class::punct
  const char* letters;    // for Class::letter outside ASCII: folded ASCII, or nullptr to keep as is
};

// Latin-1 Supplement letters folded to ASCII (U+00C0..U+00FF), index cp - 0xC0.
constexpr const char* kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};

Folded classify(char32_t cp) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) return {Class::letter, 0, nullptr};
    if (c == '\'' || c == '`') return {Class::apostrophe, 0, nullptr};
    switch (c) {
      case '.': case ',': case ';': case ':': case '?': case '!': case '(': case ')': case '-': case '/':
        return {Class::punct, c, nullptr};
      case '[': case '{': return {Class::punct, '(', nullptr};
      case ']': case '}': return {Class::punct, ')', nullptr};
      default: return {Class::space, 0, nullptr};
    }
  }
  if (cp >= 0xC0 && cp <= 0xFF && kLatin1[cp - 0xC0] != nullptr) return {Class::letter, 0, kLatin1[cp - 0xC0]};
  switch (cp) {
    case 0x2018: case 0x2019: case 0x02BC: case 0x00B4: case 0x2032:
      return {Class::apostrophe, 0, nullptr};
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return {Class::punct, '-', nullptr};
    case 0x2026: return {Class::punct, '.', nullptr};  // ellipsis
    case 0x0152: case 0x0153: return {Class::letter, 0, "oe"};
    case 0x00A0: case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB: case utf8::kReplacement:
      return {Class::space, 0, nullptr};
    default: break;
  }
  // Other letters of other scripts are kept, so that their words are reported as unrecognized
  // rather than split; symbols and controls separate words.
  if (cp >= 0x100 && cp < 0x2000) return {Class::letter, 0, nullptr};
  if (cp >= 0x3040) return {Class::letter, 0, nullptr};
  return {Class::space, 0, nullptr};
}

bool ends_sentence(char p) { return p == '.' || p == '!' || p == '?' || p == ';' || p == '\n'; }

}  // namespace

void tokenize(std::string_view input, Tokens& out) {
  out.clear();
  Token word;
  bool in_word = false;
  std::size_t newlines = 0;  // consecutive newlines seen since the last token

  auto finish_word = [&](std::uint32_t end) {
    if (!in_word) return;
    in_word = false;
    // Apostrophes at the edges of a word are quotes, not part of it.
    word.end = end;
    word.norm_len = static_cast<std::uint32_t>(out.text.size()) - word.norm;
    if (word.norm_len > 0) out.tokens.push_back(word);
  };
  auto add_punct = [&](char p, std::uint32_t begin, std::uint32_t end) {
    Token t;
    t.begin = begin;
    t.end = end;
    t.norm = static_cast<std::uint32_t>(out.text.size());
    t.kind = TokenKind::punct;
    t.punct = p;
    t.sentence_end = ends_sentence(p);
    out.tokens.push_back(t);
  };

  for (std::size_t i = 0; i < input.size();) {
    const utf8::Decoded d = utf8::decode(input, i);
    const auto at = static_cast<std::uint32_t>(i);
    const auto next = static_cast<std::uint32_t>(i + d.length);
    const Folded f = classify(d.cp);
    if (d.cp == '\n') {
      finish_word(at);
      // A blank line separates paragraphs and ends a sentence; a single newline is a wrap.
      if (++newlines == 2) add_punct('\n', at, next);
      i = next;
      continue;
    }
    if (f.cls != Class::space) newlines = 0;
    switch (f.cls) {
      case Class::letter: {
        if (!in_word) {
          in_word = true;
          word = Token{};
          word.begin = at;
          word.norm = static_cast<std::uint32_t>(out.text.size());
        }
        if (d.cp < 0x80) {
          char c = static_cast<char>(d.cp);
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
          out.text.push_back(c);
        } else if (f.letters != nullptr) {
          out.text.append(f.letters);
        } else {
          out.text.append(input.substr(i, d.length));
        }
        word.end = next;
        break;
      }
      case Class::apostrophe:
        // Inside a word ("don't") it is dropped; elsewhere it separates like a space.
        if (in_word && next < input.size()) {
          const utf8::Decoded after = utf8::decode(input, next);
          if (classify(after.cp).cls == Class::letter) break;
        }
        finish_word(in_word ? word.end : at);
        break;
      case Class::punct: {
        // A decimal point or a hyphen inside a number stays in the word ("0.5", "24-hour" splits).
        if (f.punct == '.' && in_word && next < input.size()) {
          const char after = input[next];
          const char before = out.text.empty() ? 0 : out.text.back();
          if (after >= '0' && after <= '9' && before >= '0' && before <= '9') {
            out.text.push_back('.');
            word.end = next;
            break;
          }
        }
        finish_word(at);
        add_punct(f.punct, at, next);
        break;
      }
      case Class::space:
        finish_word(at);
        break;
    }
    i = next;
  }
  finish_word(static_cast<std::uint32_t>(input.size()));
}

}  // namespace crampx::text
