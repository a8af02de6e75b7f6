// The default text report: a screen a worried person reads top to bottom. What to
// do (the triage) first and again last; why, when a danger decided it; what it could
// be, one sentence per cause saying how well it fits; what may help now, with its
// caution; the warning signs to act on. The detail is one --full away.
#include <algorithm>

#include "report/text_parts.h"

namespace crampx::report {
namespace {

// At most this many lines, so that on a 24-line terminal the whole report, the command
// that asked for it and the prompt after it are on one screen: the triage at its top
// is still in view when the reader reaches the triage at its end.
constexpr std::size_t kMaxLines = 22;

std::string compose(const infer::Report& r, const PlainReport& plain, const Painter& p, std::size_t width) {
  std::string out;
  append_triage_line(out, r, plain, p, width);
  if (!plain.why.empty()) append_wrapped(out, "  " + p.paint(Style::bold, "Why:") + " ", plain.why, 2, width);
  if (!plain.also.empty()) append_wrapped(out, "  ", plain.also, 2, width);
  if (!plain.about.empty()) append_wrapped(out, "", plain.about, 0, width);
  if (!plain.causes.empty()) {
    out += '\n';
    append_wrapped(out, "", p.paint(Style::bold, plain.causes_heading), 0, width);
    for (std::size_t i = 0; i < plain.causes.size(); ++i) {
      append_wrapped(out, "  " + std::to_string(i + 1) + ". ", plain.causes[i], 5, width);
    }
    if (!plain.note.empty()) append_wrapped(out, "", plain.note, 0, width);
  }
  if (!plain.helps.empty()) {
    out += '\n' + p.paint(Style::bold, "What may help now") + '\n';
    for (const std::string& item : plain.helps) append_wrapped(out, "  - ", item, 4, width);
  }
  if (!plain.warning_signs.empty()) {
    out += '\n';
    append_wrapped(out, "", plain.warning_signs, 2, width);
  }
  out += '\n';
  append_wrapped(out, "", plain.disclaimer + " More: add --full.", 0, width);
  append_triage_line(out, r, plain, p, width);
  return out;
}

std::size_t lines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

void render_short_text(const infer::Report& r, const kb::KnowledgeBase& kb, const RenderOptions& options,
                       std::string& out) {
  const Painter p(options.color);
  const std::size_t width = std::max<std::size_t>(options.width, 40);
  PlainReport plain = plain_report(r, kb, options.top, [](std::string_view s) { return terminal_safe(s); });
  std::string text = compose(r, plain, p, width);
  // Too long for a screen: leave out what --full has anyway, least needed first. The
  // triage, why and the best-fitting cause always stay.
  while (lines(text) > kMaxLines) {
    if (plain.helps.size() > 1) {
      plain.helps.pop_back();
    } else if (plain.causes.size() > 2) {
      plain.causes.pop_back();
    } else if (!plain.helps.empty()) {
      plain.helps.pop_back();
    } else if (plain.causes.size() > 1) {
      plain.causes.pop_back();
    } else if (!plain.warning_signs.empty()) {
      plain.warning_signs.clear();
    } else {
      break;
    }
    text = compose(r, plain, p, width);
  }
  out += text;
}

}  // namespace crampx::report
