// A stable 64-bit string hash (FNV-1a). Stable across builds and platforms because
// hashes are stored in the compiled knowledge-base image and compared at run time.
#pragma once

#include <cstdint>
#include <string_view>

namespace crampx {

inline constexpr std::uint64_t kStableHashSeed = 14695981039346656037ull;

// `h` continues a hash: stable_hash(b, stable_hash(a)) is the hash of a and b joined.
constexpr std::uint64_t stable_hash(std::string_view s, std::uint64_t h = kStableHashSeed) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace crampx
