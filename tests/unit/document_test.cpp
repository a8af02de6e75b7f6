#include "kb/document.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace crampx::kb {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir() {
  const fs::path dir = fs::temp_directory_path() / ("crampx_doc_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& p, const std::string& text) { std::ofstream(p) << text; }

TEST(Document, SyntaxErrorNamesFileLineAndColumn) {
  const auto r = parse_document("{\n  \"meta\": {,\n}", "kb.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kb_syntax);
  EXPECT_NE(r.error().message.find("kb.json:2:"), std::string::npos) << r.error().message;
}

// Found by fuzz_kb: a number too large for a double made the parser throw out_of_range,
// which was not caught, and the process ended in std::terminate.
TEST(Document, NumberOutOfRangeIsAnErrorNotACrash) {
  const auto r = parse_document(R"({"meta": {"version": 1e400}})", "kb.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kb_syntax);
  EXPECT_NE(r.error().message.find("1e400"), std::string::npos) << r.error().message;
}

TEST(Document, TopLevelMustBeAnObject) {
  const auto r = parse_document("[1, 2]", "kb.json");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("JSON object"), std::string::npos);
}

TEST(Document, DeepNestingIsRejectedBeforeParsing) {
  const auto r = parse_document(std::string(200000, '[') + std::string(200000, ']'), "deep.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kb_too_deep);
}

TEST(Document, DirectoryFilesAreMergedAndKeysRemembered) {
  const fs::path dir = temp_dir() / "merge";
  fs::create_directories(dir);
  write(dir / "a.json", R"({"meta": {"name": "x"}})");
  write(dir / "b.json", R"({"causes": []})");
  write(dir / "notes.txt", "ignored");
  const auto r = read_document(dir);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->root.contains("meta"));
  EXPECT_TRUE(r->root.contains("causes"));
  EXPECT_EQ(r->file_of("/causes/0/id"), (dir / "b.json").string());
  EXPECT_EQ(r->file_of("/meta/name"), (dir / "a.json").string());
  fs::remove_all(dir);
}

TEST(Document, TheSameKeyInTwoFilesIsAnError) {
  const fs::path dir = temp_dir() / "dup";
  fs::create_directories(dir);
  write(dir / "a.json", R"({"causes": []})");
  write(dir / "b.json", R"({"causes": []})");
  const auto r = read_document(dir);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("already defined"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Document, MissingFile) {
  const auto r = read_document("/nonexistent/crampx.json");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kb_missing);
}

}  // namespace
}  // namespace crampx::kb
