// Quoting for sh, bash, zsh and fish: the completion scripts and the command line the
// interview prints to see its report again.
#pragma once

#include <string>
#include <string_view>

#include "base/utf8.h"

namespace crampx::cli {

// `s` in single quotes, each ' written as '\'' : any bytes come back as one word.
inline std::string shell_quote(std::string_view s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out.push_back(c);
    }
  }
  return out + "'";
}

// `s` as one word that can also be shown on a terminal: shell_quote(s) when s is
// printable UTF-8; else ANSI-C quoting, $'...' (bash, zsh, ksh, busybox sh and POSIX.1-2024
// sh; not fish), with each control character and invalid byte as \xHH, so the word gives back
// the same bytes and none of them reaches the terminal raw. A NUL byte, which no argument
// can hold, becomes a space: both only separate words.
inline std::string shell_word(std::string_view s) {
  bool printable = true;
  for (std::size_t i = 0; i < s.size() && printable;) {
    const utf8::Decoded d = utf8::decode(s, i);
    printable = d.valid && !utf8::is_control(d.cp);
    i += d.length;
  }
  if (printable) return shell_quote(s);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "$'";
  for (std::size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    if (d.valid && d.cp == 0) {
      out += ' ';
    } else if (d.valid && (d.cp == '\\' || d.cp == '\'')) {
      out += '\\';
      out += static_cast<char>(d.cp);
    } else if (d.valid && !utf8::is_control(d.cp)) {
      out.append(s.substr(i, d.length));
    } else {
      for (std::size_t k = i; k < i + d.length; ++k) {
        const auto b = static_cast<unsigned char>(s[k]);
        out += "\\x";
        out += kHex[b >> 4];
        out += kHex[b & 0xF];
      }
    }
    i += d.length;
  }
  return out + "'";
}

}  // namespace crampx::cli
