#include "support/reference_matcher.h"

#include <optional>
#include <tuple>

#include <fmt/format.h>

#include "text/finding_rules.h"
#include "text/trigger_rules.h"
#include "text/typo.h"

namespace crampx::test {
namespace {

using text::PhraseMatch;
using text::Token;
using text::TokenInfo;
using text::TokenKind;

bool ends_in_ly(std::string_view w) { return w.size() > 2 && w.ends_with("ly"); }

std::vector<std::string_view> words_of(std::string_view phrase) {
  std::vector<std::string_view> out;
  while (!phrase.empty()) {
    const std::size_t space = phrase.find(' ');
    out.push_back(phrase.substr(0, space));
    phrase.remove_prefix(space == std::string_view::npos ? phrase.size() : space + 1);
  }
  return out;
}

// The typo word an unknown word is repaired to, weighing every typo word of the knowledge
// base (text/typo.h states the rule: within max_typo_distance; nearest, then the same
// first letter, then the word more finding phrases use, then the nearer length, then
// alphabetical). Known words, short words and words that are not plain a-z stay as they are.
std::optional<std::uint32_t> reference_repair(std::string_view word, const kb::KnowledgeBase& kb) {
  const int limit = text::max_typo_distance(word.size());
  if (limit == 0 || word.size() >= 40) return std::nullopt;
  if (!std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) return std::nullopt;
  if (kb.in_dictionary(word)) return std::nullopt;
  std::vector<std::int64_t> uses(kb.vocab().size(), 0);
  for (const kb::PhraseRec& p : kb.phrases()) {
    if (p.target_kind != kb::PhraseTarget::finding) continue;
    for (const std::uint32_t s : kb.ids(p.stems)) ++uses[s];
  }
  const auto words = kb.typo_words();
  std::optional<std::uint32_t> best;
  std::tuple<int, bool, std::int64_t, std::size_t, std::string_view> best_rank;
  for (std::uint32_t w = 0; w < words.size(); ++w) {
    const std::string_view candidate = kb.str(words[w].word);
    const int d = text::osa_distance(word, candidate, limit);
    if (d > limit) continue;
    const std::size_t length_gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                                  : word.size() - candidate.size();
    const auto rank = std::tuple(d, candidate[0] != word[0], -uses[words[w].stem], length_gap, candidate);
    if (!best || rank < best_rank) {
      best = w;
      best_rank = rank;
    }
  }
  return best;
}

std::string describe(const PhraseMatch& m, const kb::KnowledgeBase& kb) {
  const kb::PhraseRec& p = kb.phrases()[m.phrase];
  const char* kind = p.target_kind == kb::PhraseTarget::finding      ? "finding"
                     : p.target_kind == kb::PhraseTarget::guard      ? "guard"
                     : p.target_kind == kb::PhraseTarget::frame_word ? "frame word"
                                                                     : "trigger";
  return fmt::format("'{}' ({} phrase {}) on tokens {}-{}{}{}", kb.str(p.words), kind, m.phrase, m.first, m.last,
                     m.repaired ? ", repaired" : "", m.surface_equal ? ", as written" : "");
}

std::string describe(const TokenInfo& t) {
  return fmt::format("stem {}, repaired {}, typo word {}, flags {}, classes {}", t.stem, t.repaired, t.typo_word,
                     t.flags, t.classes);
}

bool same(const PhraseMatch& a, const PhraseMatch& b) {
  return a.phrase == b.phrase && a.first == b.first && a.last == b.last && a.repaired == b.repaired &&
         a.surface_equal == b.surface_equal && a.frame == b.frame && a.gap_begin == b.gap_begin &&
         a.gap_end == b.gap_end;
}

std::string first_list_difference(const char* what, const std::vector<PhraseMatch>& reference,
                                  const std::vector<PhraseMatch>& product, const kb::KnowledgeBase& kb) {
  for (std::size_t k = 0; k < std::max(reference.size(), product.size()); ++k) {
    const std::string r = k < reference.size() ? describe(reference[k], kb) : "nothing";
    const std::string p = k < product.size() ? describe(product[k], kb) : "nothing";
    if (k >= reference.size() || k >= product.size() || !same(reference[k], product[k])) {
      return fmt::format("{} match {}: reference {}; product {}", what, k, r, p);
    }
  }
  return {};
}

}  // namespace

std::vector<TokenInfo> reference_lookup(const text::Tokens& tokens, const kb::KnowledgeBase& kb, bool repair_typos) {
  text::Stemmer stemmer;
  const auto vocab = kb.vocab();
  std::vector<TokenInfo> out(tokens.tokens.size());
  for (std::size_t i = 0; i < tokens.tokens.size(); ++i) {
    const Token& t = tokens.tokens[i];
    if (t.kind != TokenKind::word) continue;
    const std::string_view word = tokens.norm(t);
    TokenInfo& info = out[i];
    info.classes = kb.word_classes(word);
    const std::string_view stem = stemmer.stem(word);
    for (std::uint32_t v = 0; v < vocab.size(); ++v) {
      if (kb.str(vocab[v].stem) == stem) {
        info.stem = v;
        info.flags = vocab[v].flags;
        break;
      }
    }
    if (info.stem != kb::kNone || !repair_typos) continue;
    if (const auto fix = reference_repair(word, kb)) {
      info.typo_word = *fix;
      info.repaired = kb.typo_words()[*fix].stem;
    }
  }
  return out;
}

bool ReferenceMatcher::starts_at(std::uint32_t p, std::uint32_t i, std::uint32_t end) const {
  if (i >= end || tokens_.tokens[i].kind != TokenKind::word) return false;
  const std::uint32_t first = kb_.ids(kb_.phrases()[p].stems)[0];
  return info_[i].stem == first || (!triggers_ && info_[i].stem == kb::kNone && info_[i].repaired == first);
}

bool ReferenceMatcher::match(std::uint32_t p, std::uint32_t i, std::uint32_t end, PhraseMatch& out) {
  const kb::PhraseRec& phrase = kb_.phrases()[p];
  const auto stems = kb_.ids(phrase.stems);
  const auto& toks = tokens_.tokens;
  bool repaired = false;
  // A word meets a stem as itself, or (finding and guard phrases only) through its typo repair.
  auto meets = [&](std::uint32_t j, std::uint32_t stem) {
    if (info_[j].stem == stem) return true;
    if (triggers_ || info_[j].stem != kb::kNone || info_[j].repaired != stem) return false;
    repaired = true;
    return true;
  };
  tried_.clear();
  if (!starts_at(p, i, end) || !meets(i, stems[0])) return false;
  tried_.push_back(i);
  int fillers = 0;
  for (std::uint32_t j = i + 1, k = 1; k < stems.size(); ++j) {
    if (j >= end) return false;
    const Token& t = toks[j];
    if (t.kind == TokenKind::punct) {
      if (t.sentence_end || (t.punct != '-' && t.punct != '/')) return false;
    } else if (meets(j, stems[k])) {
      tried_.push_back(j);
      ++k;
    } else if ((info_[j].flags & kb::kFiller) != 0 && fillers < text::kMaxFillers) {
      ++fillers;
    } else {
      return false;
    }
  }
  const std::vector<std::string_view> words = words_of(kb_.str(phrase.words));
  std::string written;
  for (std::size_t k = 0; k < tried_.size(); ++k) {
    const std::string_view a = tokens_.norm(toks[tried_[k]]);
    // A trigger does not meet an "-ly" adverb of its word, nor its word the adverb's trigger.
    const std::string_view b = words[k];
    if (triggers_ && ends_in_ly(a) != ends_in_ly(b) && (ends_in_ly(a) ? a.size() >= b.size() : b.size() >= a.size())) {
      return false;
    }
    if (k > 0) written += ' ';
    written.append(a);
  }
  out = {p, i, tried_.back(), repaired, !repaired && written == kb_.str(phrase.words)};
  return true;
}

LexiconReading read_with_reference(std::string_view input, const kb::KnowledgeBase& kb, bool repair_typos) {
  text::Tokens tokens;
  text::tokenize(input, kb, tokens);
  LexiconReading r;
  r.info = reference_lookup(tokens, kb, repair_typos);
  ReferenceMatcher findings(tokens, r.info, kb, /*triggers=*/false);
  std::vector<std::uint32_t> top;
  text::FindingRules<ReferenceMatcher>(tokens, r.info, kb, findings, top, r.findings).run();
  ReferenceMatcher triggers(tokens, r.info, kb, /*triggers=*/true);
  text::apply_trigger_rules(tokens, kb, triggers, r.triggers);
  return r;
}

LexiconReading read_with_product(std::string_view input, const kb::KnowledgeBase& kb, text::Scratch& scratch,
                                 bool repair_typos) {
  text::read_text(input, kb, {.repair_typos = repair_typos, .list_unrecognized = true}, scratch);
  return {scratch.info, scratch.findings, scratch.triggers};
}

std::string first_difference(std::string_view input, const LexiconReading& reference, const LexiconReading& product,
                             const kb::KnowledgeBase& kb) {
  if (reference.info.size() != product.info.size()) {
    return fmt::format("tokens: reference {}, product {}", reference.info.size(), product.info.size());
  }
  text::Tokens tokens;
  text::tokenize(input, kb, tokens);
  for (std::size_t i = 0; i < reference.info.size(); ++i) {
    const TokenInfo& r = reference.info[i];
    const TokenInfo& p = product.info[i];
    if (r.stem != p.stem || r.repaired != p.repaired || r.typo_word != p.typo_word || r.flags != p.flags ||
        r.classes != p.classes) {
      const std::string word = i < tokens.tokens.size() ? std::string(tokens.norm(tokens.tokens[i])) : "?";
      return fmt::format("token {} '{}': reference {}; product {}", i, word, describe(r), describe(p));
    }
  }
  if (std::string d = first_list_difference("finding/guard", reference.findings, product.findings, kb); !d.empty()) {
    return d;
  }
  return first_list_difference("trigger", reference.triggers, product.triggers, kb);
}

}  // namespace crampx::test
