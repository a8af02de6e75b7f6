#include "compile/compile.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include <fmt/format.h>

#include "base/hash.h"
#include "compile/lexicon_builder.h"
#include "compile/word_class_builder.h"
#include "kb/likelihood.h"
#include "kb/validate.h"
#include "text/analyze.h"

namespace crampx::compile {
namespace {

using json = nlohmann::json;

std::string text_of(const json& obj, const char* key) {
  const auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The value an enum field names (the schema allows only the table's names); the
// first value when the field is missing.
template <NamedEnum E>
E enum_of(const json& obj, const char* key) {
  return parse_enum<E>(text_of(obj, key)).value_or(EnumNames<E>::table[0].first);
}

// id -> index for one top-level array.
std::map<std::string, std::uint32_t> index_of(const json& root, const char* key) {
  std::map<std::string, std::uint32_t> out;
  const json& arr = root.at(key);
  for (std::uint32_t i = 0; i < arr.size(); ++i) out.emplace(arr[i].at("id").get<std::string>(), i);
  return out;
}

class Compiler {
 public:
  Compiler(const kb::Document& doc, ImageBuilder& b) : root_(doc.root), b_(b) {
    for (const char* key : {"references", "findings", "mechanisms", "causes", "conditions", "diagnostics",
                            "treatments", "prevention"}) {
      index_[key] = index_of(root_, key);
    }
  }

  void run() {
    meta();
    references();
    findings();
    mechanisms();
    causes();
    conditions();
    diagnostics();
    treatments();
    prevention();
    red_flags();
  }

 private:
  std::vector<std::uint32_t> resolve(const json& obj, const char* key, const char* kind) {
    std::vector<std::uint32_t> out;
    const auto it = obj.find(key);
    if (it == obj.end()) return out;
    const auto& idx = index_.at(kind);
    for (const json& id : *it) out.push_back(idx.at(id.get<std::string>()));
    return out;
  }
  kb::Ids ids(const json& obj, const char* key, const char* kind) { return b_.ids(resolve(obj, key, kind)); }
  kb::Ids refs(const json& obj) { return ids(obj, "references", "references"); }
  kb::Str s(const json& obj, const char* key) { return b_.str(text_of(obj, key)); }

  void meta() {
    const json& m = root_.at("meta");
    b_.meta = {s(m, "name"), s(m, "version"), s(m, "description"), s(m, "disclaimer")};
  }

  void references() {
    for (const json& r : root_.at("references")) {
      b_.references.push_back({s(r, "id"), s(r, "title"), s(r, "publisher"), s(r, "url"), s(r, "kind"), s(r, "note"),
                               r.value("year", 0u)});
    }
  }

  void findings() {
    for (const json& f : root_.at("findings")) {
      kb::FindingRec rec{};
      rec.id = s(f, "id");
      rec.label = s(f, "label");
      rec.question = s(f, "question");
      rec.hpo = s(f, "hpo");
      rec.references = refs(f);
      rec.base_rate = f.at("base_rate").get<float>();
      rec.kind = enum_of<kb::FindingKind>(f, "kind");
      rec.scope = enum_of<kb::Scope>(f, "scope");
      rec.past_counts = f.value("past_counts", false);
      b_.findings.push_back(rec);  // phrases are filled in by build_lexicon
    }
  }

  void mechanisms() {
    const auto& idx = index_.at("mechanisms");
    for (const json& m : root_.at("mechanisms")) {
      kb::MechanismRec rec{};
      rec.id = s(m, "id");
      rec.label = s(m, "label");
      rec.description = s(m, "description");
      rec.references = refs(m);
      rec.order = m.value("order", 0u);
      rec.disturbs = m.contains("disturbs") ? idx.at(m["disturbs"].get<std::string>()) : kb::kNone;
      rec.kind = parse_enum<kb::MechanismKind>(text_of(m, "kind")).value_or(kb::MechanismKind::disturbance);
      b_.mechanisms.push_back(rec);
    }
  }

  void causes() {
    const auto& findings = index_.at("findings");
    const auto& causes = index_.at("causes");
    for (const json& c : root_.at("causes")) {
      kb::CauseRec rec{};
      rec.id = s(c, "id");
      rec.label = s(c, "label");
      rec.summary = s(c, "summary");
      rec.findings.begin = static_cast<std::uint32_t>(b_.cause_findings.size());
      for (const json& cf : c.at("findings")) {
        b_.cause_findings.push_back({findings.at(cf.at("finding").get<std::string>()), cf.at("frequency").get<float>(),
                                     s(cf, "note"), refs(cf)});
      }
      rec.findings.count = static_cast<std::uint32_t>(c.at("findings").size());
      rec.mechanisms = ids(c, "mechanisms", "mechanisms");
      rec.conditions = ids(c, "conditions", "conditions");
      rec.diagnostics = ids(c, "diagnostics", "diagnostics");
      rec.treatments = ids(c, "treatments", "treatments");
      rec.prevention = ids(c, "prevention", "prevention");
      rec.references = refs(c);
      rec.category = c.contains("category") ? causes.at(c["category"].get<std::string>()) : kb::kNone;
      rec.prior = c.at("prior").get<float>();
      rec.triage = enum_of<kb::Level>(c, "triage");
      rec.kind = enum_of<kb::CauseKind>(c, "kind");  // cause when left out
      b_.causes.push_back(rec);
    }
  }

  void conditions() {
    const auto& causes = index_.at("causes");
    for (const json& c : root_.at("conditions")) {
      b_.conditions.push_back({s(c, "id"), s(c, "label"), s(c, "description"), s(c, "distinguishing"), refs(c),
                               causes.at(c.at("cause").get<std::string>()), c.value("inherited", false)});
    }
  }

  void diagnostics() {
    for (const json& d : root_.at("diagnostics")) {
      b_.diagnostics.push_back({s(d, "id"), s(d, "label"), s(d, "purpose"), refs(d)});
    }
  }

  void treatments() {
    for (const json& t : root_.at("treatments")) {
      kb::TreatmentRec rec{};
      rec.id = s(t, "id");
      rec.label = s(t, "label");
      rec.description = s(t, "description");
      rec.cautions.begin = static_cast<std::uint32_t>(b_.cautions.size());
      for (const json& c : t.at("cautions")) b_.cautions.push_back({s(c, "text"), refs(c)});
      rec.cautions.count = static_cast<std::uint32_t>(t.at("cautions").size());
      rec.references = refs(t);
      rec.kind = enum_of<kb::TreatmentKind>(t, "kind");
      rec.evidence = enum_of<kb::Evidence>(t, "evidence");
      b_.treatments.push_back(rec);
    }
  }

  void prevention() {
    for (const json& p : root_.at("prevention")) {
      b_.prevention.push_back({s(p, "id"), s(p, "label"), s(p, "description"), refs(p)});
    }
  }

  void red_flags() {
    for (const json& r : root_.at("red_flags")) {
      b_.red_flags.push_back({s(r, "id"), s(r, "label"), s(r, "reason"), s(r, "advice"), ids(r, "all_of", "findings"),
                              ids(r, "any_of", "findings"), refs(r), enum_of<kb::Level>(r, "level")});
    }
  }

  const json& root_;
  ImageBuilder& b_;
  std::map<std::string, std::map<std::string, std::uint32_t>> index_;
};

// The dense likelihood table (kb/image.h LikelihoodRec), which scoring and the
// next-question choice read instead of searching each cause's findings.
void build_likelihoods(ImageBuilder& b) {
  const auto clamp = kb::clamp_likelihood;
  const std::size_t nf = b.findings.size();
  b.likelihoods.resize(b.causes.size() * nf);
  for (std::size_t c = 0; c < b.causes.size(); ++c) {
    for (std::size_t f = 0; f < nf; ++f) b.likelihoods[c * nf + f].p = clamp(b.findings[f].base_rate);
    const kb::Range r = b.causes[c].findings;
    for (std::uint32_t k = r.begin; k < r.begin + r.count; ++k) {
      b.likelihoods[c * nf + b.cause_findings[k].finding].p = clamp(b.cause_findings[k].frequency);
    }
    for (std::size_t f = 0; f < nf; ++f) {
      kb::LikelihoodRec& l = b.likelihoods[c * nf + f];
      l.no = std::min(1.0 - l.p, 1.0 - clamp(b.findings[f].base_rate));
      l.log2_p = std::log2(l.p);
      l.log2_no = std::log2(l.no);
    }
  }
}

// What each finding's canonical phrase says besides the finding itself, read the way
// a description is read ("after exercise": exercise; "calf cramp": a cramp, in the
// calf). Scoring counts such a finding once, through the finding that says it
// (docs/SCORING.md); a yes to a question brings it.
void build_implications(const kb::KnowledgeBase& kb, ImageBuilder& b) {
  text::Scratch scratch;
  text::Analysis analysis;
  std::vector<std::uint32_t> implied;
  for (std::uint32_t f = 0; f < b.findings.size(); ++f) {
    const kb::FindingRec& rec = kb.findings()[f];
    if (rec.phrases.count == 0) continue;
    const text::AnalyzeOptions canonical_only{.repair_typos = false};  // the knowledge base's own words
    text::analyze(kb.str(kb.phrases(rec)[0].words), kb, canonical_only, scratch, analysis);
    implied.clear();
    for (const text::Mention& m : analysis.mentions) {
      if (m.finding != f && m.status == text::Status::present &&
          std::find(implied.begin(), implied.end(), m.finding) == implied.end()) {
        implied.push_back(m.finding);
      }
    }
    std::sort(implied.begin(), implied.end());
    b.findings[f].implies = b.ids(implied);
  }
}

// What the text stage reads in the knowledge base's own phrases: it needs the lexicon as
// the engine reads it, so it reads a first image, and the image is built again with
// what it found.
void build_derived(ImageBuilder& b) {
  const Image first = b.finish();
  const Result<kb::KnowledgeBase> kb = kb::KnowledgeBase::from_image(first.bytes());
  if (!kb) return;  // cannot happen for an image just built
  build_implications(*kb, b);
}

}  // namespace

Image compile(const kb::Document& doc, std::span<const std::uint64_t> dictionary, std::vector<kb::Problem>& problems) {
  ImageBuilder builder;
  Compiler(doc, builder).run();
  build_lexicon(doc, dictionary, builder, problems);
  build_word_classes(doc, builder, problems);
  build_likelihoods(builder);
  build_derived(builder);  // before the word list and the source: its first image needs neither
  builder.dictionary.assign(dictionary.begin(), dictionary.end());
  builder.source_json = doc.root.dump();
  return builder.finish();
}

Result<kb::KnowledgeBase> load(const std::filesystem::path& path, std::span<const std::uint64_t> dictionary) {
  Result<kb::Document> doc = kb::read_document(path);
  if (!doc) return doc.error();
  std::vector<kb::Problem> problems = kb::validate(*doc);
  if (!problems.empty()) return Error{ErrorCode::kb_invalid, kb::format_problems(problems)};
  Image image = compile(*doc, dictionary, problems);
  if (!problems.empty()) return Error{ErrorCode::kb_invalid, kb::format_problems(problems)};
  auto owner = std::shared_ptr<const void>(image.storage, image.storage.get());
  return kb::KnowledgeBase::from_image(image.bytes(), std::move(owner));
}

std::vector<std::uint64_t> dictionary_hashes(std::istream& words) {
  std::vector<std::uint64_t> out;
  std::string line;
  std::string word;
  while (std::getline(words, line)) {
    word.clear();
    bool plain = true;
    for (char c : line) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c >= 'a' && c <= 'z') {
        word.push_back(c);
      } else if (c != '\'' && c != '\r') {
        plain = false;  // non-ASCII and hyphenated entries: typo repair only handles a-z
      }
    }
    if (plain && word.size() >= 2) out.push_back(stable_hash(word));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace crampx::compile
