// Answers to crampx's questions, however they are given: `--answer FINDING=ANSWER`
// (explain and interview) and a JSON Lines record's "answers" object. An answer is
// read by infer::parse_answer (yes, no or unknown in any case; y/n, true/false, ?).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "infer/evidence.h"
#include "kb/knowledge_base.h"

namespace crampx::cli {

// One finding id and its answer.
Result<infer::AnswerEntry> read_answer(std::string_view finding, std::string_view answer, const kb::KnowledgeBase& kb);

// Parses "FINDING=yes|no|unknown" (one --answer option).
Result<infer::AnswerEntry> parse_answer_option(std::string_view option, const kb::KnowledgeBase& kb);

// Adds `entry` to `answers`, the answers given so far: the same answer again adds nothing,
// and a different answer for a finding already answered is an error that names it
// (`--answer at_rest=yes --answer at_rest=no`, or a record's "answers" with the key twice),
// so a report never holds two answers for one finding.
Status add_answer(std::vector<infer::AnswerEntry>& answers, const infer::AnswerEntry& entry, const kb::KnowledgeBase& kb);

// Every --answer option of a command, in order; the first bad one is the error.
Result<std::vector<infer::AnswerEntry>> parse_answer_options(const std::vector<std::string>& options,
                                                             const kb::KnowledgeBase& kb);

// "unknown finding 'x'" with a did-you-mean suggestion when one is close.
Error unknown_finding(std::string_view id, const kb::KnowledgeBase& kb);

}  // namespace crampx::cli
