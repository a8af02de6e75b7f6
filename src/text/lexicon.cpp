#include "text/lexicon.h"

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

}  // namespace

void lookup_tokens(const Tokens& tokens, const kb::KnowledgeBase& kb, bool repair_typos,
                   std::vector<TokenInfo>& out) {
  out.assign(tokens.tokens.size(), TokenInfo{});
  const auto vocab = kb.vocab();
  const auto typo_words = kb.typo_words();
  for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
    const Token& t = tokens.tokens[i];
    if (t.kind != TokenKind::word) continue;
    const std::string_view word = tokens.norm(t);
    if (const auto id = kb.find_stem(stem(word))) {
      out[i].stem = *id;
      out[i].flags = vocab[*id].flags;
    } else if (repair_typos) {
      if (const auto fix = correct(word, kb)) {
        out[i].typo_word = fix->typo_word;
        out[i].repaired = typo_words[fix->typo_word].stem;
      }
    }
  }
}

void match_phrases(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
                   bool triggers, std::vector<PhraseMatch>& out) {
  out.clear();
  const auto& toks = tokens.tokens;
  const auto phrases = kb.phrases();
  const auto vocab = kb.vocab();
  std::vector<std::uint32_t> used;
  for (std::uint32_t i = 0; i < toks.size();) {
    const TokenInfo& first = info[i];
    const std::uint32_t head = first.stem != kb::kNone ? first.stem : (triggers ? kb::kNone : first.repaired);
    bool matched = false;
    if (toks[i].kind == TokenKind::word && head != kb::kNone) {
      for (const std::uint32_t p : kb.ids(vocab[head].starts)) {
        const kb::PhraseRec& phrase = phrases[p];
        if ((phrase.target_kind == kb::PhraseTarget::trigger) != triggers) continue;
        const auto stems = kb.ids(phrase.stems);
        bool repaired = first.stem == kb::kNone;
        used.assign(1, i);
        std::uint32_t j = i + 1;
        int fillers = 0;
        std::size_t k = 1;
        while (k < stems.size() && j < toks.size()) {
          const Token& t = toks[j];
          if (t.kind == TokenKind::punct) {
            if (t.punct != '-' && t.punct != '/') break;  // hyphens and slashes join words
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
        out.push_back({p, i, used.back(), repaired, !repaired && same_surface(tokens, used, kb.str(phrase.words))});
        i = used.back() + 1;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
}

}  // namespace crampx::text
