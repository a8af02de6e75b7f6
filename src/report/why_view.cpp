// `crampx why CAUSE`: everything the knowledge base says about one cause.
#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "kb/likelihood.h"
#include "report/json_writer.h"
#include "report/kb_views.h"
#include "report/terminal_text.h"

namespace crampx::report {
namespace {

// "30%", or "0.3%" for rates below one in a hundred.
std::string percent(double p) {
  return p < 0.01 ? fmt::format("{:.1f}%", p * 100) : fmt::format("{:.0f}%", p * 100);
}

struct Weight {
  std::uint32_t finding;
  double frequency;
  double base_rate;
  double lr_present;  // frequency / base rate
  double lr_absent;   // (1 - frequency) / (1 - base rate)
};

std::vector<Weight> weights_of(const kb::CauseRec& c, const kb::KnowledgeBase& kb) {
  std::vector<Weight> out;
  for (const kb::CauseFindingRec& cf : kb.cause_findings(c)) {
    const double base_rate = kb.findings()[cf.finding].base_rate;
    const kb::Likelihoods l = kb::likelihoods(cf.frequency, base_rate);
    out.push_back({cf.finding, cf.frequency, base_rate, l.lr_present(), l.lr_absent()});
  }
  // Strongest evidence first, in either direction.
  std::stable_sort(out.begin(), out.end(), [](const Weight& a, const Weight& b) {
    return std::abs(std::log(a.lr_present)) > std::abs(std::log(b.lr_present));
  });
  return out;
}

// Every reference the cause cites, directly or through its weights, treatments and conditions.
std::vector<std::uint32_t> references_of(const kb::CauseRec& c, const kb::KnowledgeBase& kb) {
  std::set<std::uint32_t> seen;
  std::vector<std::uint32_t> out;
  auto add = [&](kb::Ids ids) {
    for (std::uint32_t r : kb.ids(ids)) {
      if (seen.insert(r).second) out.push_back(r);
    }
  };
  add(c.references);
  for (const kb::CauseFindingRec& cf : kb.cause_findings(c)) add(cf.references);
  for (std::uint32_t m : kb.ids(c.mechanisms)) add(kb.mechanisms()[m].references);
  for (std::uint32_t i : kb.ids(c.conditions)) add(kb.conditions()[i].references);
  for (std::uint32_t t : kb.ids(c.treatments)) {
    add(kb.treatments()[t].references);
    for (const kb::CautionRec& caution : kb.cautions(kb.treatments()[t])) add(caution.references);
  }
  return out;
}

void why_json(const kb::CauseRec& c, const kb::KnowledgeBase& kb, std::string& out) {
  JsonWriter w(out, 2);
  w.begin_object();
  w.field("id", kb.str(c.id)).field("label", kb.str(c.label)).field("summary", kb.str(c.summary));
  w.field("kind", to_string(c.kind));
  if (c.category != kb::kNone) {
    const kb::CauseRec& group = kb.causes()[c.category];
    w.key("category").begin_object().field("id", kb.str(group.id)).field("label", kb.str(group.label)).end_object();
  }
  w.field("prior", static_cast<double>(c.prior)).field("triage", to_string(c.triage));
  w.key("mechanisms").begin_array();
  for (std::uint32_t m : kb.ids(c.mechanisms)) {
    const kb::MechanismRec& rec = kb.mechanisms()[m];
    w.begin_object().field("id", kb.str(rec.id)).field("label", kb.str(rec.label));
    w.field("kind", to_string(rec.kind));
    w.field("description", kb.str(rec.description));
    if (rec.disturbs != kb::kNone) {
      const kb::MechanismRec& step = kb.mechanisms()[rec.disturbs];
      w.key("disturbs").begin_object().field("id", kb.str(step.id)).field("label", kb.str(step.label));
      w.field("order", step.order).end_object();
    }
    w.end_object();
  }
  w.end_array();
  w.key("findings").begin_array();
  for (const Weight& wt : weights_of(c, kb)) {
    const kb::FindingRec& f = kb.findings()[wt.finding];
    w.begin_object().field("id", kb.str(f.id)).field("label", kb.str(f.label));
    w.field("frequency", wt.frequency).field("base_rate", wt.base_rate);
    w.field("lr_present", wt.lr_present).field("lr_absent", wt.lr_absent);
    w.field("direction", wt.lr_present >= 1 ? "for" : "against");
    w.end_object();
  }
  w.end_array();
  w.key("conditions").begin_array();
  for (std::uint32_t i : kb.ids(c.conditions)) {
    const kb::ConditionRec& rec = kb.conditions()[i];
    w.begin_object().field("id", kb.str(rec.id)).field("label", kb.str(rec.label));
    w.field("description", kb.str(rec.description)).field("distinguishing", kb.str(rec.distinguishing));
    w.field("inherited", rec.inherited).end_object();
  }
  w.end_array();
  w.key("diagnostics").begin_array();
  for (std::uint32_t i : kb.ids(c.diagnostics)) {
    const kb::DiagnosticRec& rec = kb.diagnostics()[i];
    w.begin_object().field("id", kb.str(rec.id)).field("label", kb.str(rec.label));
    w.field("purpose", kb.str(rec.purpose)).end_object();
  }
  w.end_array();
  w.key("treatments").begin_array();
  for (std::uint32_t i : kb.ids(c.treatments)) {
    const kb::TreatmentRec& rec = kb.treatments()[i];
    w.begin_object().field("id", kb.str(rec.id)).field("label", kb.str(rec.label));
    w.field("kind", to_string(rec.kind)).field("evidence", to_string(rec.evidence));
    w.field("description", kb.str(rec.description));
    w.key("cautions").begin_array();
    for (const kb::CautionRec& caution : kb.cautions(rec)) w.value(kb.str(caution.text));
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("prevention").begin_array();
  for (std::uint32_t i : kb.ids(c.prevention)) {
    const kb::PreventionRec& rec = kb.prevention()[i];
    w.begin_object().field("id", kb.str(rec.id)).field("label", kb.str(rec.label));
    w.field("description", kb.str(rec.description)).end_object();
  }
  w.end_array();
  w.key("references").begin_array();
  for (std::uint32_t r : references_of(c, kb)) {
    const kb::ReferenceRec& rec = kb.references()[r];
    w.begin_object().field("id", kb.str(rec.id)).field("title", kb.str(rec.title));
    w.field("publisher", kb.str(rec.publisher));
    if (rec.year != 0) w.field("year", rec.year);
    if (rec.url.length != 0) w.field("url", kb.str(rec.url));
    w.end_object();
  }
  w.end_array();
  w.end_object();
  out.push_back('\n');
}

void why_text(const kb::CauseRec& c, const kb::KnowledgeBase& kb, const RenderOptions& o, std::string& out) {
  const Painter p(o.color);
  const std::size_t width = std::max<std::size_t>(o.width, 40);
  auto heading = [&](std::string_view h) { out += '\n' + p.paint(Style::bold, h) + '\n'; };
  out += fmt::format("{} ({})\n", p.paint(Style::bold, kb.str(c.label)), kb.str(c.id));
  if (c.kind == kb::CauseKind::lookalike) {
    append_wrapped(out, "", "A lookalike: called a cramp or spasm, but not one of a skeletal muscle.", 0, width);
  }
  if (c.category != kb::kNone) {
    const kb::CauseRec& group = kb.causes()[c.category];
    append_wrapped(out, "", fmt::format("One of: {} ({}).", kb.str(group.label), kb.str(group.id)), 0, width);
  }
  append_wrapped(out, "", std::string(kb.str(c.summary)), 0, width);

  if (c.mechanisms.count > 0) heading("How it disturbs muscle contraction");
  int step = 1;
  for (std::uint32_t m : kb.ids(c.mechanisms)) {
    const kb::MechanismRec& rec = kb.mechanisms()[m];
    append_wrapped(out, fmt::format("  {}. ", step++), fmt::format("{}: {}", kb.str(rec.label), kb.str(rec.description)),
                   5, width);
    if (rec.disturbs != kb::kNone) {
      const kb::MechanismRec& normal = kb.mechanisms()[rec.disturbs];
      append_wrapped(out, "     ", fmt::format("(disturbs step {} of normal contraction: {})", normal.order,
                                               kb.str(normal.label)), 5, width);
    }
  }

  heading("Typical evidence (how often with this cause vs. overall; likelihood ratio if present)");
  for (const Weight& wt : weights_of(c, kb)) {
    const kb::FindingRec& f = kb.findings()[wt.finding];
    const std::string line = fmt::format("{}: {} with this cause vs {} overall, LR {:.1f}", kb.str(f.label),
                                         percent(wt.frequency), percent(wt.base_rate), wt.lr_present);
    append_wrapped(out, wt.lr_present >= 1 ? "  + " : "  - ", line, 4, width);
  }

  if (c.conditions.count > 0) {
    heading("Conditions to consider");
    for (std::uint32_t i : kb.ids(c.conditions)) {
      const kb::ConditionRec& rec = kb.conditions()[i];
      append_wrapped(out, "  - ", fmt::format("{}{}: {}", kb.str(rec.label), rec.inherited ? " (inherited)" : "",
                                              kb.str(rec.description)), 4, width);
      append_wrapped(out, "    ", fmt::format("Tells it apart: {}", kb.str(rec.distinguishing)), 4, width);
    }
  }
  heading("What a doctor may check");
  for (std::uint32_t i : kb.ids(c.diagnostics)) {
    const kb::DiagnosticRec& rec = kb.diagnostics()[i];
    append_wrapped(out, "  - ", fmt::format("{}: {}", kb.str(rec.label), kb.str(rec.purpose)), 4, width);
  }
  heading("Treatments (evidence; cautions)");
  for (std::uint32_t i : kb.ids(c.treatments)) {
    const kb::TreatmentRec& rec = kb.treatments()[i];
    std::string evidence(to_string(rec.evidence));
    std::replace(evidence.begin(), evidence.end(), '_', ' ');
    append_wrapped(out, "  - ", fmt::format("{} [{}]: {}", kb.str(rec.label), evidence, kb.str(rec.description)), 4,
                   width);
    for (const kb::CautionRec& caution : kb.cautions(rec)) {
      append_wrapped(out, "    " + p.paint(Style::yellow, "caution:") + " ", std::string(kb.str(caution.text)), 13,
                     width);
    }
  }
  if (c.prevention.count > 0) {
    heading("Prevention");
    for (std::uint32_t i : kb.ids(c.prevention)) {
      const kb::PreventionRec& rec = kb.prevention()[i];
      append_wrapped(out, "  - ", fmt::format("{}: {}", kb.str(rec.label), kb.str(rec.description)), 4, width);
    }
  }
  heading("References");
  for (std::uint32_t r : references_of(c, kb)) {
    const kb::ReferenceRec& rec = kb.references()[r];
    std::string line = fmt::format("{}. {}", kb.str(rec.title), kb.str(rec.publisher));
    if (rec.year != 0) line += fmt::format(", {}", rec.year);
    if (rec.url.length != 0) line += fmt::format(". {}", kb.str(rec.url));
    append_wrapped(out, fmt::format("  [{}] ", kb.str(rec.id)), line, 4, width);
  }
  out += '\n';
  append_wrapped(out, "", std::string(kb.str(kb.meta().disclaimer)), 0, width);
}

}  // namespace

void render_why(std::uint32_t cause, const kb::KnowledgeBase& kb, const RenderOptions& options, bool json,
                std::string& out) {
  const kb::CauseRec& c = kb.causes()[cause];
  if (json) {
    why_json(c, kb, out);
  } else {
    why_text(c, kb, options, out);
  }
}

}  // namespace crampx::report
