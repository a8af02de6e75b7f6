// Report: everything crampx concludes about one text, in knowledge-base indices.
// Renderers (report/) only read it; they look labels up in the knowledge base.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/enum_names.h"
#include "infer/evidence.h"
#include "infer/question.h"
#include "infer/score.h"
#include "infer/triage.h"
#include "text/analyze.h"

namespace crampx::infer {

// How sure crampx is of the ranking as a whole.
enum class Confidence : std::uint8_t { none, low, moderate, high };

}  // namespace crampx::infer

namespace crampx {

template <>
struct EnumNames<infer::Confidence> {
  static constexpr std::pair<infer::Confidence, std::string_view> table[] = {
      {infer::Confidence::none, "none"},
      {infer::Confidence::low, "low"},
      {infer::Confidence::moderate, "moderate"},
      {infer::Confidence::high, "high"}};
};

}  // namespace crampx

namespace crampx::infer {

struct Report {
  std::string_view input;            // the text explained (not owned)
  std::optional<std::string> id;     // a JSON Lines record's id, as raw JSON (echoed verbatim)
  std::uint64_t line = 0;            // a stream's input line it was read from, from 1 (0: not a stream)
  text::Analysis analysis;           // findings in the text, unrecognized words
  std::vector<AnswerEntry> answers;  // answers given to questions
  Evidence evidence;
  bool in_scope = false;             // some cramp- or spasm-related finding is present, or scope_flag
  std::uint32_t scope_flag = kb::kNone;  // in scope only because this red flag names a cause (danger_naming_cause)
  Confidence confidence = Confidence::none;
  std::vector<CauseScore> causes;    // all causes, most probable first (empty when out of scope),
                                     // after the `danger_led` causes a red flag puts first
  double unlisted = 0;               // the share of a cause the knowledge base does not hold
  std::size_t danger_led = 0;        // causes listed first because an urgent red flag suggests them
  Triage triage;
  Question question;
};

struct ExplainOptions {
  bool repair_typos = true;
  bool explain_causes = true;  // supporting / conflicting / unconfirmed lists
  bool ask_question = true;
  bool list_unrecognized = true;  // off: a text with no finding skips assertion altogether
};

// Reusable working memory for explain(), one per thread.
struct Workspace {
  text::Scratch text;
};

// Top probability at or above which the ranking is called high / moderate confidence.
inline constexpr double kHighConfidence = 0.6;
inline constexpr double kModerateConfidence = 0.35;

// The unlisted share matters enough to say so: it is at least this, or above the top cause's.
inline constexpr double kUnlistedNotable = 0.25;
bool unlisted_notable(const Report& r);

// The most probable cause (the first cause, unless a red flag put another first), or null.
const CauseScore* most_probable(const Report& r);

// The whole pipeline for one text. Never fails: any bytes give a report.
void explain(std::string_view input, const std::vector<AnswerEntry>& answers, const kb::KnowledgeBase& kb,
             const ExplainOptions& options, Workspace& workspace, Report& out);

}  // namespace crampx::infer
