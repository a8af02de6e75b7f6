#include "report/terminal_text.h"

#include "base/utf8.h"

namespace crampx::report {

std::string terminal_safe(std::string_view s, bool keep_newlines) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    if (!d.valid || utf8::is_control(d.cp)) {
      if (d.cp == '\n' && keep_newlines) {
        out.push_back('\n');
      } else if (d.cp == '\n' || d.cp == '\t') {
        out.push_back(' ');
      } else {
        utf8::append(out, utf8::kReplacement);
      }
    } else {
      out.append(s.substr(i, d.length));
    }
    i += d.length;
  }
  return out;
}

std::string terminal_safe_json(std::string_view json) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size();) {
    const utf8::Decoded d = utf8::decode(json, i);
    // DEL and C1 can only be inside a string; the C0 ones there are escaped already, and
    // outside strings newlines and spaces are the layout.
    if (d.valid && d.cp >= 0x7F && d.cp < 0xA0) {
      out.append("\\u00");
      out.push_back(kHex[(d.cp >> 4) & 0xF]);
      out.push_back(kHex[d.cp & 0xF]);
    } else {
      out.append(json.substr(i, d.length));
    }
    i += d.length;
  }
  return out;
}

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\x1b' && i + 1 < s.size() && s[i + 1] == '[') {  // our own SGR codes take no room
      i += 2;
      while (i < s.size() && !(s[i] >= '@' && s[i] <= '~')) ++i;
      continue;
    }
    n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 ? 1 : 0;
  }
  return n;
}

std::string Painter::paint(Style style, std::string_view text) const {
  if (!color_) return std::string(text);
  const char* code = "";
  switch (style) {
    case Style::bold: code = "\x1b[1m"; break;
    case Style::dim: code = "\x1b[2m"; break;
    case Style::red: code = "\x1b[1;31m"; break;
    case Style::yellow: code = "\x1b[33m"; break;
    case Style::green: code = "\x1b[32m"; break;
    case Style::cyan: code = "\x1b[36m"; break;
    case Style::magenta: code = "\x1b[35m"; break;
  }
  std::string out(code);
  out.append(text);
  out.append("\x1b[0m");
  return out;
}

namespace {

// Bytes of `word` from `from` that take at most `columns` columns (at least one code
// point, and never part of an escape sequence of our own).
std::size_t fit_prefix(std::string_view word, std::size_t columns) {
  std::size_t i = 0, used = 0;
  while (i < word.size()) {
    if (word[i] == '\x1b' && i + 1 < word.size() && word[i + 1] == '[') {  // takes no room
      i += 2;
      while (i < word.size() && !(word[i] >= '@' && word[i] <= '~')) ++i;
      if (i < word.size()) ++i;
      continue;
    }
    if (used == columns && used > 0) break;
    ++used;
    ++i;
    while (i < word.size() && (static_cast<unsigned char>(word[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

}  // namespace

void append_wrapped(std::string& out, std::string_view first_prefix, std::string_view text, std::size_t indent,
                    std::size_t width) {
  out.append(first_prefix);
  std::size_t col = display_width(first_prefix);
  bool line_empty = true;
  if (width < indent + 20) width = indent + 20;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t j = i;
    while (j < text.size() && text[j] != ' ') ++j;
    if (j == i) break;
    std::string_view word = text.substr(i, j - i);
    std::size_t w = display_width(word);
    if (!line_empty && col + 1 + w > width) {
      out.push_back('\n');
      out.append(indent, ' ');
      col = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out.push_back(' ');
      ++col;
    }
    // A word longer than a whole line (an address) is cut at the edge: no line is wider
    // than `width`.
    while (col + w > width && width > col) {
      const std::size_t cut = fit_prefix(word, width - col);
      out.append(word.substr(0, cut));
      out.push_back('\n');
      out.append(indent, ' ');
      col = indent;
      word.remove_prefix(cut);
      w = display_width(word);
    }
    out.append(word);
    col += w;
    line_empty = false;
    i = j;
  }
  out.push_back('\n');
}

}  // namespace crampx::report
