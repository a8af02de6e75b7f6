// The text stage end to end: tokens -> stems (with typo repair) -> lexicon
// matches -> assertion. Produces the findings of a text with their byte spans,
// status and how they matched, and the content words nothing matched.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "base/enum_names.h"
#include "kb/knowledge_base.h"
#include "text/assertion.h"
#include "text/phrase_matcher.h"
#include "text/tokenize.h"
#include "text/word_cache.h"

namespace crampx::text {

enum class Status : std::uint8_t { present, absent, possible, historical, hypothetical, family };
// frame: read from two phrases of a clause by a frame (language.json frames).
enum class MatchKind : std::uint8_t { exact, synonym, stem, fuzzy, frame };

}  // namespace crampx::text

// The report's words for a mention's status and how it matched (data/schema/report.schema.json).
namespace crampx {

template <>
struct EnumNames<text::Status> {
  static constexpr std::pair<text::Status, std::string_view> table[] = {
      {text::Status::present, "present"},           {text::Status::absent, "absent"},
      {text::Status::possible, "possible"},         {text::Status::historical, "historical"},
      {text::Status::hypothetical, "hypothetical"}, {text::Status::family, "family"}};
};
template <>
struct EnumNames<text::MatchKind> {
  static constexpr std::pair<text::MatchKind, std::string_view> table[] = {
      {text::MatchKind::exact, "exact"},
      {text::MatchKind::synonym, "synonym"},
      {text::MatchKind::stem, "stem"},
      {text::MatchKind::fuzzy, "fuzzy"},
      {text::MatchKind::frame, "frame"}};
};

}  // namespace crampx

namespace crampx::text {

struct Span {
  std::uint32_t begin, end;
};

// Whom a mention is said of, by the nearest person word before it in its sentence
// (language.json first_person_words, third_person_words): the writer ("I", "me"), someone
// else ("he", "her"), or neither.
enum class Voice : std::uint8_t { none, writer, someone_else };

// One place in the text where a finding is mentioned.
struct Mention {
  std::uint32_t finding;     // index into KnowledgeBase::findings()
  std::uint32_t phrase;      // the knowledge-base phrase it matched
  std::uint32_t begin, end;  // byte span [begin, end) of the input
  std::uint32_t repaired_to;  // typo word (KnowledgeBase::typo_words) of the first repaired token, or kNone
  std::uint32_t frame;        // the frame that read it (KnowledgeBase::frames()), or kNone
  Assertion assertion;
  Status status;
  MatchKind match;
  Voice voice;  // whom it is said of, by the nearest person word before it
  Span person;  // the word that names the person it is said of ("son" of "my son gets"), or empty
};

// A complaint word a frame set aside: said of a thing, not a body ("the chain seized").
struct SetAsideWord {
  std::uint32_t begin, end;  // byte span [begin, end) of the input: both slots of the frame
  std::uint32_t frame;       // the frame (KnowledgeBase::frames()), whose `reason` says why
};

struct Analysis {
  std::vector<Mention> mentions;      // in text order
  std::vector<Span> unrecognized;     // content words no phrase matched, in text order
  // The text tells of the complaint of someone it names ("my son gets cramps at night") and
  // of none of the writer's own: that person is the patient, and the findings said of them
  // are read as theirs (present ...), not as family history.
  bool about_someone_else = false;
  Span person{};  // then: the word that names them ("son"), as the text spells it
  std::vector<SetAsideWord> set_aside;  // in text order
  void clear() {
    mentions.clear();
    unrecognized.clear();
    about_someone_else = false;
    person = {};
    set_aside.clear();
  }
};

// The status a finding's assertion gives it, most specific first: someone else's,
// hypothetical, denied, past, uncertain, else present.
Status status_of(const Assertion& a);

// Everything the text stage keeps from text to text (it has no other state): reusable
// buffers, so a stream of texts allocates nothing in steady state, and the words resolved
// so far. One per thread.
struct Scratch {
  Tokens tokens;
  WordLookup words;  // word -> TokenInfo, remembered from text to text
  std::vector<TokenInfo> info;
  MatchScratch matching;
  std::vector<PhraseMatch> findings;
  std::vector<PhraseMatch> triggers;
  std::vector<std::uint32_t> covered;  // per token: the finding match (index + 1) or target it is part of, or 0
  std::vector<Voice> voice;            // per token: whom it is said of (the nearest person word before it)
  AssertionScopes scopes;
};

struct AnalyzeOptions {
  bool repair_typos = true;
  // Off: `unrecognized` stays empty, and a chunk that mentions no finding skips trigger
  // matching and assertion (nothing to assert), which more than halves the cost of the
  // many texts of a stream that are not about muscles at all.
  bool list_unrecognized = true;
};

// Tokens [first, last] of a text.
struct TokenRange {
  std::uint32_t first, last;
};

// The two halves of analyze(), for callers that assess spans of their own (bench/negex_eval):
// read_text tokenizes and matches finding, guard and trigger phrases; assert_text drops the
// triggers that lie inside a finding match or one of `targets` (their words are part of the
// thing named: "can't let go") and builds the trigger scopes. Then assess() any token range.
void read_text(std::string_view input, const kb::KnowledgeBase& kb, const AnalyzeOptions& options, Scratch& scratch);
// read_text on tokens already in `scratch.tokens`.
void read_tokens(const kb::KnowledgeBase& kb, const AnalyzeOptions& options, Scratch& scratch);
void assert_text(const kb::KnowledgeBase& kb, Scratch& scratch, std::span<const TokenRange> targets = {});
inline Assertion assess(const Scratch& scratch, TokenRange r) { return scratch.scopes.assess(r.first, r.last); }

void analyze(std::string_view input, const kb::KnowledgeBase& kb, const AnalyzeOptions& options, Scratch& scratch,
             Analysis& out);

}  // namespace crampx::text
