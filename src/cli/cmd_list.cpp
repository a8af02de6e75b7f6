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
};

template <class Rec, class Extra>
std::vector<Row> rows_of(const kb::KnowledgeBase& kb, std::span<const Rec> recs, Extra&& extra) {
  std::vector<Row> rows;
  for (const Rec& r : recs) rows.push_back({kb.str(r.id), kb.str(r.label), extra(r)});
  return rows;
}

}  // namespace

int run_list(const Context& ctx, const ListOptions& o) {
  const kb::KnowledgeBase& kb = ctx.kb;
  std::vector<Row> rows;
  if (o.what == "causes") {
    rows = rows_of(kb, kb.causes(), [](const kb::CauseRec& c) { return fmt::format("prior {:.2f}", c.prior); });
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
    for (const kb::ReferenceRec& r : kb.references()) {
      rows.push_back({kb.str(r.id), kb.str(r.title), std::string(kb.str(r.url))});
    }
  }

  std::string& out = ctx.out.buffer();
  if (o.json) {
    report::JsonWriter w(out, ctx.json_indent);
    w.begin_array();
    for (const Row& r : rows) w.begin_object().field("id", r.id).field("label", r.label).end_object();
    w.end_array();
    out.push_back('\n');
  } else {
    std::size_t id_width = 0;
    for (const Row& r : rows) id_width = std::max(id_width, r.id.size());
    for (const Row& r : rows) {
      report::append_wrapped(out, fmt::format("{:<{}}  ", r.id, id_width),
                             report::terminal_safe(r.label) + (r.extra.empty() ? "" : " (" + report::terminal_safe(r.extra) + ")"),
                             id_width + 2, ctx.width);
    }
  }
  ctx.out.commit();
  return kExitExplained;
}

}  // namespace crampx::cli
