#include "cli/pager.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "cli/output.h"

extern char** environ;

namespace crampx::cli {

std::size_t count_lines(std::string_view text) {
  const auto n = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  return n + (!text.empty() && text.back() != '\n' ? 1 : 0);
}

bool run_pager(std::string_view text) {
  std::vector<std::string> args;
  const char* pager = std::getenv("PAGER");
  if (pager == nullptr) {
    args = {"less", "-FRX"};  // quit if one screen, keep colours, leave the text on screen
  } else if (pager[0] == '\0' || std::strcmp(pager, "cat") == 0) {
    return false;
  } else {
    args = {"/bin/sh", "-c", pager};
  }
  // less run as $PAGER gets the same defaults, unless the user chose their own.
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) env_strings.emplace_back(*e);
  if (std::getenv("LESS") == nullptr) env_strings.emplace_back("LESS=FRX");
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return false;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
  // crampx ignores SIGPIPE, and an ignored signal stays ignored across exec: the pager
  // gets the defaults back.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  sigaddset(&defaults, SIGINT);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &actions, &attr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  ::close(fds[0]);
  if (rc != 0) {  // no such pager (less not installed): write it plainly
    ::close(fds[1]);
    return false;
  }

  struct sigaction ignore {}, saved {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGINT, &ignore, &saved);
  {
    Output to_pager(fds[1]);
    to_pager.write(text);
    to_pager.flush();  // a pager that quit early closed the pipe: EPIPE, ignored
  }
  ::close(fds[1]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  sigaction(SIGINT, &saved, nullptr);
  return true;
}

}  // namespace crampx::cli
