// The compiled knowledge-base image: a flat, position-independent byte layout of
// plain records that the engine reads in place, with no parsing at start-up.
//
// Contract: images are produced only by compile/ (at build time for the embedded
// knowledge base, in memory for --kb FILE). They are never read from disk, so the
// reader checks the header and section bounds but trusts the records themselves.
// Records hold offsets, never pointers, so the bytes can be embedded as-is.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

#include "base/enum_names.h"

namespace crampx::kb {

inline constexpr char kImageMagic[8] = {'C', 'R', 'A', 'M', 'P', 'X', 'K', 'B'};
inline constexpr std::uint32_t kImageVersion = 13;
inline constexpr std::uint32_t kNone = 0xFFFFFFFFu;

struct Str {  // bytes [offset, offset + length) of the string pool
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

struct Ids {  // `count` u32 values starting at `offset` in the id pool
  std::uint32_t offset = 0;
  std::uint32_t count = 0;
};

struct Range {  // records [begin, begin + count) of a record section
  std::uint32_t begin = 0;
  std::uint32_t count = 0;
};

// Ordered by urgency so that max() raises triage.
enum class Level : std::uint8_t { self_care = 0, consult = 1, urgent = 2, emergency = 3 };
enum class FindingKind : std::uint8_t { symptom, sign, site, timing, trigger, context, history, medication };
enum class Scope : std::uint8_t { core, weak, context };
// cause: a cause of muscle cramps, spasms, twitching or stiffness. lookalike: what people
// call a cramp or spasm that is not one of a skeletal muscle (a clot, period pain ...),
// ranked in the same differential.
enum class CauseKind : std::uint8_t { cause, lookalike };
enum class MechanismKind : std::uint8_t { normal_step, disturbance };
enum class TreatmentKind : std::uint8_t {
  self_care, medication, supplement, fluid_replacement, alternative, treat_underlying, procedure
};
enum class Evidence : std::uint8_t { established, limited, weak, not_recommended };
enum class TriggerCategory : std::uint8_t {
  negated, possible, historical, hypothetical, family, pseudo, terminate, clause_start
};
enum class Direction : std::uint8_t { forward, backward, both, none };
// A frame word is one slot of a frame (FrameRec): it means nothing alone ("locked",
// "can't"), and a finding when a frame pairs it with its partner in the same clause.
enum class PhraseTarget : std::uint8_t { finding, guard, trigger, frame_word };

}  // namespace crampx::kb

// The knowledge base's words for these values (data/schema/kb.schema.json), which the
// compiler reads and the views print.
namespace crampx {

template <>
struct EnumNames<kb::Level> {
  static constexpr std::pair<kb::Level, std::string_view> table[] = {
      {kb::Level::self_care, "self_care"},
      {kb::Level::consult, "consult"},
      {kb::Level::urgent, "urgent"},
      {kb::Level::emergency, "emergency"}};
};
template <>
struct EnumNames<kb::FindingKind> {
  static constexpr std::pair<kb::FindingKind, std::string_view> table[] = {
      {kb::FindingKind::symptom, "symptom"}, {kb::FindingKind::sign, "sign"},
      {kb::FindingKind::site, "site"},       {kb::FindingKind::timing, "timing"},
      {kb::FindingKind::trigger, "trigger"}, {kb::FindingKind::context, "context"},
      {kb::FindingKind::history, "history"}, {kb::FindingKind::medication, "medication"}};
};
template <>
struct EnumNames<kb::Scope> {
  static constexpr std::pair<kb::Scope, std::string_view> table[] = {
      {kb::Scope::core, "core"}, {kb::Scope::weak, "weak"}, {kb::Scope::context, "context"}};
};
template <>
struct EnumNames<kb::CauseKind> {
  static constexpr std::pair<kb::CauseKind, std::string_view> table[] = {
      {kb::CauseKind::cause, "cause"}, {kb::CauseKind::lookalike, "lookalike"}};
};
template <>
struct EnumNames<kb::MechanismKind> {
  static constexpr std::pair<kb::MechanismKind, std::string_view> table[] = {
      {kb::MechanismKind::normal_step, "normal_step"}, {kb::MechanismKind::disturbance, "disturbance"}};
};
template <>
struct EnumNames<kb::TreatmentKind> {
  static constexpr std::pair<kb::TreatmentKind, std::string_view> table[] = {
      {kb::TreatmentKind::self_care, "self_care"},
      {kb::TreatmentKind::medication, "medication"},
      {kb::TreatmentKind::supplement, "supplement"},
      {kb::TreatmentKind::fluid_replacement, "fluid_replacement"},
      {kb::TreatmentKind::alternative, "alternative"},
      {kb::TreatmentKind::treat_underlying, "treat_underlying"},
      {kb::TreatmentKind::procedure, "procedure"}};
};
template <>
struct EnumNames<kb::Evidence> {
  static constexpr std::pair<kb::Evidence, std::string_view> table[] = {
      {kb::Evidence::established, "established"},
      {kb::Evidence::limited, "limited"},
      {kb::Evidence::weak, "weak"},
      {kb::Evidence::not_recommended, "not_recommended"}};
};
template <>
struct EnumNames<kb::TriggerCategory> {
  static constexpr std::pair<kb::TriggerCategory, std::string_view> table[] = {
      {kb::TriggerCategory::negated, "negated"},
      {kb::TriggerCategory::possible, "possible"},
      {kb::TriggerCategory::historical, "historical"},
      {kb::TriggerCategory::hypothetical, "hypothetical"},
      {kb::TriggerCategory::family, "family"},
      {kb::TriggerCategory::pseudo, "pseudo"},
      {kb::TriggerCategory::terminate, "terminate"},
      {kb::TriggerCategory::clause_start, "clause_start"}};
};
template <>
struct EnumNames<kb::Direction> {
  static constexpr std::pair<kb::Direction, std::string_view> table[] = {
      {kb::Direction::forward, "forward"},
      {kb::Direction::backward, "backward"},
      {kb::Direction::both, "both"},
      {kb::Direction::none, "none"}};
};

}  // namespace crampx

namespace crampx::kb {

struct MetaRec {
  Str name, version, description, disclaimer;
  // The knowledge base's `scoring` (docs/SCORING.md): the prior share of a cause it does not
  // hold (0: a closed world), and the temperature that softens the evidence (1: none).
  float unlisted_share;
  float temperature;
};

struct ReferenceRec {
  Str id, title, publisher, url, kind, note;
  std::uint32_t year;  // 0 when unknown
};

struct FindingRec {
  Str id, label, question;
  Str hpo;        // Human Phenotype Ontology term id ("HP:0001337"); empty when none fits
  Range phrases;  // into the phrase section (this finding's own phrases, canonical first)
  Ids references;
  Ids implies;    // the other findings its canonical phrase says ("after exercise": exercise)
  float base_rate;
  FindingKind kind;
  Scope scope;
  bool past_counts;
  std::uint8_t pad = 0;  // written as zero, so the same knowledge base gives the same image bytes
};

struct MechanismRec {
  Str id, label, description;
  Ids references;
  std::uint32_t order;     // normal steps: 1-based position; disturbances: 0
  std::uint32_t disturbs;  // mechanism index of the normal step, or kNone
  MechanismKind kind;
};

struct CauseFindingRec {
  std::uint32_t finding;
  float frequency;
  Str note;
  Ids references;
};

struct CauseRec {
  Str id, label, summary;
  Range findings;  // into the cause-finding section
  Ids mechanisms, conditions, diagnostics, treatments, prevention, references;  // a lookalike's chain may be empty
  std::uint32_t category;  // cause index of the group it belongs under (one of meta.required_causes), or kNone
  float prior;
  Level triage;
  CauseKind kind;
  std::uint8_t pad[2] = {};  // written as zeros, so the same knowledge base gives the same image bytes
};

struct ConditionRec {
  Str id, label, description, distinguishing;
  Ids references;
  std::uint32_t cause;
  bool inherited;
  std::uint8_t pad[3] = {};  // written as zeros, so the same knowledge base gives the same image bytes
};

struct DiagnosticRec {
  Str id, label, purpose;
  Ids references;
};

struct CautionRec {
  Str text;
  Ids references;
};

struct TreatmentRec {
  Str id, label, description;
  Range cautions;  // into the caution section
  Range unsafe;    // into the unsafe section: when the treatment is withheld
  Ids references;
  TreatmentKind kind;
  Evidence evidence;
};

struct PreventionRec {
  Str id, label, description;
  Ids references;
};

// When a treatment could harm: it is withheld when any finding named is reported (present
// or possible), any red flag named fires, or any cause named is in play (infer/withhold.h).
struct UnsafeRec {
  Ids findings, red_flags, causes;
  Str reason;
  Ids references;
};

struct RedFlagRec {
  Str id, label, reason, advice;
  Ids all_of, any_of, references;
  Ids none_of;   // findings that, reported present, stop the flag (a period's "cramps")
  Ids suggests;  // the causes the flag points to, which a report then leads with
  Level level;
  std::uint8_t pad[3] = {};  // written as zeros, so the same knowledge base gives the same image bytes
};

enum TriggerFlag : std::uint8_t {
  kQuestionOnly = 1,  // asserts only in a question ("if I get X, should I")
  kNamesAPerson = 2,  // a family trigger that names the person it is about ("my son gets"): that
                      // person is the patient when the writer tells of no complaint of their own
};
struct TriggerRec {
  Str phrase;
  std::uint32_t window;  // words in scope
  std::uint8_t ends;     // terminate: bit mask of TriggerCategory values ended (all when 0)
  TriggerCategory category;
  Direction direction;
  std::uint8_t flags;    // TriggerFlag
};

struct GuardRec {
  Str phrase, reason;
};

// A phrase of the lexicon: a sequence of stems that, matched in text, means its target.
struct PhraseRec {
  Ids stems;   // vocabulary indices, in order
  Str words;   // the phrase as written in the knowledge base
  std::uint32_t target;  // finding, guard or trigger index; for a frame word, its frame-word class
  PhraseTarget target_kind;
  bool canonical;        // the finding's first phrase
  std::uint8_t pad[2] = {};  // written as zeros, so the same knowledge base gives the same image bytes
};

// One stem of the vocabulary, sorted by `stem` bytes for binary search.
enum VocabFlag : std::uint8_t { kFiller = 1, kStopword = 2, kTriggerWord = 4, kLexiconWord = 8 };
struct VocabRec {
  Str stem;
  Ids starts;          // finding and guard phrases whose first stem this is, longest first
  Ids trigger_starts;  // trigger phrases whose first stem this is, longest first
  Range seconds;          // `starts` by second stem (the second-stem section)
  Range trigger_seconds;  // `trigger_starts` by second stem
  std::uint8_t flags;
  std::uint8_t pad[3] = {};  // written as zeros, so the same knowledge base gives the same image bytes
};

// What a word does in a sentence, for the text stage's rules (language.json word_classes).
// The words are compared as the tokenizer normalizes them, not as stems.
enum WordClass : std::uint16_t {
  kClauseWord = 1 << 0,      // starts another clause, whose subject may be something else ("but", "my")
  kSiteConnector = 1 << 1,   // joins a finding to the body site after it ("in", "of")
  kSubjectWord = 1 << 2,     // opens a main clause as its subject ("i", "my")
  kQuestionOpener = 1 << 3,  // opens a question about one's own symptom or for advice ("why", "does anyone")
  kSummingWord = 1 << 4,     // sums up the list before it ("all", "both")
  kListIntroducer = 1 << 5,  // before a colon that introduces a list ("following", "include")
  kListSeparator = 1 << 6,   // separates list items, as a comma does ("or", "and")
  kClauseJoiner = 1 << 7,    // joins two clauses, as a comma does ("and")
  kAbbreviation = 1 << 8,    // its dot does not end a sentence ("dr", "vs")
  kFirstPerson = 1 << 9,     // the writer speaks of themselves ("i", "me")
  kThirdPerson = 1 << 10,    // the sentence speaks of someone else ("he", "her")
  kReferring = 1 << 11,      // stands for the thing just named ("it", "they")
  kConditionWord = 1 << 12,  // opens a clause saying when something happens ("if", "when", "whenever")
  kAgeWord = 1 << 13,        // names a person by age after a number ("my 14 year old", "our 6-month-old")
};

// One or two normalized words ("does anyone") and their classes, sorted by the stable
// hash of the words (a lookup compares integers, and the words only on a hit).
struct WordClassRec {
  std::uint64_t hash;     // stable_hash(words)
  Str words;
  std::uint32_t classes;  // WordClass bits
  std::uint32_t pad = 0;  // written as zeros, so the same knowledge base gives the same image bytes
};

// A finding phrase that is a body site's phrase followed by another finding's phrase
// ("back pain" = "back" + "pain"), filed by the two findings, sorted. The matcher uses it
// for the other word orders ("pain in my lower back", "my back was sore"): a site and a
// finding near each other in the text mean the compound finding.
struct CompoundRec {
  std::uint32_t site;     // finding index of the site
  std::uint32_t other;    // finding index of the other finding
  std::uint32_t phrase;   // the compound's phrase
};

// A frame (language.json frames): a phrase that fills the slot `first`, then within the same
// clause, at most `within` tokens on, one that fills the slot `then`, mean the finding
// `means` ("my calf suddenly knotted": a cramp; "I can't open my mouth": jaw stiffness).
// A slot is filled by a frame word of a class, by a finding's phrase, or by any body site's
// (kSlot* below). The compiler writes one record per alternative of `then`, sorted by it,
// so the rules find the frames a match may close by binary search.
inline constexpr std::uint32_t kSlotWordClass = 0x80000000u;  // | class index: a frame word of that class
inline constexpr std::uint32_t kSlotAnySite = 0x7FFFFFFEu;    // a phrase of any finding of kind site
// A frame that sets aside (`means` kNone) reads no finding: it says that one of its slots,
// a complaint word, is said of something that is not a body ("the engine seized", "cramp our
// plans"), and the text stage drops that word's reading with the frame's `reason`.
enum class SetAside : std::uint8_t { none, then, first };

// How far past its own clause a frame reads (language.json frames `reaches`).
enum FrameReach : std::uint8_t {
  kReachPronoun = 1 << 0,    // a referring word opening the closing slot's clause ("it's swollen") stands
                             // for the body site named in the clause just before it
  kReachCondition = 1 << 1,  // a condition clause's opener and subject ("when I try to", "if anyone")
                             // may lie between the slots
  kReachList = 1 << 2,       // a closing phrase that ends a list item reads with the opening of a frame
                             // read over the item before it ("puffy, warm and sore")
};

struct FrameRec {
  Str id;
  Ids first;             // slot alternatives: a finding index, kSlotWordClass | class, or kSlotAnySite
  std::uint32_t then;    // one alternative of the closing slot: a finding index or kSlotWordClass | class
  std::uint32_t means;   // the finding it reads as, or kNone for a frame that sets aside
  std::uint32_t within;  // tokens at most between the two slots
  Str reason;            // a frame that sets aside: why the complaint word is not one; else empty
  SetAside sets_aside;   // which slot holds the complaint word a frame sets aside
  std::uint8_t reaches;  // FrameReach bits: what else may lie between the slots
  std::uint8_t pad[2] = {};  // written as zeros, so the same knowledge base gives the same image bytes
};

// One phrase of a stem's start list, filed under its second stem (kNone for a one-word
// phrase), sorted by (second, position). A word like "my" starts hundreds of phrases
// ("my mother has" ...); the matcher looks up only those whose second stem is the next
// word's instead of trying them all.
struct SecondStemRec {
  std::uint32_t second;    // vocabulary index, or kNone
  std::uint32_t position;  // index into the start list
};

// A known surface word that typo repair may correct to.
struct TypoWordRec {
  Str word;
  std::uint32_t stem;  // vocabulary index
};

// Symmetric-delete index: hash of a word with some letters deleted -> typo word.
struct DeleteRec {
  std::uint64_t hash;
  std::uint32_t word;
  std::uint32_t pad;
};

// For every cause and finding, how an answer moves the cause, as scoring does it:
// P(finding | cause) (the cause's frequency, or the finding's base rate when the cause
// does not list it; clamped as kb/likelihood.h does), and the factor a denial applies,
// min(1 - p, 1 - base rate) (a denial never raises a cause: docs/SCORING.md), with their
// base-2 logs, which the next-question choice needs.
struct LikelihoodRec {
  double p;
  double log2_p;
  double no;       // min(1 - p, 1 - base rate)
  double log2_no;
};
// The table has one row more than there are causes: the last is a cause the knowledge base
// does not hold, for which every finding is as common as its base rate (docs/SCORING.md).

enum class Section : std::uint32_t {
  strings, ids, meta, references, findings, mechanisms, cause_findings, causes, conditions,
  diagnostics, cautions, treatments, prevention, red_flags, triggers, guards, phrases, vocab,
  typo_words, deletes, dictionary, likelihoods, second_stems, compounds, word_classes, unsafe, frames, source_json, count
};
inline constexpr std::uint32_t kSectionCount = static_cast<std::uint32_t>(Section::count);

struct SectionEntry {
  std::uint32_t offset;  // bytes from the image start, 8-aligned
  std::uint32_t count;   // records (bytes for strings and source_json)
};

struct ImageHeader {
  char magic[8];
  std::uint32_t version;
  std::uint32_t total_size;
  SectionEntry sections[kSectionCount];
};

}  // namespace crampx::kb
