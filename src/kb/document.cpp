#include "kb/document.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "base/json_limits.h"

namespace crampx::kb {
namespace {

Result<std::string> read_file(const std::filesystem::path& path, std::size_t budget) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Error{ErrorCode::kb_unreadable, fmt::format("{}: cannot read: {}", path.string(), ec.message())};
  if (size > budget) {
    return Error{ErrorCode::kb_too_large,
                 fmt::format("{}: the knowledge base is larger than the limit of {} MiB", path.string(),
                             kMaxKbBytes >> 20)};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kb_unreadable, fmt::format("{}: cannot open the file", path.string())};
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::size_t>(in.gcount()) != size) {
    return Error{ErrorCode::kb_unreadable, fmt::format("{}: read failed", path.string())};
  }
  return text;
}

Status merge_into(Document& doc, Document part) {
  for (auto& [key, file] : part.key_files) {
    for (const auto& [k, f] : doc.key_files) {
      if (k == key) {
        return Error{ErrorCode::kb_invalid,
                     fmt::format("{}: /{}: this top-level key is already defined in {}", file, key, f)};
      }
    }
    doc.root[key] = std::move(part.root[key]);
    doc.key_files.emplace_back(key, file);
  }
  return {};
}

}  // namespace

std::string format_problems(const std::vector<Problem>& problems) {
  std::string out;
  for (const Problem& p : problems) {
    out += fmt::format("{}: {}: {}\n", p.file, p.pointer.empty() ? "/" : p.pointer, p.message);
  }
  if (!out.empty()) out.pop_back();
  return out;
}

std::string Document::file_of(std::string_view pointer) const {
  const std::string_view rest = pointer.substr(pointer.empty() ? 0 : 1);
  const std::string_view key = rest.substr(0, rest.find('/'));
  for (const auto& [k, f] : key_files) {
    if (k == key) return f;
  }
  return key_files.empty() ? std::string() : key_files[0].second;
}

Result<Document> parse_document(std::string_view text, const std::string& name) {
  if (text.size() > kMaxKbBytes) {
    return Error{ErrorCode::kb_too_large,
                 fmt::format("{}: the knowledge base is larger than the limit of {} MiB", name, kMaxKbBytes >> 20)};
  }
  if (json_depth_exceeds(text)) {
    return Error{ErrorCode::kb_too_deep, fmt::format("{}: JSON nested deeper than {} levels", name, kMaxJsonDepth)};
  }
  Document doc;
  try {
    doc.root = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const LineColumn lc = line_column(text, e.byte == 0 ? 0 : e.byte - 1);
    std::string what = e.what();
    if (const auto pos = what.find(": "); pos != std::string::npos) what = what.substr(pos + 2);
    return Error{ErrorCode::kb_syntax, fmt::format("{}:{}:{}: invalid JSON: {}", name, lc.line, lc.column, what)};
  } catch (const nlohmann::json::exception& e) {
    // Not a syntax error but a value the parser cannot hold, such as the number 1e400
    // (out_of_range.406); nlohmann reports no position for these.
    std::string what = e.what();
    if (const auto pos = what.find("] "); pos != std::string::npos) what = what.substr(pos + 2);
    return Error{ErrorCode::kb_syntax, fmt::format("{}: invalid JSON: {}", name, what)};
  }
  if (!doc.root.is_object()) {
    return Error{ErrorCode::kb_invalid, fmt::format("{}: /: a knowledge-base file must hold a JSON object", name)};
  }
  for (const auto& item : doc.root.items()) doc.key_files.emplace_back(item.key(), name);
  return doc;
}

Result<Document> read_document(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Error{ErrorCode::kb_missing, fmt::format("{}: no such file or directory", path.string())};
  }
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(path, ec)) {
    for (const auto& entry : std::filesystem::directory_iterator(path, ec)) {
      if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    if (ec) return Error{ErrorCode::kb_unreadable, fmt::format("{}: {}", path.string(), ec.message())};
    std::sort(files.begin(), files.end());
    if (files.empty()) return Error{ErrorCode::kb_missing, fmt::format("{}: the directory holds no .json file", path.string())};
  } else {
    files.push_back(path);
  }
  Document doc;
  std::size_t budget = kMaxKbBytes;
  for (const auto& file : files) {
    Result<std::string> text = read_file(file, budget);
    if (!text) return text.error();
    budget -= text->size();
    Result<Document> part = parse_document(*text, file.string());
    if (!part) return part.error();
    if (Status st = merge_into(doc, std::move(*part)); !st) return st.error();
  }
  return doc;
}

}  // namespace crampx::kb
