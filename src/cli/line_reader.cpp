#include "cli/line_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>
#include <poll.h>
#include <unistd.h>

#include "cli/terminal.h"

namespace crampx::cli {
namespace {
constexpr std::size_t kChunk = 1 << 16;
}

// Waits up to timeout_ms (-1: for ever) for input on fd_, and for Ctrl-C on the
// interrupt descriptor: a read blocked in this thread would not see a signal that
// another thread received. True when read() will not block (input, end of file or an
// error it will report).
bool LineReader::input_ready(int timeout_ms) {
  for (;;) {
    if (interrupted()) {
      interrupted_ = true;
      return false;
    }
    pollfd fds[2] = {{fd_, POLLIN, 0}, {interrupt_fd(), POLLIN, 0}};
    const int n = ::poll(fds, fds[1].fd >= 0 ? 2 : 1, timeout_ms);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return true;  // cannot wait on it: read() blocks or reports the error
    if (n == 0) return false;
    if (fds[0].revents != 0) return true;
  }
}

bool LineReader::fill() {
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    scanned_ = scanned_ > pos_ ? scanned_ - pos_ : 0;
    pos_ = 0;
  }
  const std::size_t old = buf_.size();
  buf_.resize(old + kChunk);
  for (;;) {
    if (!input_ready(-1)) {
      buf_.resize(old);
      return false;
    }
    const ssize_t n = ::read(fd_, buf_.data() + old, kChunk);
    if (n < 0 && errno == EINTR) continue;  // input_ready() tells whether it was Ctrl-C
    if (n < 0) {
      error_ = std::strerror(errno);
      buf_.resize(old);
      return false;
    }
    buf_.resize(old + static_cast<std::size_t>(n));
    if (n == 0) eof_ = true;
    return n > 0;
  }
}

LineReader::Result LineReader::next(std::string& line, bool& too_long, bool wait) {
  if (!dropping_) lost_ = false;
  try {
    return next_line(line, too_long, wait);
  } catch (const std::bad_alloc&) {
    lose_line(line);
  }
  return next_line(line, too_long, wait);  // the line, too long and lost; failing again, it throws
}

// No memory for the line at pos_ (to copy it out, or to buffer more of it): its bytes
// are skipped as an overlong line's are, and the memory it took is let go.
void LineReader::lose_line(std::string& line) {
  std::string{}.swap(line);
  lost_ = true;
  const auto nl = buf_.find('\n', pos_);
  if (nl != std::string::npos) {  // all of it is here: keep what follows it
    buf_.erase(0, nl);  // the '\n' stays, to end the line next_line() then drops
    pos_ = scanned_ = 0;
    dropping_ = true;
    return;
  }
  std::string{}.swap(buf_);
  pos_ = scanned_ = 0;
  dropping_ = true;
}

LineReader::Result LineReader::next_line(std::string& line, bool& too_long, bool wait) {
  line.clear();
  for (;;) {
    too_long = dropping_;
    if (interrupted()) return Result::interrupted;
    // Bytes already searched are not searched again: a long line read in many chunks
    // costs its length, not its length times the chunks.
    const auto nl = buf_.find('\n', std::max(pos_, scanned_));
    if (nl != std::string::npos) {
      if (!dropping_) line.assign(buf_, pos_, nl - pos_);
      if (line.size() > max_line_) {
        line.clear();
        too_long = true;
      }
      dropping_ = false;
      pos_ = scanned_ = nl + 1;
      return Result::line;
    }
    scanned_ = buf_.size();
    if (buf_.size() - pos_ > max_line_) {  // drop what we have of an overlong line, and its rest as it comes
      dropping_ = too_long = true;
      buf_.clear();
      pos_ = scanned_ = 0;
    }
    if (!wait && !eof_ && !input_ready(0)) return interrupted_ ? Result::interrupted : Result::pending;
    if (eof_ || !fill()) {
      if (interrupted_) return Result::interrupted;
      if (!error_.empty()) return Result::error;
      if (pos_ < buf_.size() || dropping_) {  // a last line without '\n'
        if (!dropping_) line.assign(buf_, pos_, std::string::npos);
        dropping_ = false;
        buf_.clear();
        pos_ = scanned_ = 0;
        return Result::line;
      }
      return Result::eof;
    }
  }
}

}  // namespace crampx::cli
