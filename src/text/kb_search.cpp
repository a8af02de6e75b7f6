#include "text/kb_search.h"

#include <algorithm>
#include <set>

#include "text/analyze.h"
#include "text/tokenize.h"

namespace crampx::text {
namespace {

constexpr int kRecognized = 100;  // a phrase the matcher would recognize outranks word overlap

std::vector<std::string> stems_of(std::string_view s, const kb::KnowledgeBase& kb, bool drop_stopwords,
                                  Stemmer& stemmer) {
  Tokens tokens;
  tokenize(s, tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens.tokens) {
    if (t.kind != TokenKind::word) continue;
    std::string st(stemmer.stem(tokens.norm(t)));
    if (drop_stopwords) {
      const auto v = kb.find_stem(st);
      if (v && (kb.vocab()[*v].flags & (kb::kStopword | kb::kFiller)) != 0) continue;
    }
    out.push_back(std::move(st));
  }
  return out;
}

// The query with each word the vocabulary does not know replaced by its typo repair
// ("tetnus jaw" -> "tetanus jaw"); empty when no word needed one.
std::string corrected_query(std::string_view query, const kb::KnowledgeBase& kb, WordLookup& words) {
  Tokens tokens;
  tokenize(query, tokens);
  std::string out;
  std::size_t copied = 0;
  bool changed = false;
  for (const Token& t : tokens.tokens) {
    if (t.kind != TokenKind::word) continue;
    const auto fix = correct(tokens.norm(t), kb, words.stemmer, words.typo);
    if (!fix) continue;
    out.append(query.substr(copied, t.begin - copied));
    out.append(kb.str(kb.typo_words()[fix->typo_word].word));
    copied = t.end;
    changed = true;
  }
  if (!changed) return {};
  out.append(query.substr(copied));
  return out;
}

}  // namespace

SearchResult search_kb(std::string_view original, const kb::KnowledgeBase& kb, std::size_t limit) {
  SearchResult result;
  Scratch scratch;
  // A misspelt query is searched as repaired, and says so: a near miss finds what the
  // right spelling would have found, not just whatever the typo happens to touch.
  result.did_you_mean = corrected_query(original, kb, scratch.words);
  const std::string_view query = result.did_you_mean.empty() ? original : result.did_you_mean;
  std::set<std::pair<std::string, std::string_view>> seen;
  auto add = [&](std::string kind, std::string_view id, std::string_view label, std::string why, int score) {
    if (!seen.emplace(kind, id).second) {
      for (SearchHit& h : result.hits) {
        if (h.kind == kind && h.id == id) h.score = std::max(h.score, score);
      }
      return;
    }
    result.hits.push_back({std::move(kind), id, label, std::move(why), score});
  };

  // 1. What a description with these words would be read as.
  Analysis analysis;
  analyze(query, kb, {}, scratch, analysis);
  for (const Mention& m : analysis.mentions) {
    const kb::FindingRec& f = kb.findings()[m.finding];
    add("finding", kb.str(f.id), kb.str(f.label),
        "recognized as this finding (phrase \"" + std::string(kb.str(kb.phrases()[m.phrase].words)) + "\")",
        kRecognized);
  }

  // 2. Objects whose words share stems with the query.
  Stemmer& stemmer = scratch.words.stemmer;
  const std::vector<std::string> wanted = stems_of(query, kb, true, stemmer);
  if (!wanted.empty()) {
    auto overlap = [&](std::string_view text, std::string& matched) {
      const std::vector<std::string> have = stems_of(text, kb, false, stemmer);
      int n = 0;
      for (const std::string& w : wanted) {
        if (std::find(have.begin(), have.end(), w) != have.end()) {
          ++n;
          if (matched.find(w) == std::string::npos) matched += (matched.empty() ? "" : ", ") + w;
        }
      }
      return n;
    };
    auto consider = [&](const char* kind, std::string_view id, std::string_view label,
                        std::initializer_list<std::string_view> extra) {
      std::string matched;
      int best = overlap(label, matched) * 2;  // a label match counts double
      for (std::string_view e : extra) best = std::max(best, overlap(e, matched));
      if (best > 0) add(kind, id, label, "matches: " + matched, best);
    };
    for (const kb::CauseRec& c : kb.causes()) consider("cause", kb.str(c.id), kb.str(c.label), {kb.str(c.summary)});
    for (const kb::FindingRec& f : kb.findings()) {
      std::string matched;
      int best = overlap(kb.str(f.label), matched) * 2;
      for (const kb::PhraseRec& p : kb.phrases(f)) best = std::max(best, overlap(kb.str(p.words), matched));
      if (best > 0) add("finding", kb.str(f.id), kb.str(f.label), "matches: " + matched, best);
    }
    for (const kb::ConditionRec& c : kb.conditions()) {
      consider("condition", kb.str(c.id), kb.str(c.label), {kb.str(c.description)});
    }
    for (const kb::MechanismRec& m : kb.mechanisms()) consider("mechanism", kb.str(m.id), kb.str(m.label), {});
    for (const kb::DiagnosticRec& d : kb.diagnostics()) consider("diagnostic", kb.str(d.id), kb.str(d.label), {});
    for (const kb::TreatmentRec& t : kb.treatments()) consider("treatment", kb.str(t.id), kb.str(t.label), {});
    for (const kb::PreventionRec& p : kb.prevention()) consider("prevention", kb.str(p.id), kb.str(p.label), {});
    for (const kb::RedFlagRec& r : kb.red_flags()) consider("red_flag", kb.str(r.id), kb.str(r.label), {});
  }
  std::stable_sort(result.hits.begin(), result.hits.end(),
                   [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
  if (result.hits.size() > limit) result.hits.resize(limit);
  return result;
}

}  // namespace crampx::text
