// `crampx show ID`: any knowledge-base object, as written in the knowledge base.
// The image keeps the source JSON, so this prints exactly what the author wrote; a
// finding comes with its lexicon entry (/lexicon/ID) and its HPO layperson phrasings.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "kb/phrase_classes.h"
#include "report/kb_views.h"
#include "report/terminal_text.h"
#include "text/typo.h"

namespace crampx::report {
namespace {

using json = nlohmann::json;

constexpr const char* kKinds[] = {"causes",      "findings",   "mechanisms", "conditions", "diagnostics",
                                  "treatments",  "prevention", "red_flags",  "references"};

// The kind ("finding", "cause" ...) and object with this id, if any.
std::pair<std::string, const json*> find_object(const json& root, std::string_view id) {
  for (const char* kind : kKinds) {
    const auto arr = root.find(kind);
    if (arr == root.end() || !arr->is_array()) continue;
    for (const json& obj : *arr) {
      if (obj.is_object() && obj.value("id", "") == id) {
        std::string singular = kind;
        if (singular == "prevention") {
          singular = "prevention";
        } else if (singular == "red_flags") {
          singular = "red_flag";
        } else if (singular == "diagnostics") {
          singular = "diagnostic";
        } else {
          singular.pop_back();  // causes -> cause ...
        }
        return {singular, &obj};
      }
    }
  }
  return {"", nullptr};
}

// The HPO layperson phrasings the table takes for a finding, with the release they come from
// (the HPO's terms of use ask that its version be given wherever its content is shown).
void add_hpo_phrasings(const json& root, const std::string& id, json& out) {
  const auto table = root.find("hpo_layperson");
  if (table == root.end()) return;
  for (const json& term : table->at("terms")) {
    const json& findings = term.at("findings");
    if (std::find(findings.begin(), findings.end(), id) == findings.end()) continue;
    out["hpo_layperson"] = {{"phrases", term.at("phrases")}, {"release", table->at("release")}};
  }
}

// A finding with the members of its lexicon entry (phrases, lookalikes) beside its own,
// each phrase's phrase classes filled in, and its HPO layperson phrasings.
json with_lexicon(const json& root, const json& finding) {
  json out = finding;
  add_hpo_phrasings(root, finding.value("id", ""), out);
  const auto lexicon = root.find("lexicon");
  if (lexicon == root.end() || !lexicon->is_object()) return out;
  const auto entry = lexicon->find(finding.value("id", ""));
  if (entry == lexicon->end() || !entry->is_object()) return out;
  const json& classes = kb::phrase_classes_of(root);
  for (const auto& [key, phrases] : entry->items()) {
    json& filled = out[key] = json::array();
    for (const json& phrase : phrases) {
      for (std::string& each : kb::expand_phrase_classes(phrase.get<std::string>(), classes).phrases) {
        filled.push_back(std::move(each));
      }
    }
  }
  return out;
}

// A string of the knowledge base as shown on a terminal: validation refuses control
// characters, and they are neutralised here all the same (the source JSON is shown as written).
std::string shown(const json& v) { return terminal_safe(v.is_string() ? v.get_ref<const std::string&>() : v.dump()); }

void text_value(const std::string& key, const json& v, std::size_t indent, std::size_t width, std::string& out) {
  const std::string pad(indent, ' ');
  const std::string name = terminal_safe(key);
  if (v.is_object()) {
    out += pad + name + ":\n";
    for (const auto& [k, child] : v.items()) text_value(k, child, indent + 2, width, out);
  } else if (v.is_array()) {
    out += pad + name + ":\n";
    for (const json& item : v) {
      if (item.is_object()) {
        bool first = true;
        for (const auto& [k, child] : item.items()) {
          std::string line;
          text_value(k, child, indent + 4, width, line);
          if (first) line.replace(indent + 2, 2, "- ");
          out += line;
          first = false;
        }
      } else {
        append_wrapped(out, pad + "  - ", shown(item), indent + 4, width);
      }
    }
  } else {
    append_wrapped(out, fmt::format("{}{}: ", pad, name), shown(v), indent + 2, width);
  }
}

}  // namespace

std::string closest_id(std::string_view id, const kb::KnowledgeBase& kb) {
  const json root = json::parse(kb.source_json());
  // A near spelling first; else the shortest id that contains what was typed ("mcardle").
  std::string best;
  int best_distance = 4;
  std::string containing;
  for (const char* kind : kKinds) {
    for (const json& obj : root.value(kind, json::array())) {
      const std::string candidate = obj.value("id", "");
      const int d = text::osa_distance(id, candidate, 3);
      if (d < best_distance) best_distance = d, best = candidate;
      // Ids that start with the typed text rank before ids that merely contain it.
      auto rank = [&](const std::string& c) { return std::pair(c.rfind(id, 0) != 0, c.size()); };
      if (id.size() >= 3 && candidate.find(id) != std::string::npos &&
          (containing.empty() || rank(candidate) < rank(containing))) {
        containing = candidate;
      }
    }
  }
  return best.empty() ? containing : best;
}

bool render_show(std::string_view id, const kb::KnowledgeBase& kb, const RenderOptions& options, bool json_out,
                 std::string& out) {
  const json root = json::parse(kb.source_json());
  const auto [kind, found] = find_object(root, id);
  if (found == nullptr) return false;
  json obj = kind == "finding" ? with_lexicon(root, *found) : *found;
  if (json_out) {
    // What sort of object this is goes beside its members, never over them: a cause's,
    // finding's or treatment's own `kind` (lookalike, symptom, medication) is as written.
    obj["object"] = kind;
    out += terminal_safe_json(obj.dump(options.indent > 0 ? options.indent : -1)) + "\n";
    return true;
  }
  out += fmt::format("{} {}\n", kind, terminal_safe(id));
  for (const auto& [k, v] : obj.items()) {
    if (k != "id") text_value(k, v, 2, std::max<std::size_t>(options.width, 40), out);
  }
  return true;
}

}  // namespace crampx::report
