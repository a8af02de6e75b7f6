// Which finding and guard phrases a text mentions: the longest phrase at each word, left
// to right (so a guard wins over any shorter finding match inside it), then the rules of
// FindingRules, each a named step with its contract: a guard after a body site, cuts by
// overlapping lookalikes and sites, the findings a phrase contains, the frames that read two
// phrases of one clause as a finding ("my calf suddenly knotted", "I can't open my mouth"),
// and two word orders that name a site and a finding apart ("twitching in my eyelid", "my
// jaw ... felt stiff").
//
// The rules are written over any matcher with PhraseMatcher's interface (longest_at),
// so that tests/support's reference matcher, a linear scan over every phrase, can be checked
// against the indexed one.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

#include "kb/knowledge_base.h"
#include "text/phrase_matcher.h"
#include "text/tokenize.h"
#include "text/word_cache.h"

namespace crampx::text {

// The finding and guard matches of a text, ordered by first token (PhraseMatcher over the image's index).
void match_findings(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
                    MatchScratch& scratch, std::vector<PhraseMatch>& out);

// The same over any matcher. `top` receives the indexes into `out` of the matches not inside another.
template <class Matcher>
class FindingRules {
 public:
  FindingRules(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
               Matcher& matcher, std::vector<std::uint32_t>& top, std::vector<PhraseMatch>& out)
      : toks_(tokens.tokens), info_(info), kb_(kb), phrases_(kb.phrases()),
        findings_(kb.findings()), matcher_(matcher), top_(top), out_(out) {}

  // The matches not inside another, left to right, each refined by the first three rules
  // and followed by the findings it contains; then the frames; then the word orders; then
  // in text order.
  void run() {
    out_.clear();
    top_.clear();
    const auto n = static_cast<std::uint32_t>(toks_.size());
    std::uint32_t last_site = kb::kNone;  // last token of the latest match, if that was a body site
    for (std::uint32_t i = 0; i < n;) {
      PhraseMatch m{};
      if (!matcher_.longest_at(i, n, any, m)) {
        ++i;
        continue;
      }
      if (last_site != kb::kNone && adjacent(last_site, i)) prefer_finding_after_site(m);
      if (!cut_short_by_overlap(m)) {
        ++i;
        continue;
      }
      top_.push_back(static_cast<std::uint32_t>(out_.size()));
      out_.push_back(m);
      const kb::FindingRec* f = finding_of(m);
      last_site = f != nullptr && f->kind == kb::FindingKind::site ? m.last : kb::kNone;
      add_contained_findings(m);
      i = m.last + 1;
    }
    set_aside_figurative();
    apply_frames();
    for (std::size_t t = 0; t < top_.size(); ++t) {
      add_finding_preposition_site(t);
      add_site_then_findings(t);
    }
    sort_by_first_token();
  }

 private:
  // A site and, after it, a finding that names the same thing: at most this many tokens on
  // from the site's last word.
  static constexpr std::uint32_t kSiteFirstGap = 8;
  // A finding, then a preposition and a site: at most this many tokens from the finding's last word to the site.
  static constexpr std::uint32_t kSiteAfterGap = 4;
  // A body site this many tokens at most from a complaint word owns it (set_aside_figurative).
  static constexpr std::uint32_t kSiteBeside = 3;
  // A referring word ("it") stands for a body site at most this many tokens before it.
  static constexpr std::uint32_t kPronounReach = 12;
  // A list item's frame reading is among the latest this many matches (opening_beyond_clause).
  static constexpr std::size_t kListLookBack = 8;

  // A guard right after a body site leaves the muscle word it starts with to a core finding:
  // "my legs cramp during my period" is a leg cramp.
  void prefer_finding_after_site(PhraseMatch& m) {
    if (phrases_[m.phrase].target_kind != kb::PhraseTarget::guard) return;
    PhraseMatch f{};
    if (matcher_.longest_at(m.first, end(), only_findings, f) &&
        findings_[phrases_[f.phrase].target].scope == kb::Scope::core) {
      m = f;
    }
  }

  // A finding's lookalike that starts inside a finding match and runs past it takes its
  // words back ("cramps in the back of my thigh" is not a back cramp); so does a body site
  // that starts inside a guard ("cramps in my stomach muscles" are muscle cramps). The
  // match becomes the longest phrase before the overlap; false when there is none.
  bool cut_short_by_overlap(PhraseMatch& m) {
    const bool is_finding = phrases_[m.phrase].target_kind == kb::PhraseTarget::finding;
    const auto site = [this](const kb::PhraseRec& p) {
      return p.target_kind == kb::PhraseTarget::finding && findings_[p.target].kind == kb::FindingKind::site;
    };
    const std::uint32_t i = m.first;
    for (std::uint32_t j = m.first + 1; j <= m.last; ++j) {
      PhraseMatch g{};
      const bool overlaps = is_finding ? matcher_.longest_at(j, end(), lookalike, g) : matcher_.longest_at(j, end(), site, g);
      if (overlaps && g.last > m.last) return matcher_.longest_at(i, j, any, m);
    }
    return true;
  }

  // The findings a phrase contains are mentioned too: "night cramps" is a cramp at night,
  // "my toes curl" a cramp in the toes, "after long runs" exercise. Only findings that
  // say what the problem is or where (and, inside a timing or a trigger, what set it
  // off), so that "pain free" is not pain; a phrase that is only context for a muscle
  // problem ("heart fluttering") names at most a body site; a site names no other.
  // Guards inside the phrase keep their words ("on my feet all day").
  void add_contained_findings(const PhraseMatch& m) {
    const kb::FindingRec* outer = finding_of(m);
    if (outer == nullptr || m.last == m.first || outer->kind == kb::FindingKind::site) return;
    const std::uint32_t target = phrases_[m.phrase].target;
    const bool sites_only = outer->scope == kb::Scope::context &&
                            (outer->kind == kb::FindingKind::symptom || outer->kind == kb::FindingKind::sign);
    const bool triggers_too = outer->kind == kb::FindingKind::timing || outer->kind == kb::FindingKind::trigger;
    // A named diagnosis or medicine ("MS spasms", "chronic diarrhoea", "myotonic dystrophy")
    // reports the symptoms it contains, not the signs its name shares a word with.
    const bool symptoms_only = outer->kind == kb::FindingKind::history || outer->kind == kb::FindingKind::medication;
    const std::size_t begin = out_.size();
    const auto inner = [&](const kb::PhraseRec& p) {
      if (p.target_kind != kb::PhraseTarget::finding || p.target == target) return false;
      const kb::FindingRec& f = findings_[p.target];
      const bool wanted =
          f.kind == kb::FindingKind::site ||
          (!sites_only && (symptoms_only ? f.kind == kb::FindingKind::symptom
                                         : f.scope != kb::Scope::context ||
                                               (triggers_too && f.kind == kb::FindingKind::trigger)));
      if (!wanted) return false;
      for (std::size_t k = begin; k < out_.size(); ++k) {
        if (phrases_[out_[k].phrase].target == p.target) return false;
      }
      return true;
    };
    const auto guard = [](const kb::PhraseRec& p) { return p.target_kind == kb::PhraseTarget::guard; };
    for (std::uint32_t k = m.first; k <= m.last; ++k) {
      PhraseMatch sub{};
      if (matcher_.longest_at(k, m.last + 1, guard, sub)) {
        k = sub.last;
      } else if (matcher_.longest_at(k, m.last + 1, inner, sub)) {
        out_.push_back(sub);
      }
    }
  }

  // A finding, a preposition, then a body site ("twitching in my eyelid", "spasms in the
  // lower back") also mean the phrase that names the site first. Only fillers and site
  // connectors (language.json word_classes) may lie between, and one connector must; it may
  // be the first word of the site's own phrase ("in my lower back").
  void add_finding_preposition_site(std::size_t t) {
    const PhraseMatch a = out_[top_[t]];
    const kb::FindingRec* fa = finding_of(a);
    if (fa == nullptr || fa->kind == kb::FindingKind::site || t + 1 >= top_.size()) return;
    const PhraseMatch b = out_[top_[t + 1]];
    const kb::FindingRec* fb = finding_of(b);
    if (fb == nullptr || fb->kind != kb::FindingKind::site) return;
    bool connected = is_connector(b.first);
    bool ok = b.first > a.last && b.first - a.last <= kSiteAfterGap;
    for (std::uint32_t k = a.last + 1; ok && k < b.first; ++k) {
      if (toks_[k].kind != TokenKind::word) {
        ok = false;
      } else if (is_connector(k)) {
        connected = true;
      } else if ((info_[k].flags & kb::kFiller) == 0) {
        ok = false;
      }
    }
    if (ok && connected) add_compound(b, a, a, b);
  }

  // A frame (language.json frames, kb/image.h FrameRec): a match that closes a frame, and
  // before it in the same clause, at most the frame's `within` tokens back, the nearest match
  // that opens it, read together as the frame's finding over both, the words between them
  // not its own. A body site that opens it also gives the finding that names the site with
  // that one, where there is one ("my back seized": a back spasm).
  void apply_frames() {
    if (kb_.frames().empty()) return;
    frames_begin_ = out_.size();
    const std::span<const kb::FrameRec> all = kb_.frames();
    for (std::size_t u = 1; u < top_.size(); ++u) {
      const PhraseMatch b = out_[top_[u]];
      const kb::PhraseRec& pb = phrases_[b.phrase];
      const std::uint32_t key = slot_key(pb);
      if (key == kb::kNone) continue;
      for (const kb::FrameRec& frame : kb_.frames_closed_by(key)) {
        if (frame.means == kb::kNone) continue;  // sets aside: set_aside_figurative
        const std::size_t v = opening_of(u, frame);
        const std::size_t w = v != kNoMatch ? top_[v] : frame.reaches != 0 ? opening_beyond_clause(u, frame) : kNoMatch;
        if (w == kNoMatch) continue;
        const PhraseMatch a = out_[w];
        const auto index = static_cast<std::uint32_t>(&frame - all.data());
        const std::uint32_t means = frame.means;
        if (names(a, means) || names(b, means)) continue;  // already said in words
        out_.push_back({findings_[means].phrases.begin, a.first, b.last, a.repaired || b.repaired, false, index,
                        a.last + 1, b.first});
        const kb::FindingRec* fa = finding_of(a);
        if (fa != nullptr && fa->kind == kb::FindingKind::site) {
          add_compound(phrases_[a.phrase].target, means, out_.back());
        }
      }
    }
  }

  // What a phrase fills a frame slot with: its finding, or its frame-word class marked as
  // one (kb::kSlotWordClass); kb::kNone for a phrase that fills no slot (a guard, a trigger).
  static std::uint32_t slot_key(const kb::PhraseRec& pb) {
    if (pb.target_kind == kb::PhraseTarget::finding) return pb.target;
    if (pb.target_kind == kb::PhraseTarget::frame_word) return kb::kSlotWordClass | pb.target;
    return kb::kNone;
  }

  // A frame that sets aside (kb::SetAside): a complaint word said of a thing, not a body
  // ("the chain seized", "markets were twitchy", "cramp our plans"). The complaint's match,
  // and the findings it contains, become one record over both slots that names the frame
  // (analyze() reports it apart, with the frame's reason), and leave the top matches, so no
  // other rule reads them. Not when a body site is the complaint's neighbour in its clause:
  // "my hand seized up on the bike" is the hand's.
  void set_aside_figurative() {
    const std::span<const kb::FrameRec> all = kb_.frames();
    for (std::size_t u = 1; u < top_.size(); ++u) {
      const kb::PhraseRec& pb = phrases_[out_[top_[u]].phrase];
      const std::uint32_t key = slot_key(pb);
      if (key == kb::kNone) continue;
      for (const kb::FrameRec& frame : kb_.frames_closed_by(key)) {
        if (frame.means != kb::kNone) continue;
        const std::size_t v = opening_of(u, frame);
        if (v == kNoMatch) continue;
        const std::size_t c = frame.sets_aside == kb::SetAside::first ? v : u;  // the complaint word
        if (site_beside(c)) continue;
        const PhraseMatch a = out_[top_[v]];
        const PhraseMatch b = out_[top_[u]];
        const std::size_t at = top_[c];
        const std::size_t next = c + 1 < top_.size() ? top_[c + 1] : out_.size();
        // The findings the complaint contains follow it, before the next top match.
        out_.erase(out_.begin() + static_cast<std::ptrdiff_t>(at + 1), out_.begin() + static_cast<std::ptrdiff_t>(next));
        const auto dropped = static_cast<std::uint32_t>(next - at - 1);
        for (std::size_t t = c + 1; t < top_.size(); ++t) top_[t] -= dropped;
        PhraseMatch& m = out_[at];
        m.first = a.first;
        m.last = b.last;
        m.frame = static_cast<std::uint32_t>(&frame - all.data());
        m.gap_begin = a.last + 1;
        m.gap_end = b.first;
        top_.erase(top_.begin() + static_cast<std::ptrdiff_t>(c));
        --u;  // one fewer top match at or before u: the next one is at u now
        break;
      }
    }
  }

  // Whether a body site is the nearest match before or after top match c in its clause
  // (at most kSiteBeside tokens away, only words in the clause between).
  bool site_beside(std::size_t c) const {
    const PhraseMatch& m = out_[top_[c]];
    const auto is_site = [this](const PhraseMatch& x) {
      const kb::FindingRec* f = finding_of(x);
      return f != nullptr && f->kind == kb::FindingKind::site;
    };
    const auto clear = [this](std::uint32_t from, std::uint32_t to) {  // tokens [from, to) in the clause
      for (std::uint32_t k = from; k < to; ++k) {
        if (!in_clause(k)) return false;
      }
      return true;
    };
    if (c > 0) {
      const PhraseMatch& p = out_[top_[c - 1]];
      if (is_site(p) && p.last < m.first && m.first - p.last - 1 <= kSiteBeside && clear(p.last + 1, m.first)) return true;
    }
    if (c + 1 < top_.size()) {
      const PhraseMatch& n = out_[top_[c + 1]];
      if (is_site(n) && n.first > m.last && n.first - m.last - 1 <= kSiteBeside && clear(m.last + 1, n.first)) return true;
    }
    return false;
  }

  // The nearest match before top_[u] that opens `frame`, within its reach and clause: only
  // hyphens and words that are fillers or not clause words lie between, and no other frame
  // word. kNoMatch if none.
  std::size_t opening_of(std::size_t u, const kb::FrameRec& frame) const {
    const PhraseMatch& b = out_[top_[u]];
    std::uint32_t from = b.first;  // tokens [from, b.first) are known to be in the clause
    for (std::size_t v = u; v-- > 0;) {
      const PhraseMatch& a = out_[top_[v]];
      if (a.last >= b.first || b.first - a.last - 1 > frame.within) return kNoMatch;
      for (std::uint32_t k = a.last + 1; k < from; ++k) {
        if (!in_clause(k)) return kNoMatch;
      }
      from = a.last + 1;
      if (opens(a, frame)) return v;
      // A frame word between belongs to a frame of its own ("the temperature outside was 40").
      if (phrases_[a.phrase].target_kind == kb::PhraseTarget::frame_word) return kNoMatch;
      // The words of a match between the two are in the clause too, if they pass.
      for (std::uint32_t k = a.first; k <= a.last; ++k) {
        if (!in_clause(k)) return kNoMatch;
      }
      from = a.first;
    }
    return kNoMatch;
  }

  // A frame that reaches past its clause (kb::FrameReach): the opening of `frame` for top match
  // u, as an index into out_, else kNoMatch. Walking back from the closing phrase over the
  // words of its clause: a list separator just before it, when it ends a list item, gives the
  // opening of a frame read over the item before (kReachList: "my calf is puffy, warm and
  // sore", "it looks fat and feels hot"); a referring word that opens its clause stands for the
  // body site of the clause before (kReachPronoun: "my calf is tender; it looks fat"); a
  // condition word and the subject after it may lie between (kReachCondition: "it hurts like
  // hell when I try to move my toes").
  std::size_t opening_beyond_clause(std::size_t u, const kb::FrameRec& frame) const {
    const PhraseMatch& b = out_[top_[u]];
    bool condition = false;  // a condition word lies between
    for (std::uint32_t k = b.first; k-- > 0 && b.first - k <= frame.within + 1;) {
      const bool word = toks_[k].kind == TokenKind::word;
      if ((frame.reaches & kb::kReachList) != 0 && separates_items(k) && ends_item(b.last)) return item_opening(k, frame);
      if (word && (info_[k].classes & kb::kReferring) != 0 && (frame.reaches & kb::kReachPronoun) != 0) {
        const bool opens_clause = k == 0 || !in_clause(k - 1) || (info_[k - 1].classes & kb::kClauseJoiner) != 0;
        return opens_clause && ends_item(b.last) ? site_before(k, frame) : kNoMatch;
      }
      if (word && (info_[k].classes & kb::kConditionWord) != 0 && (frame.reaches & kb::kReachCondition) != 0) {
        condition = true;
        continue;
      }
      // "when I try to", "if he moves": the condition's subject.
      const bool subject = word && (frame.reaches & kb::kReachCondition) != 0 && k > 0 &&
                           (info_[k - 1].classes & kb::kConditionWord) != 0 &&
                           (info_[k].classes & (kb::kSubjectWord | kb::kThirdPerson | kb::kFirstPerson)) != 0;
      if (!in_clause(k) && !subject) return kNoMatch;
      if (!condition) continue;
      for (std::size_t v = u; v-- > 0;) {  // the opening, before the condition
        if (out_[top_[v]].last < k) break;
        if (out_[top_[v]].last == k && opens(out_[top_[v]], frame)) return top_[v];
      }
    }
    return kNoMatch;
  }

  // A comma or a list separator ("and", "or").
  bool separates_items(std::uint32_t k) const {
    return toks_[k].kind == TokenKind::word ? (info_[k].classes & kb::kListSeparator) != 0 : toks_[k].punct == ',';
  }

  // Whether the phrase ending at token `last` ends a list item: the text, its sentence or its
  // clause ends there, or a comma or a list separator follows ("warm and sore"; not "hot water").
  bool ends_item(std::uint32_t last) const {
    const std::uint32_t k = last + 1;
    if (k >= toks_.size() || toks_[last].sentence_end) return true;
    if (toks_[k].kind != TokenKind::word) return toks_[k].punct != '-' || toks_[k].sentence_end;
    return (info_[k].classes & kb::kListSeparator) != 0;
  }

  // The opening of a frame read over the list item that ends before the separator at token
  // k (other separators and fillers may lie between), if it opens `frame` too; else kNoMatch.
  // Only the latest kListLookBack readings are looked at: the item before was read just now.
  std::size_t item_opening(std::uint32_t k, const kb::FrameRec& frame) const {
    while (k > 0 && (separates_items(k) || (toks_[k].kind == TokenKind::word && (info_[k].flags & kb::kFiller) != 0))) --k;
    for (std::size_t e = out_.size(); e-- > frames_begin_ && out_.size() - e <= kListLookBack;) {
      const PhraseMatch& item = out_[e];
      if (item.frame == kb::kNone || item.last != k || kb_.frames()[item.frame].means == kb::kNone) continue;
      const std::size_t o = ending_at(item.gap_begin - 1, [&](const PhraseMatch& a) { return a.first == item.first; });
      return o != kNoMatch && opens(out_[o], frame) ? o : kNoMatch;
    }
    // An item whose own phrase names the site ("my calf is swollen and hot"): that site.
    const auto [begin, end] = group_of(k);
    if (begin == end || out_[begin].last != k) return kNoMatch;
    for (std::size_t e = begin; e < end; ++e) {
      const kb::FindingRec* f = finding_of(out_[e]);
      if (f != nullptr && f->kind == kb::FindingKind::site) return opens(out_[e], frame) ? e : kNoMatch;
    }
    return kNoMatch;
  }

  // The top match over token k and the matches it contains, as a range of out_ (empty if none).
  std::pair<std::size_t, std::size_t> group_of(std::uint32_t k) const {
    const auto it = std::upper_bound(top_.begin(), top_.end(), k,
                                     [this](std::uint32_t at, std::uint32_t t) { return at < out_[t].first; });
    if (it == top_.begin() || out_[*(it - 1)].last < k) return {0, 0};
    return {*(it - 1), it != top_.end() ? *it : frames_begin_};
  }

  // The match found before the frames (a top match or one it contains) that ends at token k
  // and satisfies `pred`, as an index into out_, else kNoMatch.
  template <class Pred>
  std::size_t ending_at(std::uint32_t k, Pred pred) const {
    const auto [begin, end] = group_of(k);
    for (std::size_t e = begin; e < end; ++e) {
      if (out_[e].last == k && pred(out_[e])) return e;
    }
    return kNoMatch;
  }

  // The body site a referring word at token p stands for: the nearest site before it, in the
  // stretch of words just before its own clause (one run of punctuation between, none inside:
  // "my calf has ached since Monday, it's puffy", "my calf hurts and I think it's swollen"), at
  // most kPronounReach tokens back; kNoMatch if that site does not open `frame`, or there is none.
  std::size_t site_before(std::uint32_t p, const kb::FrameRec& frame) const {
    bool in_words = false;  // past the break before p, in the words of the clause before
    const auto site = [this](const PhraseMatch& m) {
      const kb::FindingRec* f = finding_of(m);
      return f != nullptr && f->kind == kb::FindingKind::site;
    };
    for (std::uint32_t k = p; k-- > 0 && p - k <= kPronounReach;) {
      if (const std::size_t e = ending_at(k, site); e != kNoMatch) return opens(out_[e], frame) ? e : kNoMatch;
      if (toks_[k].kind == TokenKind::word || toks_[k].punct == '-') {
        in_words = true;
      } else if (in_words || toks_[k].punct == '?') {
        return kNoMatch;
      }
    }
    return kNoMatch;
  }

  // Whether match `a` fills the opening slot of `frame`.
  bool opens(const PhraseMatch& a, const kb::FrameRec& frame) const {
    const kb::PhraseRec& p = phrases_[a.phrase];
    for (const std::uint32_t slot : kb_.ids(frame.first)) {
      if (slot == kb::kSlotAnySite) {
        if (p.target_kind == kb::PhraseTarget::finding && findings_[p.target].kind == kb::FindingKind::site) return true;
      } else if ((slot & kb::kSlotWordClass) != 0) {
        if (p.target_kind == kb::PhraseTarget::frame_word && p.target == (slot & ~kb::kSlotWordClass)) return true;
      } else if (p.target_kind == kb::PhraseTarget::finding && p.target == slot) {
        return true;
      }
    }
    return false;
  }

  bool names(const PhraseMatch& m, std::uint32_t finding) const {
    const kb::PhraseRec& p = phrases_[m.phrase];
    return p.target_kind == kb::PhraseTarget::finding && p.target == finding;
  }

  // Whether token k may lie inside a clause between two parts that name one thing: a hyphen
  // within the sentence, or a word that is a filler or not a clause word.
  bool in_clause(std::uint32_t k) const {
    if (toks_[k].kind != TokenKind::word) return toks_[k].punct == '-' && !toks_[k].sentence_end;
    return (info_[k].flags & kb::kFiller) != 0 || !is_clause_word(k);
  }

  // A body site, then, in the same clause, findings up to the next site ("my jaw was slow
  // to open and felt stiff": a stiff jaw) also mean the phrases that name the site first.
  // Only words that are not clause words (language.json word_classes), and hyphens, may lie
  // between.
  void add_site_then_findings(std::size_t t) {
    const PhraseMatch a = out_[top_[t]];
    const kb::FindingRec* fa = finding_of(a);
    if (fa == nullptr || fa->kind != kb::FindingKind::site) return;
    std::uint32_t scanned = a.last;
    for (std::size_t u = t + 1; u < top_.size(); ++u) {
      const PhraseMatch b = out_[top_[u]];
      if (b.first - a.last > kSiteFirstGap) break;
      bool ok = true;
      for (std::uint32_t k = scanned + 1; ok && k < b.first; ++k) {
        ok = toks_[k].kind == TokenKind::word ? !is_clause_word(k) : toks_[k].punct == '-' && !toks_[k].sentence_end;
      }
      if (!ok) break;
      // A frame word is only words here (its frame, if any, is read apart); its words are
      // checked with the next gap.
      if (phrases_[b.phrase].target_kind == kb::PhraseTarget::frame_word) continue;
      const kb::FindingRec* fb = finding_of(b);
      if (fb == nullptr || fb->kind == kb::FindingKind::site) break;
      add_compound(a, b, a, b);
      scanned = b.last;
    }
  }

  // Mostly in order already (a few matches, found left to right): a stable sort's
  // buffer would be an allocation per text.
  void sort_by_first_token() {
    const auto by_first = [](const PhraseMatch& x, const PhraseMatch& y) { return x.first < y.first; };
    if (!std::is_sorted(out_.begin(), out_.end(), by_first)) std::stable_sort(out_.begin(), out_.end(), by_first);
  }

  // The compound phrase of `site` and `other` (kb/image.h CompoundRec) over tokens [a.first,
  // b.last], the tokens between them not its own, unless it names what a or b already names.
  void add_compound(const PhraseMatch& site, const PhraseMatch& other, const PhraseMatch& a, const PhraseMatch& b) {
    const std::uint32_t p = kb_.compound(phrases_[site.phrase].target, phrases_[other.phrase].target);
    if (p == kb::kNone) return;
    const std::uint32_t target = phrases_[p].target;
    if (target == phrases_[a.phrase].target || target == phrases_[b.phrase].target) return;
    out_.push_back({p, a.first, b.last, a.repaired || b.repaired, false, kb::kNone, a.last + 1, b.first});
  }

  // The same for a frame's reading `framed` of finding `other`, opened by a body site of
  // finding `site`: the compound over the frame's tokens, its gap and frame.
  void add_compound(std::uint32_t site, std::uint32_t other, const PhraseMatch& framed) {
    const std::uint32_t p = kb_.compound(site, other);
    if (p == kb::kNone || phrases_[p].target == other) return;
    PhraseMatch m = framed;
    m.phrase = p;
    out_.push_back(m);
  }

  const kb::FindingRec* finding_of(const PhraseMatch& m) const {
    const kb::PhraseRec& p = phrases_[m.phrase];
    return p.target_kind == kb::PhraseTarget::finding ? &findings_[p.target] : nullptr;
  }

  // Whether only filler words (no punctuation) lie between tokens a and b.
  bool adjacent(std::uint32_t a, std::uint32_t b) const {
    for (std::uint32_t k = a + 1; k < b; ++k) {
      if (toks_[k].kind != TokenKind::word || (info_[k].flags & kb::kFiller) == 0) return false;
    }
    return a < b;
  }

  bool is_connector(std::uint32_t k) const { return (info_[k].classes & kb::kSiteConnector) != 0; }
  bool is_clause_word(std::uint32_t k) const { return (info_[k].classes & kb::kClauseWord) != 0; }

  std::uint32_t end() const { return static_cast<std::uint32_t>(toks_.size()); }

  static constexpr std::size_t kNoMatch = static_cast<std::size_t>(-1);

  static constexpr auto any = [](const kb::PhraseRec&) { return true; };
  static constexpr auto only_findings = [](const kb::PhraseRec& p) {
    return p.target_kind == kb::PhraseTarget::finding;
  };
  // A finding's lookalike ("back of" for the back, "spasm of guilt" for a spasm), unlike
  // a guard of the language, also cuts short a finding phrase it overlaps.
  static constexpr auto lookalike = [](const kb::PhraseRec& p) {
    return p.target_kind == kb::PhraseTarget::guard && p.canonical;
  };

  const std::vector<Token>& toks_;
  const std::vector<TokenInfo>& info_;
  const kb::KnowledgeBase& kb_;
  std::span<const kb::PhraseRec> phrases_;
  std::span<const kb::FindingRec> findings_;
  Matcher& matcher_;
  std::vector<std::uint32_t>& top_;
  std::vector<PhraseMatch>& out_;
  std::size_t frames_begin_ = 0;  // out_'s size when the frames are read: what comes after is theirs
};

}  // namespace crampx::text
