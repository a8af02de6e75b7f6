// crampx kb dump | validate FILE | stats
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "compile/compile.h"
#include "kb/validate.h"
#include "report/json_writer.h"
#include "report/terminal_text.h"

namespace crampx::cli {

int run_kb_dump(const Context& ctx) {
  // The source JSON is kept in the image; it is parsed only here, for pretty printing.
  const nlohmann::json doc = nlohmann::json::parse(ctx.kb.source_json());
  ctx.out.write(report::terminal_safe_json(doc.dump(2)) + "\n");
  return kExitExplained;
}

int run_kb_validate(const Context& ctx, const KbOptions& o) {
  Result<kb::Document> doc = kb::read_document(o.file);
  if (!doc) {
    print_error(doc.error().message);
    return kExitError;
  }
  std::vector<kb::Problem> problems = kb::validate(*doc);
  if (problems.empty()) compile::compile(*doc, kb::embedded().dictionary(), problems);
  if (!problems.empty()) {
    print_error(fmt::format("{} is not a valid knowledge base ({} problem{}):\n{}", o.file, problems.size(),
                            problems.size() == 1 ? "" : "s", kb::format_problems(problems)));
    return kExitError;
  }
  ctx.out.write(fmt::format("{}: valid\n", o.file));
  return kExitExplained;
}

int run_kb_stats(const Context& ctx, bool json) {
  const kb::KnowledgeBase& kb = ctx.kb;
  std::size_t weights = 0;
  for (const kb::CauseRec& c : kb.causes()) weights += c.findings.count;
  std::size_t cautions = 0;
  for (const kb::TreatmentRec& t : kb.treatments()) cautions += t.cautions.count;
  std::size_t finding_phrases = 0;
  for (const kb::FindingRec& f : kb.findings()) finding_phrases += f.phrases.count;
  const std::pair<std::string_view, std::size_t> counts[] = {
      {"causes", kb.causes().size()},
      {"findings", kb.findings().size()},
      {"finding_phrases", finding_phrases},
      {"cause_finding_weights", weights},
      {"mechanisms", kb.mechanisms().size()},
      {"conditions", kb.conditions().size()},
      {"diagnostics", kb.diagnostics().size()},
      {"treatments", kb.treatments().size()},
      {"cautions", cautions},
      {"prevention", kb.prevention().size()},
      {"red_flags", kb.red_flags().size()},
      {"references", kb.references().size()},
      {"triggers", kb.triggers().size()},
      {"guards", kb.guards().size()},
      {"vocabulary_stems", kb.vocab().size()},
      {"typo_words", kb.typo_words().size()},
      {"image_bytes", kb.image().size()},
  };
  std::string& out = ctx.out.buffer();
  if (json) {
    report::JsonWriter w(out, ctx.json_indent);
    w.begin_object();
    w.field("version", kb.str(kb.meta().version));
    for (const auto& [name, n] : counts) w.escaped_key(name).value(static_cast<std::int64_t>(n));
    w.end_object();
    out.push_back('\n');
  } else {
    out += fmt::format("{} {}\n", kb.str(kb.meta().name), kb.str(kb.meta().version));
    for (const auto& [name, n] : counts) out += fmt::format("  {:<22} {}\n", name, n);
  }
  ctx.out.commit();
  return kExitExplained;
}

}  // namespace crampx::cli
