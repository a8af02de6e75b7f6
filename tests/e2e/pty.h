// crampx in a real pseudo-terminal (forkpty) of a given size, as a person runs it,
// and what the person sees: the lines the terminal shows, after colour codes, carriage
// returns and wrapping at the right edge are applied.
#pragma once

#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

namespace crampx::test {

struct PtyOptions {
  unsigned short cols = 100;
  unsigned short rows = 40;
  std::vector<std::pair<std::string, std::string>> env;  // set in the child (empty value: unset)
};

class Pty {
 public:
  explicit Pty(const std::vector<std::string>& args, PtyOptions options = {}) : options_(std::move(options)) {
    std::vector<std::string> a = args;
    std::vector<char*> argv;
    for (std::string& s : a) argv.push_back(s.data());
    argv.push_back(nullptr);
    winsize ws{};
    ws.ws_col = options_.cols;
    ws.ws_row = options_.rows;
    pid_ = forkpty(&fd_, nullptr, nullptr, &ws);
    if (pid_ == 0) {
      setenv("TERM", "xterm", 1);
      unsetenv("NO_COLOR");
      unsetenv("COLUMNS");
      unsetenv("PAGER");
      for (const auto& [name, value] : options_.env) {
        if (value.empty()) {
          unsetenv(name.c_str());
        } else {
          setenv(name.c_str(), value.c_str(), 1);
        }
      }
      execv(argv[0], argv.data());
      _exit(127);
    }
  }
  ~Pty() {
    if (fd_ >= 0) close(fd_);
  }
  Pty(const Pty&) = delete;
  Pty& operator=(const Pty&) = delete;

  // Reads until `needle` appears in the transcript (true) or the child closes the terminal (false).
  bool read_until(const std::string& needle) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (transcript_.find(needle, searched_) == std::string::npos) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      pollfd p{fd_, POLLIN, 0};
      if (poll(&p, 1, 200) <= 0) continue;
      char buf[4096];
      const ssize_t n = read(fd_, buf, sizeof buf);
      if (n <= 0) return false;
      transcript_.append(buf, static_cast<std::size_t>(n));
    }
    searched_ = transcript_.find(needle, searched_) + needle.size();
    return true;
  }
  void type(const std::string& line) { ASSERT_EQ(write(fd_, line.data(), line.size()), static_cast<ssize_t>(line.size())); }
  void interrupt() { kill(pid_, SIGINT); }
  int wait() {
    read_until("\x01never\x01");  // drain to the end
    int status = 0;
    waitpid(pid_, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  const std::string& transcript() const { return transcript_; }

  // Every line the terminal has shown, top to bottom (scrolled-off lines first), as
  // the terminal lays them out: escape sequences take no room, a carriage return goes
  // back to the line's start, and text reaching the right edge continues on the next line.
  std::vector<std::string> lines() const {
    std::vector<std::string> out(1);
    std::size_t col = 0;
    bool pending_wrap = false;  // at the right edge: the next character starts a new line
    for (std::size_t i = 0; i < transcript_.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(transcript_[i]);
      if (c == 0x1b && i + 1 < transcript_.size()) {
        if (transcript_[i + 1] == '[') {  // CSI: parameters, then one final byte
          i += 2;
          while (i < transcript_.size() && !(transcript_[i] >= 0x40 && transcript_[i] <= 0x7e)) ++i;
        } else if (transcript_[i + 1] == ']') {  // OSC: to BEL or ST
          while (i < transcript_.size() && transcript_[i] != '\a' && transcript_[i] != '\\') ++i;
        } else {
          ++i;
        }
        continue;
      }
      if (c == '\r') {
        col = 0;
        pending_wrap = false;
      } else if (c == '\n') {
        out.emplace_back();
        col = 0;
        pending_wrap = false;
      } else if (c >= 0x20 && c != 0x7f) {
        const bool continuation = (c & 0xc0) == 0x80;
        if (!continuation) {
          if (pending_wrap) {
            out.emplace_back();
            col = 0;
            pending_wrap = false;
          }
          ++col;
          if (col == options_.cols) pending_wrap = true;
        }
        out.back() += static_cast<char>(c);
      }
    }
    if (out.back().empty()) out.pop_back();
    return out;
  }

  // The lines on the screen at the end: the last `rows` lines shown.
  std::vector<std::string> screen() const {
    std::vector<std::string> all = lines();
    if (all.size() > options_.rows) all.erase(all.begin(), all.end() - options_.rows);
    return all;
  }

  // The widest line written, in columns (a line reaching the edge and wrapping counts
  // as wider than the terminal).
  std::size_t widest_line() const {
    std::size_t widest = 0;
    std::size_t col = 0;
    for (std::size_t i = 0; i < transcript_.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(transcript_[i]);
      if (c == 0x1b && i + 1 < transcript_.size() && transcript_[i + 1] == '[') {
        i += 2;
        while (i < transcript_.size() && !(transcript_[i] >= 0x40 && transcript_[i] <= 0x7e)) ++i;
      } else if (c == '\r' || c == '\n') {
        col = 0;
      } else if (c >= 0x20 && c != 0x7f && (c & 0xc0) != 0x80) {
        widest = std::max(widest, ++col);
      }
    }
    return widest;
  }

 private:
  PtyOptions options_;
  pid_t pid_ = -1;
  int fd_ = -1;
  std::string transcript_;
  std::size_t searched_ = 0;
};

}  // namespace crampx::test
