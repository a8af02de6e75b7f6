// Issue 22.3: running out of memory is an error, not an abort. The binary runs under
// prlimit with a 64 MiB address space, far too little for a 12 MB text: it once died of an
// uncaught std::bad_alloc (exit 134), and a stream at -j 4 lost every record after the
// first batch that failed. Not in the sanitizer build: AddressSanitizer reserves terabytes
// of address space.
#include <gtest/gtest.h>

#include <unistd.h>

#include <string>
#include <vector>

#include "e2e/e2e.h"

namespace crampx::test {
namespace {

constexpr const char* kPrlimit = "/usr/bin/prlimit";
constexpr const char* kSmallMemory = "--as=67108864";

// Words a long text is made of: cramp wording, so that every stage has work to do.
std::string long_text(std::size_t bytes) {
  const std::string words = "my calves cramp at night after long runs in the heat and twitch ";
  std::string text;
  text.reserve(bytes + words.size());
  while (text.size() < bytes) text += words;
  return text;
}

ProcessResult small_memory(const std::vector<std::string>& args, const ProcessOptions& o,
                           const char* limit = kSmallMemory) {
  std::vector<std::string> full = {kPrlimit, limit, CRAMPX_BINARY};
  full.insert(full.end(), args.begin(), args.end());
  return run(full, o);
}

#ifdef CRAMPX_SANITIZED
#define MAYBE(name) DISABLED_##name
#else
#define MAYBE(name) name
#endif

TEST(MemoryE2E, MAYBE(ATextTooBigForMemoryIsAnError)) {
  ASSERT_EQ(access(kPrlimit, X_OK), 0) << "prlimit (util-linux) is needed";
  ProcessOptions o;
  o.stdin_data = long_text(12 << 20);
  const auto r = small_memory({"explain"}, o);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("not enough memory"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("bad_alloc"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());  // no half report
}

// A stream with two records too big for memory: each gets an out_of_memory error record in
// its place, and every other record its report, in order, at -j 1 and -j 4.
TEST(MemoryE2E, MAYBE(AStreamGoesOnPastRecordsTooBigForMemory)) {
  ASSERT_EQ(access(kPrlimit, X_OK), 0) << "prlimit (util-linux) is needed";
  constexpr int kRecords = 120;
  const std::string big = long_text(12 << 20);
  std::string input;
  for (int i = 0; i < kRecords; ++i) {
    const std::string text = i == 30 || i == 90 ? big : "calf cramps at night";
    input += nlohmann::json{{"id", i}, {"text", text}}.dump() + "\n";
  }
  ProcessOptions o;
  o.stdin_data = input;
  for (const char* jobs : {"1", "4"}) {
    // 96 MiB: room for four threads' stacks (8 MiB each of address space), the binary and
    // the short records, but never for explaining a 12 MiB text (about 290 MB): a record
    // costed at more than half the limit gets its error record without being tried.
    const auto r = small_memory({"explain", "--jsonl", "--brief", "-j", jobs}, o, "--as=100663296");
    EXPECT_EQ(r.exit_code, 2) << jobs << r.err;
    EXPECT_EQ(r.err.find("bad_alloc"), std::string::npos) << r.err;
    const auto lines = json_lines(r.out);
    ASSERT_EQ(lines.size(), std::size_t{kRecords}) << jobs << r.err;
    for (int i = 0; i < kRecords; ++i) {
      const nlohmann::json& line = lines[static_cast<std::size_t>(i)];
      if (i == 30 || i == 90) {
        EXPECT_EQ(line["error"]["code"], "out_of_memory") << jobs << " " << line.dump();
      } else {
        EXPECT_EQ(line["id"], i) << jobs;
        EXPECT_TRUE(line["causes"].is_array()) << line.dump();
        EXPECT_TRUE(line["error"].is_null()) << line.dump();
      }
    }
  }
}

}  // namespace
}  // namespace crampx::test
