// The JSON Lines record reader (cli/record, RapidJSON's SAX reader underneath) on
// arbitrary lines. Besides the sanitizers it checks the reader against a second,
// independent JSON parser (nlohmann::json) both ways: a line that one reads, the
// reader must not call invalid JSON, and must agree on the record and its text; a line
// that one refuses as invalid JSON, the reader must refuse too. An echoed id must be
// valid JSON; no accepted text exceeds the limit.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "base/json_limits.h"
#include "base/utf8.h"
#include "cli/record.h"
#include "fuzz_check.h"
#include "kb/knowledge_base.h"

using namespace crampx;
using json = nlohmann::json;

namespace {

enum class Verdict { valid, invalid, no_opinion };

// What nlohmann::json makes of a JSON line. It has no opinion on lines it is not given
// (too deep for a recursive parser; with a NUL byte, where it stops reading and ignores
// the rest) and on those it refuses only for a number beyond a double, for invalid UTF-8
// (which crampx reads on purpose like a plain text line), or for a lone surrogate escape
// ("\ude00": JSON's grammar allows it, RFC 8259 section 8.2; RapidJSON reads it).
Verdict reference_read(std::string_view line, json& doc) {
  if (json_depth_exceeds(line) || line.find('\0') != std::string_view::npos) return Verdict::no_opinion;
  try {
    doc = json::parse(line);
    return Verdict::valid;
  } catch (const json::parse_error& e) {
    const bool grammar_allows = std::string_view(e.what()).find("surrogate") != std::string_view::npos;
    return utf8::is_valid(line) && !grammar_allows ? Verdict::invalid : Verdict::no_opinion;
  } catch (const json::exception&) {
    return Verdict::no_opinion;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view line(reinterpret_cast<const char*>(data), size);
  const kb::KnowledgeBase& kb = kb::embedded();
  // One reader and one Record for every input, as a stream's worker reuses them: what a
  // line leaves behind in them must not change what the next line reads as (the checks
  // below hold per line).
  static cli::RecordReader reader;
  static cli::Record reused;
  reader.read(line, kb, reused);
  const cli::Record& r = reused;

  if (r.id) fuzz::check(json::accept(*r.id), "the echoed id is valid JSON");
  if (!r.error) {
    fuzz::check(r.text.size() <= cli::kMaxTextBytes, "text within the limit");
    for (const infer::AnswerEntry& a : r.answers) fuzz::check(a.finding < kb.findings().size(), "answer finding");
  } else {
    fuzz::check(is_record_error(r.error->code) && !r.error->message.empty(), "an error record has a record code and a message");
  }

  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  // A byte-order mark is no part of the line; spaces, tabs and the Unicode blanks a copy
  // from a web page brings may come before a record's '{' or '[' (issue 22.5).
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  std::size_t first = 0;
  while (first < line.size()) {
    if (line[first] == ' ' || line[first] == '\t') {
      ++first;
      continue;
    }
    const utf8::Decoded d = utf8::decode(line, first);
    const char32_t c = d.cp;
    const bool blank = d.valid && (c == 0xA0 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
                                   c == 0x205F || c == 0x3000);
    if (!blank) break;
    first += d.length;
  }
  if (first == line.size() || (line[first] != '{' && line[first] != '[')) {
    fuzz::check(r.error || r.text == line, "a plain line is its own text (without a byte-order mark)");
    return 0;
  }
  line.remove_prefix(first);
  json doc;
  const Verdict verdict = reference_read(line, doc);
  if (verdict == Verdict::invalid) fuzz::check(r.error.has_value(), "invalid JSON is not read as a record");
  if (verdict != Verdict::valid) return 0;
  // One documented difference: RapidJSON refuses a number beyond the range of a double
  // ("0e400"), which JSON allows and nlohmann::json reads; crampx says so in the message.
  // Such a line is refused whatever else it holds, so nothing more is compared.
  if (r.error && r.error->message.find("Number too big") != std::string::npos) return 0;
  fuzz::check(!r.error || r.error->code != ErrorCode::invalid_json, "valid JSON is not called invalid");
  if (!doc.is_object()) {
    fuzz::check(r.error && r.error->code == ErrorCode::invalid_record, "a non-object is an invalid record");
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
