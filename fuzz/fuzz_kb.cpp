// The knowledge-base loader on arbitrary JSON: parse (with its size and depth
// limits), schema and integrity validation, compilation to an image, the view
// over it, and then using it: explaining texts, every renderer, why, show, graph
// and search. A knowledge base that passes validation must compile and work, and
// its probabilities are numbers summing to 1.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "compile/compile.h"
#include "fuzz_check.h"
#include "infer/report.h"
#include "kb/document.h"
#include "kb/knowledge_base.h"
#include "kb/validate.h"
#include "report/kb_views.h"
#include "report/render.h"
#include "text/kb_search.h"

using namespace crampx;

namespace {

// Scoring never gives NaN or probabilities that do not sum to 1 (issue 22.2: a prior that
// became 0 in a float made every one NaN).
void check_probabilities(const infer::Report& rep) {
  // The causes and the share kept for a cause the knowledge base does not hold sum to 1.
  fuzz::check(std::isfinite(rep.unlisted) && rep.unlisted >= 0 && rep.unlisted <= 1, "unlisted share in [0, 1]");
  double sum = rep.unlisted;
  for (const infer::CauseScore& s : rep.causes) {
    fuzz::check(std::isfinite(s.log_odds) || s.log_odds == -INFINITY || s.log_odds == INFINITY, "a score is not NaN");
    fuzz::check(s.probability >= 0.0 && s.probability <= 1.0, "a cause probability is a number in [0, 1]");
    sum += s.probability;
  }
  fuzz::check(rep.causes.empty() || std::abs(sum - 1.0) < 1e-9, "cause probabilities and the unlisted share sum to 1");
}

void use(const kb::KnowledgeBase& kb) {
  fuzz::check(nlohmann::json::accept(kb.source_json()), "the image holds its source JSON");
  infer::Workspace workspace;
  infer::Report rep;
  report::RenderOptions options;
  for (const char* text : {"my calves cramp at night after long runs in the heat, no weakness",
                           "I stepped on a rusty nail and now my jaw is stiff? not sure if my mother had twitching",
                           "crmaps and twitchng muscels, denies fever or numbness (but weak)"}) {
    infer::explain(text, {}, kb, {}, workspace, rep);
    check_probabilities(rep);
    for (const report::Format f : {report::Format::json, report::Format::brief}) {
      std::string out;
      report::render(f, rep, kb, options, out);
      fuzz::check(nlohmann::json::accept(out), "JSON output parses");
    }
    std::string out;
    report::render(report::Format::text, rep, kb, options, out);
    report::render(report::Format::markdown, rep, kb, options, out);
  }
  std::string out;
  for (std::uint32_t c = 0; c < kb.causes().size(); ++c) {
    report::render_why(c, kb, options, false, out);
    report::render_why(c, kb, options, true, out);
  }
  for (const kb::FindingRec& f : kb.findings()) report::render_show(kb.str(f.id), kb, options, false, out);
  for (const kb::MechanismRec& m : kb.mechanisms()) report::render_show(kb.str(m.id), kb, options, true, out);
  report::render_graph(kb, report::GraphFormat::dot, std::nullopt, out);
  report::render_graph(kb, report::GraphFormat::mermaid, std::nullopt, out);
  (void)report::closest_id("cramps", kb);
  (void)text::search_kb("calf cramp", kb);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  Result<kb::Document> doc = kb::parse_document(input, "fuzz.json");
  if (!doc) {
    fuzz::check(!doc.error().message.empty(), "a rejected knowledge base says why");
    return 0;
  }
  std::vector<kb::Problem> problems = kb::validate(*doc);
  if (!problems.empty()) {
    (void)kb::format_problems(problems);
    return 0;
  }
  compile::Image image = compile::compile(*doc, kb::embedded().dictionary(), problems);
  if (!problems.empty()) return 0;
  auto owner = std::shared_ptr<const void>(image.storage, image.storage.get());
  Result<kb::KnowledgeBase> kb = kb::KnowledgeBase::from_image(image.bytes(), owner);
  fuzz::check(kb.ok(), "a compiled image opens");
  use(*kb);
  return 0;
}
