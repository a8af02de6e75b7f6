#include "cli/line_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace crampx::cli {
namespace {

// A pipe the test writes into by hand, to see what the reader makes of input that
// arrives in pieces.
class Pipe {
 public:
  Pipe() {
    if (::pipe(fds_) != 0) throw std::runtime_error("pipe failed");
  }
  ~Pipe() {
    close_write();
    ::close(fds_[0]);
  }
  int read_end() const { return fds_[0]; }
  void write(const std::string& s) {
    for (std::size_t done = 0; done < s.size();) {
      const ssize_t n = ::write(fds_[1], s.data() + done, s.size() - done);
      if (n <= 0) throw std::runtime_error("write failed");
      done += static_cast<std::size_t>(n);
    }
  }
  void close_write() {
    if (fds_[1] >= 0) ::close(fds_[1]);
    fds_[1] = -1;
  }

 private:
  int fds_[2] = {-1, -1};
};

using R = LineReader::Result;

TEST(LineReader, WithoutWaitingItTakesWhatIsThereAndSaysWhenTheRestIsPending) {
  Pipe p;
  LineReader reader(p.read_end(), 100);
  std::string line;
  bool too_long = false;
  p.write("first\nsec");
  EXPECT_EQ(reader.next(line, too_long, /*wait=*/false), R::line);
  EXPECT_EQ(line, "first");
  EXPECT_EQ(reader.next(line, too_long, false), R::pending);  // half a line is not a line
  p.write("ond\n");
  EXPECT_EQ(reader.next(line, too_long, false), R::line);
  EXPECT_EQ(line, "second");
  EXPECT_FALSE(too_long);
  EXPECT_EQ(reader.next(line, too_long, false), R::pending);
  p.write("last, with no newline");
  p.close_write();
  EXPECT_EQ(reader.next(line, too_long), R::line);
  EXPECT_EQ(line, "last, with no newline");
  EXPECT_EQ(reader.next(line, too_long), R::eof);
}

// An overlong line is dropped as it comes, and is one too-long line however many
// pieces it arrives in and however often the reader stopped between them.
TEST(LineReader, AnOverlongLineInPiecesIsOneTooLongLine) {
  Pipe p;
  LineReader reader(p.read_end(), 10);
  std::string line;
  bool too_long = false;
  p.write("12345678");
  EXPECT_EQ(reader.next(line, too_long, false), R::pending);
  p.write("12345678");  // now past the limit
  EXPECT_EQ(reader.next(line, too_long, false), R::pending);
  p.write("12345678");
  EXPECT_EQ(reader.next(line, too_long, false), R::pending);
  p.write("end\nshort\n0123456789ABC");
  EXPECT_EQ(reader.next(line, too_long, false), R::line);
  EXPECT_TRUE(too_long);
  EXPECT_TRUE(line.empty());
  EXPECT_EQ(reader.next(line, too_long, false), R::line);
  EXPECT_FALSE(too_long);
  EXPECT_EQ(line, "short");
  p.close_write();
  EXPECT_EQ(reader.next(line, too_long), R::line);  // the last line, overlong, without '\n'
  EXPECT_TRUE(too_long);
  EXPECT_EQ(reader.next(line, too_long), R::eof);
}

// A long line read in many chunks, written by another thread in pieces of every size,
// comes out whole, and the lines around it too.
TEST(LineReader, ALongLineInManyChunksComesOutWhole) {
  Pipe p;
  std::string long_line;
  for (int i = 0; long_line.size() < 700000; ++i) long_line += std::to_string(i) + ",";
  const std::string input = "before\n" + long_line + "\nafter\n";
  std::thread writer([&] {
    for (std::size_t at = 0, piece = 1; at < input.size(); at += piece, piece = piece * 3 % 70001 + 1) {
      p.write(input.substr(at, piece));
    }
    p.close_write();
  });
  LineReader reader(p.read_end(), 1 << 20);
  std::string line;
  bool too_long = false;
  std::vector<std::string> lines;
  for (R r; (r = reader.next(line, too_long)) == R::line;) lines.push_back(line);
  writer.join();
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "before");
  EXPECT_EQ(lines[1], long_line);
  EXPECT_EQ(lines[2], "after");
}

TEST(LineReader, AFileIsNeverPending) {
  char path[] = "/tmp/crampx_line_reader_XXXXXX";
  const int fd = ::mkstemp(path);
  ASSERT_GE(fd, 0);
  const std::string text = "a\nb\nc";
  ASSERT_EQ(::write(fd, text.data(), text.size()), static_cast<ssize_t>(text.size()));
  ::lseek(fd, 0, SEEK_SET);
  LineReader reader(fd, 100);
  std::string line;
  bool too_long = false;
  std::string got;
  for (R r; (r = reader.next(line, too_long, false)) == R::line;) got += line + "|";
  EXPECT_EQ(got, "a|b|c|");
  ::close(fd);
  ::unlink(path);
}

}  // namespace
}  // namespace crampx::cli
