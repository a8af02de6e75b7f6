// crampx help [COMMAND]: the help of crampx, or of one command ("help kb validate").
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/definition.h"
#include "cli/exit_codes.h"
#include "cli/help.h"
#include "cli/suggest.h"

namespace crampx::cli {

int run_help(const Context& ctx, const Invocation& inv) {
  const CLI::App& root = *inv.app;
  const CLI::App* command = find_command(root, inv.help.command);
  if (command == nullptr) {
    // Name the first word that is not a command, with the nearest one.
    const CLI::App* app = &root;
    for (const std::string& word : inv.help.command) {
      const CLI::App* next = find_command(*app, {word});
      if (next == nullptr) {
        const std::vector<std::string> names = command_names(*app);
        const std::string near = nearest(word, names);
        print_error(app == &root ? fmt::format("'{}' is not a crampx command", word)
                                 : fmt::format("'{}' is not a command of '{}'", word, command_path(*app)),
                    near.empty() ? fmt::format("the commands are: {}", fmt::join(names, ", "))
                                 : fmt::format("did you mean 'crampx help {}'?",
                                               app == &root ? near : command_path(*app).substr(7) + " " + near));
        return kExitError;
      }
      app = next;
    }
  }
  ctx.out.write(help_text(*command, inv, ctx.width));
  return kExitExplained;
}

}  // namespace crampx::cli
