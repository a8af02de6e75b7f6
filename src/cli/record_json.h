// Reading one JSON Lines record: {"id": ..., "text": ..., "answers": {...}}.
// RapidJSON's SAX reader is used here, not nlohmann::json as elsewhere, because
// this runs once per input line: it parses without building a document, without
// recursion (iterative mode), and bounded in nesting depth.
// (Measured on NegEx records: nlohmann's DOM parse was 38% of a --brief run.)
#pragma once

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

// Fills `out` (emptied first; its buffers are reused), or returns the error for this line (invalid_json, invalid_record,
// invalid_id, missing_text, invalid_text, invalid_answers, invalid_answer).
// `out.id` is kept when the id itself was readable, so the error record can echo it.
std::optional<Error> read_json_record(std::string_view line, RecordFields& out);

}  // namespace crampx::cli
