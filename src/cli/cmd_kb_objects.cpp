// crampx why CAUSE | show ID | search WORDS | graph: the knowledge base's own content.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "report/json_writer.h"
#include "report/kb_views.h"
#include "report/terminal_text.h"
#include "text/kb_search.h"

namespace crampx::cli {
namespace {

report::RenderOptions render_options(const Context& ctx) {
  report::RenderOptions o;
  o.color = ctx.color;
  o.width = ctx.width;
  return o;
}

void not_found(std::string_view what, std::string_view id, const Context& ctx, std::string_view list_hint) {
  const std::string near = report::closest_id(id, ctx.kb);
  print_error(fmt::format("no {} with id '{}'{}", what, id, near.empty() ? "" : fmt::format("; did you mean '{}'?", near)),
              list_hint);
}

}  // namespace

int run_why(const Context& ctx, const ObjectOptions& o) {
  const auto cause = ctx.kb.find_cause(o.id);
  if (!cause) {
    not_found("cause", o.id, ctx, "see the causes with 'crampx list causes'");
    return kExitError;
  }
  report::render_why(*cause, ctx.kb, render_options(ctx), o.json, ctx.out.buffer());
  ctx.out.commit();
  return kExitExplained;
}

int run_show(const Context& ctx, const ObjectOptions& o) {
  if (!report::render_show(o.id, ctx.kb, render_options(ctx), o.json, ctx.out.buffer())) {
    not_found("knowledge-base object", o.id, ctx, "search for it with 'crampx search WORDS'");
    return kExitError;
  }
  ctx.out.commit();
  return kExitExplained;
}

}  // namespace crampx::cli

namespace crampx::cli {

int run_search(const Context& ctx, const SearchOptions& o) {
  std::string query;
  for (const std::string& w : o.words) query += (query.empty() ? "" : " ") + w;
  const text::SearchResult result = text::search_kb(query, ctx.kb);
  const std::string safe_query = report::terminal_safe(query);
  if (!result.did_you_mean.empty() && !result.hits.empty()) {  // a note, not data: stderr
    print_note(fmt::format("no entry is spelt '{}'; showing results for '{}'", safe_query,
                           report::terminal_safe(result.did_you_mean)));
  }
  std::string& out = ctx.out.buffer();
  if (o.json) {
    report::JsonWriter w(out, 2);
    w.begin_array();
    for (const text::SearchHit& h : result.hits) {
      w.begin_object().field("kind", h.kind).field("id", h.id).field("label", h.label).field("why", h.why);
      w.end_object();
    }
    w.end_array();
    out.push_back('\n');
  } else {
    std::size_t width = 0;
    for (const text::SearchHit& h : result.hits) width = std::max(width, h.kind.size() + 1 + h.id.size());
    for (const text::SearchHit& h : result.hits) {
      out += fmt::format("{:<{}}  {}  ({})\n", h.kind + " " + std::string(h.id), width, h.label, h.why);
    }
  }
  ctx.out.commit();
  if (!result.hits.empty()) return kExitExplained;
  print_error(fmt::format("nothing in the knowledge base matches '{}'{}", safe_query,
                          result.did_you_mean.empty()
                              ? ""
                              : fmt::format(" (nor '{}')", report::terminal_safe(result.did_you_mean))),
              "try other words, or list everything with 'crampx list findings'");
  return kExitNothing;
}

int run_graph(const Context& ctx, const GraphOptions& o) {
  std::optional<std::uint32_t> only;
  if (!o.cause.empty()) {
    only = ctx.kb.find_cause(o.cause);
    if (!only) {
      not_found("cause", o.cause, ctx, "see the causes with 'crampx list causes'");
      return kExitError;
    }
  }
  report::render_graph(ctx.kb, o.format == "mermaid" ? report::GraphFormat::mermaid : report::GraphFormat::dot, only,
                       ctx.out.buffer());
  ctx.out.commit();
  return kExitExplained;
}

}  // namespace crampx::cli
