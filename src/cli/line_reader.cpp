#include "cli/line_reader.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include "cli/terminal.h"

namespace crampx::cli {
namespace {
constexpr std::size_t kChunk = 1 << 16;
}

bool LineReader::fill() {
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  const std::size_t old = buf_.size();
  buf_.resize(old + kChunk);
  for (;;) {
    const ssize_t n = ::read(fd_, buf_.data() + old, kChunk);
    if (n < 0 && errno == EINTR) {
      if (interrupted()) {
        interrupted_ = true;
        buf_.resize(old);
        return false;
      }
      continue;
    }
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

LineReader::Result LineReader::next(std::string& line, bool& too_long) {
  line.clear();
  too_long = false;
  for (;;) {
    if (interrupted()) return Result::interrupted;
    const auto nl = buf_.find('\n', pos_);
    if (nl != std::string::npos) {
      if (!too_long) line.assign(buf_, pos_, nl - pos_);
      if (line.size() > max_line_) {
        line.clear();
        too_long = true;
      }
      pos_ = nl + 1;
      return Result::line;
    }
    if (buf_.size() - pos_ > max_line_) {  // drop what we have of an overlong line
      too_long = true;
      buf_.clear();
      pos_ = 0;
    }
    if (eof_ || !fill()) {
      if (interrupted_) return Result::interrupted;
      if (!error_.empty()) return Result::error;
      if (pos_ < buf_.size() || too_long) {  // a last line without '\n'
        if (!too_long) line.assign(buf_, pos_, std::string::npos);
        buf_.clear();
        pos_ = 0;
        return Result::line;
      }
      return Result::eof;
    }
  }
}

}  // namespace crampx::cli
