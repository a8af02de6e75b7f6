// Reading one JSON Lines record: {"id": ..., "text": ..., "answers": {...}}.
// RapidJSON's SAX reader is used here, not nlohmann::json as elsewhere, because
// this runs once per input line: it parses without building a document, without
// recursion (iterative mode), and bounded in nesting depth.
// (Measured on NegEx records: nlohmann's DOM parse was 38% of a --brief run.)
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace crampx::cli {

struct RecordFields {
  std::optional<std::string> id;  // raw JSON of a string or number id
  std::string text;
  std::vector<std::pair<std::string, std::string>> answers;  // finding -> "yes" | "no" | "unknown" | other
};

// Reads records line after line with the same buffers: RapidJSON's reader (its state
// stack) and the line's copy it parses in place. Each thread of a stream has its own.
class JsonRecordReader {
 public:
  JsonRecordReader();
  ~JsonRecordReader();
  JsonRecordReader(const JsonRecordReader&) = delete;
  JsonRecordReader& operator=(const JsonRecordReader&) = delete;

  // Fills `out` (emptied first; its buffers are reused), or returns the error for this line (invalid_json,
  // invalid_record, invalid_id, missing_text, invalid_text, invalid_answers, invalid_answer).
  // `out.id` is kept when the id itself was readable, so the error record can echo it.
  std::optional<Error> read(std::string_view line, RecordFields& out);

 private:
  struct Buffers;  // RapidJSON's types stay out of this header
  std::unique_ptr<Buffers> buffers_;
};

}  // namespace crampx::cli
