// crampx list causes|findings|mechanisms|red_flags|references [--json]
#include <algorithm>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "report/json_writer.h"
#include "report/terminal_text.h"

namespace crampx::cli {
namespace {

struct Row {
  std::string_view id;
  std::string_view label;
  std::string extra;  // kind, level ... (text output only)
  std::string_view kind = {};      // causes: cause or lookalike
  std::string_view category = {};  // causes: the group's id, if any
};

template <class Rec, class Extra>
std::vector<Row> rows_of(const kb::KnowledgeBase& kb, std::span<const Rec> recs, Extra&& extra) {
  std::vector<Row> rows;
  for (const Rec& r : recs) rows.push_back({kb.str(r.id), kb.str(r.label), extra(r)});
  return rows;
}

// "prior 0.28"; rare causes with their third decimal ("prior 0.002"), not as 0.00.
std::string prior_text(float prior) {
  return prior >= 0.01f ? fmt::format("prior {:.2f}", prior) : fmt::format("prior {:.3f}", prior);
}

// "prior 0.02, lookalike" or "prior 0.02, under nocturnal_leg_cramps".
std::vector<Row> cause_rows(const kb::KnowledgeBase& kb) {
  std::vector<Row> rows;
  for (const kb::CauseRec& c : kb.causes()) {
    Row row{kb.str(c.id), kb.str(c.label), prior_text(c.prior), to_string(c.kind)};
    if (c.kind == kb::CauseKind::lookalike) row.extra += ", lookalike";
    if (c.category != kb::kNone) {
      row.category = kb.str(kb.causes()[c.category].id);
      row.extra += fmt::format(", under {}", row.category);
    }
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

int run_list(const Context& ctx, const ListOptions& o) {
  const kb::KnowledgeBase& kb = ctx.kb;
  std::vector<Row> rows;
  if (o.what == "causes") {
    rows = cause_rows(kb);
  } else if (o.what == "findings") {
    rows = rows_of(kb, kb.findings(), [](const kb::FindingRec& f) { return std::string(to_string(f.scope)); });
  } else if (o.what == "mechanisms") {
    rows = rows_of(kb, kb.mechanisms(), [](const kb::MechanismRec& m) {
      std::string kind(to_string(m.kind));
      std::replace(kind.begin(), kind.end(), '_', ' ');  // "normal step", as people read it
      return kind;
    });
  } else if (o.what == "red_flags") {
    rows = rows_of(kb, kb.red_flags(), [](const kb::RedFlagRec&) { return std::string(); });
  } else {
    for (const kb::ReferenceRec& r : kb.references()) rows.push_back({kb.str(r.id), kb.str(r.title), std::string(kb.str(r.url))});
  }

  std::string& out = ctx.out.buffer();
  if (o.json) {
    report::JsonWriter w(out, 2);
    w.begin_array();
    for (const Row& r : rows) {
      w.begin_object().field("id", r.id).field("label", r.label);
      if (!r.kind.empty()) w.field("kind", r.kind);
      if (!r.category.empty()) w.field("category", r.category);
      w.end_object();
    }
    w.end_array();
    out.push_back('\n');
  } else {
    std::size_t width = 0;
    for (const Row& r : rows) width = std::max(width, r.id.size());
    for (const Row& r : rows) {
      out += fmt::format("{:<{}}  {}{}\n", r.id, width, r.label, r.extra.empty() ? "" : "  (" + r.extra + ")");
    }
  }
  ctx.out.commit();
  return kExitExplained;
}

}  // namespace crampx::cli
