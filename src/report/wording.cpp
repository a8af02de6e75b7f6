#include "report/wording.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace crampx::report {

namespace {

int percent(double p) { return static_cast<int>(p * 100 + 0.5); }

// A label inside a sentence: "Period pain (...)" reads "period pain (...)"; "DVT" stays.
std::string plain_label(const kb::KnowledgeBase& kb, std::uint32_t cause) {
  std::string label(kb.str(kb.causes()[cause].label));
  if (label.size() > 1 && std::isupper(static_cast<unsigned char>(label[0])) &&
      std::islower(static_cast<unsigned char>(label[1]))) {
    label[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(label[0])));
  }
  return label;
}

}  // namespace

std::string lookalike_sentence(const infer::Report& r, const kb::KnowledgeBase& kb) {
  if (!r.in_scope || r.causes.empty()) return "";
  const infer::CauseScore& first = r.causes.front();
  const kb::CauseRec& cause = kb.causes()[first.cause];
  if (cause.kind != kb::CauseKind::lookalike) return "";
  // What to do: the more pressing of the report's triage and the lookalike's own.
  const std::string_view advice = level_advice(std::max(r.triage.level, cause.triage));
  if (first.probability < infer::kModerateConfidence) {  // by the odds, not by the text's kind of words
    return fmt::format("This may not be a muscle cramp at all: {} leads, though with only {}%. {}",
                       plain_label(kb, first.cause), percent(first.probability), advice);
  }
  return fmt::format("This sounds less like a muscle cramp and more like {} ({}%). {}", plain_label(kb, first.cause),
                     percent(first.probability), advice);
}

std::string confidence_sentence(const infer::Report& r, const kb::KnowledgeBase& kb) {
  if (!r.in_scope) return std::string(kOutOfScope);
  // An urgent or emergency red flag: lead with the danger, never with the odds of a milder cause.
  if (r.danger_led > 0) {  // the flag put its cause first
    const auto& first = r.causes.front();
    if (kb.causes()[first.cause].kind == kb::CauseKind::lookalike) {
      return fmt::format("This sounds less like a muscle cramp and more like {} ({}%), and a warning sign points to it: "
                         "rule it out before anything else. {}",
                         plain_label(kb, first.cause), percent(first.probability), level_advice(r.triage.level));
    }
    return fmt::format("A warning sign points to {} ({}%), so it comes first: rule it out before anything else.",
                       kb.str(kb.causes()[first.cause].label), static_cast<int>(first.probability * 100 + 0.5));
  }
  if (!r.triage.reasons.empty() && r.triage.reasons.front().kind == infer::TriageReason::Kind::red_flag &&
      r.triage.reasons.front().level >= kb::Level::urgent) {  // its danger is none of the causes listed
    return fmt::format("A warning sign comes first: {}. The causes below may not explain it; get it checked as advised.",
                       kb.str(kb.red_flags()[r.triage.reasons.front().index].label));
  }
  if (std::string lookalike = lookalike_sentence(r, kb); !lookalike.empty()) return lookalike;
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

std::string scope_reason(const infer::Report& r, const kb::KnowledgeBase& kb) {
  if (r.in_scope) {
    if (r.scope_flag == kb::kNone) return "";
    return fmt::format("No cramp or spasm is named, but a warning sign points to a danger crampx knows: {}.",
                       kb.str(kb.red_flags()[r.scope_flag].label));
  }
  if (!r.analysis.set_aside.empty()) {
    const text::SetAsideWord& w = r.analysis.set_aside.front();
    return fmt::format("\"{}\": {}", r.input.substr(w.begin, w.end - w.begin), kb.str(kb.frames()[w.frame].reason));
  }
  return "It names no muscle, nerve or movement complaint, and no warning sign of one.";
}

std::string unlisted_sentence(const infer::Report& r) {
  if (!infer::unlisted_notable(r)) return "";
  return fmt::format("It may also be something crampx does not know about ({}%).",
                     static_cast<int>(r.unlisted * 100 + 0.5));
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

std::string_view patient_word(const infer::Report& r) {
  return r.analysis.about_someone_else ? "someone_else" : "writer";
}

std::string_view patient_text(const infer::Report& r) {
  const text::Span& s = r.analysis.person;
  if (!r.analysis.about_someone_else || s.end <= s.begin || s.end > r.input.size()) return {};
  return r.input.substr(s.begin, s.end - s.begin);
}

std::string about_sentence(const infer::Report& r, std::string_view named) {
  if (!r.analysis.about_someone_else) return "";
  std::string who;
  for (char c : named) who.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  return who.empty() ? "This is about the person you describe, not about you."
                     : fmt::format("This is about the person you describe (your {}), not about you.", who);
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
