// The short report's content in plain words, decided once for the text and markdown
// renderers and the interview: what to do and why, what it could be (how well each
// cause fits the description, never a chance of having it), what helps with its
// caution, and the warning signs to act on. No bits, likelihood ratios or priors.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "infer/report.h"
#include "kb/knowledge_base.h"

namespace crampx::report {

struct PlainReport {
  std::string level;    // "URGENT": the triage as a heading says it (empty: no triage)
  std::string action;   // what to do now: the deciding red flag's advice, else the level's
  std::string why;      // why, when a red flag or a cause decided the level
  std::string also;     // the other red flags that fired, by name
  std::string about;    // whom it is about, when not the writer (about_sentence)
  std::string causes_heading;
  std::vector<std::string> causes;  // one sentence each, best fit first
  std::string note;                 // what the list means: a lookalike leads, or none fits well
  std::vector<std::string> helps;   // what may help now, each with its caution
  std::string warning_signs;        // the warning signs to act on, as one sentence
  std::string disclaimer;           // the knowledge base's first sentence of it: "not a diagnosis"
};

// Input text quoted into a sentence goes through `quote` (made safe for the output).
using QuoteInput = std::function<std::string(std::string_view)>;

// `top`: the causes listed.
PlainReport plain_report(const infer::Report& report, const kb::KnowledgeBase& kb, std::size_t top,
                         const QuoteInput& quote);

// How well a cause fits the description, in words: "fits well", "fits in part", "fits a little".
std::string_view fit_words(double probability);

// The first sentence of `text`.
std::string_view first_sentence(std::string_view text);

}  // namespace crampx::report
