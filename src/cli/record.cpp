#include "cli/record.h"

#include <fmt/format.h>

#include "cli/answers.h"
#include "cli/kept_buffer.h"
#include "cli/record_json.h"

namespace crampx::cli {
namespace {

// A record's text buffers are kept from line to line, up to a size.
constexpr std::size_t kKeptTextBytes = 1 << 20;

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
  const auto first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
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
  // record's rather than being copied.
  RecordFields& fields = fields_;
  const std::optional<Error> e = json_.read(line, fields);
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
    r.answers.push_back(*entry);
  }
}

Record parse_record(std::string_view line, const kb::KnowledgeBase& kb) {
  Record r;
  RecordReader().read(line, kb, r);
  return r;
}

}  // namespace crampx::cli
