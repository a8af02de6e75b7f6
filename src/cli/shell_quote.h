// Quoting for sh, bash, zsh and fish: the completion scripts and the command line the
// interview prints to see its report again.
#pragma once

#include <cstddef>
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

// `command` (words quoted as shell_quote or shell_word do) wrapped to `width` columns for
// a person to copy, later lines indented by `indent`: a break between words ends its line
// with " \\" so that the lines paste as one command. A quoted word is never broken (a
// break inside it would change the description's bytes): a long one overflows its line.
inline std::string wrap_command(std::string_view command, std::size_t width, std::size_t indent) {
  std::string out, line;
  std::size_t start = 0;       // of the current word (between spaces outside quotes)
  std::size_t line_start = 0;  // columns of the current line's indentation
  bool quoted = false;
  for (std::size_t i = 0; i <= command.size(); ++i) {
    const char c = i < command.size() ? command[i] : ' ';
    if (c == '\\' && i + 1 < command.size() && (quoted ? command[start] == '$' : true)) {
      ++i;  // \' outside quotes, or any escape inside $'...', is not a quote
      continue;
    }
    if (c == '\'' && i < command.size()) {
      quoted = !quoted;
      continue;
    }
    if (c != ' ' || quoted) continue;
    const std::string_view word = command.substr(start, i - start);
    start = i + 1;
    if (line.size() > line_start && line.size() + 1 + word.size() + 2 > width) {  // room for " \\"
      out += line + " \\\n";
      line.assign(indent, ' ');
      line_start = indent;
    } else if (line.size() > line_start) {
      line += ' ';
    }
    line += word;
  }
  return out + line + "\n";
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
