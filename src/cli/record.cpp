#include "cli/record.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "base/json_limits.h"
#include "text/typo.h"

namespace crampx::cli {
namespace {

using json = nlohmann::json;

Result<infer::AnswerEntry> make_answer(std::string_view finding, std::string_view answer, const kb::KnowledgeBase& kb) {
  const auto f = kb.find_finding(finding);
  if (!f) return unknown_finding(finding, kb);
  const auto a = infer::parse_answer(answer);
  if (!a) {
    return Error{"invalid_answer", fmt::format("the answer for '{}' must be yes, no or unknown", finding)};
  }
  return infer::AnswerEntry{*f, *a};
}

}  // namespace

Error unknown_finding(std::string_view id, const kb::KnowledgeBase& kb) {
  std::string_view best;
  int best_distance = 4;
  for (const kb::FindingRec& f : kb.findings()) {
    const int d = text::osa_distance(id, kb.str(f.id), 3);
    if (d < best_distance) best_distance = d, best = kb.str(f.id);
  }
  if (!best.empty()) {
    return Error{"unknown_finding", fmt::format("unknown finding '{}'; did you mean '{}'?", id, best)};
  }
  return Error{"unknown_finding", fmt::format("unknown finding '{}' (see 'crampx list findings')", id)};
}

Result<infer::AnswerEntry> parse_answer_option(std::string_view option, const kb::KnowledgeBase& kb) {
  const auto eq = option.find('=');
  if (eq == std::string_view::npos) {
    return Error{"invalid_answer", fmt::format("'{}' is not FINDING=yes|no|unknown", option)};
  }
  return make_answer(option.substr(0, eq), option.substr(eq + 1), kb);
}

Record parse_record(std::string_view line, const kb::KnowledgeBase& kb) {
  Record r;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.size() > kMaxRecordBytes) {
    r.error = Error{"record_too_long", fmt::format("the line is longer than the limit of {} MiB", kMaxRecordBytes >> 20)};
    return r;
  }
  const auto first = line.find_first_not_of(" \t");
  if (first == std::string_view::npos) {
    r.error = Error{"empty_record", "the line is empty"};
    return r;
  }
  if (line[first] != '{' && line[first] != '[') {
    if (line.size() > kMaxTextBytes) {
      r.error = Error{"text_too_long", fmt::format("the text is longer than the limit of {} MiB", kMaxTextBytes >> 20)};
      return r;
    }
    r.text.assign(line);
    return r;
  }
  if (json_depth_exceeds(line)) {
    r.error = Error{"invalid_json", fmt::format("JSON nested deeper than {} levels", kMaxJsonDepth)};
    return r;
  }
  json doc;
  try {
    doc = json::parse(line);
  } catch (const json::parse_error& e) {
    std::string what = e.what();
    if (const auto pos = what.find(": "); pos != std::string::npos) what = what.substr(pos + 2);
    r.error = Error{"invalid_json", fmt::format("invalid JSON: {}", what)};
    return r;
  }
  if (!doc.is_object()) {
    r.error = Error{"invalid_record", "a JSON record must be an object with a \"text\" field"};
    return r;
  }
  if (const auto id = doc.find("id"); id != doc.end()) {
    if (id->is_string() || id->is_number()) {
      r.id = id->dump(-1, ' ', false, json::error_handler_t::replace);
    } else if (!id->is_null()) {
      r.error = Error{"invalid_id", "\"id\" must be a string or a number"};
      return r;
    }
  }
  const auto text = doc.find("text");
  if (text == doc.end()) {
    r.error = Error{"missing_text", "the record has no \"text\" field"};
    return r;
  }
  if (!text->is_string()) {
    r.error = Error{"invalid_text", "\"text\" must be a string"};
    return r;
  }
  r.text = text->get<std::string>();
  if (r.text.size() > kMaxTextBytes) {
    r.error = Error{"text_too_long", fmt::format("the text is longer than the limit of {} MiB", kMaxTextBytes >> 20)};
    return r;
  }
  if (const auto answers = doc.find("answers"); answers != doc.end() && !answers->is_null()) {
    if (!answers->is_object()) {
      r.error = Error{"invalid_answers", "\"answers\" must be an object of FINDING: \"yes\"|\"no\"|\"unknown\""};
      return r;
    }
    for (const auto& [finding, value] : answers->items()) {
      std::string answer;
      if (value.is_string()) {
        answer = value.get<std::string>();
      } else if (value.is_boolean()) {
        answer = value.get<bool>() ? "yes" : "no";
      }
      Result<infer::AnswerEntry> entry = make_answer(finding, answer, kb);
      if (!entry) {
        r.error = entry.error();
        return r;
      }
      r.answers.push_back(*entry);
    }
  }
  return r;
}

}  // namespace crampx::cli
