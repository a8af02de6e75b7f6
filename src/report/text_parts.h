// What the short and the full text reports share: the triage line they begin and
// end with, and the answer to a text about nothing muscular.
#pragma once

#include <string>

#include "infer/report.h"
#include "kb/knowledge_base.h"
#include "report/plain_report.h"
#include "report/render.h"
#include "report/terminal_text.h"

namespace crampx::report {

// Red for urgent and emergency, yellow to see a doctor, green for self care.
Style level_style(const infer::Triage& t);

// "TRIAGE: URGENT  <what to do>", wrapped.
void append_triage_line(std::string& out, const infer::Report& r, const PlainReport& plain, const Painter& p,
                        std::size_t width);

// "crampx cannot explain this text", what it read, and how to describe a complaint:
// no triage and no advice (a text with no triage).
void append_out_of_scope(std::string& out, const infer::Report& r, const kb::KnowledgeBase& kb,
                         const RenderOptions& options);

// The short report: what to do, what it could be, warning signs, at most a screen.
void render_short_text(const infer::Report& r, const kb::KnowledgeBase& kb, const RenderOptions& options,
                       std::string& out);

}  // namespace crampx::report
