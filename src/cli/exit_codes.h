// The exit codes scripts rely on (README, man page): the CLI alone returns them.
#pragma once

namespace crampx::cli {

inline constexpr int kExitExplained = 0;    // something was explained
inline constexpr int kExitNothing = 1;      // nothing recognized: not about cramps or spasms
inline constexpr int kExitError = 2;        // usage, input, knowledge-base or write error
inline constexpr int kExitTriageReached = 3;  // explain --fail-on LEVEL: the triage reached LEVEL
inline constexpr int kExitInterrupted = 130;

}  // namespace crampx::cli
