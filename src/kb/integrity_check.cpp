// Referential integrity: every id referenced exists in the right array, ids are
// unique, mechanism chains are well formed, the causes meta.required_causes lists
// are defined, and nothing is defined but unused (findings, treatments,
// diagnostics, prevention, references).
// Written defensively: it runs even when the schema check failed, skipping
// values of the wrong type, so that one run reports every problem.
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "kb/phrase_classes.h"
#include "kb/validate.h"

namespace crampx::kb {
namespace {

using json = nlohmann::json;

const json* array_at(const json& root, const char* key) {
  const auto it = root.find(key);
  return it != root.end() && it->is_array() ? &*it : nullptr;
}

// A key as one token of a JSON pointer: '~' and '/' escaped (RFC 6901).
std::string pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

const std::string* string_at(const json& obj, const char* key) {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get_ptr<const std::string*>() : nullptr;
}

class Checker {
 public:
  explicit Checker(const Document& doc) : doc_(doc), root_(doc.root) {}

  std::vector<Problem> run() {
    if (!root_.is_object()) return std::move(problems_);
    collect_ids();
    check_references();
    check_findings_used();
    check_required_causes();
    check_used_by_causes("treatments", "treatment");
    check_used_by_causes("diagnostics", "diagnostic step");
    check_used_by_causes("prevention", "prevention item");
    check_references_used();
    check_mechanisms();
    check_numbers();
    check_causes();
    check_conditions();
    check_red_flags();
    check_treatments();
    check_lexicon();
    check_hpo_layperson();
    check_language();
    check_frames();
    check_phrase_classes();
    return std::move(problems_);
  }

 private:
  void add(const std::string& pointer, std::string message) {
    problems_.push_back({doc_.file_of(pointer), pointer, std::move(message)});
  }

  // Ids are unique across every kind, so that `crampx show ID` is unambiguous.
  void collect_ids() {
    static const char* kinds[] = {"references", "findings", "mechanisms", "causes", "conditions",
                                  "diagnostics", "treatments", "prevention", "red_flags"};
    std::map<std::string, std::string> seen;  // id -> pointer of first definition
    for (const char* kind : kinds) {
      const json* arr = array_at(root_, kind);
      if (arr == nullptr) continue;
      for (std::size_t i = 0; i < arr->size(); ++i) {
        const std::string* id = string_at((*arr)[i], "id");
        if (id == nullptr) continue;
        const std::string pointer = fmt::format("/{}/{}/id", kind, i);
        if (const auto [it, fresh] = seen.emplace(*id, pointer); !fresh) {
          add(pointer, fmt::format("duplicate id '{}' (first defined at {})", *id, it->second));
        }
        ids_[kind].emplace(*id, i);
      }
    }
  }

  bool has(const char* kind, const std::string& id) const {
    const auto it = ids_.find(kind);
    return it != ids_.end() && it->second.count(id) != 0;
  }

  // Checks that obj[key] (an id or array of ids) names entries of `kind`.
  void check_ids(const json& obj, const std::string& base, const char* key, const char* kind,
                 std::set<std::string>* used = nullptr) {
    if (!obj.is_object()) return;
    const auto it = obj.find(key);
    if (it == obj.end()) return;
    auto one = [&](const json& v, const std::string& pointer) {
      if (!v.is_string()) return;
      const auto& id = v.get_ref<const std::string&>();
      if (!has(kind, id)) {
        add(pointer, fmt::format("'{}' is not the id of any entry of /{}", id, kind));
      } else if (used != nullptr) {
        used->insert(id);
      }
    };
    if (it->is_array()) {
      for (std::size_t i = 0; i < it->size(); ++i) one((*it)[i], fmt::format("{}/{}/{}", base, key, i));
    } else {
      one(*it, fmt::format("{}/{}", base, key));
    }
  }

  // Every object with a "references" array (at any depth) cites existing references.
  void check_references() {
    walk_refs(root_, "");
  }
  void walk_refs(const json& v, const std::string& pointer) {
    if (v.is_object()) {
      for (const auto& [k, child] : v.items()) {
        const std::string p = pointer + "/" + k;
        if (k == "references" && child.is_array() && pointer.size() > 0) {
          check_ids(v, pointer, "references", "references", &cited_);
        } else if (child.is_object() || child.is_array()) {
          walk_refs(child, p);
        }
      }
    } else if (v.is_array()) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i].is_object() || v[i].is_array()) walk_refs(v[i], fmt::format("{}/{}", pointer, i));
      }
    }
  }

  void check_findings_used() {
    std::set<std::string> used;
    if (const json* causes = array_at(root_, "causes")) {
      for (const json& c : *causes) {
        if (!c.is_object() || !c.contains("findings") || !c["findings"].is_array()) continue;
        for (const json& cf : c["findings"]) {
          if (const std::string* id = string_at(cf, "finding")) used.insert(*id);
        }
      }
    }
    collect_ids("red_flags", "all_of", used);
    collect_ids("red_flags", "any_of", used);
    collect_ids("red_flags", "none_of", used);
    report_unused("findings", used, "finding", "is used by no cause and no red flag");
  }

  // The causes meta.required_causes promises: reports, scripts and documents may name them.
  void check_required_causes() {
    const auto meta = root_.find("meta");
    // The integrity checks run even when the schema check failed, so types are never assumed.
    if (meta == root_.end() || !meta->is_object()) return;
    const auto required = meta->find("required_causes");
    if (required == meta->end() || !required->is_array() || array_at(root_, "causes") == nullptr) return;
    for (std::size_t i = 0; i < required->size(); ++i) {
      const json& id = (*required)[i];
      if (id.is_string() && !has("causes", id.get<std::string>())) {
        add(fmt::format("/meta/required_causes/{}", i),
            fmt::format("the required cause '{}' is not defined in /causes", id.get<std::string>()));
      }
    }
  }

  // Every entry of /`kind` is named by some cause's `kind` list.
  void check_used_by_causes(const char* kind, const char* noun) {
    std::set<std::string> used;
    collect_ids("causes", kind, used);
    report_unused(kind, used, noun, "is used by no cause");
  }

  // The string ids in the `key` array of each object of /`array`, into `ids`.
  void collect_ids(const char* array, const char* key, std::set<std::string>& ids) const {
    const json* objects = array_at(root_, array);
    if (objects == nullptr) return;
    for (const json& o : *objects) {
      if (!o.is_object() || !o.contains(key) || !o[key].is_array()) continue;
      for (const json& id : o[key]) {
        if (id.is_string()) ids.insert(id.get<std::string>());
      }
    }
  }

  // A problem for each entry of /`kind` whose id is not in `used`: "<noun> '<id>' <why>".
  void report_unused(const char* kind, const std::set<std::string>& used, std::string_view noun,
                     std::string_view why) {
    const json* entries = array_at(root_, kind);
    if (entries == nullptr) return;
    for (std::size_t i = 0; i < entries->size(); ++i) {
      const std::string* id = string_at((*entries)[i], "id");
      if (id != nullptr && used.count(*id) == 0) {
        add(fmt::format("/{}/{}/id", kind, i), fmt::format("{} '{}' {}", noun, *id, why));
      }
    }
  }

  // Every reference is cited somewhere (run after check_references, which collects the citations).
  void check_references_used() { report_unused("references", cited_, "reference", "is cited by nothing"); }


  std::string mechanism_kind(const std::string& id) const {
    const json* mechs = array_at(root_, "mechanisms");
    const auto it = ids_.find("mechanisms");
    if (mechs == nullptr || it == ids_.end()) return "";
    const auto found = it->second.find(id);
    if (found == it->second.end()) return "";
    const std::string* kind = string_at((*mechs)[found->second], "kind");
    return kind != nullptr ? *kind : "";
  }

  void check_mechanisms() {
    const json* mechs = array_at(root_, "mechanisms");
    if (mechs == nullptr) return;
    std::map<std::uint64_t, std::string> orders;  // order of a normal step -> its pointer
    for (std::size_t i = 0; i < mechs->size(); ++i) {
      const json& m = (*mechs)[i];
      const std::string base = fmt::format("/mechanisms/{}", i);
      const std::string* kind = string_at(m, "kind");
      if (kind == nullptr) continue;
      if (*kind == "disturbance") {
        const std::string* step = string_at(m, "disturbs");
        if (step == nullptr) {
          add(base, "a disturbance must name the normal step it `disturbs`");
        } else if (mechanism_kind(*step) != "normal_step") {
          add(base + "/disturbs", fmt::format("'{}' is not the id of a normal_step mechanism", *step));
        }
      } else if (*kind == "normal_step") {
        if (m.contains("disturbs")) add(base + "/disturbs", "only a disturbance `disturbs` a step; a normal_step does not");
        const auto order = m.find("order");
        if (order == m.end() || !order->is_number_integer()) {
          add(base, "a normal_step must give its `order` in the contraction sequence");
        } else if (order->is_number_unsigned() || order->get<std::int64_t>() > 0) {  // a negative one is the schema's
          const std::uint64_t n = order->get<std::uint64_t>();  // at most 2^32 - 1 (the schema)
          if (const auto [it, fresh] = orders.emplace(n, base + "/order"); !fresh) {
            add(base + "/order", fmt::format("another normal_step has the order {} ({})", n, it->second));
          }
        }
      }
    }
  }

  // The probabilities scoring multiplies (priors, frequencies, base rates) are stored as
  // floats: one the schema allows but a float cannot hold (1e-46 becomes 0, and then every
  // probability NaN) is refused here, as anything not finite would be.
  void check_numbers() {
    auto check = [&](const json& obj, const char* key, const std::string& base) {
      if (!obj.is_object()) return;
      const auto it = obj.find(key);
      if (it == obj.end() || !it->is_number()) return;
      const double v = it->get<double>();
      const std::string pointer = base + "/" + key;
      if (!std::isfinite(v)) {
        add(pointer, "must be a finite number");
      } else if (v > 0 && static_cast<float>(v) < std::numeric_limits<float>::min()) {
        add(pointer, fmt::format("{} is too small to be stored; the smallest is {}", v, std::numeric_limits<float>::min()));
      }
    };
    if (const json* causes = array_at(root_, "causes")) {
      for (std::size_t i = 0; i < causes->size(); ++i) {
        const json& c = (*causes)[i];
        const std::string base = fmt::format("/causes/{}", i);
        check(c, "prior", base);
        if (!c.is_object() || !c.contains("findings") || !c["findings"].is_array()) continue;
        for (std::size_t k = 0; k < c["findings"].size(); ++k) {
          check(c["findings"][k], "frequency", fmt::format("{}/findings/{}", base, k));
        }
      }
    }
    if (const json* findings = array_at(root_, "findings")) {
      for (std::size_t i = 0; i < findings->size(); ++i) check((*findings)[i], "base_rate", fmt::format("/findings/{}", i));
    }
  }

  void check_causes() {
    const json* causes = array_at(root_, "causes");
    if (causes == nullptr) return;
    for (std::size_t i = 0; i < causes->size(); ++i) {
      const json& c = (*causes)[i];
      const std::string base = fmt::format("/causes/{}", i);
      if (!c.is_object()) continue;
      if (c.contains("findings") && c["findings"].is_array()) {
        std::set<std::string> seen;
        for (std::size_t k = 0; k < c["findings"].size(); ++k) {
          const std::string fb = fmt::format("{}/findings/{}", base, k);
          check_ids(c["findings"][k], fb, "finding", "findings");
          if (const std::string* id = string_at(c["findings"][k], "finding"); id && !seen.insert(*id).second) {
            add(fb + "/finding", fmt::format("finding '{}' is listed twice for this cause", *id));
          }
        }
      }
      check_ids(c, base, "mechanisms", "mechanisms");
      const std::string* cause_kind = string_at(c, "kind");
      const bool lookalike = cause_kind != nullptr && *cause_kind == "lookalike";
      if (!lookalike && c.contains("mechanisms") && c["mechanisms"].is_array() && c["mechanisms"].empty()) {
        add(base + "/mechanisms", "a cause needs a mechanism chain; only a lookalike may leave it empty");
      }
      check_category(c, base, lookalike);
      if (c.contains("mechanisms") && c["mechanisms"].is_array() && !c["mechanisms"].empty()) {
        const json& chain = c["mechanisms"];
        std::set<std::string> steps;
        for (std::size_t k = 0; k < chain.size(); ++k) {
          if (!chain[k].is_string()) continue;
          if (!steps.insert(chain[k].get<std::string>()).second) {
            add(fmt::format("{}/mechanisms/{}", base, k),
                fmt::format("'{}' is already in the mechanism chain: a chain goes through each step once",
                            chain[k].get<std::string>()));
          }
          const std::string kind = mechanism_kind(chain[k].get<std::string>());
          const bool last = k + 1 == chain.size();
          if (last && kind == "disturbance") {
            add(fmt::format("{}/mechanisms/{}", base, k),
                "the mechanism chain must end at the normal_step the cause disturbs");
          }
        }
      }
      check_ids(c, base, "conditions", "conditions");
      check_ids(c, base, "diagnostics", "diagnostics");
      check_ids(c, base, "treatments", "treatments");
      check_ids(c, base, "prevention", "prevention");
    }
  }

  // A cause's `category` is one of the groups meta.required_causes lists; a group has none,
  // and neither does a lookalike (it is not a cramp of any group). Without required_causes
  // (a fixture, a draft) it names a cause that has no category itself.
  void check_category(const json& c, const std::string& base, bool lookalike) {
    const std::string* id = string_at(c, "id");
    const std::set<std::string> groups = required_causes();
    if (id != nullptr && groups.count(*id) != 0 && c.contains("category")) {
      add(base + "/category", fmt::format("'{}' is a group (meta.required_causes) and belongs under none", *id));
      return;
    }
    const std::string* category = string_at(c, "category");
    if (category == nullptr) return;
    const std::string pointer = base + "/category";
    if (lookalike) {
      add(pointer, "a lookalike is not a cramp of any group and takes no category");
    } else if (!has("causes", *category)) {
      add(pointer, fmt::format("'{}' is not the id of any entry of /causes", *category));
    } else if (has_required_causes() && groups.count(*category) == 0) {
      add(pointer, fmt::format("'{}' is not one of the groups meta.required_causes lists", *category));
    } else if (!has_required_causes() && string_at(cause_by_id(*category), "category") != nullptr) {
      add(pointer, fmt::format("'{}' is itself under a category; name its group", *category));
    }
  }

  bool has_required_causes() const {
    const auto meta = root_.find("meta");
    return meta != root_.end() && meta->is_object() && meta->contains("required_causes") &&
           (*meta)["required_causes"].is_array();
  }

  std::set<std::string> required_causes() const {
    std::set<std::string> out;
    if (!has_required_causes()) return out;
    for (const json& id : root_["meta"]["required_causes"]) {
      if (id.is_string()) out.insert(id.get<std::string>());
    }
    return out;
  }

  const json& cause_by_id(const std::string& id) const {
    static const json none;
    const json* causes = array_at(root_, "causes");
    const auto kind = ids_.find("causes");
    if (causes == nullptr || kind == ids_.end()) return none;
    const auto found = kind->second.find(id);
    return found == kind->second.end() ? none : (*causes)[found->second];
  }

  void check_conditions() {
    const json* conds = array_at(root_, "conditions");
    if (conds == nullptr) return;
    for (std::size_t i = 0; i < conds->size(); ++i) {
      check_ids((*conds)[i], fmt::format("/conditions/{}", i), "cause", "causes");
    }
  }

  void check_red_flags() {
    const json* flags = array_at(root_, "red_flags");
    if (flags == nullptr) return;
    for (std::size_t i = 0; i < flags->size(); ++i) {
      const json& flag = (*flags)[i];
      const std::string base = fmt::format("/red_flags/{}", i);
      check_ids(flag, base, "all_of", "findings");
      check_ids(flag, base, "any_of", "findings");
      check_ids(flag, base, "none_of", "findings");
      check_ids(flag, base, "suggests", "causes");
      // A finding the flag needs cannot also stop it: the flag could never fire.
      if (!flag.is_object() || !flag.contains("none_of") || !flag["none_of"].is_array()) continue;
      std::set<std::string> needed;
      for (const char* key : {"all_of", "any_of"}) {
        if (!flag.contains(key) || !flag[key].is_array()) continue;
        for (const json& id : flag[key]) {
          if (id.is_string()) needed.insert(id.get<std::string>());
        }
      }
      for (std::size_t k = 0; k < flag["none_of"].size(); ++k) {
        const json& id = flag["none_of"][k];
        if (id.is_string() && needed.count(id.get<std::string>()) != 0) {
          add(fmt::format("{}/none_of/{}", base, k),
              fmt::format("'{}' is both needed by this red flag and stops it", id.get<std::string>()));
        }
      }
    }
  }

  // A treatment's unsafe_with rules name findings, red flags and causes that exist.
  void check_treatments() {
    const json* treatments = array_at(root_, "treatments");
    if (treatments == nullptr) return;
    for (std::size_t i = 0; i < treatments->size(); ++i) {
      const json& t = (*treatments)[i];
      if (!t.is_object() || !t.contains("unsafe_with") || !t["unsafe_with"].is_array()) continue;
      for (std::size_t k = 0; k < t["unsafe_with"].size(); ++k) {
        const json& rule = t["unsafe_with"][k];
        const std::string base = fmt::format("/treatments/{}/unsafe_with/{}", i, k);
        check_ids(rule, base, "findings", "findings");
        check_ids(rule, base, "red_flags", "red_flags");
        check_ids(rule, base, "causes", "causes");
      }
    }
  }

  // The lexicon names every finding, and nothing else.
  void check_lexicon() {
    const auto lexicon = root_.find("lexicon");
    const bool has_lexicon = lexicon != root_.end() && lexicon->is_object();
    if (has_lexicon) {
      for (const auto& item : lexicon->items()) {
        if (!has("findings", item.key())) {
          add("/lexicon/" + pointer_token(item.key()),
              fmt::format("'{}' is not the id of any entry of /findings", item.key()));
        }
      }
    }
    const json* findings = array_at(root_, "findings");
    if (findings == nullptr) return;
    for (std::size_t i = 0; i < findings->size(); ++i) {
      const std::string* id = string_at((*findings)[i], "id");
      if (id == nullptr || (has_lexicon && lexicon->contains(*id))) continue;
      add(fmt::format("/findings/{}/id", i), fmt::format("finding '{}' has no phrases in /lexicon", *id));
    }
  }

  // The HPO table names findings that exist and carry its term's id, and every finding's id
  // has a term: a finding's `hpo` added or changed without running scripts/hpo_layperson.py
  // again would miss its phrasings or get another term's.
  void check_hpo_layperson() {
    const auto table = root_.find("hpo_layperson");
    if (table == root_.end() || !table->is_object()) return;
    const auto terms = table->find("terms");
    const json* findings = array_at(root_, "findings");
    if (terms == table->end() || !terms->is_array() || findings == nullptr) return;
    std::map<std::string, std::string> seen;  // HPO id -> pointer of its first term
    for (std::size_t t = 0; t < terms->size(); ++t) {
      const json& term = (*terms)[t];
      const std::string base = fmt::format("/hpo_layperson/terms/{}", t);
      const std::string* hpo = string_at(term, "hpo");
      if (hpo == nullptr) continue;
      if (const auto [it, fresh] = seen.emplace(*hpo, base); !fresh) {
        add(base + "/hpo", fmt::format("'{}' is already the term at {}", *hpo, it->second));
      }
      check_ids(term, base, "findings", "findings");
      const auto named = term.find("findings");
      if (named == term.end() || !named->is_array()) continue;
      for (std::size_t k = 0; k < named->size(); ++k) {
        const json& id = (*named)[k];
        if (!id.is_string() || !has("findings", id.get<std::string>())) continue;
        const json& finding = (*findings)[ids_["findings"].at(id.get<std::string>())];
        const std::string* own = string_at(finding, "hpo");
        if (own == nullptr || *own != *hpo) {
          add(fmt::format("{}/findings/{}", base, k),
              fmt::format("finding '{}' has {}, not '{}': run scripts/hpo_layperson.py again", id.get<std::string>(),
                          own == nullptr ? std::string("no hpo id") : fmt::format("the hpo id '{}'", *own), *hpo));
        }
      }
    }
    for (std::size_t i = 0; i < findings->size(); ++i) {
      const std::string* hpo = string_at((*findings)[i], "hpo");
      if (hpo == nullptr || seen.contains(*hpo)) continue;
      add(fmt::format("/findings/{}/hpo", i),
          fmt::format("'{}' has no term in /hpo_layperson: run scripts/hpo_layperson.py again", *hpo));
    }
  }

  void check_language() {
    const auto lang = root_.find("language");
    if (lang == root_.end() || !lang->is_object()) return;
    const auto triggers = lang->find("triggers");
    if (triggers == lang->end() || !triggers->is_array()) return;
    for (std::size_t i = 0; i < triggers->size(); ++i) {
      const json& t = (*triggers)[i];
      const std::string* category = string_at(t, "category");
      if (category != nullptr && *category != "terminate" && t.contains("ends")) {
        add(fmt::format("/language/triggers/{}/ends", i), "only terminate triggers take `ends`");
      }
    }
  }

  // Every frame's slots name a frame-word class, a finding or '@site' (not as the closing
  // slot), and it means a finding.
  void check_frames() {
    const auto lang = root_.find("language");
    if (lang == root_.end() || !lang->is_object()) return;
    const json* frames = array_at(*lang, "frames");
    if (frames == nullptr) return;
    const auto words = lang->find("frame_words");
    auto check_slot = [&](const json& name, const std::string& pointer) {
      if (!name.is_string()) return;
      const std::string& n = name.get_ref<const std::string&>();
      const bool ok = n == "@site"       ? true
                      : n.starts_with('@') ? has("findings", n.substr(1))
                                           : words != lang->end() && words->is_object() && words->contains(n);
      if (!ok) add(pointer, fmt::format("'{}' is no frame-word class, '@' and a finding id, or '@site'", n));
    };
    for (std::size_t i = 0; i < frames->size(); ++i) {
      const json& f = (*frames)[i];
      if (!f.is_object()) continue;
      for (const char* slot : {"first", "then"}) {
        const std::string pointer = fmt::format("/language/frames/{}/{}", i, slot);
        if (!f.contains(slot)) continue;
        if (f[slot].is_array()) {
          for (std::size_t k = 0; k < f[slot].size(); ++k) {
            check_slot(f[slot][k], fmt::format("{}/{}", pointer, k));
          }
        } else {
          check_slot(f[slot], pointer);
        }
      }
      const std::string* means = string_at(f, "means");
      if (means != nullptr && !has("findings", *means)) {
        add(fmt::format("/language/frames/{}/means", i), fmt::format("'{}' is no finding", *means));
      }
    }
  }

  // Every phrase's class names name classes, and not too many combinations.
  void check_phrase_classes() {
    const json& classes = phrase_classes_of(root_);
    auto check = [&](const json& phrase, const std::string& pointer) {
      if (!phrase.is_string()) return;
      const PhraseExpansion filled = expand_phrase_classes(phrase.get_ref<const std::string&>(), classes);
      if (!filled.problem.empty()) add(pointer, filled.problem);
    };
    const auto lexicon = root_.find("lexicon");
    if (lexicon != root_.end() && lexicon->is_object()) {
      for (const auto& entry : lexicon->items()) {
        for (const char* member : {"phrases", "lookalikes"}) {
          const json* phrases = entry.value().is_object() ? array_at(entry.value(), member) : nullptr;
          if (phrases == nullptr) continue;
          for (std::size_t i = 0; i < phrases->size(); ++i) {
            check((*phrases)[i], fmt::format("/lexicon/{}/{}/{}", pointer_token(entry.key()), member, i));
          }
        }
      }
    }
    const auto lang = root_.find("language");
    if (lang == root_.end() || !lang->is_object()) return;
    if (const auto words = lang->find("frame_words"); words != lang->end() && words->is_object()) {
      for (const auto& entry : words->items()) {
        if (!entry.value().is_array()) continue;
        for (std::size_t i = 0; i < entry.value().size(); ++i) {
          check(entry.value()[i], fmt::format("/language/frame_words/{}/{}", pointer_token(entry.key()), i));
        }
      }
    }
    for (const char* list : {"guards", "triggers"}) {
      const json* items = array_at(*lang, list);
      if (items == nullptr) continue;
      for (std::size_t i = 0; i < items->size(); ++i) {
        if ((*items)[i].is_object() && (*items)[i].contains("phrase")) {
          check((*items)[i]["phrase"], fmt::format("/language/{}/{}/phrase", list, i));
        }
      }
    }
  }

  const Document& doc_;
  const json& root_;
  std::map<std::string, std::map<std::string, std::size_t>> ids_;  // kind -> id -> index
  std::set<std::string> cited_;  // reference ids cited anywhere
  std::vector<Problem> problems_;
};

}  // namespace

std::vector<Problem> check_integrity(const Document& doc) { return Checker(doc).run(); }

}  // namespace crampx::kb
