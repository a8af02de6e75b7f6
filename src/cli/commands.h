// One function per command (the table in definition.cpp names them); each returns
// the process exit code (exit_codes.h).
#pragma once

#include "cli/context.h"
#include "cli/options.h"

namespace crampx::cli {

struct Invocation;

int run_explain(const Context& ctx, const ExplainOptions& options);
int run_interview(const Context& ctx, const InterviewOptions& options);
int run_why(const Context& ctx, const ObjectOptions& options);
int run_show(const Context& ctx, const ObjectOptions& options);
int run_search(const Context& ctx, const SearchOptions& options);
int run_graph(const Context& ctx, const GraphOptions& options);
int run_list(const Context& ctx, const ListOptions& options);
int run_kb_dump(const Context& ctx);
int run_kb_validate(const Context& ctx, const KbOptions& options);
int run_kb_stats(const Context& ctx, bool json);
// The documents generated from the command line's definition (Invocation::app).
int run_completion(const Context& ctx, const Invocation& inv);
int run_man(const Context& ctx, const Invocation& inv);
int run_help(const Context& ctx, const Invocation& inv);

}  // namespace crampx::cli
