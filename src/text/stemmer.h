// Snowball English (Porter2) stemming via libstemmer, so that "cramping",
// "cramped" and "cramps" meet at "cramp". One stemmer per thread: libstemmer
// objects are not thread-safe.
#pragma once

#include <string_view>

namespace crampx::text {

// The stem of a normalized (lower-case) word. Valid until the next call on this thread.
std::string_view stem(std::string_view word);

}  // namespace crampx::text
