// Each word token's vocabulary stem (or, for an unknown word, the stem of its typo
// repair) and word classes, remembered per word: resolving a word (Snowball stemming,
// vocabulary search, typo repair) is the costliest step per token, and words repeat.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "kb/knowledge_base.h"
#include "text/stemmer.h"
#include "text/tokenize.h"
#include "text/typo.h"

namespace crampx::text {

struct TokenInfo {
  std::uint32_t stem = kb::kNone;       // vocabulary index of the token's own stem
  std::uint32_t repaired = kb::kNone;   // vocabulary index reached by typo repair
  std::uint32_t typo_word = kb::kNone;  // the word it was repaired to (KnowledgeBase::typo_words)
  std::uint8_t flags = 0;               // kb::VocabFlag of the token's own stem
  std::uint16_t classes = 0;            // kb::WordClass of the token's own word
};

// Word -> TokenInfo for one knowledge base with typo repair on or off: an open-addressing
// table (a probe is a hash compare in one array, no division, no node to chase) over an
// arena of the words' bytes.
class WordCache {
 public:
  static constexpr std::size_t kMaxWords = 1 << 16;  // then it starts afresh: memory stays flat

  // The cache for `kb` with typo repair on or off (a different one empties it).
  void use(std::uint64_t kb_serial, bool repair);

  const TokenInfo* find(std::string_view word, std::uint64_t hash) const {
    if (slots_.empty()) return nullptr;
    for (std::size_t i = hash & mask();; i = (i + 1) & mask()) {
      const Slot& s = slots_[i];
      if (s.hash == 0) return nullptr;
      if (s.hash == hash && std::string_view(arena_.data() + s.offset, s.length) == word) return &s.info;
    }
  }

  void insert(std::string_view word, std::uint64_t hash, const TokenInfo& info);

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
  void place(const Slot& slot);
  void grow();
  void clear();

  std::vector<Slot> slots_;  // a power of two in size, at most half full
  std::string arena_;
  std::size_t words_ = 0;
  std::uint64_t kb_ = 0;  // KnowledgeBase::serial(): an address could be reused by the next one
  bool repair_ = false;
};

// What resolving words keeps from text to text (text::Scratch holds one per thread): the
// words resolved so far, the stemmer, and typo repair's buffers.
struct WordLookup {
  WordCache cache;
  Stemmer stemmer;
  TypoScratch typo;
};

// Looks up every token's stem and word classes; repairs unknown words when `repair_typos`.
void lookup_tokens(const Tokens& tokens, const kb::KnowledgeBase& kb, bool repair_typos, WordLookup& words,
                   std::vector<TokenInfo>& out);

}  // namespace crampx::text
