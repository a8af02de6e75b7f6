// Schema validation with valijson (Debian's libvalijson-dev). The schema is written
// as JSON Schema 2020-12 using only keywords whose meaning is the same in draft 7,
// the newest draft valijson implements; tests also validate with python-jsonschema.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include "base/utf8.h"
#include "kb/validate.h"

namespace crampx::kb {
namespace {

// valijson reports paths as {"<root>", "[causes]", "[3]", "[prior]"}.
std::string to_pointer(const std::vector<std::string>& context) {
  std::string pointer;
  for (const std::string& part : context) {
    if (part == "<root>") continue;
    std::string token = part;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') token = token.substr(1, token.size() - 2);
    if (token.size() >= 2 && token.front() == '"' && token.back() == '"') token = token.substr(1, token.size() - 2);
    pointer += '/';
    for (char c : token) {
      if (c == '~') {
        pointer += "~0";
      } else if (c == '/') {
        pointer += "~1";
      } else {
        pointer += c;
      }
    }
  }
  return pointer;
}

const valijson::Schema& compiled_schema() {
  static const std::unique_ptr<valijson::Schema> schema = [] {
    auto s = std::make_unique<valijson::Schema>();
    const nlohmann::json doc = nlohmann::json::parse(schema_text());
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    valijson::adapters::NlohmannJsonAdapter adapter(doc);
    parser.populateSchema(adapter, *s);
    return s;
  }();
  return *schema;
}

// A key as one token of a JSON pointer: '~' and '/' escaped (RFC 6901).
std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

// The first control character of `s` ("U+001B at byte 4"), if any.
std::optional<std::string> first_control(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const utf8::Decoded d = utf8::decode(s, i);
    if (d.valid && utf8::is_control(d.cp)) return fmt::format("U+{:04X} at byte {}", static_cast<std::uint32_t>(d.cp), i);
    i += d.length;
  }
  return std::nullopt;
}

// What every string (and key) of a knowledge base must be, checked before the schema:
// no longer than any the schema allows (kMaxKbStringBytes, kb/document.h), and free of
// control characters, so that no label, phrase or URL can drive a terminal it is shown on
// (a window title, a cleared screen, a fake hyperlink); the renderers neutralise them too.
struct StringScan {
  const Document& doc;
  std::vector<Problem> long_strings;
  std::vector<Problem> controls;

  void string(std::string_view s, const std::string& pointer, bool key) {
    if (s.size() > kMaxKbStringBytes) {
      long_strings.push_back({doc.file_of(pointer), pointer,
                              fmt::format("string longer than the limit of {} bytes", kMaxKbStringBytes)});
    } else if (const auto where = first_control(s)) {
      controls.push_back({doc.file_of(pointer), pointer,
                          fmt::format("{} holds a control character ({}); a knowledge base's text may not",
                                      key ? "the key" : "the string", *where)});
    }
  }

  void walk(const nlohmann::json& v, const std::string& pointer) {
    if (v.is_string()) {
      string(v.get_ref<const std::string&>(), pointer, false);
    } else if (v.is_object()) {
      for (const auto& [k, child] : v.items()) {
        const std::string at = pointer + "/" + pointer_token(k);
        string(k, at, true);
        walk(child, at);
      }
    } else if (v.is_array()) {
      for (std::size_t i = 0; i < v.size(); ++i) walk(v[i], fmt::format("{}/{}", pointer, i));
    }
  }
};

}  // namespace

std::vector<Problem> check_schema(const Document& doc) {
  StringScan scan{doc, {}, {}};
  scan.walk(doc.root, "");
  if (!scan.long_strings.empty()) return scan.long_strings;
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc.root);
  std::vector<Problem> problems = std::move(scan.controls);
  if (validator.validate(compiled_schema(), target, &results)) return problems;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    // valijson also reports each failing parent ("Failed to validate item #3 in array");
    // the leaf errors say what is wrong, so the summaries are dropped.
    if (error.description.rfind("Failed to validate", 0) == 0) continue;
    const std::string pointer = to_pointer(error.context);
    problems.push_back({doc.file_of(pointer), pointer, error.description});
  }
  return problems;
}

std::vector<Problem> validate(const Document& doc) {
  std::vector<Problem> problems = check_schema(doc);
  std::vector<Problem> integrity = check_integrity(doc);
  problems.insert(problems.end(), integrity.begin(), integrity.end());
  return problems;
}

}  // namespace crampx::kb
