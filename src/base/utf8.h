// UTF-8 decoding that never fails: invalid or truncated sequences decode as U+FFFD,
// consuming one byte, so every input byte is accounted for and offsets stay exact.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace crampx::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// C0 and C1 control characters and DEL: what a terminal may act on instead of showing
// (ESC starts an escape sequence, U+009B is a one-character CSI, BEL rings).
constexpr bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

struct Decoded {
  char32_t cp;
  std::uint32_t length;  // bytes consumed, >= 1
  bool valid;
};

// Decodes the code point starting at s[i] (i < s.size()).
Decoded decode(std::string_view s, std::size_t i);

// Appends the UTF-8 encoding of cp.
void append(std::string& out, char32_t cp);

// Writes the UTF-8 encoding of cp (1 to 4 bytes) at `out` and returns its length.
std::uint32_t encode(char32_t cp, char* out);

// Copy of s with every invalid sequence replaced by U+FFFD.
std::string sanitize(std::string_view s);

bool is_valid(std::string_view s);

// Copy of s with every control character (is_control) and invalid sequence replaced by U+FFFD.
std::string replace_controls(std::string_view s);

}  // namespace crampx::utf8
