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

  // `pending`: no whole line is buffered and none can be read without waiting (only
  // when next() was asked not to wait).
  enum class Result { line, eof, interrupted, error, pending };

  // The next line, without its '\n'. `too_long` is set (and `line` emptied) when it exceeded the limit.
  // With `wait` false, returns `pending` rather than wait for input that has not arrived
  // (a file never makes it wait; a pipe or terminal whose writer is slow can).
  Result next(std::string& line, bool& too_long, bool wait = true);
  // Whether the line next() just reported as too long was in fact skipped because there
  // was no memory to hold it (the reader goes on with the line after it).
  bool lost_to_memory() const { return lost_; }
  const std::string& error() const { return error_; }

 private:
  Result next_line(std::string& line, bool& too_long, bool wait);
  void lose_line(std::string& line);
  bool fill();
  bool input_ready(int timeout_ms);  // false on Ctrl-C (interrupted_ set) or timeout

  int fd_;
  std::size_t max_line_;
  std::string buf_;
  std::size_t pos_ = 0;      // start of the next line in buf_
  std::size_t scanned_ = 0;  // buf_ holds no '\n' in [pos_, scanned_)
  bool dropping_ = false;    // the rest of an overlong line is still to come
  bool lost_ = false;        // the line being dropped found no memory
  bool eof_ = false;
  bool interrupted_ = false;
  std::string error_;
};

}  // namespace crampx::cli
