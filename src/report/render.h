// Renderers: one per output format, all behind render(). They only read the
// Report and the knowledge base; they never print (the CLI writes `out`).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/enum_names.h"
#include "base/result.h"
#include "infer/report.h"
#include "kb/knowledge_base.h"

namespace crampx::report {

enum class Format { text, json, jsonl, markdown, brief };

}  // namespace crampx::report

namespace crampx {

template <>
struct EnumNames<report::Format> {  // explain --format (brief is --brief, a form of jsonl)
  static constexpr std::pair<report::Format, std::string_view> table[] = {
      {report::Format::text, "text"},
      {report::Format::json, "json"},
      {report::Format::jsonl, "jsonl"},
      {report::Format::markdown, "markdown"},
      {report::Format::brief, "brief"}};
};

}  // namespace crampx

namespace crampx::report {

inline constexpr std::string_view kReportSchema = "crampx/report/v2";

// --json's indentation when it is indented (on a terminal, or with --pretty).
inline constexpr int kPrettyIndent = 2;

// A report lists at most this many finding mentions and unrecognized words; the
// rest are counted (`findings_omitted`, `unrecognized_omitted`). Every mention still
// counts as evidence: the cap only keeps a pathological text (a 10 MB paste) from
// producing a report twenty times its size.
inline constexpr std::size_t kMaxListed = 1000;

struct RenderOptions {
  std::size_t top = 5;      // causes shown
  bool color = false;       // ANSI colour (text only)
  std::size_t width = 80;   // wrap width (text only)
  bool full = false;        // text and markdown: every detail, not the short report
  int indent = kPrettyIndent;  // json: spaces per level; 0 writes one line
};

// Appends the rendering of `report` to `out`; jsonl and brief end with one newline.
void render(Format format, const infer::Report& report, const kb::KnowledgeBase& kb, const RenderOptions& options,
            std::string& out);

// The record for an input line that could not be explained (jsonl and brief):
// {"schema": ..., "id": ..., "line": N, "error": {"code": ..., "message": ...}} and a
// newline. `id` is raw JSON; `line` is the input's line number (0: left out).
void render_error_record(const std::optional<std::string>& id, std::uint64_t line, const Error& error,
                         std::string& out);

// Individual renderers (render() dispatches to them).
void render_json(const infer::Report& report, const kb::KnowledgeBase& kb, const RenderOptions& options, int indent,
                 std::string& out);
void render_brief(const infer::Report& report, const kb::KnowledgeBase& kb, const RenderOptions& options,
                  std::string& out);
void render_text(const infer::Report& report, const kb::KnowledgeBase& kb, const RenderOptions& options,
                 std::string& out);
void render_markdown(const infer::Report& report, const kb::KnowledgeBase& kb, const RenderOptions& options,
                     std::string& out);

}  // namespace crampx::report
