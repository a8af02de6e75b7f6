// What every fuzz target checks besides "no crash, no sanitizer report": properties
// that must hold for any input. A broken one aborts, which libFuzzer reports as a
// crash and saves the input.
#pragma once

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "base/utf8.h"

namespace crampx::fuzz {

inline void check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
  }
}

// Text meant for a terminal: valid UTF-8 with no C0 or C1 control character but
// newline, and no DEL (so no escape sequence from the input can reach the terminal).
inline bool terminal_clean(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    if (!d.valid) return false;
    if ((d.cp < 0x20 && d.cp != '\n') || (d.cp >= 0x7F && d.cp < 0xA0)) return false;
    i += d.length;
  }
  return true;
}

}  // namespace crampx::fuzz
