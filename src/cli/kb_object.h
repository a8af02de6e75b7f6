// What the commands that show the knowledge base's own objects share (why, show, graph).
#pragma once

#include <string_view>

#include "cli/context.h"
#include "report/render.h"

namespace crampx::cli {

// Colour, width and JSON indentation as the terminal and options ask: the views render nothing else.
report::RenderOptions view_options(const Context& ctx);

// "no cause with id 'x'; did you mean 'y'?" on stderr, with a hint where to look.
void print_not_found(std::string_view what, std::string_view id, const Context& ctx, std::string_view hint);

}  // namespace crampx::cli
