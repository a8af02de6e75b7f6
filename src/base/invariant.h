// Invariants the code guarantees by construction, checked where checking is cheap
// enough: always in the sanitizer and fuzz builds (CRAMPX_CHECK_INVARIANTS) and in
// debug builds; compiled out of a release. A broken one aborts with what broke, so a
// fuzzer or a sanitizer test saves the input.
#pragma once

#if defined(CRAMPX_CHECK_INVARIANTS) || !defined(NDEBUG)
#include <cstdio>
#include <cstdlib>
#define CRAMPX_INVARIANT(cond, what)                                                  \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      std::fprintf(stderr, "crampx: invariant broken at %s:%d: %s\n", __FILE__, __LINE__, what); \
      std::abort();                                                                   \
    }                                                                                 \
  } while (false)
#else
#define CRAMPX_INVARIANT(cond, what) \
  do {                               \
    (void)sizeof(cond);              \
  } while (false)
#endif
