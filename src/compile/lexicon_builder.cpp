#include "compile/lexicon_builder.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "kb/phrase_classes.h"
#include "text/stemmer.h"
#include "text/tokenize.h"
#include "text/typo.h"

namespace crampx::compile {
namespace {

using json = nlohmann::json;

// Sorts `records` by `key(record)`, stably, and keeps the first of each key.
template <class Record, class Key>
void sort_unique(std::vector<Record>& records, Key key) {
  std::stable_sort(records.begin(), records.end(),
                   [&](const Record& x, const Record& y) { return key(x) < key(y); });
  records.erase(std::unique(records.begin(), records.end(),
                            [&](const Record& x, const Record& y) { return key(x) == key(y); }),
                records.end());
}

// Words in scope of a trigger when the knowledge base gives no window.
std::uint32_t default_window(kb::TriggerCategory c) {
  switch (c) {
    case kb::TriggerCategory::hypothetical:
    case kb::TriggerCategory::family: return 10;
    default: return 8;
  }
}

struct Entry {
  std::vector<std::string> words;
  std::vector<std::string> stems;
  kb::PhraseTarget kind;
  std::uint32_t target;
  bool canonical;
  std::string pointer;
};

// Splits a phrase the way text is split, so both meet on the same stems.
void split(std::string_view phrase, text::Stemmer& stemmer, Entry& e) {
  text::Tokens tokens;
  text::tokenize(phrase, tokens);
  for (const text::Token& t : tokens.tokens) {
    if (t.kind != text::TokenKind::word) continue;
    e.words.emplace_back(tokens.norm(t));
    e.stems.emplace_back(stemmer.stem(e.words.back()));
  }
}

// A trigger's category (the schema allows only the table's names).
kb::TriggerCategory category_of(const std::string& s) {
  return parse_enum<kb::TriggerCategory>(s).value_or(kb::TriggerCategory::pseudo);
}

// Inflections of a lexicon word that a person may misspell ("cramping" for "cramp"):
// kept only when they are real words with the same stem, so repairs land on real words.
std::vector<std::string> inflections(const std::string& w) {
  std::vector<std::string> out = {w + "s", w + "es", w + "ing", w + "ed", w + "er", w + "y", w + "ly"};
  if (!w.empty() && w.back() == 'e') {
    const std::string base = w.substr(0, w.size() - 1);
    out.push_back(base + "ing");
    out.push_back(base + "ed");
  }
  if (w.size() >= 3 && w.back() == 'y') {
    const std::string base = w.substr(0, w.size() - 1);
    out.push_back(base + "ies");
    out.push_back(base + "ied");
  }
  if (w.size() >= 3) {
    out.push_back(w + w.back() + "ing");
    out.push_back(w + w.back() + "ed");
  }
  return out;
}

bool plain_word(const std::string& w) {
  return w.size() >= 3 && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool plain_label(const std::string& label) {
  return label.find_first_of("(),;:/.?!") == std::string::npos;
}

// A phrase may stand for a run of numbers: "{60-110} years old" is "60 years old" ...
// "110 years old", and "for {2-52} weeks" every number of weeks from 2 to 52. Bounds with
// one decimal place run in tenths, as a thermometer reads: "{38.0-39.9} c" is "38.0 c",
// "38.1 c" ... "39.9 c". At most one range per phrase and kMaxRange numbers in it;
// anything else is taken literally.
constexpr int kMaxRange = 200;

std::vector<std::string> expand_numbers(const std::string& phrase) {
  const std::size_t open = phrase.find('{');
  const std::size_t close = phrase.find('}', open == std::string::npos ? 0 : open);
  if (open == std::string::npos || close == std::string::npos) return {phrase};
  const std::string range = phrase.substr(open + 1, close - open - 1);
  const std::size_t dash = range.find('-');
  // A bound in tenths ("38.5" is 385) when `tenths`, else in units; false when it is not one.
  auto number = [](const std::string& t, bool tenths, int& out) {
    const std::size_t dot = t.find('.');
    const std::string whole = tenths ? t.substr(0, dot) : t;
    const bool digits = !whole.empty() && whole.size() <= 4 &&
                        std::all_of(whole.begin(), whole.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || (tenths && (dot == std::string::npos || dot + 2 != t.size() || t[dot + 1] < '0' || t[dot + 1] > '9'))) {
      return false;
    }
    out = std::stoi(whole) * (tenths ? 10 : 1) + (tenths ? t[dot + 1] - '0' : 0);
    return true;
  };
  if (dash == std::string::npos) return {phrase};
  const bool tenths = range.find('.') != std::string::npos;
  int lo = 0;
  int hi = 0;
  if (!number(range.substr(0, dash), tenths, lo) || !number(range.substr(dash + 1), tenths, hi) || hi < lo ||
      hi - lo >= kMaxRange) {
    return {phrase};
  }
  std::vector<std::string> out;
  for (int v = lo; v <= hi; ++v) {
    const std::string value = tenths ? std::to_string(v / 10) + "." + std::to_string(v % 10) : std::to_string(v);
    out.push_back(phrase.substr(0, open) + value + phrase.substr(close + 1));
  }
  return out;
}

// `phrase` without its number range ("{60-110} years old": " years old"), and whether it had one.
std::pair<std::string, bool> without_number_range(const std::string& phrase) {
  const std::vector<std::string> numbers = expand_numbers(phrase);
  if (numbers.size() == 1 && numbers[0] == phrase) return {phrase, false};  // no range
  const std::size_t open = phrase.find('{');
  return {phrase.substr(0, open) + " " + phrase.substr(phrase.find('}', open) + 1), true};
}

// Each finding's label also names it where it reads as words people write ("Muscle
// tightness"): plain words, none of them a trigger word (a label such as "Possible
// poisoning" would swallow its trigger), and not already claimed by another phrase,
// which stays the one that counts.
void add_labels(const json& findings, const std::vector<std::string>& trigger_phrases, text::Stemmer& stemmer,
                std::map<std::vector<std::string>, std::size_t>& claimed, std::vector<Entry>& entries) {
  std::set<std::string> trigger_stems;
  for (const std::string& phrase : trigger_phrases) {
    Entry e;
    split(phrase, stemmer, e);
    trigger_stems.insert(e.stems.begin(), e.stems.end());
  }
  for (std::uint32_t f = 0; f < findings.size(); ++f) {
    const std::string label = findings[f].at("label").get<std::string>();
    if (!plain_label(label)) continue;
    Entry e{{}, {}, kb::PhraseTarget::finding, f, true, fmt::format("/findings/{}/label", f)};
    split(label, stemmer, e);
    if (e.stems.empty() || claimed.contains(e.stems)) continue;
    if (std::any_of(e.stems.begin(), e.stems.end(), [&](const std::string& s) { return trigger_stems.contains(s); })) {
      continue;
    }
    claimed.emplace(e.stems, entries.size());
    entries.push_back(std::move(e));
  }
}

// A finding's phrases and lookalikes (its entry of /lexicon), and where they are.
struct LexiconEntry {
  const json* phrases;
  const json* lookalikes;
  std::string pointer;
};

LexiconEntry lexicon_entry(const json& root, const json& finding) {
  static const json none = json::array();
  const std::string id = finding.at("id").get<std::string>();
  const json& entry = root.at("lexicon").at(id);
  const auto lookalikes = entry.find("lookalikes");
  return {&entry.at("phrases"), lookalikes != entry.end() ? &*lookalikes : &none, "/lexicon/" + id};
}

// The HPO layperson phrasings of each finding (/hpo_layperson, written by
// scripts/hpo_layperson.py), by finding id, each with where it is. A term's phrasings name its
// first finding: the others carry the term as the nearest code for something narrower (a very
// high temperature is coded as fever, but "fever" does not mean a very high temperature).
std::map<std::string, std::vector<std::pair<const json*, std::string>>> hpo_phrases(const json& root) {
  std::map<std::string, std::vector<std::pair<const json*, std::string>>> out;
  const auto table = root.find("hpo_layperson");
  if (table == root.end()) return out;
  const json& terms = table->at("terms");
  for (std::size_t t = 0; t < terms.size(); ++t) {
    const json& phrases = terms[t].at("phrases");
    auto& named = out[terms[t].at("findings").at(0).get<std::string>()];
    for (std::size_t k = 0; k < phrases.size(); ++k) {
      named.emplace_back(&phrases[k], fmt::format("/hpo_layperson/terms/{}/phrases/{}", t, k));
    }
  }
  return out;
}

// The frames of /language/frames, one record per alternative of the closing slot, sorted by
// it (kb/image.h FrameRec). A slot names "@site" (any body site), "@finding_id", or a class of
// /language/frame_words; a slot is one name or a list of them.
constexpr std::uint32_t kDefaultFrameGap = 4;

template <class Problem>
void build_frames(const json& language, const json& findings, const std::map<std::string, std::uint32_t>& frame_class,
                  ImageBuilder& b, Problem&& problem) {
  if (!language.contains("frames")) return;
  std::map<std::string, std::uint32_t> finding_index;
  for (std::uint32_t f = 0; f < findings.size(); ++f) finding_index.emplace(findings[f].at("id").get<std::string>(), f);
  auto slot = [&](const std::string& name, const std::string& pointer) -> std::uint32_t {
    if (name == "@site") return kb::kSlotAnySite;
    if (name.starts_with('@')) {
      const auto it = finding_index.find(name.substr(1));
      if (it != finding_index.end()) return it->second;
    } else if (const auto it = frame_class.find(name); it != frame_class.end()) {
      return kb::kSlotWordClass | it->second;
    }
    problem(pointer, fmt::format("'{}' is no frame-word class, '@' and a finding id, or '@site'", name));
    return kb::kNone;
  };
  auto names = [](const json& v) {
    std::vector<std::string> out;
    if (v.is_string()) out.push_back(v.get<std::string>());
    for (const json& e : v.is_array() ? v : json::array()) out.push_back(e.get<std::string>());
    return out;
  };
  const json& frames = language.at("frames");
  std::vector<kb::FrameRec> recs;
  for (std::size_t k = 0; k < frames.size(); ++k) {
    const json& fr = frames[k];
    const std::string pointer = fmt::format("/language/frames/{}", k);
    std::vector<std::uint32_t> first;
    for (const std::string& n : names(fr.at("first"))) {
      const std::uint32_t v = slot(n, pointer + "/first");
      if (v != kb::kNone) first.push_back(v);
    }
    // A frame means a finding, or sets aside the complaint word of one of its slots.
    std::uint32_t means_index = kb::kNone;
    kb::SetAside sets_aside = kb::SetAside::none;
    if (fr.contains("sets_aside")) {
      sets_aside = fr.at("sets_aside").get<std::string>() == "first" ? kb::SetAside::first : kb::SetAside::then;
    } else if (const auto means = finding_index.find(fr.value("means", std::string())); means != finding_index.end()) {
      means_index = means->second;
    } else {
      problem(pointer + "/means", fmt::format("'{}' is no finding", fr.value("means", std::string())));
      continue;
    }
    const kb::Ids first_ids = b.ids(first);
    // "@site" closing a frame stands for each body site.
    std::vector<std::uint32_t> closing;
    for (const std::string& n : names(fr.at("then"))) {
      if (n == "@site") {
        for (std::uint32_t f = 0; f < findings.size(); ++f) {
          if (findings[f].at("kind").get<std::string>() == "site") closing.push_back(f);
        }
      } else if (const std::uint32_t then = slot(n, pointer + "/then"); then != kb::kNone) {
        closing.push_back(then);
      }
    }
    for (const std::uint32_t then : closing) {
      kb::FrameRec rec{};
      rec.id = b.str(fr.at("id").get<std::string>());
      rec.first = first_ids;
      rec.then = then;
      rec.means = means_index;
      rec.within = fr.value("within", kDefaultFrameGap);
      rec.sets_aside = sets_aside;
      for (const std::string& r : names(fr.value("reaches", json::array()))) {
        const std::uint8_t bit = r == "pronoun"     ? kb::kReachPronoun
                                 : r == "condition" ? kb::kReachCondition
                                 : r == "list"      ? kb::kReachList
                                                    : 0;
        rec.reaches = static_cast<std::uint8_t>(rec.reaches | bit);
      }
      if (sets_aside != kb::SetAside::none) rec.reason = b.str(fr.at("reason").get<std::string>());
      recs.push_back(rec);
    }
  }
  std::stable_sort(recs.begin(), recs.end(), [](const kb::FrameRec& x, const kb::FrameRec& y) { return x.then < y.then; });
  b.frames = std::move(recs);
}

}  // namespace

void build_lexicon(const kb::Document& doc, std::span<const std::uint64_t> dictionary, ImageBuilder& b,
                   std::vector<kb::Problem>& problems) {
  const json& root = doc.root;
  auto problem = [&](const std::string& pointer, std::string message) {
    problems.push_back({doc.file_of(pointer), pointer, std::move(message)});
  };

  text::Stemmer stemmer;

  // 1. Every phrase as words and stems: findings first (each finding's phrases together), then guards, then triggers.
  std::vector<Entry> entries;
  std::map<std::vector<std::string>, std::size_t> claimed;  // finding and guard stems -> first entry
  std::vector<kb::Range> finding_ranges;
  auto add = [&](Entry e, const std::string& phrase) -> bool {
    split(phrase, stemmer, e);
    if (e.stems.empty()) {
      problem(e.pointer, fmt::format("the phrase '{}' has no words to match", phrase));
      return false;
    }
    if (e.kind != kb::PhraseTarget::trigger) {
      const auto [it, fresh] = claimed.emplace(e.stems, entries.size());
      if (!fresh) {
        const Entry& other = entries[it->second];
        if (other.kind != e.kind || other.target != e.target) {
          problem(e.pointer, fmt::format("the phrase '{}' matches the same words as {}", phrase, other.pointer));
        }
        return false;  // a repeat of the same finding's phrase ("cramp" and "cramps") adds nothing
      }
    }
    entries.push_back(std::move(e));
    return true;
  };
  // What a phrase as written stands for: its phrase classes filled in, then (finding phrases
  // and lookalikes) its number range.
  const json& classes = kb::phrase_classes_of(root);
  // A phrase must hold a word of its own: fillers may sit inside a phrase, so one made of
  // fillers alone, or of a number range and fillers, would match ordinary text ("my dog is
  // fine" read as a cramp). A literal number is a word ("24/7").
  std::set<std::string> filler_stems;
  for (const json& w : root.at("language").at("fillers")) {
    Entry e;
    split(w.get<std::string>(), stemmer, e);
    filler_stems.insert(e.stems.begin(), e.stems.end());
  }
  // Reports the phrase (at `pointer`) when it is made of fillers only.
  auto only_fillers = [&](const std::string& phrase, const std::string& pointer) {
    const auto [rest, range] = without_number_range(phrase);
    Entry e;
    split(rest, stemmer, e);
    if (!range && e.stems.empty()) return false;  // "has no words to match", below
    if (!std::all_of(e.stems.begin(), e.stems.end(), [&](const std::string& st) { return filler_stems.contains(st); })) {
      return false;
    }
    problem(pointer, fmt::format("the phrase '{}' holds {}filler words only: it would match ordinary text", phrase,
                                 range ? "a number range and " : ""));
    return true;
  };
  // Triggers ("no", "had") and frame words ("39", "my son") are exempt from that: they are
  // short common words by design, and count only beside the words of a finding or a frame.
  auto expand = [&](const json& written, const std::string& pointer, bool numbers, bool exempt = false) {
    kb::PhraseExpansion filled = kb::expand_phrase_classes(written.get<std::string>(), classes);
    if (!filled.problem.empty()) problem(pointer, filled.problem);
    for (std::size_t i = 0; i < filled.phrases.size() && !exempt; ++i) {
      if (only_fillers(filled.phrases[i], pointer)) break;  // one problem for the phrase as written
    }
    if (!numbers) return std::move(filled.phrases);
    std::vector<std::string> out;
    for (const std::string& phrase : filled.phrases) {
      std::vector<std::string> each = expand_numbers(phrase);
      // A range left as written would never match: say so rather than drop it in silence.
      if (each.size() == 1 && each[0] == phrase && phrase.find('{') != std::string::npos) {
        problem(pointer, fmt::format("the number range in '{}' is not one that can be filled in: at most {} whole "
                                     "numbers or tenths, written low-high",
                                     phrase, kMaxRange));
        continue;
      }
      for (std::string& e : each) out.push_back(std::move(e));
    }
    return out;
  };

  const json& findings = root.at("findings");
  std::vector<LexiconEntry> lexicon;
  for (const json& finding : findings) lexicon.push_back(lexicon_entry(root, finding));
  const auto hpo = hpo_phrases(root);
  for (std::uint32_t f = 0; f < findings.size(); ++f) {
    const auto begin = static_cast<std::uint32_t>(entries.size());
    const json& phrases = *lexicon[f].phrases;
    for (std::size_t k = 0; k < phrases.size(); ++k) {
      const std::string pointer = fmt::format("{}/phrases/{}", lexicon[f].pointer, k);
      for (const std::string& phrase : expand(phrases[k], pointer, true)) {
        add(Entry{{}, {}, kb::PhraseTarget::finding, f, entries.size() == begin, pointer}, phrase);
      }
    }
    // Then the HPO's layperson phrasings of its term; one the lexicon already has adds nothing.
    if (const auto it = hpo.find(findings[f].at("id").get<std::string>()); it != hpo.end()) {
      for (const auto& [written, pointer] : it->second) {
        for (const std::string& phrase : expand(*written, pointer, false)) {
          add(Entry{{}, {}, kb::PhraseTarget::finding, f, false, pointer}, phrase);
        }
      }
    }
    finding_ranges.push_back({begin, static_cast<std::uint32_t>(entries.size()) - begin});
  }
  const json& language = root.at("language");
  const json& guards = language.at("guards");
  const json& triggers = language.at("triggers");
  for (std::uint32_t g = 0; g < guards.size(); ++g) {
    const std::string pointer = fmt::format("/language/guards/{}", g);
    for (const std::string& phrase : expand(guards[g].at("phrase"), pointer, false)) {
      const auto index = static_cast<std::uint32_t>(b.guards.size());
      b.guards.push_back({b.str(phrase), b.str(guards[g].at("reason").get<std::string>())});
      add(Entry{{}, {}, kb::PhraseTarget::guard, index, false, pointer}, phrase);
    }
  }
  // A finding's lookalikes are guards that also cut short a finding phrase they overlap
  // (text/finding_rules.h); the phrase record marks them with `canonical`.
  for (std::uint32_t f = 0; f < findings.size(); ++f) {
    const json& lookalikes = *lexicon[f].lookalikes;
    const std::string own = lexicon[f].pointer + "/lookalikes/";
    const std::string reason =
        fmt::format("looks like '{}' but means something else", findings[f].at("label").get<std::string>());
    for (std::size_t k = 0; k < lookalikes.size(); ++k) {
      for (const std::string& phrase : expand(lookalikes[k], own + std::to_string(k), true)) {
        // A repeat of the same finding's lookalike ("tail twitch", "tail twitching") adds nothing.
        Entry probe;
        split(phrase, stemmer, probe);
        const auto seen = claimed.find(probe.stems);
        if (seen != claimed.end() && entries[seen->second].pointer.rfind(own, 0) == 0) continue;
        const auto g = static_cast<std::uint32_t>(b.guards.size());
        if (add(Entry{{}, {}, kb::PhraseTarget::guard, g, true, own + std::to_string(k)}, phrase)) {
          b.guards.push_back({b.str(phrase), b.str(reason)});
        }
      }
    }
  }
  // Frame words (language.json frame_words): each class's phrases, number ranges filled in,
  // target the class. They claim their words like guards do, so a frame word never has the
  // words of a finding's phrase.
  const json& frame_words = language.contains("frame_words") ? language.at("frame_words") : json::object();
  std::map<std::string, std::uint32_t> frame_class;
  for (const auto& [name, words] : frame_words.items()) {
    const auto c = static_cast<std::uint32_t>(frame_class.size());
    frame_class.emplace(name, c);
    for (std::size_t k = 0; k < words.size(); ++k) {
      const std::string pointer = fmt::format("/language/frame_words/{}/{}", name, k);
      for (const std::string& phrase : expand(words[k], pointer, true, true)) {
        add(Entry{{}, {}, kb::PhraseTarget::frame_word, c, false, pointer}, phrase);
      }
    }
  }
  build_frames(language, findings, frame_class, b, problem);

  // The trigger phrases with their phrase classes and number ranges filled in ("my {1-19}yo has"), each
  // with the trigger it comes from.
  std::vector<std::uint32_t> trigger_source;
  std::vector<std::string> trigger_phrases;
  for (std::uint32_t t = 0; t < triggers.size(); ++t) {
    for (std::string& phrase : expand(triggers[t].at("phrase"), fmt::format("/language/triggers/{}", t), true, true)) {
      trigger_source.push_back(t);
      trigger_phrases.push_back(std::move(phrase));
    }
  }
  add_labels(findings, trigger_phrases, stemmer, claimed, entries);
  for (std::uint32_t t = 0; t < trigger_phrases.size(); ++t) {
    const json& tr = triggers[trigger_source[t]];
    const std::string& phrase = trigger_phrases[t];
    kb::TriggerRec rec{};
    rec.phrase = b.str(phrase);
    rec.category = category_of(tr.at("category").get<std::string>());
    rec.direction = parse_enum<kb::Direction>(tr.at("direction").get<std::string>()).value_or(kb::Direction::none);
    rec.window = tr.value("window", default_window(rec.category));
    if (tr.value("question_only", false)) rec.flags |= kb::kQuestionOnly;
    if (tr.value("names_a_person", false)) rec.flags |= kb::kNamesAPerson;
    for (const json& e : tr.value("ends", json::array())) {
      rec.ends |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(category_of(e.get<std::string>())));
    }
    b.triggers.push_back(rec);
    add(Entry{{}, {}, kb::PhraseTarget::trigger, t, false, fmt::format("/language/triggers/{}", trigger_source[t])},
        phrase);
  }

  // 2. The vocabulary: every stem of a phrase, filler or stopword, sorted.
  std::map<std::string, std::uint8_t> stems;
  for (const Entry& e : entries) {
    for (const std::string& s : e.stems) {
      stems[s] |= e.kind == kb::PhraseTarget::trigger ? kb::kTriggerWord : kb::kLexiconWord;
    }
  }
  for (const auto& [key, flag] : {std::pair{"fillers", kb::kFiller}, std::pair{"stopwords", kb::kStopword}}) {
    for (const json& w : language.at(key)) {
      Entry e;
      split(w.get<std::string>(), stemmer, e);
      for (const std::string& s : e.stems) stems[s] |= flag;
    }
  }
  std::map<std::string, std::uint32_t> stem_index;
  for (const auto& [s, flags] : stems) {
    stem_index.emplace(s, static_cast<std::uint32_t>(b.vocab.size()));
    b.vocab.push_back({b.str(s), {}, {}, {}, {}, flags});
  }

  // 3. Phrase records, and for each stem the phrases that start with it, longest first
  //    (triggers apart: the two kinds are matched in separate passes).
  std::vector<std::vector<std::uint32_t>> starts(b.vocab.size());
  std::vector<std::vector<std::uint32_t>> trigger_starts(b.vocab.size());
  for (std::uint32_t p = 0; p < entries.size(); ++p) {
    const Entry& e = entries[p];
    std::vector<std::uint32_t> ids;
    for (const std::string& s : e.stems) ids.push_back(stem_index.at(s));
    std::string words;
    for (const std::string& w : e.words) words += (words.empty() ? "" : " ") + w;
    b.phrases.push_back({b.ids(ids), b.str(words), e.target, e.kind, e.canonical});
    (e.kind == kb::PhraseTarget::trigger ? trigger_starts : starts)[ids[0]].push_back(p);
  }
  auto longest_first = [&](std::vector<std::uint32_t>& list) {
    std::stable_sort(list.begin(), list.end(), [&](std::uint32_t x, std::uint32_t y) {
      return entries[x].stems.size() > entries[y].stems.size();
    });
    return b.ids(list);
  };
  // The start list again, filed by second stem (kb/image.h SecondStemRec).
  auto by_second = [&](const std::vector<std::uint32_t>& list) {
    std::vector<kb::SecondStemRec> recs;
    for (std::uint32_t n = 0; n < list.size(); ++n) {
      const Entry& e = entries[list[n]];
      recs.push_back({e.stems.size() > 1 ? stem_index.at(e.stems[1]) : kb::kNone, n});
    }
    std::sort(recs.begin(), recs.end(), [](const kb::SecondStemRec& x, const kb::SecondStemRec& y) {
      return x.second != y.second ? x.second < y.second : x.position < y.position;
    });
    const kb::Range r{static_cast<std::uint32_t>(b.second_stems.size()), static_cast<std::uint32_t>(recs.size())};
    b.second_stems.insert(b.second_stems.end(), recs.begin(), recs.end());
    return r;
  };
  for (std::uint32_t v = 0; v < b.vocab.size(); ++v) {
    b.vocab[v].starts = longest_first(starts[v]);
    b.vocab[v].trigger_starts = longest_first(trigger_starts[v]);
    b.vocab[v].seconds = by_second(starts[v]);  // sorted in place by longest_first above
    b.vocab[v].trigger_seconds = by_second(trigger_starts[v]);
  }
  for (std::uint32_t f = 0; f < finding_ranges.size(); ++f) b.findings[f].phrases = finding_ranges[f];

  // 3b. Compounds (kb/image.h CompoundRec): each finding phrase that splits into a site's
  //     phrase and then another finding's canonical phrase, filed by the two findings. Only
  //     the other finding's canonical phrase: a synonym may mean something else in the
  //     compound ("calf is hot" is not heat exposure, "toe walking" not exercise).
  auto finding_entry = [&](const std::vector<std::string>& part) -> const Entry* {
    const auto it = claimed.find(part);
    return it == claimed.end() || entries[it->second].kind != kb::PhraseTarget::finding ? nullptr : &entries[it->second];
  };
  for (std::uint32_t p = 0; p < entries.size(); ++p) {
    const Entry& e = entries[p];
    if (e.kind != kb::PhraseTarget::finding) continue;
    for (std::size_t k = 1; k < e.stems.size(); ++k) {
      const Entry* site = finding_entry({e.stems.begin(), e.stems.begin() + static_cast<std::ptrdiff_t>(k)});
      const Entry* other = finding_entry({e.stems.begin() + static_cast<std::ptrdiff_t>(k), e.stems.end()});
      if (site == nullptr || other == nullptr || b.findings[site->target].kind != kb::FindingKind::site) continue;
      if (!other->canonical) continue;
      if (other->target == e.target || site->target == e.target || site->target == other->target) continue;
      if (b.findings[other->target].kind == kb::FindingKind::site) continue;
      b.compounds.push_back({site->target, other->target, p});
    }
  }
  // The first phrase of a pair (a finding's own phrases come canonical first) speaks for it.
  sort_unique(b.compounds, [](const kb::CompoundRec& r) { return std::pair(r.site, r.other); });

  // 4. Typo repair targets: the phrases' words and their real-word inflections.
  auto known = [&](const std::string& w) { return std::binary_search(dictionary.begin(), dictionary.end(), stable_hash(w)); };
  std::set<std::string> words;
  for (const Entry& e : entries) {
    for (const std::string& w : e.words) {
      if (!plain_word(w)) continue;
      words.insert(w);
      const std::string own_stem(stemmer.stem(w));
      for (const std::string& form : inflections(w)) {
        if (known(form) && stemmer.stem(form) == own_stem) words.insert(form);
      }
    }
  }
  for (const std::string& w : words) {
    const auto vocab_id = stem_index.find(std::string(stemmer.stem(w)));
    if (vocab_id == stem_index.end()) continue;
    const auto index = static_cast<std::uint32_t>(b.typo_words.size());
    b.typo_words.push_back({b.str(w), vocab_id->second});
    std::string scratch = w;
    text::for_each_deletion(scratch, text::index_delete_depth(w.size()),
                            [&](std::uint64_t h) { b.deletes.push_back({h, index, 0}); });
  }
  sort_unique(b.deletes, [](const kb::DeleteRec& r) { return std::pair(r.hash, r.word); });
}

}  // namespace crampx::compile
