// `crampx graph`: causes -> the mechanism chain each acts through (down to the
// step of normal contraction it disturbs), and the findings that point to each
// cause most strongly, as Graphviz DOT or Mermaid.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "kb/likelihood.h"
#include "report/kb_views.h"

namespace crampx::report {
namespace {

// Only findings at least this telling (likelihood ratio when present) are drawn,
// so the graph shows each cause's signature rather than every weight.
constexpr double kMinDrawnLr = 3.0;

std::string dot_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out + "\"";
}

std::string mermaid_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') {
      out += "#quot;";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out.push_back(c);
    }
  }
  return out + "\"";
}

struct Edge {
  std::string from, to;
  std::string label;
  bool evidence;  // finding -> cause (dashed)
};

}  // namespace

void render_graph(const kb::KnowledgeBase& kb, GraphFormat format, std::optional<std::uint32_t> only_cause,
                  std::string& out) {
  std::set<std::uint32_t> causes, mechanisms, findings;
  std::vector<Edge> edges;
  for (std::uint32_t c = 0; c < kb.causes().size(); ++c) {
    if (only_cause && *only_cause != c) continue;
    const kb::CauseRec& cause = kb.causes()[c];
    causes.insert(c);
    std::string prev(kb.str(cause.id));
    for (std::uint32_t m : kb.ids(cause.mechanisms)) {
      mechanisms.insert(m);
      edges.push_back({prev, std::string(kb.str(kb.mechanisms()[m].id)), "", false});
      prev = kb.str(kb.mechanisms()[m].id);
    }
    for (const kb::CauseFindingRec& cf : kb.cause_findings(cause)) {
      const double lr = kb::likelihoods(cf.frequency, kb.findings()[cf.finding].base_rate).lr_present();
      if (lr < kMinDrawnLr) continue;
      findings.insert(cf.finding);
      edges.push_back({std::string(kb.str(kb.findings()[cf.finding].id)), std::string(kb.str(cause.id)),
                       fmt::format("LR {:.0f}", lr), true});
    }
  }

  if (format == GraphFormat::dot) {
    out += "digraph crampx {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n";
    for (std::uint32_t f : findings) {
      out += fmt::format("  {} [label={}, shape=note, style=filled, fillcolor=\"#eef5ff\"];\n",
                         dot_quote(kb.str(kb.findings()[f].id)), dot_quote(kb.str(kb.findings()[f].label)));
    }
    for (std::uint32_t c : causes) {
      out += fmt::format("  {} [label={}, shape=box, style=\"filled,bold\", fillcolor=\"#ffe9d6\"];\n",
                         dot_quote(kb.str(kb.causes()[c].id)), dot_quote(kb.str(kb.causes()[c].label)));
    }
    for (std::uint32_t m : mechanisms) {
      const kb::MechanismRec& rec = kb.mechanisms()[m];
      const bool normal = rec.kind == kb::MechanismKind::normal_step;
      out += fmt::format("  {} [label={}, shape={}, style=filled, fillcolor=\"{}\"];\n", dot_quote(kb.str(rec.id)),
                         dot_quote(kb.str(rec.label)), normal ? "ellipse" : "hexagon", normal ? "#e3f6e3" : "#fff7cc");
    }
    for (const Edge& e : edges) {
      out += fmt::format("  {} -> {}{};\n", dot_quote(e.from), dot_quote(e.to),
                         e.evidence ? fmt::format(" [style=dashed, label={}]", dot_quote(e.label)) : "");
    }
    out += "}\n";
    return;
  }
  out += "graph LR\n";
  for (std::uint32_t f : findings) {
    out += fmt::format("  {}[{}]\n", kb.str(kb.findings()[f].id), mermaid_quote(kb.str(kb.findings()[f].label)));
  }
  for (std::uint32_t c : causes) {
    out += fmt::format("  {}[[{}]]\n", kb.str(kb.causes()[c].id), mermaid_quote(kb.str(kb.causes()[c].label)));
  }
  for (std::uint32_t m : mechanisms) {
    const kb::MechanismRec& rec = kb.mechanisms()[m];
    const bool normal = rec.kind == kb::MechanismKind::normal_step;
    out += fmt::format("  {}{}{}{}\n", kb.str(rec.id), normal ? "([" : "{{", mermaid_quote(kb.str(rec.label)),
                       normal ? "])" : "}}");
  }
  for (const Edge& e : edges) {
    if (e.evidence) {
      out += fmt::format("  {} -.->|{}| {}\n", e.from, e.label, e.to);
    } else {
      out += fmt::format("  {} --> {}\n", e.from, e.to);
    }
  }
}

}  // namespace crampx::report
