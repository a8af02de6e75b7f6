// UTF-8 decoding that never fails: invalid or truncated sequences decode as U+FFFD,
// consuming one byte, so every input byte is accounted for and offsets stay exact.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace crampx::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

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

}  // namespace crampx::utf8
