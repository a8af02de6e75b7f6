#include "kb/phrase_classes.h"

#include <optional>

#include <fmt/format.h>

namespace crampx::kb {
namespace {

using json = nlohmann::json;

// A class name in braces: "{relative}" at [begin, end) of the phrase.
struct NameRef {
  std::size_t begin;
  std::size_t end;
  std::string_view name;
};

bool is_name(std::string_view s) {
  if (s.empty() || s.front() < 'a' || s.front() > 'z') return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::optional<NameRef> next_name(std::string_view phrase, std::size_t from) {
  for (std::size_t open = phrase.find('{', from); open != std::string_view::npos;
       open = phrase.find('{', open + 1)) {
    const std::size_t close = phrase.find('}', open + 1);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view name = phrase.substr(open + 1, close - open - 1);
    if (is_name(name)) return NameRef{open, close + 1, name};
  }
  return std::nullopt;
}

}  // namespace

PhraseExpansion expand_phrase_classes(std::string_view phrase, const json& classes) {
  PhraseExpansion out;
  std::vector<std::string_view> pieces;             // the text around the names: one more than names
  std::vector<std::vector<std::string_view>> words;  // each name's class
  std::size_t combinations = 1;
  std::size_t pos = 0;
  while (const std::optional<NameRef> ref = next_name(phrase, pos)) {
    const auto it = classes.is_object() ? classes.find(std::string(ref->name)) : classes.end();
    if (it == classes.end() || !it->is_array()) {
      out.problem = fmt::format("'{{{}}}' names no class of /language/phrase_classes", ref->name);
      return out;
    }
    std::vector<std::string_view> list;
    for (const json& w : *it) {
      if (w.is_string()) list.push_back(w.get_ref<const std::string&>());
    }
    if (list.empty()) {
      out.problem = fmt::format("the phrase class '{}' has no words", ref->name);
      return out;
    }
    if (list.size() > kMaxPhraseExpansions / combinations) {
      out.problem = fmt::format("the phrase stands for more than {} phrases", kMaxPhraseExpansions);
      return out;
    }
    combinations *= list.size();
    pieces.push_back(phrase.substr(pos, ref->begin - pos));
    words.push_back(std::move(list));
    pos = ref->end;
  }
  pieces.push_back(phrase.substr(pos));

  // Every combination, like an odometer whose last wheel turns fastest.
  std::vector<std::size_t> pick(words.size(), 0);
  out.phrases.reserve(combinations);
  for (;;) {
    std::string filled(pieces[0]);
    for (std::size_t i = 0; i < words.size(); ++i) {
      filled += words[i][pick[i]];
      filled += pieces[i + 1];
    }
    out.phrases.push_back(std::move(filled));
    std::size_t k = words.size();
    while (k > 0 && ++pick[k - 1] == words[k - 1].size()) pick[--k] = 0;
    if (k == 0) break;
  }
  return out;
}

const json& phrase_classes_of(const json& root) {
  static const json none = json::object();
  const auto language = root.is_object() ? root.find("language") : root.end();
  if (language == root.end() || !language->is_object()) return none;
  const auto classes = language->find("phrase_classes");
  return classes != language->end() && classes->is_object() ? *classes : none;
}

}  // namespace crampx::kb
