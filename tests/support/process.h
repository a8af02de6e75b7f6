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
  bool timed_out = false;  // killed after ProcessOptions::timeout_ms
  long long ms_after_interrupt = -1;  // from the SIGINT it was sent to its exit
};

struct ProcessOptions {
  std::string stdin_data;
  bool stdin_closed = false;                   // stdin at EOF immediately (else stdin_data)
  bool no_stdin = false;                       // descriptor 0 not open at all in the process
  std::vector<std::string> env;                // extra NAME=VALUE entries
  std::string stdout_path;                     // redirect stdout to this file instead of capturing
  std::size_t close_stdout_after = 0;          // > 0: close our end of stdout after this many bytes
  // An input that pauses: stdin stays open after stdin_data until this many lines have
  // come out on stdout (0: closed once written), as a slow writer of the input would.
  std::size_t keep_stdin_open_until_lines = 0;
  std::size_t interrupt_after_lines = 0;       // > 0: send SIGINT once this many lines came out
  // A reader of the output that stops: > 0, stdout is no longer read (but kept open) once this
  // many bytes came out, and SIGINT is sent stall_interrupt_ms later.
  std::size_t stall_stdout_after = 0;
  int stall_interrupt_ms = 300;
  int timeout_ms = 60000;                      // then the process is killed (SIGKILL): a hang fails, not blocks
};

ProcessResult run(const std::vector<std::string>& args, const ProcessOptions& options = {});

// Runs the crampx binary under test.
ProcessResult crampx(const std::vector<std::string>& args, const ProcessOptions& options = {});

}  // namespace crampx::test
