#include "cli/terminal.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

namespace crampx::cli {
namespace {
std::atomic<bool> g_interrupted{false};
int g_wake[2] = {-1, -1};  // the self-pipe behind interrupt_fd()

// How long the first Ctrl-C leaves a command to stop by itself before the process ends.
constexpr unsigned kStopGraceSeconds = 1;

extern "C" void on_grace_over(int) { _exit(130); }

extern "C" void on_sigint(int) {
  if (g_interrupted.exchange(true)) _exit(130);  // the second Ctrl-C: stop now
  const int saved = errno;
  // The signal reaches one thread; another may be blocked writing to a pipe nobody reads,
  // where nothing wakes it. Every command stops soon after the first Ctrl-C (and writes
  // what it has); one that cannot within the grace time is ended with the same status.
  alarm(kStopGraceSeconds);  // async-signal-safe
  if (g_wake[1] >= 0) {
    const ssize_t ignored = ::write(g_wake[1], "!", 1);  // async-signal-safe
    (void)ignored;
  }
  errno = saved;
}
// The self-pipe, above the standard descriptors: were stdin closed, a pipe taking
// descriptor 0 would be read as the input and wait for ever.
void make_wake_pipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) return;
  for (int i = 0; i < 2; ++i) {
    g_wake[i] = ::fcntl(fds[i], F_DUPFD_CLOEXEC, 3);
    ::close(fds[i]);
  }
  if (g_wake[0] < 0 || g_wake[1] < 0) {
    for (int& fd : g_wake) {
      if (fd >= 0) ::close(fd);
      fd = -1;
    }
  }
}
}  // namespace

bool is_terminal(int fd) { return ::isatty(fd) == 1; }

namespace {
std::size_t from_env(const char* name, std::size_t fallback) {
  if (const char* value = std::getenv(name)) {
    const long n = std::strtol(value, nullptr, 10);
    if (n > 0 && n < 10000) return static_cast<std::size_t>(n);
  }
  return fallback;
}
}  // namespace

std::size_t terminal_width() {
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return from_env("COLUMNS", 80);
}

std::size_t terminal_height() {
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0) return ws.ws_row;
  return from_env("LINES", 24);
}

bool use_color(ColorMode mode) {
  if (mode == ColorMode::always) return true;
  if (mode == ColorMode::never) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') return false;
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::strcmp(term, "dumb") == 0) return false;
  return is_terminal(STDOUT_FILENO);
}

void install_signal_handlers() {
  if (g_wake[0] < 0) make_wake_pipe();
  struct sigaction sa {};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sigaction(SIGINT, &sa, nullptr);
  struct sigaction grace {};
  grace.sa_handler = on_grace_over;
  sigemptyset(&grace.sa_mask);
  sigaction(SIGALRM, &grace, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

bool interrupted() { return g_interrupted.load(); }

int interrupt_fd() { return g_wake[0]; }

}  // namespace crampx::cli
