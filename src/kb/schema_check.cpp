// Schema validation with valijson (Debian's libvalijson-dev). The schema is written
// as JSON Schema 2020-12 using only keywords whose meaning is the same in draft 7,
// the newest draft valijson implements; tests also validate with python-jsonschema.
#include <memory>
#include <string>

#include <fmt/format.h>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

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

// Strings longer than any the schema allows are reported before the schema check
// (kMaxKbStringBytes, kb/document.h).
void find_long_strings(const nlohmann::json& v, const std::string& pointer, const Document& doc,
                       std::vector<Problem>& out) {
  if (v.is_string()) {
    if (v.get_ref<const std::string&>().size() > kMaxKbStringBytes) {
      out.push_back({doc.file_of(pointer), pointer,
                     fmt::format("string longer than the limit of {} bytes", kMaxKbStringBytes)});
    }
  } else if (v.is_object()) {
    for (const auto& [k, child] : v.items()) find_long_strings(child, pointer + "/" + k, doc, out);
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) find_long_strings(v[i], fmt::format("{}/{}", pointer, i), doc, out);
  }
}

}  // namespace

std::vector<Problem> check_schema(const Document& doc) {
  {
    std::vector<Problem> long_strings;
    find_long_strings(doc.root, "", doc, long_strings);
    if (!long_strings.empty()) return long_strings;
  }
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc.root);
  std::vector<Problem> problems;
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
