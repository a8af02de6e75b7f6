// Quoting for sh, bash, zsh and fish: the completion scripts and the command line the
// interview prints to see its report again.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

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

// `command` (words quoted as shell_quote does) wrapped to `width` columns for a person
// to copy, later lines indented by `indent`: a break between words ends its line with
// " \\" so that the lines paste as one command; a break inside a quoted description
// has none (a backslash there would be part of it) and only adds spaces to the text.
inline std::string wrap_command(std::string_view command, std::size_t width, std::size_t indent) {
  std::string out, line;
  std::size_t start = 0;   // of the current word (between spaces)
  std::size_t line_start = 0;  // columns of the current line's indentation
  bool quoted = false;
  for (std::size_t i = 0; i <= command.size(); ++i) {
    const char c = i < command.size() ? command[i] : ' ';
    if (c == '\'' && i < command.size()) {
      if (quoted || i == 0 || command[i - 1] != '\\') quoted = !quoted;  // \' outside quotes is a literal '
      continue;
    }
    if (c != ' ') continue;
    const std::string_view word = command.substr(start, i - start);
    start = i + 1;
    if (line.size() > line_start && line.size() + 1 + word.size() + 2 > width) {  // room for " \\"
      out += line + (quoted ? "\n" : " \\\n");  // this space is inside quotes: no backslash there
      line.assign(indent, ' ');
      line_start = indent;
    } else if (line.size() > line_start) {
      line += ' ';
    }
    line += word;
  }
  return out + line + "\n";
}

}  // namespace crampx::cli
