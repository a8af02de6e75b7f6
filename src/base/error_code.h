// Every error code crampx can report, declared once (as leveldb's status.h declares its
// codes). The first group is what a JSON Lines stream's error record can carry as
// "code" (data/schema/report.schema.json lists them, and so does the man page; a test
// holds all three together); the others name what went wrong in an error message.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

#include "base/enum_names.h"

namespace crampx {

enum class ErrorCode : std::uint8_t {
  // A line of a stream that cannot be explained: its error record's "code".
  invalid_json,
  invalid_record,
  invalid_id,
  missing_text,
  invalid_text,
  invalid_answers,
  invalid_answer,
  unknown_finding,
  empty_record,
  record_too_long,
  text_too_long,
  out_of_memory,
  // Reading the input and knowledge bases.
  input_error,
  interrupted,
  kb_unreadable,
  kb_missing,
  kb_too_large,
  kb_too_deep,
  kb_syntax,
  kb_invalid,
  kb_image,
};

// Whether an error record of a stream can carry this code.
constexpr bool is_record_error(ErrorCode code) { return code <= ErrorCode::out_of_memory; }

// What the code means, in a sentence (the man page lists the record codes with it).
std::string_view error_meaning(ErrorCode code);

template <>
struct EnumNames<ErrorCode> {
  static constexpr std::pair<ErrorCode, std::string_view> table[] = {
      {ErrorCode::invalid_json, "invalid_json"},
      {ErrorCode::invalid_record, "invalid_record"},
      {ErrorCode::invalid_id, "invalid_id"},
      {ErrorCode::missing_text, "missing_text"},
      {ErrorCode::invalid_text, "invalid_text"},
      {ErrorCode::invalid_answers, "invalid_answers"},
      {ErrorCode::invalid_answer, "invalid_answer"},
      {ErrorCode::unknown_finding, "unknown_finding"},
      {ErrorCode::empty_record, "empty_record"},
      {ErrorCode::record_too_long, "record_too_long"},
      {ErrorCode::text_too_long, "text_too_long"},
      {ErrorCode::out_of_memory, "out_of_memory"},
      {ErrorCode::input_error, "input_error"},
      {ErrorCode::interrupted, "interrupted"},
      {ErrorCode::kb_unreadable, "kb_unreadable"},
      {ErrorCode::kb_missing, "kb_missing"},
      {ErrorCode::kb_too_large, "kb_too_large"},
      {ErrorCode::kb_too_deep, "kb_too_deep"},
      {ErrorCode::kb_syntax, "kb_syntax"},
      {ErrorCode::kb_invalid, "kb_invalid"},
      {ErrorCode::kb_image, "kb_image"}};
};

}  // namespace crampx
