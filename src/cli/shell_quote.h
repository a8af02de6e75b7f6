// Quoting for sh, bash, zsh and fish: the completion scripts and the command line the
// interview prints to see its report again.
#pragma once

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

}  // namespace crampx::cli
