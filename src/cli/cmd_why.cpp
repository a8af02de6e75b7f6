// crampx why CAUSE: one cause in full.
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/kb_object.h"
#include "report/kb_views.h"

namespace crampx::cli {

int run_why(const Context& ctx, const ObjectOptions& o) {
  const auto cause = ctx.kb.find_cause(o.id);
  if (!cause) {
    print_not_found("cause", o.id, ctx, "see the causes with 'crampx list causes'");
    return kExitError;
  }
  report::render_why(*cause, ctx.kb, view_options(ctx), o.json, ctx.out.buffer());
  ctx.out.commit();
  return kExitExplained;
}

}  // namespace crampx::cli
