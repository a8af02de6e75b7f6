#include "base/error_code.h"

namespace crampx {

std::string_view error_meaning(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_json: return "The line starts with { or [ but is not one valid JSON value.";
    case ErrorCode::invalid_record: return "The JSON value is not an object.";
    case ErrorCode::invalid_id: return "\"id\" is neither a string nor a number (or a number beyond a double's range).";
    case ErrorCode::missing_text: return "The record has no \"text\" field.";
    case ErrorCode::invalid_text: return "\"text\" is not a string.";
    case ErrorCode::invalid_answers: return "\"answers\" is not an object.";
    case ErrorCode::invalid_answer: return "An answer is not yes, no or unknown.";
    case ErrorCode::unknown_finding: return "An answer names a finding the knowledge base does not have.";
    case ErrorCode::empty_record: return "The line is empty or blank.";
    case ErrorCode::record_too_long: return "The line is longer than the limit.";
    case ErrorCode::text_too_long: return "The text is longer than the limit.";
    case ErrorCode::out_of_memory: return "There was not enough memory to explain the record.";
    case ErrorCode::input_error: return "The input cannot be read.";
    case ErrorCode::interrupted: return "Interrupted by Ctrl-C.";
    case ErrorCode::kb_unreadable: return "A knowledge-base file cannot be read.";
    case ErrorCode::kb_missing: return "The knowledge base does not exist, or its directory holds no .json file.";
    case ErrorCode::kb_too_large: return "The knowledge base is larger than the limit.";
    case ErrorCode::kb_too_deep: return "The knowledge base's JSON is nested deeper than the limit.";
    case ErrorCode::kb_syntax: return "A knowledge-base file is not valid JSON.";
    case ErrorCode::kb_invalid: return "The knowledge base breaks its schema or refers to what it does not define.";
    case ErrorCode::kb_image: return "A compiled knowledge-base image is damaged or of another version.";
  }
  return "";
}

}  // namespace crampx
