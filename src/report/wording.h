// Sentences shared by every output format, so text, markdown and JSON say the same thing.
#pragma once

#include <string>
#include <string_view>

#include "infer/report.h"
#include "kb/knowledge_base.h"

namespace crampx::report {

// "crampx cannot explain this text: ..." when nothing in it is about cramps or spasms.
inline constexpr std::string_view kOutOfScope =
    "crampx cannot explain this text: it found nothing in it about muscle cramps, spasms, twitching or stiffness.";

// "This sounds less like a muscle cramp and more like X (N%). <what to do>" when the first
// cause is a lookalike (kind lookalike: a clot, period pain, a kidney stone), else empty.
std::string lookalike_sentence(const infer::Report& report, const kb::KnowledgeBase& kb);

// One sentence on how sure the ranking is (a lookalike first says so: lookalike_sentence).
std::string confidence_sentence(const infer::Report& report, const kb::KnowledgeBase& kb);

// "It may be something crampx does not know about (N%)." when the unlisted share is notable
// (infer::unlisted_notable), else empty.
std::string unlisted_sentence(const infer::Report& report);

// Why the text is in or out of scope, when that needs saying, else empty: out of scope, the
// reason of the first complaint word a frame set aside ("'the chain keeps seizing': the word
// is said of a machine ..."), or that no muscle, nerve or movement complaint was found; in
// scope without a complaint word, the warning sign that names a danger crampx holds.
std::string scope_reason(const infer::Report& report, const kb::KnowledgeBase& kb);

// What a triage level asks the person to do.
std::string_view level_advice(kb::Level level);

// What the triage asks: the level's advice, or kNoTriageAdvice when there is none.
std::string_view triage_advice(const infer::Triage& t);

// The triage level as a heading says it: "EMERGENCY", "URGENT", "SEE A DOCTOR", "SELF CARE".
std::string_view level_words(const infer::Triage& t);

// The advice of a text with no triage: neutral, for it is about nothing crampx judges.
inline constexpr std::string_view kNoTriageAdvice =
    "No advice: the text is not about muscle cramps, spasms, twitching or stiffness.";

// Why the next question is asked: "it separates X from Y".
std::string question_reason(const infer::Question& q, const kb::KnowledgeBase& kb);

// The reason text of one triage reason.
std::string triage_reason_text(const infer::TriageReason& r, const kb::KnowledgeBase& kb);

// Whom the report is about, as the JSON report's `patient` says it: "writer", or
// "someone_else" when the text tells of the complaint of someone it names ("my son gets
// cramps") and of none of the writer's own (text::Analysis::about_someone_else).
std::string_view patient_word(const infer::Report& report);

// The word of the text that names the person it is about ("son"), or empty.
std::string_view patient_text(const infer::Report& report);

// "This is about the person you describe (your son), not about you." when the text is
// about someone else, else empty. `named` is patient_text() made safe for the output.
std::string about_sentence(const infer::Report& report, std::string_view named);

// "present", "denied", ... as people read them.
std::string_view status_words(text::Status s);

}  // namespace crampx::report
