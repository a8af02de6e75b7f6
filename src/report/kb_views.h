// Views of the knowledge base itself (not of a report): `crampx why CAUSE` and
// `crampx show ID`, as text for people or as JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "base/enum_names.h"

#include "kb/knowledge_base.h"
#include "report/render.h"

namespace crampx::report {

// One cause in full: the mechanism chain down to the step of contraction it
// disturbs, its typical evidence with likelihood ratios, conditions, tests,
// treatments with their cautions, prevention and references.
void render_why(std::uint32_t cause, const kb::KnowledgeBase& kb, const RenderOptions& options, bool json,
                std::string& out);

// Any knowledge-base object by id, as it is written in the knowledge base.
// Returns false when no object has that id.
bool render_show(std::string_view id, const kb::KnowledgeBase& kb, const RenderOptions& options, bool json,
                 std::string& out);

enum class GraphFormat { dot, mermaid };

}  // namespace crampx::report

namespace crampx {

template <>
struct EnumNames<report::GraphFormat> {  // graph --format
  static constexpr std::pair<report::GraphFormat, std::string_view> table[] = {
      {report::GraphFormat::dot, "dot"}, {report::GraphFormat::mermaid, "mermaid"}};
};

}  // namespace crampx

namespace crampx::report {

// Causes -> mechanism chains, and the findings that point to each cause most
// strongly; all causes, or one.
void render_graph(const kb::KnowledgeBase& kb, GraphFormat format, std::optional<std::uint32_t> only_cause,
                  std::string& out);

// The id closest to `id` among all objects, for "did you mean"; empty when none is close.
std::string closest_id(std::string_view id, const kb::KnowledgeBase& kb);

}  // namespace crampx::report
