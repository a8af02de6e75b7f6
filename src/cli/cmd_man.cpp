// crampx man (hidden): the manual page, made from the command line's definition; the build writes crampx.1 with it.
#include "cli/commands.h"
#include "cli/docs.h"
#include "cli/exit_codes.h"

#ifndef CRAMPX_VERSION
#define CRAMPX_VERSION "0.0.0"
#endif

namespace crampx::cli {

int run_man(const Context& ctx, const Invocation& inv) {
  ctx.out.write(man_page(*inv.app, inv, CRAMPX_VERSION));
  return kExitExplained;
}

}  // namespace crampx::cli
