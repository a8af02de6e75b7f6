#include "cli/output.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace crampx::cli {
namespace {
constexpr std::size_t kFlushAt = 1 << 16;
}

bool Output::write(std::string_view s) {
  buffer_.append(s);
  return commit();
}

bool Output::commit() {
  if (buffer_.size() >= kFlushAt) return flush();
  return !closed_ && error_.empty();
}

bool Output::flush() {
  if (closed_ || !error_.empty()) {
    buffer_.clear();
    return false;
  }
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) {
        closed_ = true;
      } else {
        error_ = std::strerror(errno);
      }
      buffer_.clear();
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  buffer_.clear();
  return true;
}

}  // namespace crampx::cli
