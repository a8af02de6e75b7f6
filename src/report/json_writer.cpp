#include "report/json_writer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/compile.h>
#include <fmt/format.h>

#include "base/utf8.h"

namespace crampx::report {

namespace {

// Whether any of the 8 bytes in `w` needs a closer look: a control byte, DEL, a byte
// of a multi-byte character, '"' or '\\'. Bit tricks on a whole word ("SWAR") let the
// plain ASCII that makes up most of a report go by 8 bytes at a time.
bool needs_look(std::uint64_t w) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  auto has_zero = [](std::uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
  const bool below_space = ((w - kOnes * 0x20) & ~w & kHigh) != 0;  // exact for bytes < 0x80
  return below_space || (w & kHigh) != 0 || has_zero(w ^ (kOnes * '"')) || has_zero(w ^ (kOnes * '\\')) ||
         has_zero(w ^ (kOnes * 0x7F));
}

#if defined(__SSE2__)
// needs_look() for 16 bytes at once (SSE2, which every x86-64 has).
bool needs_look16(const char* p) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // As signed bytes, printable ASCII is above 0x1F and below 0x7F; bytes from 0x80 are negative.
  const __m128i printable = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F)), _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
  const __m128i quote_or_backslash =
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
  return _mm_movemask_epi8(_mm_andnot_si128(quote_or_backslash, printable)) != 0xFFFF;
}
#endif

// Whether `s` can be written as it is, between quotes.
bool is_plain(std::string_view s) {
#if defined(__SSE2__)
  if (s.size() >= 16) {
    for (std::size_t i = 0; i + 16 < s.size(); i += 16) {
      if (needs_look16(s.data() + i)) return false;
    }
    return !needs_look16(s.data() + s.size() - 16);  // the last 16 bytes, overlapping the loop's
  }
#endif
  std::size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (needs_look(w)) return false;
  }
  if (i == s.size()) return true;
  std::uint64_t w = 0x2020202020202020ull;  // the last bytes, padded with spaces (plain)
  std::memcpy(&w, s.data() + i, s.size() - i);
  return !needs_look(w);
}

// Appends `"s"` (plus `tail`) with one growth of `out`: the writer's hot path.
void append_quoted(std::string& out, std::string_view s, std::string_view tail = {}) {
  const std::size_t at = out.size();
  out.append(s.size() + 2 + tail.size(), '"');
  std::memcpy(out.data() + at + 1, s.data(), s.size());
  if (!tail.empty()) std::memcpy(out.data() + at + 2 + s.size(), tail.data(), tail.size());
}

// A line break and up to kMaxSpaces of indentation, preceded by a comma: both are
// written with one append.
constexpr std::size_t kMaxSpaces = 128;
constexpr auto kBreak = [] {
  std::array<char, kMaxSpaces + 2> b{};
  b.fill(' ');
  b[0] = ',';
  b[1] = '\n';
  return b;
}();

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  if (is_plain(s)) {
    append_quoted(out, s);
    return;
  }
  out.push_back('"');
  std::size_t run = 0;  // start of the pending run of bytes that need no escaping
  for (std::size_t i = 0; i < s.size();) {
    if (i + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (!needs_look(w)) {
        i += 8;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const utf8::Decoded d = utf8::decode(s, i);
      if (d.valid && d.cp >= 0xA0) {
        i += d.length;
        continue;
      }
      if (d.valid) {  // a C1 control character (U+0080-U+009F): escaped, as C0 ones are
        out.append(s.substr(run, i - run));
        out.append("\\u00");
        out.push_back(kHex[d.cp >> 4]);
        out.push_back(kHex[d.cp & 0xF]);
        i += d.length;
        run = i;
        continue;
      }
    }
    out.append(s.substr(run, i - run));
    switch (c) {
      case '"': out.append("\\\""); break;
      case '\\': out.append("\\\\"); break;
      case '\n': out.append("\\n"); break;
      case '\t': out.append("\\t"); break;
      case '\r': out.append("\\r"); break;
      default:
        if (c >= 0x80) {
          out.append("\\ufffd");  // an invalid UTF-8 byte
        } else {
          out.append("\\u00");
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 0xF]);
        }
    }
    ++i;
    run = i;
  }
  out.append(s.substr(run));
  out.push_back('"');
}

void JsonWriter::newline() { line_break(false); }

void JsonWriter::line_break(bool comma) {
  if (indent_ == 0 || inline_depth_ > 0) {
    if (comma) out_.append(inline_depth_ > 0 && indent_ > 0 ? ", " : ",");
    return;
  }
  const std::size_t spaces = first_.size() * static_cast<std::size_t>(indent_);
  if (spaces <= kMaxSpaces) {
    out_.append(kBreak.data() + (comma ? 0 : 1), (comma ? 2 : 1) + spaces);
  } else {
    if (comma) out_.push_back(',');
    out_.push_back('\n');
    out_.append(spaces, ' ');
  }
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (first_.empty()) return;
  const bool comma = !first_.back();
  first_.back() = '\0';
  line_break(comma);
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_.push_back('{');
  first_.push_back('\1');
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool empty = first_.back() != '\0';
  first_.pop_back();
  if (!empty) newline();
  out_.push_back('}');
  return *this;
}

JsonWriter& JsonWriter::begin_array(bool inline_items) {
  before_value();
  out_.push_back('[');
  first_.push_back('\1');
  if (inline_items || inline_depth_ > 0) ++inline_depth_;
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool empty = first_.back() != '\0';
  first_.pop_back();
  if (inline_depth_ > 0) {
    --inline_depth_;
  } else if (!empty) {
    newline();
  }
  out_.push_back(']');
  return *this;
}

JsonWriter& JsonWriter::key(Key k) {
  before_value();
  append_quoted(out_, k.text(), indent_ == 0 ? ":" : ": ");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::escaped_key(std::string_view k) {
  before_value();
  append_json_string(out_, k);
  out_.append(indent_ == 0 ? ":" : ": ");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  append_json_string(out_, s);
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  before_value();
  if (!std::isfinite(d)) {
    out_.append("null");
    return *this;
  }
  // Rounded to 4 decimals; beyond 1e15 there are none to round, and d * 10000 could overflow.
  double r = std::fabs(d) < 1e15 ? std::round(d * 10000.0) / 10000.0 : d;
  if (r == 0) r = 0;  // no "-0"
  char text[32];      // the shortest form that reads back as r: at most 24 characters
  const char* end = fmt::format_to(text, FMT_COMPILE("{}"), r);
  out_.append(text, static_cast<std::size_t>(end - text));
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t i) {
  before_value();
  const fmt::format_int digits(i);
  out_.append(digits.data(), digits.size());
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  out_.append(b ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_.append("null");
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  out_.append(json);
  return *this;
}

}  // namespace crampx::report
