// crampx completion bash|zsh|fish: a completion script made from the command line's definition.
#include "cli/commands.h"
#include "cli/docs.h"
#include "cli/exit_codes.h"

namespace crampx::cli {

int run_completion(const Context& ctx, const Invocation& inv) {
  ctx.out.write(completion_script(inv.completion_shell, *inv.app, inv));
  return kExitExplained;
}

}  // namespace crampx::cli
