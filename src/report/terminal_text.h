// Text for a terminal: input bytes made harmless (control characters and escape
// sequences from the input never reach the terminal raw), ANSI styles that are
// empty when colour is off, and word wrapping to the terminal width.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace crampx::report {

// `s` with C0/C1 control characters and DEL shown as U+FFFD and invalid UTF-8 replaced;
// tabs and newlines become spaces unless `keep_newlines`.
std::string terminal_safe(std::string_view s, bool keep_newlines = false);

// JSON text (nlohmann's dump, which escapes only C0 characters) with DEL and the C1
// control characters written as \u escapes too: still the same JSON, safe on a terminal.
std::string terminal_safe_json(std::string_view json);

// The display width of UTF-8 text, counting one column per code point.
std::size_t display_width(std::string_view s);

enum class Style { bold, dim, red, yellow, green, cyan, magenta };

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}
  std::string paint(Style style, std::string_view text) const;

 private:
  bool color_;
};

// Appends `text` to `out`, wrapped at words to `width` columns; the first line starts
// after `first_prefix`, later lines start with `indent` spaces. A word longer than a
// line is cut at the edge. Ends with a newline.
void append_wrapped(std::string& out, std::string_view first_prefix, std::string_view text, std::size_t indent,
                    std::size_t width);

}  // namespace crampx::report
