#include "cli/answers.h"

#include <fmt/format.h>

#include "text/typo.h"

namespace crampx::cli {

Result<infer::AnswerEntry> read_answer(std::string_view finding, std::string_view answer, const kb::KnowledgeBase& kb) {
  const auto f = kb.find_finding(finding);
  if (!f) return unknown_finding(finding, kb);
  const auto a = infer::parse_answer(answer);
  if (!a) {
    return Error{ErrorCode::invalid_answer, fmt::format("the answer for '{}' must be yes, no or unknown", finding)};
  }
  return infer::AnswerEntry{*f, *a};
}

Result<infer::AnswerEntry> parse_answer_option(std::string_view option, const kb::KnowledgeBase& kb) {
  const auto eq = option.find('=');
  if (eq == std::string_view::npos) {
    return Error{ErrorCode::invalid_answer, fmt::format("'{}' is not FINDING=yes|no|unknown", option)};
  }
  return read_answer(option.substr(0, eq), option.substr(eq + 1), kb);
}

Status add_answer(std::vector<infer::AnswerEntry>& answers, const infer::AnswerEntry& entry, const kb::KnowledgeBase& kb) {
  for (const infer::AnswerEntry& given : answers) {
    if (given.finding != entry.finding) continue;
    if (given.answer == entry.answer) return {};
    return Error{ErrorCode::invalid_answer, fmt::format("contradictory answers for '{}': {} and {}",
                                                        kb.str(kb.findings()[entry.finding].id), to_string(given.answer),
                                                        to_string(entry.answer))};
  }
  answers.push_back(entry);
  return {};
}

Result<std::vector<infer::AnswerEntry>> parse_answer_options(const std::vector<std::string>& options,
                                                             const kb::KnowledgeBase& kb) {
  std::vector<infer::AnswerEntry> answers;
  for (const std::string& option : options) {
    Result<infer::AnswerEntry> entry = parse_answer_option(option, kb);
    if (!entry) return entry.error();
    if (Status added = add_answer(answers, *entry, kb); !added) return added.error();
  }
  return answers;
}

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

}  // namespace crampx::cli
