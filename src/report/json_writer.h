// A streaming JSON writer: reports are written straight into an output buffer
// with no intermediate document (nlohmann::json would allocate per node on the
// hot path of --jsonl). Strings are escaped so any input bytes give valid JSON:
// invalid UTF-8 becomes U+FFFD, control characters become \u escapes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace crampx::report {

// Appends `s` as a JSON string literal (with quotes).
void append_json_string(std::string& out, std::string_view s);

// A key written in a renderer's source ("id", "label"): checked at compile time to need
// no escaping, so the writer copies it without looking at its bytes.
class Key {
 public:
  consteval Key(const char* k) : text_(k) {  // NOLINT(google-explicit-constructor): literals read as keys
    for (const char c : text_) {
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') throw "a JSON key literal must be printable ASCII with no quote or backslash";
    }
  }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

class JsonWriter {
 public:
  // indent 0 writes one line; otherwise pretty-prints with that many spaces per level.
  explicit JsonWriter(std::string& out, int indent = 0) : out_(out), indent_(indent) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  // `inline_items`: keep a short array of scalars on one line even when pretty-printing.
  JsonWriter& begin_array(bool inline_items = false);
  JsonWriter& end_array();
  JsonWriter& key(Key k);
  JsonWriter& escaped_key(std::string_view k);  // a key from data: escaped like a value
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(double d);          // finite; rounded to 4 decimals
  JsonWriter& value(std::int64_t i);
  JsonWriter& value(std::uint32_t i) { return value(static_cast<std::int64_t>(i)); }
  JsonWriter& value(int i) { return value(static_cast<std::int64_t>(i)); }
  JsonWriter& value(std::size_t i) { return value(static_cast<std::int64_t>(i)); }
  JsonWriter& value(bool b);
  JsonWriter& null();
  // Writes pre-rendered JSON as a value (must be valid JSON).
  JsonWriter& raw(std::string_view json);

  template <class T>
  JsonWriter& field(Key k, const T& v) {
    key(k);
    return value(v);
  }

 private:
  void before_value();
  void newline();
  void line_break(bool comma);  // before an element: a comma if needed, then a line break

  std::string& out_;
  int indent_;
  // Per open container: no element written yet (a byte each: cheaper than bits). A string,
  // not a vector: a report's few levels fit in its own bytes, with no allocation per writer.
  std::string first_;
  int inline_depth_ = 0;     // > 0 inside an inline array
  bool after_key_ = false;
};

}  // namespace crampx::report
