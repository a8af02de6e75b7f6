// The JSON Lines record reader (cli/record, RapidJSON's SAX reader underneath) on
// arbitrary lines. Besides the sanitizers it checks the reader against a second,
// independent JSON parser (nlohmann::json): where that one reads the line as a
// record, the reader must agree on the verdict and on the text; an echoed id must
// be valid JSON; no accepted text exceeds the limit.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/json_limits.h"
#include "cli/record.h"
#include "fuzz_check.h"
#include "kb/knowledge_base.h"

using namespace crampx;
using json = nlohmann::json;

namespace {

// What nlohmann::json makes of a JSON line; false when it cannot read it at all.
bool reference_read(std::string_view line, json& doc) {
  if (json_depth_exceeds(line)) return false;  // never handed to a recursive parser
  // nlohmann::json ends its input at a NUL byte and ignores the rest; JSON allows no raw
  // NUL anywhere, so such a line is not valid JSON and the oracle must not say it is.
  if (line.find('\0') != std::string_view::npos) return false;
  try {
    doc = json::parse(line);
    return true;
  } catch (const json::exception&) {
    return false;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  const kb::KnowledgeBase& kb = kb::embedded();
  const cli::Record r = cli::parse_record(line, kb);

  if (r.id) fuzz::check(json::accept(*r.id), "the echoed id is valid JSON");
  if (!r.error) {
    fuzz::check(r.text.size() <= cli::kMaxTextBytes, "text within the limit");
    for (const infer::AnswerEntry& a : r.answers) fuzz::check(a.finding < kb.findings().size(), "answer finding");
  } else {
    fuzz::check(!r.error->code.empty() && !r.error->message.empty(), "an error has a code and a message");
  }

  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const auto first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos || (line[first] != '{' && line[first] != '[')) {
    fuzz::check(r.error || r.text == line, "a plain line is its own text");
    return 0;
  }
  json doc;
  if (!reference_read(line, doc)) return 0;
  // One documented difference: RapidJSON refuses a number beyond the range of a double
  // ("0e400"), which JSON allows and nlohmann::json reads; crampx says so in the message.
  // Such a line is refused whatever else it holds, so nothing more is compared.
  if (r.error && r.error->message.find("Number too big") != std::string::npos) return 0;
  fuzz::check(!r.error || r.error->code != "invalid_json", "valid JSON is not called invalid");
  if (!doc.is_object()) {
    fuzz::check(r.error && r.error->code == "invalid_record", "a non-object is an invalid record");
    return 0;
  }
  const auto text = doc.find("text");
  if (text == doc.end()) {
    fuzz::check(r.error.has_value(), "a record without text is an error");
  } else if (!text->is_string()) {
    fuzz::check(r.error.has_value(), "a record whose text is not a string is an error");
  } else if (!r.error) {
    fuzz::check(r.text == text->get_ref<const std::string&>(), "the same text as nlohmann::json reads");
  }
  return 0;
}
