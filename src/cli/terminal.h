// What the CLI knows about its terminal and process: whether a stream is a
// terminal, its width, the colour decision, and interruption by Ctrl-C.
#pragma once

#include <cstddef>
#include <string_view>

namespace crampx::cli {

bool is_terminal(int fd);

// Columns of the terminal on stdout, else $COLUMNS, else 80.
std::size_t terminal_width();

enum class ColorMode { automatic, always, never };

// Colour on stdout: always/never as asked; automatic means only on a terminal,
// and never with NO_COLOR set or TERM=dumb.
bool use_color(ColorMode mode);

// Installs the SIGINT handler (no SA_RESTART, so a blocked read returns) and
// ignores SIGPIPE (a closed pipe is then seen as EPIPE on write).
void install_signal_handlers();
bool interrupted();

}  // namespace crampx::cli
