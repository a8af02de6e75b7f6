// The next best question: of the findings nobody has mentioned or answered, the
// one whose answer is expected to reduce the uncertainty over causes the most
// (expected information gain, in bits, under the same model as score.h). While no
// core finding is known, only core findings are asked about.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "infer/evidence.h"
#include "infer/score.h"
#include "kb/knowledge_base.h"

namespace crampx::infer {

// Asking stops when the best question is worth less than this, or one cause is this clear.
inline constexpr double kMinGainBits = 0.02;
inline constexpr double kClearProbability = 0.9;

struct Question {
  bool asked = false;            // false: no question worth asking; see `reason`
  std::uint32_t finding = kb::kNone;
  double gain_bits = 0;
  std::uint32_t raises = kb::kNone;  // the cause a "yes" would raise most
  std::uint32_t lowers = kb::kNone;  // the cause a "yes" would lower most (or "no" raise)
  std::string_view reason;           // when not asked
};

// `ranked` and `unlisted` are score_causes' ranking and unlisted share: the unlisted cause is
// one more hypothesis, under which each finding is as common as its base rate.
void next_question(const Evidence& evidence, const std::vector<CauseScore>& ranked, double unlisted,
                   const kb::KnowledgeBase& kb, Question& out);

}  // namespace crampx::infer
