// The report as JSON (data/schema/report.schema.json): --json (indented on a terminal),
// --jsonl and --brief one line each, with the input's line number.
#include <algorithm>

#include "infer/withhold.h"
#include "report/json_writer.h"
#include "report/render.h"
#include "report/wording.h"

namespace crampx::report {
namespace {

using kb::KnowledgeBase;

void write_refs(JsonWriter& w, const KnowledgeBase& kb, kb::Ids ids) {
  w.key("references").begin_array();
  for (std::uint32_t r : kb.ids(ids)) w.value(kb.str(kb.references()[r].id));
  w.end_array();
}

void write_contributions(JsonWriter& w, const KnowledgeBase& kb, Key key,
                         const std::vector<infer::Contribution>& list) {
  w.key(key).begin_array();
  for (const infer::Contribution& c : list) {
    const kb::FindingRec& f = kb.findings()[c.finding];
    w.begin_object()
        .field("id", kb.str(f.id))
        .field("label", kb.str(f.label))
        .field("state", to_string(c.state))
        .field("bits", c.bits)
        .end_object();
  }
  w.end_array();
}

// A cause's members from "mechanisms" to "references": its knowledge, less the treatments
// that could harm in what this report found (infer/withhold.h), which follow as
// "withheld_treatments" with the reason.
void write_cause_knowledge(JsonWriter& w, const infer::Report& r, const KnowledgeBase& kb, const kb::CauseRec& c) {
  w.key("mechanisms").begin_array();
  for (std::uint32_t m : kb.ids(c.mechanisms)) {
    const kb::MechanismRec& rec = kb.mechanisms()[m];
    w.begin_object().field("id", kb.str(rec.id)).field("label", kb.str(rec.label));
    w.field("kind", to_string(rec.kind));
    if (rec.disturbs != kb::kNone) w.field("disturbs", kb.str(kb.mechanisms()[rec.disturbs].id));
    w.end_object();
  }
  w.end_array();
  w.key("conditions").begin_array();
  for (std::uint32_t i : kb.ids(c.conditions)) {
    const kb::ConditionRec& rec = kb.conditions()[i];
    w.begin_object()
        .field("id", kb.str(rec.id))
        .field("label", kb.str(rec.label))
        .field("distinguishing", kb.str(rec.distinguishing))
        .end_object();
  }
  w.end_array();
  w.key("diagnostics").begin_array();
  for (std::uint32_t i : kb.ids(c.diagnostics)) {
    const kb::DiagnosticRec& rec = kb.diagnostics()[i];
    w.begin_object().field("id", kb.str(rec.id)).field("label", kb.str(rec.label)).end_object();
  }
  w.end_array();
  w.key("treatments").begin_array();
  bool any_withheld = false;
  for (std::uint32_t i : kb.ids(c.treatments)) {
    if (infer::withheld(r, kb, i)) {
      any_withheld = true;
      continue;
    }
    const kb::TreatmentRec& rec = kb.treatments()[i];
    w.begin_object().field("id", kb.str(rec.id)).field("label", kb.str(rec.label));
    w.field("evidence", to_string(rec.evidence));
    w.key("cautions").begin_array();
    for (const kb::CautionRec& caution : kb.cautions(rec)) w.value(kb.str(caution.text));
    w.end_array();
    w.end_object();
  }
  w.end_array();
  if (any_withheld) {
    w.key("withheld_treatments").begin_array();
    for (std::uint32_t i : kb.ids(c.treatments)) {
      const auto why = infer::withheld(r, kb, i);
      if (!why) continue;
      const kb::TreatmentRec& rec = kb.treatments()[i];
      w.begin_object().field("id", kb.str(rec.id)).field("label", kb.str(rec.label));
      w.field("reason", kb.str(why->rule->reason));
      w.key("because").begin_object().field("kind", to_string(why->because));
      switch (why->because) {
        case infer::Withholding::Because::finding: w.field("id", kb.str(kb.findings()[why->index].id)); break;
        case infer::Withholding::Because::red_flag: w.field("id", kb.str(kb.red_flags()[why->index].id)); break;
        case infer::Withholding::Because::cause: w.field("id", kb.str(kb.causes()[why->index].id)); break;
      }
      w.end_object();
      write_refs(w, kb, why->rule->references);
      w.end_object();
    }
    w.end_array();
  }
  w.key("prevention").begin_array();
  for (std::uint32_t i : kb.ids(c.prevention)) {
    const kb::PreventionRec& rec = kb.prevention()[i];
    w.begin_object().field("id", kb.str(rec.id)).field("label", kb.str(rec.label)).end_object();
  }
  w.end_array();
  write_refs(w, kb, c.references);
}

// The cause object: its score for this text, then its knowledge.
void write_cause(JsonWriter& w, const infer::Report& r, const KnowledgeBase& kb, const infer::CauseScore& s) {
  const kb::CauseRec& c = kb.causes()[s.cause];
  w.begin_object();
  w.field("id", kb.str(c.id)).field("label", kb.str(c.label)).field("kind", to_string(c.kind));
  if (c.category != kb::kNone) w.field("category", kb.str(kb.causes()[c.category].id));
  w.field("probability", s.probability);
  if (infer::suggested_by_flag(r.triage, kb, s.cause)) {
    w.key("flagged_by").begin_array();
    for (const infer::TriageReason& reason : r.triage.reasons) {
      if (reason.kind != infer::TriageReason::Kind::red_flag) continue;
      const auto suggests = kb.ids(kb.red_flags()[reason.index].suggests);
      if (std::find(suggests.begin(), suggests.end(), s.cause) == suggests.end()) continue;
      w.value(kb.str(kb.red_flags()[reason.index].id));
    }
    w.end_array();
  }
  w.field("summary", kb.str(c.summary));
  write_contributions(w, kb, "supporting", s.supporting);
  write_contributions(w, kb, "conflicting", s.conflicting);
  w.key("unconfirmed").begin_array();
  for (std::uint32_t f : s.unconfirmed) {
    const kb::FindingRec& rec = kb.findings()[f];
    w.begin_object().field("id", kb.str(rec.id)).field("label", kb.str(rec.label)).end_object();
  }
  w.end_array();
  write_cause_knowledge(w, r, kb, c);
  w.end_object();
}

void write_findings(JsonWriter& w, const infer::Report& r, const KnowledgeBase& kb) {
  w.key("findings").begin_array();
  const auto& mentions = r.analysis.mentions;
  for (std::size_t i = 0; i < std::min(mentions.size(), kMaxListed); ++i) {
    const text::Mention& m = mentions[i];
    const kb::FindingRec& f = kb.findings()[m.finding];
    w.begin_object();
    w.field("id", kb.str(f.id)).field("label", kb.str(f.label));
    if (f.hpo.length != 0) w.field("hpo", kb.str(f.hpo));
    w.field("status", to_string(m.status));
    w.key("span").begin_array(true).value(m.begin).value(m.end).end_array();
    w.field("text", r.input.substr(m.begin, m.end - m.begin));
    w.field("match", to_string(m.match));
    if (m.repaired_to != kb::kNone) w.field("corrected", kb.str(kb.typo_words()[m.repaired_to].word));
    w.end_object();
  }
  w.end_array();
  if (mentions.size() > kMaxListed) w.field("findings_omitted", mentions.size() - kMaxListed);
}

void write_triage(JsonWriter& w, const infer::Report& r, const KnowledgeBase& kb) {
  w.key("triage").begin_object();
  w.field("level", infer::level_name(r.triage));
  w.field("advice", triage_advice(r.triage));
  w.key("reasons").begin_array();
  for (const infer::TriageReason& reason : r.triage.reasons) {
    w.begin_object();
    w.field("kind", to_string(reason.kind));
    switch (reason.kind) {
      case infer::TriageReason::Kind::red_flag: {
        const kb::RedFlagRec& f = kb.red_flags()[reason.index];
        w.field("id", kb.str(f.id)).field("label", kb.str(f.label));
        w.field("advice", kb.str(f.advice)).field("uncertain", reason.uncertain);
        break;
      }
      case infer::TriageReason::Kind::cause: w.field("id", kb.str(kb.causes()[reason.index].id)); break;
    }
    w.field("level", to_string(reason.level));
    w.field("reason", triage_reason_text(reason, kb));
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_question(JsonWriter& w, const infer::Report& r, const KnowledgeBase& kb) {
  const infer::Question& q = r.question;
  w.key("next_question");
  if (!q.asked) {
    w.null();
    w.field("no_question_reason", q.reason);
    return;
  }
  const kb::FindingRec& f = kb.findings()[q.finding];
  w.begin_object();
  w.field("id", kb.str(f.id)).field("label", kb.str(f.label)).field("question", kb.str(f.question));
  w.key("answers").begin_array(true).value("yes").value("no").value("unknown").end_array();
  w.field("gain_bits", q.gain_bits);
  w.key("separates").begin_array();
  if (q.raises != kb::kNone) w.value(kb.str(kb.causes()[q.raises].id));
  if (q.lowers != kb::kNone) w.value(kb.str(kb.causes()[q.lowers].id));
  w.end_array();
  w.field("why", question_reason(q, kb));
  w.end_object();
}

}  // namespace

void render_json(const infer::Report& r, const KnowledgeBase& kb, const RenderOptions& options, int indent,
                 std::string& out) {
  JsonWriter w(out, indent);
  w.begin_object();
  w.field("schema", kReportSchema);
  if (r.id) w.key("id").raw(*r.id);
  if (r.line > 0) w.field("line", r.line);
  w.field("input", r.input);
  w.field("in_scope", r.in_scope);
  w.field("patient", patient_word(r));
  if (r.analysis.about_someone_else) w.field("patient_text", patient_text(r));
  w.field("confidence", to_string(r.confidence));
  w.field("summary", confidence_sentence(r, kb));
  if (std::string why = scope_reason(r, kb); !why.empty()) w.field("scope_reason", why);
  write_findings(w, r, kb);
  w.key("answers").begin_array();
  for (const infer::AnswerEntry& a : r.answers) {
    w.begin_object().field("id", kb.str(kb.findings()[a.finding].id)).field("answer", to_string(a.answer));
    w.end_object();
  }
  w.end_array();
  w.field("ranking", r.danger_led > 0 ? "danger_first" : "probability");
  w.key("causes").begin_array();
  const std::size_t n = std::min(options.top, r.causes.size());
  for (std::size_t i = 0; i < n; ++i) write_cause(w, r, kb, r.causes[i]);
  w.end_array();
  w.field("unlisted_probability", r.unlisted);
  write_triage(w, r, kb);
  write_question(w, r, kb);
  w.key("unrecognized").begin_array();
  const auto& unrecognized = r.analysis.unrecognized;
  for (std::size_t i = 0; i < std::min(unrecognized.size(), kMaxListed); ++i) {
    w.value(r.input.substr(unrecognized[i].begin, unrecognized[i].end - unrecognized[i].begin));
  }
  w.end_array();
  if (unrecognized.size() > kMaxListed) w.field("unrecognized_omitted", unrecognized.size() - kMaxListed);
  w.field("disclaimer", kb.str(kb.meta().disclaimer));
  w.field("kb_version", kb.str(kb.meta().version));
  w.end_object();
}

void render_brief(const infer::Report& r, const KnowledgeBase& kb, const RenderOptions& options, std::string& out) {
  JsonWriter w(out);
  w.begin_object();
  w.field("schema", kReportSchema);
  if (r.id) w.key("id").raw(*r.id);
  if (r.line > 0) w.field("line", r.line);
  w.key("causes").begin_array();
  const std::size_t n = std::min(options.top, r.causes.size());
  for (std::size_t i = 0; i < n; ++i) {
    w.begin_object()
        .field("id", kb.str(kb.causes()[r.causes[i].cause].id))
        .field("probability", r.causes[i].probability)
        .end_object();
  }
  w.end_array();
  w.field("triage", infer::level_name(r.triage));
  w.field("patient", patient_word(r));
  w.key("error").null();
  w.end_object();
  out.push_back('\n');
}

void render_error_record(const std::optional<std::string>& id, std::uint64_t line, const Error& error,
                         std::string& out) {
  JsonWriter w(out);
  w.begin_object();
  w.field("schema", kReportSchema);
  if (id) {
    w.key("id").raw(*id);
  } else {
    w.key("id").null();
  }
  if (line > 0) w.field("line", line);
  w.key("error").begin_object().field("code", to_string(error.code)).field("message", error.message).end_object();
  w.end_object();
  out.push_back('\n');
}

void render(Format format, const infer::Report& report, const KnowledgeBase& kb, const RenderOptions& options,
            std::string& out) {
  switch (format) {
    case Format::text: render_text(report, kb, options, out); break;
    case Format::markdown: render_markdown(report, kb, options, out); break;
    case Format::json:
      render_json(report, kb, options, options.indent, out);
      out.push_back('\n');
      break;
    case Format::jsonl:
      render_json(report, kb, options, 0, out);
      out.push_back('\n');
      break;
    case Format::brief: render_brief(report, kb, options, out); break;
  }
}

}  // namespace crampx::report
