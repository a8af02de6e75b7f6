#include "report/wording.h"

#include <fmt/format.h>

namespace crampx::report {

std::string confidence_sentence(const infer::Report& r, const kb::KnowledgeBase& kb) {
  if (!r.in_scope) return std::string(kOutOfScope);
  const auto& top = r.causes.front();
  const std::string_view label = kb.str(kb.causes()[top.cause].label);
  const int pct = static_cast<int>(top.probability * 100 + 0.5);
  switch (r.confidence) {
    case infer::Confidence::high:
      return fmt::format("The description fits {} best ({}%).", label, pct);
    case infer::Confidence::moderate:
      return fmt::format("The description leans towards {} ({}%), but other causes remain possible.", label, pct);
    default:
      if (!r.evidence.any_core) {
        return fmt::format(
            "Very unsure: the text only mentions general muscle complaints, not a cramp, spasm or twitch. "
            "{} is a guess ({}%); answering the question below would help most.",
            label, pct);
      }
      return fmt::format("Unsure: several causes fit about equally; {} leads with only {}%.", label, pct);
  }
}

// Words that work wherever the reader lives: an emergency number and an emergency
// department rather than one country's names for them (999, A&E, ER).
std::string_view level_advice(kb::Level level) {
  switch (level) {
    case kb::Level::emergency: return "Call your local emergency number or go to an emergency department (A&E) now.";
    case kb::Level::urgent: return "Get medical advice today, from a doctor, an urgent care service or a health advice line.";
    case kb::Level::consult: return "Arrange to see a doctor (a primary care doctor or GP); it is not an emergency.";
    case kb::Level::self_care:
      return "This can be looked after at home; see a doctor if it keeps coming back, gets worse or is worrying.";
  }
  return "Arrange to see a doctor.";
}

std::string_view triage_advice(const infer::Triage& t) {
  return t.none ? kNoTriageAdvice : level_advice(t.level);
}

std::string_view level_words(const infer::Triage& t) {
  if (t.none) return "NONE";
  switch (t.level) {
    case kb::Level::emergency: return "EMERGENCY";
    case kb::Level::urgent: return "URGENT";
    case kb::Level::consult: return "SEE A DOCTOR";
    case kb::Level::self_care: return "SELF CARE";
  }
  return "SEE A DOCTOR";
}

std::string question_reason(const infer::Question& q, const kb::KnowledgeBase& kb) {
  if (!q.asked) return std::string(q.reason);
  const auto causes = kb.causes();
  if (q.raises != kb::kNone && q.lowers != kb::kNone) {
    return fmt::format("A yes points towards {}, a no towards {} ({:.2f} bits expected).",
                       kb.str(causes[q.raises].label), kb.str(causes[q.lowers].label), q.gain_bits);
  }
  return fmt::format("It is the question expected to tell the causes apart best ({:.2f} bits).", q.gain_bits);
}

std::string triage_reason_text(const infer::TriageReason& r, const kb::KnowledgeBase& kb) {
  switch (r.kind) {
    case infer::TriageReason::Kind::red_flag: {
      const kb::RedFlagRec& f = kb.red_flags()[r.index];
      return fmt::format("{}{}", kb.str(f.reason), r.uncertain ? " (reported as uncertain: safer to check)" : "");
    }
    case infer::TriageReason::Kind::cause:
      return fmt::format("{} fits the description, and it needs a doctor's assessment.",
                         kb.str(kb.causes()[r.index].label));
  }
  return "";
}

std::string_view status_words(text::Status s) {
  switch (s) {
    case text::Status::present: return "present";
    case text::Status::absent: return "denied";
    case text::Status::possible: return "uncertain";
    case text::Status::historical: return "in the past";
    case text::Status::hypothetical: return "hypothetical";
    case text::Status::family: return "in the family";
  }
  return "present";
}

}  // namespace crampx::report
