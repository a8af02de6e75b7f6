// Reads lines from a file descriptor with a bounded buffer: a line longer than
// the limit is reported as too long (its bytes are skipped, never stored), so
// memory stays flat whatever the input holds.
#pragma once

#include <cstddef>
#include <string>

namespace crampx::cli {

class LineReader {
 public:
  LineReader(int fd, std::size_t max_line) : fd_(fd), max_line_(max_line) {}

  enum class Result { line, eof, interrupted, error };

  // The next line, without its '\n'. `too_long` is set (and `line` emptied) when it exceeded the limit.
  Result next(std::string& line, bool& too_long);
  const std::string& error() const { return error_; }

 private:
  bool fill();

  int fd_;
  std::size_t max_line_;
  std::string buf_;
  std::size_t pos_ = 0;
  bool eof_ = false;
  bool interrupted_ = false;
  std::string error_;
};

}  // namespace crampx::cli
