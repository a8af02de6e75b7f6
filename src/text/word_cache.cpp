#include "text/word_cache.h"

#include <algorithm>
#include <cstring>


namespace crampx::text {

void WordCache::use(std::uint64_t kb_serial, bool repair) {
  if (kb_ != kb_serial || repair_ != repair) clear();
  kb_ = kb_serial;
  repair_ = repair;
}

void WordCache::insert(std::string_view word, std::uint64_t hash, const TokenInfo& info) {
  if (words_ >= kMaxWords) clear();
  if (2 * (words_ + 1) > slots_.size()) grow();
  place({hash, static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(word.size()), info});
  arena_.append(word);
  ++words_;
}

void WordCache::place(const Slot& slot) {
  std::size_t i = slot.hash & mask();
  while (slots_[i].hash != 0) i = (i + 1) & mask();
  slots_[i] = slot;
}

void WordCache::grow() {
  std::vector<Slot> old(std::max<std::size_t>(64, 2 * slots_.size()));  // small first: a one-text process
  old.swap(slots_);
  for (const Slot& s : old) {
    if (s.hash != 0) place(s);
  }
}

void WordCache::clear() {
  slots_.clear();
  arena_.clear();
  words_ = 0;
}

void lookup_tokens(const Tokens& tokens, const kb::KnowledgeBase& kb, bool repair_typos, WordLookup& words,
                   std::vector<TokenInfo>& out) {
  out.assign(tokens.tokens.size(), TokenInfo{});
  WordCache& cache = words.cache;
  cache.use(kb.serial(), repair_typos);
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
    info.classes = kb.word_classes(word);
    if (const auto id = kb.find_stem(words.stemmer.stem(word))) {
      info.stem = *id;
      info.flags = vocab[*id].flags;
    } else if (repair_typos) {
      if (const auto fix = correct_unknown(word, kb, words.typo)) {
        info.typo_word = fix->typo_word;
        info.repaired = typo_words[fix->typo_word].stem;
      }
    }
    cache.insert(word, hash, info);
    out[i] = info;
  }
}

}  // namespace crampx::text
