// crampx why CAUSE | show ID: the knowledge base's own content, for people or as JSON.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "report/kb_views.h"

namespace crampx::cli {
namespace {

report::RenderOptions render_options(const Context& ctx) {
  report::RenderOptions o;
  o.color = ctx.color;
  o.width = ctx.width;
  return o;
}

void not_found(std::string_view what, std::string_view id, const Context& ctx, std::string_view list_hint) {
  const std::string near = report::closest_id(id, ctx.kb);
  print_error(fmt::format("no {} with id '{}'{}", what, id, near.empty() ? "" : fmt::format("; did you mean '{}'?", near)),
              list_hint);
}

}  // namespace

int run_why(const Context& ctx, const ObjectOptions& o) {
  const auto cause = ctx.kb.find_cause(o.id);
  if (!cause) {
    not_found("cause", o.id, ctx, "see the causes with 'crampx list causes'");
    return kExitError;
  }
  report::render_why(*cause, ctx.kb, render_options(ctx), o.json, ctx.out.buffer());
  ctx.out.commit();
  return kExitExplained;
}

int run_show(const Context& ctx, const ObjectOptions& o) {
  if (!report::render_show(o.id, ctx.kb, render_options(ctx), o.json, ctx.out.buffer())) {
    not_found("knowledge-base object", o.id, ctx, "search for it with 'crampx search WORDS'");
    return kExitError;
  }
  ctx.out.commit();
  return kExitExplained;
}

}  // namespace crampx::cli
