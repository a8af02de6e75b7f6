#include "text/lexicon.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "text/stemmer.h"
#include "text/typo.h"

namespace crampx::text {
namespace {

// At most this many filler words may sit inside one phrase.
constexpr int kMaxFillers = 2;

bool stem_matches(const TokenInfo& t, std::uint32_t want, bool allow_repair, bool& repaired) {
  if (t.stem == want) return true;
  if (allow_repair && t.stem == kb::kNone && t.repaired == want) {
    repaired = true;
    return true;
  }
  return false;
}

// Whether the matched tokens spell the phrase's own words (ignoring fillers between them).
bool same_surface(const Tokens& tokens, const std::vector<std::uint32_t>& used, std::string_view words) {
  std::size_t pos = 0;
  for (std::size_t k = 0; k < used.size(); ++k) {
    const std::string_view w = tokens.norm(tokens.tokens[used[k]]);
    if (words.substr(pos, w.size()) != w) return false;
    pos += w.size();
    if (pos < words.size()) {
      if (words[pos] != ' ') return false;
      ++pos;
    }
  }
  return pos == words.size();
}

bool ends_in_ly(std::string_view w) { return w.size() > 2 && w.substr(w.size() - 2) == "ly"; }

// Snowball gives an adverb its adjective's stem ("likely" -> "like", "possibly" ->
// "possibl"), which for trigger words changes the meaning: a trigger word and the
// text's word with the same stem must not be an "-ly" adverb and the shorter word
// it comes from ("families" still meets "family").
bool same_word_class(const Tokens& tokens, const std::vector<std::uint32_t>& used, std::string_view words) {
  for (const std::uint32_t t : used) {
    const std::size_t space = words.find(' ');
    const std::string_view a = tokens.norm(tokens.tokens[t]);
    const std::string_view b = words.substr(0, space);
    if (ends_in_ly(a) != ends_in_ly(b) && (ends_in_ly(a) ? a.size() >= b.size() : b.size() >= a.size())) return false;
    words.remove_prefix(space == std::string_view::npos ? words.size() : space + 1);
  }
  return true;
}

// The same stems may be triggers of several kinds. Where some of them are the words as
// written, only those act ("rule out": possible; "ruled out": denied); otherwise all do
// ("i": a new clause, and the end of a relative's scope). `rest` follows the matched
// phrase in its stem's list, where phrases are sorted longest first.
void add_same_stem_triggers(const Tokens& tokens, const kb::KnowledgeBase& kb, std::span<const std::uint32_t> rest,
                            std::span<const std::uint32_t> stems, const std::vector<std::uint32_t>& used,
                            std::size_t first_match, std::vector<PhraseMatch>& out) {
  const auto phrases = kb.phrases();
  const PhraseMatch matched = out[first_match];
  for (const std::uint32_t q : rest) {
    const auto other = kb.ids(phrases[q].stems);
    if (other.size() != stems.size()) break;
    if (phrases[q].target_kind != kb::PhraseTarget::trigger || !std::equal(other.begin(), other.end(), stems.begin()) ||
        !same_word_class(tokens, used, kb.str(phrases[q].words))) {
      continue;
    }
    out.push_back({q, matched.first, matched.last, false, same_surface(tokens, used, kb.str(phrases[q].words))});
  }
  const auto added = out.begin() + static_cast<std::ptrdiff_t>(first_match);
  if (std::any_of(added, out.end(), [](const PhraseMatch& m) { return m.surface_equal; })) {
    out.erase(std::remove_if(added, out.end(), [](const PhraseMatch& m) { return !m.surface_equal; }), out.end());
  }
}

// Resolving a word (Snowball stemming, vocabulary search, typo repair) is the
// costliest step per token, and words repeat, so each thread remembers the
// words it has resolved for the knowledge base it last used: an open-addressing
// table (a probe is a hash compare in one array, no division, no node to chase)
// over an arena of the words' bytes.
class WordCache {
 public:
  static constexpr std::size_t kMaxWords = 1 << 16;  // then it starts afresh: memory stays flat

  // The cache for `kb` with typo repair on or off (a different one empties it).
  void use(std::uint64_t kb_serial, bool repair) {
    if (kb_ != kb_serial || repair_ != repair) clear();
    kb_ = kb_serial;
    repair_ = repair;
  }

  const TokenInfo* find(std::string_view word, std::uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash & mask();; i = (i + 1) & mask()) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == hash && std::string_view(arena_.data() + s.offset, s.length) == word) return &s.info;
    }
  }

  void insert(std::string_view word, std::uint64_t hash, const TokenInfo& info) {
    if (words_ >= kMaxWords) clear();
    if (2 * (words_ + 1) > slots_.size()) grow();
    place({hash, static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(word.size()), info});
    arena_.append(word);
    ++words_;
  }

  // A hash for this table only (never stored): the word's bytes read 4 or 8 at a time,
  // where FNV-1a takes a multiply per byte. 0 marks an empty slot, so no word hashes to it.
  static std::uint64_t hash_of(std::string_view word) {
    const char* p = word.data();
    const std::size_t n = word.size();
    std::uint64_t h = n;
    if (n >= 8) {
      for (std::size_t i = 0; i + 8 < n; i += 8) h = mix(h ^ load64(p + i));
      h ^= load64(p + n - 8);  // the last 8 bytes, overlapping the loop's
    } else if (n >= 4) {
      h ^= load32(p) | (std::uint64_t{load32(p + n - 4)} << 32);
    } else if (n > 0) {
      h ^= static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) << 8 |
           static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 16 |
           static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 24;
    }
    return mix(h) | 1;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0, length = 0;  // the word's bytes in the arena
    TokenInfo info;
  };

  std::size_t mask() const { return slots_.size() - 1; }

  static std::uint64_t load64(const char* p) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  static std::uint32_t load32(const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  // Spreads every input bit over the high bits (a multiply) and folds them down.
  static std::uint64_t mix(std::uint64_t h) {
    h *= 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 32);
  }

  void place(const Slot& slot) {
    std::size_t i = slot.hash & mask();
    while (slots_[i].hash != 0) i = (i + 1) & mask();
    slots_[i] = slot;
  }

  void grow() {
    std::vector<Slot> old(std::max<std::size_t>(64, 2 * slots_.size()));  // small first: a one-text process
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.hash != 0) place(s);
    }
  }

  void clear() {
    slots_.clear();
    arena_.clear();
    words_ = 0;
  }

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  std::string arena_;
  std::size_t words_ = 0;
  std::uint64_t kb_ = 0;  // KnowledgeBase::serial(): an address could be reused by the next one
  bool repair_ = false;
};

WordCache& word_cache(const kb::KnowledgeBase& kb, bool repair) {
  thread_local WordCache cache;
  cache.use(kb.serial(), repair);
  return cache;
}

}  // namespace

void lookup_tokens(const Tokens& tokens, const kb::KnowledgeBase& kb, bool repair_typos,
                   std::vector<TokenInfo>& out) {
  out.assign(tokens.tokens.size(), TokenInfo{});
  WordCache& cache = word_cache(kb, repair_typos);
  const auto vocab = kb.vocab();
  const auto typo_words = kb.typo_words();
  for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
    const Token& t = tokens.tokens[i];
    if (t.kind != TokenKind::word) continue;
    const std::string_view word = tokens.norm(t);
    const std::uint64_t hash = WordCache::hash_of(word);
    if (const TokenInfo* hit = cache.find(word, hash)) {
      out[i] = *hit;
      continue;
    }
    TokenInfo info;
    if (const auto id = kb.find_stem(stem(word))) {
      info.stem = *id;
      info.flags = vocab[*id].flags;
    } else if (repair_typos) {
      if (const auto fix = correct_unknown(word, kb)) {
        info.typo_word = fix->typo_word;
        info.repaired = typo_words[fix->typo_word].stem;
      }
    }
    cache.insert(word, hash, info);
    out[i] = info;
  }
}

namespace {

// The words a phrase may skip over between a finding and the site it names when
// they are written the other way round ("twitching in my eyelid" for "eyelid
// twitching", "a spasm in the lower back" for "lower back spasm").
constexpr std::string_view kSiteConnectors[] = {"in", "on", "of", "at", "around", "under", "above", "behind",
                                                "inside", "near", "across", "along", "over", "through",
                                                "throughout", "within", "into"};

class PhraseMatcher {
  static constexpr std::size_t kScanAtMost = 24;  // start lists longer than this are searched by second stem

 public:
  PhraseMatcher(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb, bool triggers)
      : tokens_(tokens), info_(info), kb_(kb), triggers_(triggers), phrases_(kb.phrases()), vocab_(kb.vocab()),
        used_(scratch_tokens()), candidates_(scratch_candidates()) {}

  // The longest phrase (most stems) starting at token `i`, ending before token `end`,
  // that `accept(phrase)` allows. `index` receives its position in the start list.
  template <class Accept>
  bool longest_at(std::uint32_t i, std::uint32_t end, Accept&& accept, PhraseMatch& out, std::size_t* index = nullptr) {
    const auto& toks = tokens_.tokens;
    if (i >= end || toks[i].kind != TokenKind::word) return false;
    const TokenInfo& first = info_[i];
    const std::uint32_t head = first.stem != kb::kNone ? first.stem : (triggers_ ? kb::kNone : first.repaired);
    if (head == kb::kNone) return false;
    const auto starts = kb_.ids(triggers_ ? vocab_[head].trigger_starts : vocab_[head].starts);
    if (starts.empty()) return false;  // most words start no phrase
    // The stems a phrase's second word may have here: those of the next word and, while
    // the words are fillers, of the words after it. Most candidates fail on this check.
    std::uint32_t second[2 * (kMaxFillers + 1)];
    std::size_t n_second = 0;
    for (std::uint32_t j = i + 1, words = 0; j < end && words <= kMaxFillers; ++j) {
      if (toks[j].kind == TokenKind::punct) {
        if (toks[j].sentence_end || (toks[j].punct != '-' && toks[j].punct != '/')) break;
        continue;
      }
      second[n_second++] = info_[j].stem;
      second[n_second++] = triggers_ ? kb::kNone : info_[j].repaired;
      ++words;
      if ((info_[j].flags & kb::kFiller) == 0) break;
    }
    // The candidates, in the start list's order (longest first): one-word phrases and
    // those whose second stem is one of `second`. A long start list is searched by second
    // stem; a short one is cheaper to scan.
    std::vector<std::uint32_t>& candidates = candidates_;
    candidates.clear();
    if (starts.size() > kScanAtMost) {
      const auto by_second = kb_.second_stems(triggers_ ? vocab_[head].trigger_seconds : vocab_[head].seconds);
      auto add_filed_under = [&](std::uint32_t key) {
        auto it = std::lower_bound(by_second.begin(), by_second.end(), key,
                                   [](const kb::SecondStemRec& r, std::uint32_t k) { return r.second < k; });
        for (; it != by_second.end() && it->second == key; ++it) candidates.push_back(it->position);
      };
      add_filed_under(kb::kNone);
      for (std::size_t k = 0; k < n_second; ++k) {
        if (second[k] != kb::kNone && std::find(second, second + k, second[k]) == second + k) add_filed_under(second[k]);
      }
      std::sort(candidates.begin(), candidates.end());
    } else {
      for (std::uint32_t n = 0; n < starts.size(); ++n) {
        const auto stems = kb_.ids(phrases_[starts[n]].stems);
        if (stems.size() == 1 || std::find(second, second + n_second, stems[1]) != second + n_second) {
          candidates.push_back(n);
        }
      }
    }
    for (const std::uint32_t n : candidates) {
      const std::uint32_t p = starts[n];
      const kb::PhraseRec& phrase = phrases_[p];
      const auto stems = kb_.ids(phrase.stems);
      if (!accept(phrase)) continue;
      bool repaired = first.stem == kb::kNone;
      used_.assign(1, i);
      std::uint32_t j = i + 1;
      int fillers = 0;
      std::size_t k = 1;
      while (k < stems.size() && j < end) {
        const Token& t = toks[j];
        if (t.kind == TokenKind::punct) {
          if (t.sentence_end || (t.punct != '-' && t.punct != '/')) break;  // hyphens and slashes join words
        } else if (stem_matches(info_[j], stems[k], !triggers_, repaired)) {
          used_.push_back(j);
          ++k;
        } else if ((info_[j].flags & kb::kFiller) != 0 && fillers < kMaxFillers) {
          ++fillers;
        } else {
          break;
        }
        ++j;
      }
      if (k < stems.size()) continue;
      if (triggers_ && !same_word_class(tokens_, used_, kb_.str(phrase.words))) continue;
      out = {p, i, used_.back(), repaired, !repaired && same_surface(tokens_, used_, kb_.str(phrase.words))};
      if (index != nullptr) *index = n;
      return true;
    }
    return false;
  }

  std::span<const std::uint32_t> starts_of(std::uint32_t i) const {
    const TokenInfo& first = info_[i];
    const std::uint32_t head = first.stem != kb::kNone ? first.stem : kb::kNone;
    return head == kb::kNone ? std::span<const std::uint32_t>{} : kb_.ids(vocab_[head].trigger_starts);
  }

  const std::vector<std::uint32_t>& used() const { return used_; }

 private:
  const Tokens& tokens_;
  const std::vector<TokenInfo>& info_;
  const kb::KnowledgeBase& kb_;
  bool triggers_;
  std::span<const kb::PhraseRec> phrases_;
  std::span<const kb::VocabRec> vocab_;
  std::vector<std::uint32_t>& used_;        // the tokens of the phrase last tried
  std::vector<std::uint32_t>& candidates_;  // start-list positions worth trying at a token

  static std::vector<std::uint32_t>& scratch_tokens() {
    thread_local std::vector<std::uint32_t> tokens;  // reused: no allocation per text
    return tokens;
  }
  static std::vector<std::uint32_t>& scratch_candidates() {
    thread_local std::vector<std::uint32_t> candidates;
    return candidates;
  }
};

void match_triggers(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
                    std::vector<PhraseMatch>& out) {
  PhraseMatcher matcher(tokens, info, kb, /*triggers=*/true);
  const auto phrases = kb.phrases();
  const auto any = [](const kb::PhraseRec&) { return true; };
  for (std::uint32_t i = 0; i < tokens.tokens.size();) {
    PhraseMatch m{};
    std::size_t n = 0;
    if (!matcher.longest_at(i, static_cast<std::uint32_t>(tokens.tokens.size()), any, m, &n)) {
      ++i;
      continue;
    }
    const std::size_t before = out.size();
    out.push_back(m);
    const auto starts = matcher.starts_of(i);
    add_same_stem_triggers(tokens, kb, starts.subspan(n + 1), kb.ids(phrases[m.phrase].stems), matcher.used(), before,
                           out);
    i = m.last + 1;
  }
}

// A site and, after it, a finding that names the same thing: at most this many tokens on
// from the site's last word.
constexpr std::uint32_t kSiteFirstGap = 8;

// Words that start another clause, whose subject may be something else ("my jaw hurts
// but my legs are stiff").
constexpr std::string_view kClauseWords[] = {"but", "while", "whereas", "although", "though", "because", "since",
                                             "so", "then", "when", "if", "or", "i", "im", "ive", "my", "your",
                                             "his", "her", "their", "our", "it", "its", "he", "she", "they", "we",
                                             "you", "which", "who", "that"};

bool is_clause_word(std::string_view word) {
  return std::find(std::begin(kClauseWords), std::end(kClauseWords), word) != std::end(kClauseWords);
}

bool is_connector(std::string_view word) {
  return std::find(std::begin(kSiteConnectors), std::end(kSiteConnectors), word) != std::end(kSiteConnectors);
}

void match_findings(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
                    std::vector<PhraseMatch>& out) {
  PhraseMatcher matcher(tokens, info, kb, /*triggers=*/false);
  const auto& toks = tokens.tokens;
  const auto n = static_cast<std::uint32_t>(toks.size());
  const auto phrases = kb.phrases();
  const auto findings = kb.findings();
  const auto any = [](const kb::PhraseRec&) { return true; };
  const auto only_findings = [](const kb::PhraseRec& p) { return p.target_kind == kb::PhraseTarget::finding; };
  // A finding's lookalike ("back of" for the back, "spasm of guilt" for a spasm), unlike
  // a guard of the language, also cuts short a finding phrase it overlaps.
  const auto lookalike = [](const kb::PhraseRec& p) { return p.target_kind == kb::PhraseTarget::guard && p.canonical; };
  auto finding_of = [&](const PhraseMatch& m) -> const kb::FindingRec* {
    const kb::PhraseRec& p = phrases[m.phrase];
    return p.target_kind == kb::PhraseTarget::finding ? &findings[p.target] : nullptr;
  };
  // Whether only filler words (no punctuation) lie between tokens a and b.
  auto adjacent = [&](std::uint32_t a, std::uint32_t b) {
    for (std::uint32_t k = a + 1; k < b; ++k) {
      if (toks[k].kind != TokenKind::word || (info[k].flags & kb::kFiller) == 0) return false;
    }
    return a < b;
  };
  thread_local std::vector<std::uint32_t> top;  // indexes into `out` of the matches not inside another
  top.clear();
  std::uint32_t last_site = kb::kNone;  // last token of the latest site match, if the latest match was one
  for (std::uint32_t i = 0; i < n;) {
    PhraseMatch m{};
    if (!matcher.longest_at(i, n, any, m)) {
      ++i;
      continue;
    }
    // A guard right after a body site does not take the muscle word it starts with:
    // "my legs cramp during my period" is a leg cramp.
    if (phrases[m.phrase].target_kind == kb::PhraseTarget::guard && last_site != kb::kNone && adjacent(last_site, i)) {
      PhraseMatch f{};
      if (matcher.longest_at(i, n, only_findings, f) && findings[phrases[f.phrase].target].scope == kb::Scope::core) {
        m = f;
      }
    }
    // A lookalike that starts inside a finding phrase and runs past it takes its words
    // back ("cramps in the back of my thigh" is not a back cramp); so does a body site
    // that starts inside a guard ("cramps in my stomach muscles" are muscle cramps).
    {
      const bool is_finding = phrases[m.phrase].target_kind == kb::PhraseTarget::finding;
      const auto site = [&](const kb::PhraseRec& p) {
        return p.target_kind == kb::PhraseTarget::finding && findings[p.target].kind == kb::FindingKind::site;
      };
      bool cut = false;
      for (std::uint32_t j = m.first + 1; j <= m.last && !cut; ++j) {
        PhraseMatch g{};
        const bool overlaps = is_finding ? matcher.longest_at(j, n, lookalike, g) : matcher.longest_at(j, n, site, g);
        if (overlaps && g.last > m.last) {
          cut = true;
          if (!matcher.longest_at(i, j, any, m)) m.phrase = kb::kNone;
        }
      }
      if (m.phrase == kb::kNone) {
        ++i;
        continue;
      }
    }
    top.push_back(static_cast<std::uint32_t>(out.size()));
    out.push_back(m);
    const kb::FindingRec* outer = finding_of(m);
    last_site = outer != nullptr && outer->kind == kb::FindingKind::site ? m.last : kb::kNone;
    // The findings a phrase contains are mentioned too: "night cramps" is a cramp at night,
    // "my toes curl" a cramp in the toes, "after long runs" exercise. Only findings that
    // say what the problem is or where (and, inside a timing or a trigger, what set it
    // off), so that "pain free" is not pain; a phrase that is only context for a muscle
    // problem ("heart fluttering") names at most a body site; a site names no other.
    // Guards inside the phrase keep their words ("on my feet all day").
    if (outer != nullptr && m.last > m.first && outer->kind != kb::FindingKind::site) {
      const std::uint32_t target = phrases[m.phrase].target;
      const bool sites_only = outer->scope == kb::Scope::context &&
                              (outer->kind == kb::FindingKind::symptom || outer->kind == kb::FindingKind::sign);
      const bool triggers_too = outer->kind == kb::FindingKind::timing || outer->kind == kb::FindingKind::trigger;
      // A named diagnosis or medicine ("MS spasms", "chronic diarrhoea", "myotonic dystrophy")
      // reports the symptoms it contains, not the signs its name shares a word with.
      const bool symptoms_only = outer->kind == kb::FindingKind::history || outer->kind == kb::FindingKind::medication;
      const std::size_t begin = out.size();
      const auto inner = [&](const kb::PhraseRec& p) {
        if (p.target_kind != kb::PhraseTarget::finding || p.target == target) return false;
        const kb::FindingRec& f = findings[p.target];
        const bool wanted =
            f.kind == kb::FindingKind::site ||
            (!sites_only && (symptoms_only ? f.kind == kb::FindingKind::symptom
                                           : f.scope != kb::Scope::context ||
                                                 (triggers_too && f.kind == kb::FindingKind::trigger)));
        if (!wanted) return false;
        for (std::size_t k = begin; k < out.size(); ++k) {
          if (phrases[out[k].phrase].target == p.target) return false;
        }
        return true;
      };
      const auto guard = [](const kb::PhraseRec& p) { return p.target_kind == kb::PhraseTarget::guard; };
      for (std::uint32_t k = m.first; k <= m.last; ++k) {
        PhraseMatch sub{};
        if (matcher.longest_at(k, m.last + 1, guard, sub)) {
          k = sub.last;
        } else if (matcher.longest_at(k, m.last + 1, inner, sub)) {
          out.push_back(sub);
        }
      }
    }
    i = m.last + 1;
  }
  // Word order: a finding, a preposition, then a body site ("twitching in my eyelid",
  // "spasms in the lower back") also means the phrase that names the site first; so does
  // a body site, then, in the same clause, a finding ("my jaw was slow to open and felt
  // stiff": a stiff jaw). Only words that match nothing may lie between.
  const auto compound = [&](const PhraseMatch& site, const PhraseMatch& other, const PhraseMatch& a,
                            const PhraseMatch& b) {
    const std::uint32_t p = kb.compound(phrases[site.phrase].target, phrases[other.phrase].target);
    if (p == kb::kNone) return;
    const std::uint32_t target = phrases[p].target;
    if (target == phrases[a.phrase].target || target == phrases[b.phrase].target) return;
    out.push_back({p, a.first, b.last, a.repaired || b.repaired, false});
  };
  const std::size_t n_top = top.size();
  for (std::size_t t = 0; t < n_top; ++t) {
    const PhraseMatch a = out[top[t]];
    const kb::FindingRec* fa = finding_of(a);
    if (fa == nullptr) continue;
    if (fa->kind != kb::FindingKind::site) {
      // finding, preposition, site
      if (t + 1 >= n_top) continue;
      const PhraseMatch b = out[top[t + 1]];
      const kb::FindingRec* fb = finding_of(b);
      if (fb == nullptr || fb->kind != kb::FindingKind::site) continue;
      // The preposition may be the first word of the site's own phrase ("in my lower back").
      bool connected = toks[b.first].kind == TokenKind::word && is_connector(tokens.norm(toks[b.first]));
      bool ok = b.first > a.last && b.first - a.last <= 4;
      for (std::uint32_t k = a.last + 1; ok && k < b.first; ++k) {
        if (toks[k].kind != TokenKind::word) {
          ok = false;
        } else if (is_connector(tokens.norm(toks[k]))) {
          connected = true;
        } else if ((info[k].flags & kb::kFiller) == 0) {
          ok = false;
        }
      }
      if (ok && connected) compound(b, a, a, b);
      continue;
    }
    // site, then findings of the same clause, up to the next site
    std::uint32_t scanned = a.last;
    for (std::size_t u = t + 1; u < n_top; ++u) {
      const PhraseMatch b = out[top[u]];
      if (b.first - a.last > kSiteFirstGap) break;
      bool ok = true;
      for (std::uint32_t k = scanned + 1; ok && k < b.first; ++k) {
        ok = toks[k].kind == TokenKind::word ? !is_clause_word(tokens.norm(toks[k]))
                                             : toks[k].punct == '-' && !toks[k].sentence_end;
      }
      if (!ok) break;
      const kb::FindingRec* fb = finding_of(b);
      if (fb == nullptr || fb->kind == kb::FindingKind::site) break;
      compound(a, b, a, b);
      scanned = b.last;
    }
  }
  // Mostly in order already (a few matches, found left to right): a stable sort's
  // buffer would be an allocation per text.
  const auto by_first = [](const PhraseMatch& x, const PhraseMatch& y) { return x.first < y.first; };
  if (!std::is_sorted(out.begin(), out.end(), by_first)) std::stable_sort(out.begin(), out.end(), by_first);
}

}  // namespace

void match_phrases(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
                   bool triggers, std::vector<PhraseMatch>& out) {
  out.clear();
  if (triggers) {
    match_triggers(tokens, info, kb, out);
  } else {
    match_findings(tokens, info, kb, out);
  }
}

}  // namespace crampx::text
