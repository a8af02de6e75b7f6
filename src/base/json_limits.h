// Bounds on JSON read from users: nesting depth is checked by a linear pre-scan
// before parsing, so hostile input (200,000 nested brackets) costs O(n) and never
// reaches a recursive routine.
#pragma once

#include <cstddef>
#include <string_view>

namespace crampx {

inline constexpr std::size_t kMaxJsonDepth = 64;

// True when the brackets of `text` nest deeper than `limit` (strings are skipped).
bool json_depth_exceeds(std::string_view text, std::size_t limit = kMaxJsonDepth);

// 1-based line and column of byte `offset` of `text`.
struct LineColumn {
  std::size_t line;
  std::size_t column;
};
LineColumn line_column(std::string_view text, std::size_t offset);

}  // namespace crampx
