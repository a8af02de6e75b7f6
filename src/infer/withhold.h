// Treatments a report does not offer: a treatment's unsafe_with rules (kb/image.h
// UnsafeRec) say when it could harm, and a renderer asks here before it lists one among
// the things that help, and shows the reason instead (docs/SCORING.md).
#pragma once

#include <cstdint>
#include <optional>

#include "infer/report.h"
#include "kb/knowledge_base.h"

namespace crampx::infer {

struct Withholding {
  enum class Because : std::uint8_t { finding, red_flag, cause } because;
  std::uint32_t index;        // the finding, red flag or cause that made the rule apply
  const kb::UnsafeRec* rule;  // its reason and references
};

// Why `treatment` is withheld for this report, or nothing when it may be offered. A rule
// applies when a finding it names is present or possible, a red flag it names fired, or a
// cause it names is in play (cause_in_play). The first rule that applies is the reason.
std::optional<Withholding> withheld(const Report& r, const kb::KnowledgeBase& kb, std::uint32_t treatment);

// A cause is in play when a red flag that fired suggests it, or it is at least as likely as
// a cause must be to count towards triage (kTriageCauseProbability).
bool cause_in_play(const Report& r, const kb::KnowledgeBase& kb, std::uint32_t cause);

}  // namespace crampx::infer

namespace crampx {

template <>
struct EnumNames<infer::Withholding::Because> {
  static constexpr std::pair<infer::Withholding::Because, std::string_view> table[] = {
      {infer::Withholding::Because::finding, "finding"},
      {infer::Withholding::Because::red_flag, "red_flag"},
      {infer::Withholding::Because::cause, "cause"}};
};

}  // namespace crampx
