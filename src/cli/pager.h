// Long output for a person at a terminal goes through a pager, as git does it:
// $PAGER (run by the shell; set but empty, or "cat", means none), else `less -FRX`.
// The caller decides when (stdout a terminal, the text taller than it, no --no-pager).
#pragma once

#include <string_view>

namespace crampx::cli {

// Writes `text` to a pager and waits for the pager to end. False when no pager is
// wanted or none could be started: the caller then writes `text` itself. A pager
// that quits early (q in less) is not an error. Ctrl-C belongs to the pager
// meanwhile: crampx ignores it until the pager ends.
bool run_pager(std::string_view text);

// Lines in `text` (newlines, and a last line without one).
std::size_t count_lines(std::string_view text);

}  // namespace crampx::cli
