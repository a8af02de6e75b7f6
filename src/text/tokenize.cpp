#include "text/tokenize.h"

#include <array>
#include <cstring>

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

// Lower case for the other cased letters people commonly type: Latin Extended-A,
// Greek and Cyrillic (the same word in any case then meets itself).
char32_t lower(char32_t cp) {
  if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) return cp | 1;  // upper even, lower odd
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp & 1) != 0 ? cp + 1 : cp;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

// Whether a byte is an ASCII letter or digit: most text is runs of them, each found
// with one lookup per byte.
constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> table{};
  for (char c = '0'; c <= '9'; ++c) table[static_cast<unsigned char>(c)] = true;
  for (char c = 'a'; c <= 'z'; ++c) table[static_cast<unsigned char>(c)] = true;
  for (char c = 'A'; c <= 'Z'; ++c) table[static_cast<unsigned char>(c)] = true;
  return table;
}();

bool ends_sentence(char p) { return p == '.' || p == '!' || p == '?' || p == ';' || p == '\n'; }

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "-ve" and "+ve", the clinical shorthand for negative and positive, standing alone
// at i (a sign, then "ve", then no letter): the bytes they span, else 0.
std::size_t signed_ve(std::string_view input, std::size_t i) {
  if (i + 3 > input.size() || (input[i] != '-' && input[i] != '+')) return 0;
  if ((input[i + 1] | 0x20) != 'v' || (input[i + 2] | 0x20) != 'e') return 0;
  if (i + 3 < input.size() && is_ascii_letter(input[i + 3])) return 0;
  return 3;
}

bool word_byte(char c) { return is_ascii_letter(c) || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80; }

// A dash between two words with no space ("left-sided", "3-4") is a hyphen; one with
// a space on either side ("no pain - just cramps", a "- " bullet) breaks the sentence.
bool joins_words(std::string_view input, std::size_t at, std::size_t next) {
  return at > 0 && next < input.size() && word_byte(input[at - 1]) && word_byte(input[next]);
}

// Whether the '.' just added (ending at byte `next`) belongs to an abbreviation rather
// than ending a sentence: the dots of "e.g.", "i.e.", "p.o." (single letters joined by
// dots) and of the knowledge base's abbreviations ("Dr.", "vs.").
bool is_abbreviation_dot(std::string_view input, const Tokens& out, std::size_t next, const kb::KnowledgeBase* kb) {
  const auto& toks = out.tokens;
  const std::size_t n = toks.size();  // toks[n - 1] is the '.'
  if (n < 2 || toks[n - 2].kind != TokenKind::word || toks[n - 2].end != toks[n - 1].begin) return false;
  const std::string_view before = out.norm(toks[n - 2]);
  if (before.size() == 1) {
    if (next < input.size() && is_ascii_letter(input[next])) return true;  // "e." of "e.g."
    // The last dot of "e.g.": a letter right after another abbreviation dot.
    return n >= 3 && toks[n - 3].kind == TokenKind::punct && toks[n - 3].punct == '.' &&
           toks[n - 3].end == toks[n - 2].begin && !toks[n - 3].sentence_end;
  }
  return kb != nullptr && (kb->word_classes(before) & kb::kAbbreviation) != 0;
}

// Both tokenize()s: `kb`, when there is one, gives the abbreviations.
void tokenize_with(std::string_view input, const kb::KnowledgeBase* kb, Tokens& out) {
  out.tokens.clear();
  // The normalized words are written through a cursor into a buffer as long as the
  // input: no folding writes more bytes than it reads but "-ve"/"+ve" (3 bytes read
  // as 8), which grows the buffer, so there is always room for the rest of the input.
  std::string& text = out.text;
  text.resize(input.size());
  char* buf = text.data();
  std::uint32_t w = 0;  // bytes of `text` written
  Token word;
  bool in_word = false;
  std::size_t newlines = 0;  // consecutive newlines seen since the last token

  auto start_word = [&](std::uint32_t at) {
    if (in_word) return;
    in_word = true;
    word = Token{};
    word.begin = at;
    word.norm = w;
  };
  auto finish_word = [&](std::uint32_t end) {
    if (!in_word) return;
    in_word = false;
    // Apostrophes at the edges of a word are quotes, not part of it.
    word.end = end;
    word.norm_len = w - word.norm;
    if (word.norm_len > 0) out.tokens.push_back(word);
  };
  auto add_punct = [&](char p, std::uint32_t begin, std::uint32_t end) {
    Token t;
    t.begin = begin;
    t.end = end;
    t.norm = w;
    t.kind = TokenKind::punct;
    t.punct = p;
    t.sentence_end = ends_sentence(p);
    out.tokens.push_back(t);
  };
  auto put = [&](std::string_view bytes) {
    std::memcpy(buf + w, bytes.data(), bytes.size());
    w += static_cast<std::uint32_t>(bytes.size());
  };

  for (std::size_t i = 0; i < input.size();) {
    if (input[i] == ' ') {  // the commonest separator, without decoding or classifying
      finish_word(static_cast<std::uint32_t>(i));
      ++i;
      continue;
    }
    if (!in_word && (input[i] == '-' || input[i] == '+')) {
      if (const std::size_t len = signed_ve(input, i)) {
        const std::string_view full = input[i] == '-' ? "negative" : "positive";
        text.resize(text.size() + full.size() - len);
        buf = text.data();
        Token t;
        t.begin = static_cast<std::uint32_t>(i);
        t.end = static_cast<std::uint32_t>(i + len);
        t.norm = w;
        put(full);
        t.norm_len = w - t.norm;
        out.tokens.push_back(t);
        newlines = 0;
        i += len;
        continue;
      }
    }
    // Most text is ASCII words: a run of ASCII letters and digits is copied and
    // lower-cased in one pass (setting bit 0x20 lower-cases a letter, keeps a digit).
    const auto byte = static_cast<unsigned char>(input[i]);
    if (kAsciiAlnum[byte]) {
      start_word(static_cast<std::uint32_t>(i));
      std::size_t j = i;
      do {
        buf[w++] = static_cast<char>(input[j] | 0x20);
      } while (++j < input.size() && kAsciiAlnum[static_cast<unsigned char>(input[j])]);
      word.end = static_cast<std::uint32_t>(j);
      newlines = 0;
      i = j;
      continue;
    }
    // Decode the rest.
    const utf8::Decoded d = byte < 0x80 ? utf8::Decoded{byte, 1, true} : utf8::decode(input, i);
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
        start_word(at);
        if (d.cp < 0x80) {
          char c = static_cast<char>(d.cp);
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
          buf[w++] = c;
        } else if (f.letters != nullptr) {
          put(f.letters);
        } else {
          w += utf8::encode(lower(d.cp), buf + w);
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
          const char before = w == 0 ? 0 : buf[w - 1];
          if (after >= '0' && after <= '9' && before >= '0' && before <= '9') {
            buf[w++] = '.';
            word.end = next;
            break;
          }
        }
        finish_word(at);
        add_punct(f.punct, at, next);
        if (f.punct == '.' && is_abbreviation_dot(input, out, next, kb)) out.tokens.back().sentence_end = false;
        if (f.punct == '-' && !joins_words(input, at, next)) out.tokens.back().sentence_end = true;
        break;
      }
      case Class::space:
        finish_word(at);
        break;
    }
    i = next;
  }
  finish_word(static_cast<std::uint32_t>(input.size()));
  text.resize(w);
}

}  // namespace

void tokenize(std::string_view input, const kb::KnowledgeBase& kb, Tokens& out) { tokenize_with(input, &kb, out); }

void tokenize(std::string_view input, Tokens& out) { tokenize_with(input, nullptr, out); }

}  // namespace crampx::text
