#include "infer/report.h"

namespace crampx::infer {
void explain(std::string_view input, const std::vector<AnswerEntry>& answers, const kb::KnowledgeBase& kb,
             const ExplainOptions& options, Workspace& workspace, Report& out) {
  out.input = input;
  out.answers = answers;
  text::analyze(input, kb, text::AnalyzeOptions{options.repair_typos, options.list_unrecognized}, workspace.text, out.analysis);
  gather_evidence(out.analysis.mentions, answers, kb, out.evidence);
  out.in_scope = out.evidence.any_core || out.evidence.any_weak;
  fire_red_flags(out.evidence, kb, out.triage.reasons);  // once per text: scope and triage read them
  out.scope_flag = out.in_scope ? kb::kNone : danger_naming_cause(out.triage.reasons, kb);
  if (out.scope_flag != kb::kNone) out.in_scope = true;
  out.causes.clear();
  out.unlisted = 0;
  out.danger_led = 0;
  out.confidence = Confidence::none;
  if (out.in_scope) {
    out.unlisted = score_causes(out.evidence, kb, options.explain_causes, out.causes);
    const double top = out.causes.front().probability;
    // Only generic findings ("my muscles hurt") never give more than low confidence.
    out.confidence = !out.evidence.any_core        ? Confidence::low
                     : top >= kHighConfidence      ? Confidence::high
                     : top >= kModerateConfidence  ? Confidence::moderate
                                                   : Confidence::low;
  }
  finish_triage(out.causes, out.in_scope, kb, out.triage);
  if (options.ask_question) {
    next_question(out.evidence, out.causes, out.unlisted, kb, out.question);
  } else {
    out.question = Question{};
  }
  // Last: the stages above read the ranking in order of probability.
  out.danger_led = lead_with_danger(out.triage, kb, out.causes);
}

bool unlisted_notable(const Report& r) {
  const CauseScore* top = most_probable(r);
  return top != nullptr && (r.unlisted >= kUnlistedNotable || r.unlisted > top->probability);
}

const CauseScore* most_probable(const Report& r) {
  if (r.causes.empty()) return nullptr;
  if (r.danger_led == 0) return &r.causes.front();
  // The rest is in order of probability; the few danger-led causes are scanned (emergency
  // flags' causes come before urgent ones', so the most probable may not be first).
  const CauseScore* best = r.danger_led < r.causes.size() ? &r.causes[r.danger_led] : &r.causes.front();
  for (std::size_t i = 0; i < r.danger_led && i < r.causes.size(); ++i) {
    if (r.causes[i].probability > best->probability) best = &r.causes[i];
  }
  return best;
}

}  // namespace crampx::infer
