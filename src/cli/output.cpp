#include "cli/output.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include "cli/terminal.h"

namespace crampx::cli {
namespace {
constexpr std::size_t kFlushAt = 1 << 16;
}

bool Output::write(std::string_view s) {
  if (holding_) {
    buffer_.append(s);
    return true;
  }
  // A stream's batch of reports is large: write it as it is instead of copying it.
  if (buffer_.empty() && s.size() >= kFlushAt) return write_all(s);
  buffer_.append(s);
  return commit();
}

bool Output::commit() {
  if (holding_) return true;
  if (buffer_.size() >= kFlushAt) return flush();
  return !closed_ && error_.empty();
}

bool Output::flush() {
  if (holding_) return true;
  const bool ok = write_all(buffer_);
  buffer_.clear();
  return ok;
}

std::string Output::take() {
  holding_ = false;
  std::string held;
  held.swap(buffer_);
  buffer_.reserve(kInitialCapacity);
  return held;
}

void Output::stop_holding() {
  holding_ = false;
  commit();
}

bool Output::write_all(std::string_view s) {
  if (closed_ || interrupted_ || !error_.empty()) return false;
  std::size_t done = 0;
  while (done < s.size()) {
    const ssize_t n = ::write(fd_, s.data() + done, s.size() - done);
    if (n < 0 && errno != EINTR) {
      if (errno == EPIPE) {
        closed_ = true;
      } else {
        error_ = std::strerror(errno);
      }
      return false;
    }
    if (n > 0) done += static_cast<std::size_t>(n);
    // A signal cut the write short (EINTR, or a partial count): if it was Ctrl-C, the
    // reader of our output is not reading, and waiting on it would never end.
    if (done < s.size() && interrupted()) {
      interrupted_ = true;
      return false;
    }
  }
  return true;
}

}  // namespace crampx::cli
