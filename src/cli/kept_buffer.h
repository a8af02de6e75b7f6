// Buffers kept from line to line of a stream, so that steady state allocates nothing,
// but let go of after a huge line, so that one long record does not hold its memory
// for the rest of the stream.
#pragma once

#include <cstddef>
#include <string>

namespace crampx::cli {

// Empties `s`, keeping its capacity unless that is over `kept_bytes`.
inline void empty_kept(std::string& s, std::size_t kept_bytes) {
  if (s.capacity() > kept_bytes) {
    std::string().swap(s);
  } else {
    s.clear();
  }
}

}  // namespace crampx::cli
