// crampx search WORDS: causes, findings and other entries by words, with "did you mean".
#include <algorithm>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "report/json_writer.h"
#include "report/terminal_text.h"
#include "text/kb_search.h"

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
    report::JsonWriter w(out, ctx.json_indent);
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
      report::append_wrapped(out, fmt::format("{:<{}}  ", h.kind + " " + std::string(h.id), width),
                             report::terminal_safe(fmt::format("{} ({})", h.label, h.why)), width + 2, ctx.width);
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

}  // namespace crampx::cli
