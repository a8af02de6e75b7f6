#include "text/lexicon.h"

#include <algorithm>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>

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
// words it has resolved for the knowledge base it last used.
constexpr std::size_t kWordCacheSize = 1 << 16;

struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct WordCache {
  std::uint64_t kb = 0;  // KnowledgeBase::serial(): an address could be reused by the next one
  bool repair = false;
  std::unordered_map<std::string, TokenInfo, WordHash, std::equal_to<>> words;
};

WordCache& word_cache(const kb::KnowledgeBase& kb, bool repair) {
  thread_local WordCache cache;
  if (cache.kb != kb.serial() || cache.repair != repair) {
    cache.words.clear();
    cache.kb = kb.serial();
    cache.repair = repair;
  }
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
    if (const auto hit = cache.words.find(word); hit != cache.words.end()) {
      out[i] = hit->second;
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
    if (cache.words.size() >= kWordCacheSize) cache.words.clear();  // bounded: memory stays flat
    cache.words.emplace(word, info);
    out[i] = info;
  }
}

void match_phrases(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
                   bool triggers, std::vector<PhraseMatch>& out) {
  out.clear();
  const auto& toks = tokens.tokens;
  const auto phrases = kb.phrases();
  const auto vocab = kb.vocab();
  thread_local std::vector<std::uint32_t> used;  // the tokens of the phrase being tried
  for (std::uint32_t i = 0; i < toks.size();) {
    const TokenInfo& first = info[i];
    const std::uint32_t head = first.stem != kb::kNone ? first.stem : (triggers ? kb::kNone : first.repaired);
    bool matched = false;
    if (toks[i].kind == TokenKind::word && head != kb::kNone) {
      const auto starts = kb.ids(triggers ? vocab[head].trigger_starts : vocab[head].starts);
      // The stems a phrase's second word may have here: those of the next word and, while
      // the words are fillers, of the words after it. Most candidates fail on this check.
      std::uint32_t second[2 * (kMaxFillers + 1)];
      std::size_t n_second = 0;
      for (std::uint32_t j = i + 1, words = 0; j < toks.size() && words <= kMaxFillers; ++j) {
        if (toks[j].kind == TokenKind::punct) {
          if (toks[j].sentence_end || (toks[j].punct != '-' && toks[j].punct != '/')) break;
          continue;
        }
        second[n_second++] = info[j].stem;
        second[n_second++] = triggers ? kb::kNone : info[j].repaired;
        ++words;
        if ((info[j].flags & kb::kFiller) == 0) break;
      }
      for (std::size_t n = 0; n < starts.size(); ++n) {
        const std::uint32_t p = starts[n];
        const kb::PhraseRec& phrase = phrases[p];
        const auto stems = kb.ids(phrase.stems);
        if (stems.size() > 1 && std::find(second, second + n_second, stems[1]) == second + n_second) continue;
        bool repaired = first.stem == kb::kNone;
        used.assign(1, i);
        std::uint32_t j = i + 1;
        int fillers = 0;
        std::size_t k = 1;
        while (k < stems.size() && j < toks.size()) {
          const Token& t = toks[j];
          if (t.kind == TokenKind::punct) {
            if (t.sentence_end || (t.punct != '-' && t.punct != '/')) break;  // hyphens and slashes join words
          } else if (stem_matches(info[j], stems[k], !triggers, repaired)) {
            used.push_back(j);
            ++k;
          } else if ((info[j].flags & kb::kFiller) != 0 && fillers < kMaxFillers) {
            ++fillers;
          } else {
            break;
          }
          ++j;
        }
        if (k < stems.size()) continue;
        if (triggers && !same_word_class(tokens, used, kb.str(phrase.words))) continue;
        const std::size_t before = out.size();
        out.push_back({p, i, used.back(), repaired, !repaired && same_surface(tokens, used, kb.str(phrase.words))});
        if (triggers) add_same_stem_triggers(tokens, kb, starts.subspan(n + 1), stems, used, before, out);
        i = used.back() + 1;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
}

}  // namespace crampx::text
