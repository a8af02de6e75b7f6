// The whole explain pipeline on arbitrary bytes: tokens, lexicon, typo repair,
// assertion, evidence, scoring, triage, the next question, and every renderer.
// Besides the sanitizers it checks that spans lie inside the text, probabilities
// are sane, JSON output parses, and text for the terminal holds no control bytes.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_check.h"
#include "infer/report.h"
#include "kb/knowledge_base.h"
#include "report/render.h"

using namespace crampx;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const kb::KnowledgeBase& kb = kb::embedded();
  static infer::Workspace workspace;  // reused from input to input, as a stream reuses it
  static infer::Report rep;

  infer::explain(input, {}, kb, {}, workspace, rep);
  for (const text::Mention& m : rep.analysis.mentions) {
    fuzz::check(m.begin < m.end && m.end <= size, "mention span inside the input");
    fuzz::check(m.finding < kb.findings().size(), "mention of a finding of the knowledge base");
  }
  for (const text::Span& s : rep.analysis.unrecognized) fuzz::check(s.begin < s.end && s.end <= size, "word span");
  fuzz::check(rep.in_scope == !rep.causes.empty(), "causes exactly when in scope");
  // The causes and the share kept for a cause the knowledge base does not hold sum to 1.
  fuzz::check(std::isfinite(rep.unlisted) && rep.unlisted >= 0 && rep.unlisted <= 1, "unlisted share in [0, 1]");
  double total = rep.unlisted;
  for (const infer::CauseScore& c : rep.causes) {
    fuzz::check(std::isfinite(c.probability) && c.probability >= 0 && c.probability <= 1, "probability in [0, 1]");
    total += c.probability;
  }
  fuzz::check(rep.causes.empty() || std::abs(total - 1.0) < 1e-6, "probabilities and the unlisted share sum to 1");

  report::RenderOptions options;
  for (const report::Format f : {report::Format::json, report::Format::jsonl, report::Format::brief}) {
    std::string out;
    report::render(f, rep, kb, options, out);
    fuzz::check(nlohmann::json::accept(out), "JSON output parses");
  }
  {
    std::string out;
    options.width = 20 + size % 100;
    report::render(report::Format::text, rep, kb, options, out);
    fuzz::check(fuzz::terminal_clean(out), "text output holds no control bytes");
    std::string md;
    report::render(report::Format::markdown, rep, kb, options, md);
    fuzz::check(fuzz::terminal_clean(md), "markdown output holds no control bytes");
  }
  // As --brief runs it (no explanations, question or unrecognized words, and no assertion
  // for a text without findings): the same findings, ranking and triage.
  struct Seen {
    std::uint32_t finding;
    text::Status status;
  };
  std::vector<Seen> mentions;
  for (const text::Mention& m : rep.analysis.mentions) mentions.push_back({m.finding, m.status});
  std::vector<std::pair<std::uint32_t, double>> ranking;
  for (const infer::CauseScore& c : rep.causes) ranking.emplace_back(c.cause, c.probability);
  const kb::Level level = rep.triage.level;
  const bool no_triage = rep.triage.none;
  infer::ExplainOptions brief;
  brief.explain_causes = false;
  brief.ask_question = false;
  brief.list_unrecognized = false;
  infer::explain(input, {}, kb, brief, workspace, rep);
  fuzz::check(rep.analysis.mentions.size() == mentions.size(), "brief finds the same mentions");
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    fuzz::check(rep.analysis.mentions[i].finding == mentions[i].finding &&
                    rep.analysis.mentions[i].status == mentions[i].status,
                "brief reads each mention the same");
  }
  fuzz::check(rep.causes.size() == ranking.size(), "brief ranks the same causes");
  for (std::size_t i = 0; i < ranking.size(); ++i) {
    fuzz::check(rep.causes[i].cause == ranking[i].first && rep.causes[i].probability == ranking[i].second,
                "brief ranks the same");
  }
  fuzz::check(rep.triage.level == level && rep.triage.none == no_triage, "brief triages the same");
  // Without typo repair.
  brief.repair_typos = false;
  infer::explain(input, {}, kb, brief, workspace, rep);
  return 0;
}
