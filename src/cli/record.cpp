#include "cli/record.h"

#include <fmt/format.h>

#include "base/utf8.h"
#include "cli/answers.h"
#include "cli/kept_buffer.h"
#include "cli/record_json.h"

namespace crampx::cli {
namespace {

// A record's text buffers are kept from line to line, up to a size.
constexpr std::size_t kKeptTextBytes = 1 << 20;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The length of the blanks `line` starts with: spaces and tabs, and the Unicode blanks a
// copy from a web page or word processor brings (no-break spaces, a byte-order mark, the
// spaces of U+2000-U+200B, U+202F, U+205F, U+3000). A record is a line whose first
// character after them is '{' or '['.
std::size_t blank_prefix(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size()) {
    if (line[i] == ' ' || line[i] == '\t') {
      ++i;
      continue;
    }
    if (static_cast<unsigned char>(line[i]) < 0x80) break;
    const utf8::Decoded d = utf8::decode(line, i);
    const char32_t c = d.cp;
    if (!d.valid || !(c == 0xA0 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
                      c == 0x3000)) {
      break;
    }
    i += d.length;
  }
  return i;
}

}  // namespace

void RecordReader::read(std::string_view line, const kb::KnowledgeBase& kb, Record& r) {
  r.id.reset();
  empty_kept(r.text, kKeptTextBytes);
  r.answers.clear();
  r.error.reset();
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.size() > kMaxRecordBytes) {
    r.error = Error{ErrorCode::record_too_long, fmt::format("the line is longer than the limit of {} MiB", kMaxRecordBytes >> 20)};
    return;
  }
  // A byte-order mark is no part of the line (an editor's or a Windows tool's first line).
  if (line.starts_with(kByteOrderMark)) line.remove_prefix(kByteOrderMark.size());
  const std::size_t first = blank_prefix(line);
  if (first == line.size()) {
    r.error = Error{ErrorCode::empty_record, "the line is empty"};
    return;
  }
  if (line[first] != '{' && line[first] != '[') {
    if (line.size() > kMaxTextBytes) {
      r.error = Error{ErrorCode::text_too_long, fmt::format("the text is longer than the limit of {} MiB", kMaxTextBytes >> 20)};
      return;
    }
    r.text.assign(line);
    return;
  }
  // The fields' buffers are reused line after line; the text trades buffers with the
  // record's rather than being copied. The blanks before the record are no part of it.
  RecordFields& fields = fields_;
  const std::optional<Error> e = json_.read(line.substr(first), fields);
  r.id = std::move(fields.id);
  if (e) {
    r.error = *e;
    return;
  }
  r.text.swap(fields.text);
  empty_kept(fields.text, kKeptTextBytes);
  if (r.text.size() > kMaxTextBytes) {
    r.error = Error{ErrorCode::text_too_long, fmt::format("the text is longer than the limit of {} MiB", kMaxTextBytes >> 20)};
    return;
  }
  for (const auto& [finding, answer] : fields.answers) {
    Result<infer::AnswerEntry> entry = read_answer(finding, answer, kb);
    if (!entry) {
      r.error = entry.error();
      return;
    }
    if (Status added = add_answer(r.answers, *entry, kb); !added) {
      r.error = added.error();
      return;
    }
  }
}

Record parse_record(std::string_view line, const kb::KnowledgeBase& kb) {
  Record r;
  RecordReader().read(line, kb, r);
  return r;
}

}  // namespace crampx::cli
