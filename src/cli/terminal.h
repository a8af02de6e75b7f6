// What the CLI knows about its terminal and process: whether a stream is a
// terminal, its width, the colour decision, and interruption by Ctrl-C.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>

#include "base/enum_names.h"

namespace crampx::cli {

bool is_terminal(int fd);

// Columns of the terminal on stdout, else $COLUMNS, else 80.
std::size_t terminal_width();

// Rows of the terminal on stdout, else $LINES, else 24.
std::size_t terminal_height();

enum class ColorMode { automatic, always, never };

}  // namespace crampx::cli

namespace crampx {

template <>
struct EnumNames<cli::ColorMode> {  // --color WHEN
  static constexpr std::pair<cli::ColorMode, std::string_view> table[] = {
      {cli::ColorMode::automatic, "auto"}, {cli::ColorMode::always, "always"}, {cli::ColorMode::never, "never"}};
};

}  // namespace crampx

namespace crampx::cli {

// Colour on stdout: always/never as asked; automatic means only on a terminal,
// and never with NO_COLOR set or TERM=dumb.
bool use_color(ColorMode mode);

// Installs the SIGINT handler and ignores SIGPIPE (a closed pipe is then seen as
// EPIPE on write). The first Ctrl-C asks the command to stop (interrupted()), and
// ends the process with status 130 a second later if it has not stopped by then (a
// thread blocked writing to a pipe nobody reads); a second one ends it at once.
void install_signal_handlers();
bool interrupted();

// A descriptor that becomes readable at the first Ctrl-C, or -1 before the handlers
// are installed. The signal reaches one thread only: a thread that waits for input
// polls this beside its own descriptor, so that it wakes whichever thread got it.
int interrupt_fd();

}  // namespace crampx::cli
