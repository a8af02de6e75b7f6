#include "cli/record.h"

#include <fmt/format.h>

#include "cli/kept_buffer.h"
#include "cli/record_json.h"
#include "text/typo.h"

namespace crampx::cli {
namespace {

Result<infer::AnswerEntry> make_answer(std::string_view finding, std::string_view answer, const kb::KnowledgeBase& kb) {
  const auto f = kb.find_finding(finding);
  if (!f) return unknown_finding(finding, kb);
  const auto a = infer::parse_answer(answer);
  if (!a) {
    return Error{ErrorCode::invalid_answer, fmt::format("the answer for '{}' must be yes, no or unknown", finding)};
  }
  return infer::AnswerEntry{*f, *a};
}

// A record's text buffers are kept from line to line, up to a size.
constexpr std::size_t kKeptTextBytes = 1 << 20;

}  // namespace

Error unknown_finding(std::string_view id, const kb::KnowledgeBase& kb) {
  std::string_view best;
  int best_distance = 4;
  for (const kb::FindingRec& f : kb.findings()) {
    const int d = text::osa_distance(id, kb.str(f.id), 3);
    if (d < best_distance) best_distance = d, best = kb.str(f.id);
  }
  if (!best.empty()) {
    return Error{ErrorCode::unknown_finding, fmt::format("unknown finding '{}'; did you mean '{}'?", id, best)};
  }
  return Error{ErrorCode::unknown_finding, fmt::format("unknown finding '{}' (see 'crampx list findings')", id)};
}

Result<infer::AnswerEntry> parse_answer_option(std::string_view option, const kb::KnowledgeBase& kb) {
  const auto eq = option.find('=');
  if (eq == std::string_view::npos) {
    return Error{ErrorCode::invalid_answer, fmt::format("'{}' is not FINDING=yes|no|unknown", option)};
  }
  return make_answer(option.substr(0, eq), option.substr(eq + 1), kb);
}

void parse_record(std::string_view line, const kb::KnowledgeBase& kb, Record& r) {
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
  // The fields' buffers are this thread's, reused line after line; the text trades
  // buffers with the record's rather than being copied.
  thread_local RecordFields fields;
  const std::optional<Error> e = read_json_record(line, fields);
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
    Result<infer::AnswerEntry> entry = make_answer(finding, answer, kb);
    if (!entry) {
      r.error = entry.error();
      return;
    }
    r.answers.push_back(*entry);
  }
}

Record parse_record(std::string_view line, const kb::KnowledgeBase& kb) {
  Record r;
  parse_record(line, kb, r);
  return r;
}

}  // namespace crampx::cli
