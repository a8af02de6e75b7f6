// Reading a knowledge base from JSON: one file, or every *.json of a directory
// merged (each top-level key from one file), with the limits below (docs/RELIABILITY.md, "Limits").
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/result.h"

namespace crampx::kb {

inline constexpr std::size_t kMaxKbBytes = 32u << 20;  // per knowledge base, all files together
// Any string of a knowledge base; checked before the schema, because valijson matches
// `pattern` with std::regex, whose cost (and recursion) grows with the string's length.
inline constexpr std::size_t kMaxKbStringBytes = 20000;

// One thing wrong with a knowledge base: where (file and JSON pointer) and what.
struct Problem {
  std::string file;
  std::string pointer;
  std::string message;
};

// "file: /pointer: message" lines, one per problem.
std::string format_problems(const std::vector<Problem>& problems);

struct Document {
  nlohmann::json root = nlohmann::json::object();
  // Which file each top-level key came from, for error messages.
  std::vector<std::pair<std::string, std::string>> key_files;

  // The file holding the value at `pointer` ("/causes/3/prior" -> ".../causes.json").
  std::string file_of(std::string_view pointer) const;
};

// Parses `text` (named `name` in messages). Syntax errors report line and column.
Result<Document> parse_document(std::string_view text, const std::string& name);

// Reads a file, or merges every *.json file of a directory in name order.
Result<Document> read_document(const std::filesystem::path& path);

}  // namespace crampx::kb
