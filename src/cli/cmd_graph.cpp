// crampx graph [CAUSE] [--format dot|mermaid]: causes, their mechanisms and telling findings.
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/kb_object.h"
#include "report/kb_views.h"

namespace crampx::cli {

int run_graph(const Context& ctx, const GraphOptions& o) {
  std::optional<std::uint32_t> only;
  if (!o.cause.empty()) {
    only = ctx.kb.find_cause(o.cause);
    if (!only) {
      print_not_found("cause", o.cause, ctx, "see the causes with 'crampx list causes'");
      return kExitError;
    }
  }
  const report::GraphFormat format = parse_enum<report::GraphFormat>(o.format).value_or(report::GraphFormat::dot);
  report::render_graph(ctx.kb, format, only, ctx.out.buffer());
  ctx.out.commit();
  return kExitExplained;
}

}  // namespace crampx::cli
