// The JSON Lines record reader: one input line -> the text to explain, its id and
// answers, or an error that becomes that line's error record. Never throws.
//
// A line whose first non-blank character is '{' or '[' is JSON and must be an
// object {"id": string|number, "text": string, "answers": {FINDING: "yes"|"no"|"unknown"}};
// any other line is plain text. Limits: kMaxRecordBytes per line, kMaxTextBytes per text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "cli/record_json.h"
#include "infer/evidence.h"
#include "kb/knowledge_base.h"

namespace crampx::cli {

inline constexpr std::size_t kMaxTextBytes = 16u << 20;
inline constexpr std::size_t kMaxRecordBytes = 24u << 20;

struct Record {
  std::optional<std::string> id;  // raw JSON of the id, echoed in the output
  std::string text;
  std::vector<infer::AnswerEntry> answers;
  std::optional<Error> error;     // set when the line cannot be explained
};

// Reads the records of a stream, one line after another, with buffers it keeps from
// line to line. One per thread: a stream's worker owns one.
class RecordReader {
 public:
  // Reads `line` into `out`, all of whose fields it sets: a stream passes the same
  // Record for every line, so its buffers are reused rather than allocated per line.
  void read(std::string_view line, const kb::KnowledgeBase& kb, Record& out);

 private:
  RecordFields fields_;  // the JSON fields; the text trades buffers with the record's
  JsonRecordReader json_;
};

// One line, read with buffers of its own (tests, one-off callers).
Record parse_record(std::string_view line, const kb::KnowledgeBase& kb);

}  // namespace crampx::cli
