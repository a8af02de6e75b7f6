#include "cli/kb_object.h"

#include <fmt/format.h>

#include "report/kb_views.h"

namespace crampx::cli {

report::RenderOptions view_options(const Context& ctx) {
  report::RenderOptions o;
  o.color = ctx.color;
  o.width = ctx.width;
  o.indent = ctx.json_indent;
  return o;
}

void print_not_found(std::string_view what, std::string_view id, const Context& ctx, std::string_view hint) {
  const std::string near = report::closest_id(id, ctx.kb);
  print_error(fmt::format("no {} with id '{}'{}", what, id, near.empty() ? "" : fmt::format("; did you mean '{}'?", near)),
              hint);
}

}  // namespace crampx::cli
