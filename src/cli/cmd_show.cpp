// crampx show ID: any knowledge-base object, as the knowledge base holds it.
#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/kb_object.h"
#include "report/kb_views.h"

namespace crampx::cli {

int run_show(const Context& ctx, const ObjectOptions& o) {
  if (!report::render_show(o.id, ctx.kb, view_options(ctx), o.json, ctx.out.buffer())) {
    print_not_found("knowledge-base object", o.id, ctx, "search for it with 'crampx search WORDS'");
    return kExitError;
  }
  ctx.out.commit();
  return kExitExplained;
}

}  // namespace crampx::cli
