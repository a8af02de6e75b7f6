// Runs the crampx binary for end-to-end tests: arguments, stdin bytes and
// environment in; exit code, stdout and stderr out.
#pragma once

#include <string>
#include <vector>

namespace crampx::test {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal when killed by a signal
  std::string out;
  std::string err;
};

struct ProcessOptions {
  std::string stdin_data;
  bool stdin_closed = false;                   // stdin at EOF immediately (else stdin_data)
  std::vector<std::string> env;                // extra NAME=VALUE entries
  std::string stdout_path;                     // redirect stdout to this file instead of capturing
  std::size_t close_stdout_after = 0;          // > 0: close our end of stdout after this many bytes
};

ProcessResult run(const std::vector<std::string>& args, const ProcessOptions& options = {});

// Runs the crampx binary under test.
ProcessResult crampx(const std::vector<std::string>& args, const ProcessOptions& options = {});

}  // namespace crampx::test
