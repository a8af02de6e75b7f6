// Output: buffered writes to a file descriptor that notice failure. A closed pipe
// (EPIPE) is reported as `closed` so the CLI can stop quietly; any other failure
// (a full disk) is an error with its reason. Output for a person at a terminal can
// be held whole, so that the CLI can page it once it knows how long it is.
#pragma once

#include <string>
#include <string_view>

namespace crampx::cli {

class Output {
 public:
  // The buffer starts large enough for a whole report, so rendering never regrows it.
  explicit Output(int fd) : fd_(fd) { buffer_.reserve(kInitialCapacity); }
  ~Output() {
    holding_ = false;  // what is still held is written, not lost
    flush();
  }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  // Appends and writes out when the buffer is large; false once writing failed.
  bool write(std::string_view s);
  bool flush();

  bool closed() const { return closed_; }   // the reader went away (EPIPE)
  bool failed() const { return !error_.empty(); }
  const std::string& error() const { return error_; }

  std::string& buffer() { return buffer_; }  // render straight into it, then call commit()
  bool commit();

  // While holding, nothing is written: writes, commits and flushes only gather. take()
  // hands over what was gathered and stops holding; stop_holding() writes it out.
  void hold() { holding_ = true; }
  bool holding() const { return holding_; }
  std::string take();
  void stop_holding();

 private:
  bool write_all(std::string_view s);  // to the descriptor, noting failure

  static constexpr std::size_t kInitialCapacity = 96 * 1024;
  int fd_;
  std::string buffer_;
  std::string error_;
  bool closed_ = false;
  bool interrupted_ = false;  // Ctrl-C stopped a write that was waiting
  bool holding_ = false;
};

}  // namespace crampx::cli
