#include "support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace crampx::test {

ProcessResult run(const std::vector<std::string>& args, const ProcessOptions& options) {
  signal(SIGPIPE, SIG_IGN);
  int in[2], out[2], err[2];
  if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (options.no_stdin) {
    posix_spawn_file_actions_addclose(&actions, 0);
  } else {
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  }
  if (options.stdout_path.empty()) {
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  } else {
    posix_spawn_file_actions_addopen(&actions, 1, options.stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  }
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) posix_spawn_file_actions_addclose(&actions, fd);

  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) env_strings.emplace_back(*e);
  for (const std::string& e : options.env) env_strings.push_back(e);
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_strings = args;
  std::vector<char*> argv;
  for (std::string& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);

  pid_t pid = 0;
  const int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (rc != 0) throw std::runtime_error(std::string("spawn failed: ") + std::strerror(rc));

  ProcessResult result;
  std::size_t written = 0;
  const std::string& input = options.stdin_data;
  const std::size_t hold_until = options.keep_stdin_open_until_lines;
  bool holding = false;  // all of the input written, stdin kept open
  if (options.no_stdin || options.stdin_closed || (input.empty() && hold_until == 0)) {
    close(in[1]);
    in[1] = -1;
  } else {
    fcntl(in[1], F_SETFL, O_NONBLOCK);
    holding = input.empty();
  }
  std::size_t out_lines = 0;
  bool interrupted = false;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options.timeout_ms);
  bool out_open = true, err_open = true;
  bool out_stalled = false;  // stdout left unread (stall_stdout_after)
  std::chrono::steady_clock::time_point stalled_at, interrupted_at;
  char buf[65536];
  while ((out_open && !out_stalled) || err_open || (in[1] >= 0 && !holding)) {
    if (holding && out_lines >= hold_until) {
      close(in[1]);
      in[1] = -1;
      holding = false;
    }
    if (!interrupted && options.interrupt_after_lines > 0 && out_lines >= options.interrupt_after_lines) {
      kill(pid, SIGINT);
      interrupted = true;
      interrupted_at = std::chrono::steady_clock::now();
    }
    auto wait_until = deadline;
    if (out_stalled && !interrupted) {
      const auto when = stalled_at + std::chrono::milliseconds(options.stall_interrupt_ms);
      if (std::chrono::steady_clock::now() >= when) {
        kill(pid, SIGINT);
        interrupted = true;
        interrupted_at = std::chrono::steady_clock::now();
      } else {
        wait_until = std::min(deadline, when);
      }
    }
    pollfd fds[3];
    int n = 0;
    if (out_open && !out_stalled) fds[n++] = {out[0], POLLIN, 0};
    if (err_open) fds[n++] = {err[0], POLLIN, 0};
    if (in[1] >= 0 && !holding) fds[n++] = {in[1], POLLOUT, 0};
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(wait_until - std::chrono::steady_clock::now());
    const int ready = poll(fds, static_cast<nfds_t>(n), static_cast<int>(std::max<long long>(0, left.count())));
    if (ready == 0 && wait_until != deadline) continue;
    if (ready == 0) {  // the deadline: whatever it waits for, it waits too long
      kill(pid, SIGKILL);
      result.timed_out = true;
      break;
    }
    if (ready < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in[1]) {
        const ssize_t w = write(in[1], input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<std::size_t>(w);
        if (w < 0 && errno != EAGAIN) written = input.size();
        if (written >= input.size()) {
          if (hold_until > 0) {
            holding = true;
          } else {
            close(in[1]);
            in[1] = -1;
          }
        }
        continue;
      }
      const ssize_t r = read(fds[i].fd, buf, sizeof buf);
      const bool is_out = fds[i].fd == out[0];
      if (r <= 0) {
        close(fds[i].fd);
        (is_out ? out_open : err_open) = false;
        continue;
      }
      (is_out ? result.out : result.err).append(buf, static_cast<std::size_t>(r));
      if (is_out) out_lines += static_cast<std::size_t>(std::count(buf, buf + r, '\n'));
      if (is_out && options.stall_stdout_after > 0 && result.out.size() >= options.stall_stdout_after && !out_stalled) {
        out_stalled = true;
        stalled_at = std::chrono::steady_clock::now();
      }
      if (is_out && options.close_stdout_after > 0 && result.out.size() >= options.close_stdout_after) {
        close(out[0]);
        out_open = false;
      }
    }
  }
  for (int fd : {in[1], out_open ? out[0] : -1, err_open ? err[0] : -1}) {
    if (fd >= 0) close(fd);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (interrupted) {
    result.ms_after_interrupt =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - interrupted_at).count();
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

ProcessResult crampx(const std::vector<std::string>& args, const ProcessOptions& options) {
  std::vector<std::string> full = {CRAMPX_BINARY};
  full.insert(full.end(), args.begin(), args.end());
  return run(full, options);
}

}  // namespace crampx::test
