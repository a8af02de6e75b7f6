#include "text/analyze.h"

#include <algorithm>

#include "text/finding_rules.h"
#include "text/trigger_rules.h"

namespace crampx::text {

Status status_of(const Assertion& a) {
  if (a.family) return Status::family;
  if (a.hypothetical) return Status::hypothetical;
  if (a.negated) return Status::absent;
  if (a.historical) return Status::historical;
  if (a.possible) return Status::possible;
  return Status::present;
}

void read_text(std::string_view input, const kb::KnowledgeBase& kb, const AnalyzeOptions& options, Scratch& s) {
  tokenize(input, kb, s.tokens);
  read_tokens(kb, options, s);
}

void read_tokens(const kb::KnowledgeBase& kb, const AnalyzeOptions& options, Scratch& s) {
  lookup_tokens(s.tokens, kb, options.repair_typos, s.words, s.info);
  match_findings(s.tokens, s.info, kb, s.matching, s.findings);
  s.triggers.clear();
  if (!options.list_unrecognized && s.findings.empty()) return;  // nothing to assert or list
  match_triggers(s.tokens, s.info, kb, s.matching, s.triggers);
}

void assert_text(const kb::KnowledgeBase& kb, Scratch& s, std::span<const TokenRange> targets) {
  // A trigger inside a longer finding phrase ("can't let go", "no energy") is part of the
  // finding; one that spans the finding ("runs in the family") or overlaps one of its ends
  // ("my dad had a stroke") still asserts around it.
  // Words of a caller's target are all its own.
  constexpr std::uint32_t kTarget = 0xFFFFFFFFu;
  s.covered.assign(s.tokens.tokens.size(), 0);
  // A frame word's words are its own only inside the frame it helped read (that match covers them).
  const auto phrases = kb.phrases();
  for (std::uint32_t f = 0; f < s.findings.size(); ++f) {
    const PhraseMatch& m = s.findings[f];
    if (phrases[m.phrase].target_kind == kb::PhraseTarget::frame_word) continue;
    for (std::uint32_t k = m.first; k <= m.last; ++k) {
      if (k < m.gap_begin || k >= m.gap_end) s.covered[k] = f + 1;  // not the words between a frame's parts
    }
  }
  for (const TokenRange& r : targets) std::fill(s.covered.begin() + r.first, s.covered.begin() + r.last + 1, kTarget);
  // A boundary at the start of a finding still bounds: "no twitching, after a run my calves cramp".
  const auto triggers = kb.triggers();
  auto is_boundary = [&](const PhraseMatch& t) {
    const kb::TriggerCategory c = triggers[phrases[t.phrase].target].category;
    return c == kb::TriggerCategory::terminate || c == kb::TriggerCategory::clause_start;
  };
  std::erase_if(s.triggers, [&](const PhraseMatch& t) {
    for (std::uint32_t k = t.first; k <= t.last; ++k) {
      if (s.covered[k] == 0) continue;
      if (s.covered[k] == kTarget) return true;
      const PhraseMatch& f = s.findings[s.covered[k] - 1];
      if (f.first == t.first && is_boundary(t)) continue;
      // Inside a longer finding, the trigger is part of it; overlapping only the start
      // of one ("my dad had" + "had a stroke") it still speaks about it.
      if (f.first <= t.first && f.last >= t.last && (f.first < t.first || f.last > t.last)) return true;
    }
    return false;
  });
  s.scopes.build(s.tokens, s.info, s.triggers, kb);
}

namespace {

// Long texts are read in chunks that end where a sentence does: no scope crosses a
// sentence end, so the result is the same, and a chunk's tokens stay in cache. A 10 MB
// text then costs about 10x a 1 MB one, in a few MB instead of 200 (PERFORMANCE.md).
constexpr std::size_t kChunkBytes = 64 * 1024;

// Tokenizes the next chunk of `input`, from byte `from`, into `tokens`, and returns
// where it ends: after the last full stop, exclamation mark or paragraph break that
// has more text after it in a window of kChunkBytes (not after '?': an answer may
// follow a question, "Any weakness? No."). Without one, the window doubles; the rest
// of the text is the last chunk.
std::size_t tokenize_chunk(std::string_view input, std::size_t from, const kb::KnowledgeBase& kb, Tokens& tokens) {
  for (std::size_t window = kChunkBytes;; window *= 2) {
    if (input.size() - from <= window) {
      tokenize(input.substr(from), kb, tokens);
      return input.size();
    }
    tokenize(input.substr(from, window), kb, tokens);
    auto& toks = tokens.tokens;
    for (std::size_t k = toks.size() > 1 ? toks.size() - 1 : 0; k-- > 0;) {  // a token follows toks[k]
      if (toks[k].sentence_end && (toks[k].punct == '.' || toks[k].punct == '!' || toks[k].punct == '\n')) {
        const std::size_t end = from + toks[k].end;
        toks.resize(k + 1);
        return end;
      }
    }
  }
}

// Per token of `s.tokens`, whom it is said of: the person word nearest before it (or at it)
// in its sentence, the writer's ("I", "me") or someone else's ("he", "her"), else none.
// "It upsets me to see her in such pain": the pain is hers.
void mark_voices(Scratch& s) {
  const auto& toks = s.tokens.tokens;
  s.voice.resize(toks.size());
  Voice v = Voice::none;
  for (std::size_t k = 0; k < toks.size(); ++k) {
    if ((s.info[k].classes & kb::kFirstPerson) != 0) v = Voice::writer;
    if ((s.info[k].classes & kb::kThirdPerson) != 0) v = Voice::someone_else;
    s.voice[k] = v;
    if (toks[k].sentence_end) v = Voice::none;
  }
}

// The tokens that name the person a family trigger names, from the trigger's person word
// `w`: that word ("son"), or for a child named by age (a trigger that starts with the number:
// language.json) the number and the age words after it (age_words: "14 year old",
// "6-month-old"), so the report says "your 14 year old", not "your 14".
std::pair<std::uint32_t, std::uint32_t> person_tokens(const Scratch& s, std::uint32_t w) {
  const auto& toks = s.tokens.tokens;
  const auto n = static_cast<std::uint32_t>(toks.size());
  const auto is_age = [&](std::uint32_t k) { return toks[k].kind == TokenKind::word && (s.info[k].classes & kb::kAgeWord) != 0; };
  // The age word right after token k ("14 year", "6-year"), else 0.
  const auto age_after = [&](std::uint32_t k) -> std::uint32_t {
    if (k + 1 < n && is_age(k + 1)) return k + 1;
    if (k + 2 < n && toks[k + 1].kind == TokenKind::punct && toks[k + 1].punct == '-' && is_age(k + 2)) return k + 2;
    return 0;
  };
  std::uint32_t last = w;
  while (const std::uint32_t next = age_after(last)) last = next;
  return {w, last};
}

// The mentions and unrecognized words of the chunk in `s.tokens`, whose first byte is
// input byte `offset`.
void analyze_chunk(std::uint32_t offset, const kb::KnowledgeBase& kb, const AnalyzeOptions& options, Scratch& s,
                   Analysis& out) {
  read_tokens(kb, options, s);
  if (!options.list_unrecognized && s.findings.empty()) return;
  assert_text(kb, s);
  mark_voices(s);

  const auto phrases = kb.phrases();
  for (const PhraseMatch& m : s.findings) {
    const kb::PhraseRec& phrase = phrases[m.phrase];
    if (m.frame != kb::kNone && kb.frames()[m.frame].means == kb::kNone) {  // a complaint word set aside
      out.set_aside.push_back({offset + s.tokens.tokens[m.first].begin, offset + s.tokens.tokens[m.last].end, m.frame});
      continue;
    }
    if (phrase.target_kind != kb::PhraseTarget::finding) continue;  // a guard: matched, means nothing
    Mention mention{};
    mention.finding = phrase.target;
    mention.phrase = m.phrase;
    mention.begin = offset + s.tokens.tokens[m.first].begin;
    mention.end = offset + s.tokens.tokens[m.last].end;
    mention.repaired_to = kb::kNone;
    if (m.repaired) {
      for (std::uint32_t k = m.first; k <= m.last; ++k) {
        if (s.info[k].stem == kb::kNone && s.info[k].typo_word != kb::kNone) {
          mention.repaired_to = s.info[k].typo_word;
          break;
        }
      }
    }
    mention.assertion = assess(s, {m.first, m.last});
    mention.status = status_of(mention.assertion);
    mention.voice = s.voice[m.first];
    if (const std::uint32_t w = s.scopes.person_word(m.first, m.last); w != AssertionScopes::kNoPerson) {
      const auto [first, last] = person_tokens(s, w);
      mention.person = {offset + s.tokens.tokens[first].begin, offset + s.tokens.tokens[last].end};
    }
    mention.frame = m.frame;
    mention.match = m.frame != kb::kNone ? MatchKind::frame
                    : m.repaired        ? MatchKind::fuzzy
                    : !m.surface_equal  ? MatchKind::stem
                    : phrase.canonical  ? MatchKind::exact
                                        : MatchKind::synonym;
    out.mentions.push_back(mention);
  }

  if (!options.list_unrecognized) return;
  for (const PhraseMatch& m : s.triggers) std::fill(s.covered.begin() + m.first, s.covered.begin() + m.last + 1, 1u);
  for (std::size_t i = 0; i < s.tokens.tokens.size(); ++i) {
    const Token& t = s.tokens.tokens[i];
    if (t.kind != TokenKind::word || s.covered[i] != 0) continue;
    if ((s.info[i].flags & (kb::kStopword | kb::kFiller)) != 0) continue;
    const std::string_view w = s.tokens.norm(t);
    if (w.size() < 3 || std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; })) {
      continue;
    }
    out.unrecognized.push_back({offset + t.begin, offset + t.end});
  }
}

bool is_complaint(const kb::KnowledgeBase& kb, const Mention& m) {
  const kb::FindingKind kind = kb.findings()[m.finding].kind;
  return kind == kb::FindingKind::symptom || kind == kb::FindingKind::sign;
}

// Whether a present or possible mention outside a person's scope is the writer's own: a
// symptom or sign not said of someone else ("his legs twitch too"), or where, when or after
// what in a sentence of the writer's ("my brother gets cramps, I get them at night").
bool writers_own(const kb::KnowledgeBase& kb, const Mention& m) {
  if (m.status != Status::present && m.status != Status::possible) return false;
  if (is_complaint(kb, m)) return m.voice != Voice::someone_else;
  const kb::FindingKind kind = kb.findings()[m.finding].kind;
  return m.voice == Voice::writer &&
         (kind == kb::FindingKind::site || kind == kb::FindingKind::timing || kind == kb::FindingKind::trigger);
}

// A relative named as the one who has the complaint ("my son gets cramps", "my husband
// keeps getting twitches": a trigger with kb::kNamesAPerson) is the patient when the writer
// tells of no complaint of their own; then what the text says of them is theirs, read as
// it would be of the writer, a condition they have included ("my wife has breast cancer ...
// her legs are weak": the cancer is hers, not family history). Else it stays someone else's
// (family history), as does all a relative "had" or "was diagnosed with" ("my mother had ALS").
void read_as_about_someone_else(const kb::KnowledgeBase& kb, Analysis& out) {
  const Mention* named = nullptr;
  bool complaint_of_theirs = false;  // a symptom or sign said of them: "gets cramps", "her legs are stiff"
  for (const Mention& m : out.mentions) {
    if (writers_own(kb, m)) return;
    const bool of_person = m.status == Status::family && m.assertion.person;
    if (named == nullptr && of_person) named = &m;
    complaint_of_theirs = complaint_of_theirs ||
                          (is_complaint(kb, m) && (of_person || ((m.status == Status::present || m.status == Status::possible) &&
                                                                 m.voice == Voice::someone_else)));
  }
  if (named == nullptr || !complaint_of_theirs) return;
  out.about_someone_else = true;
  out.person = named->person;
  for (Mention& m : out.mentions) {
    if (m.status != Status::family || !m.assertion.person) continue;
    m.assertion.family = false;
    m.status = status_of(m.assertion);
  }
}

}  // namespace

void analyze(std::string_view input, const kb::KnowledgeBase& kb, const AnalyzeOptions& options, Scratch& s,
             Analysis& out) {
  out.clear();
  std::size_t from = 0;
  do {
    const std::size_t end = tokenize_chunk(input, from, kb, s.tokens);
    analyze_chunk(static_cast<std::uint32_t>(from), kb, options, s, out);
    from = end;
  } while (from < input.size());
  read_as_about_someone_else(kb, out);
}

}  // namespace crampx::text
