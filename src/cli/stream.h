// --jsonl: one report (or error record) per input line, in input order, with
// -j N worker threads. Memory is bounded by the batches in flight.
#pragma once

#include <optional>
#include <vector>

#include "cli/context.h"
#include "infer/report.h"
#include "report/render.h"

namespace crampx::cli {

struct StreamOptions {
  report::Format format;  // jsonl or brief
  report::RenderOptions render;
  infer::ExplainOptions explain;
  std::vector<infer::AnswerEntry> answers;  // --answer, applied to every record (a record's own win)
  unsigned jobs = 1;
  std::optional<kb::Level> fail_on;  // --fail-on: exit 3 when any record's triage reaches it
};

// Exit code: 2 if any line was bad (after the whole stream), else 3 if --fail-on's
// level was reached, else 0 if any line was explained, else 1; 130 when interrupted.
int run_stream(const Context& ctx, const StreamOptions& options);

}  // namespace crampx::cli
