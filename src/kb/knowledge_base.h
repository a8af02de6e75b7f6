// KnowledgeBase: the read-only view every stage reasons with. Cheap to copy,
// immutable, and safe to share between threads. Built over an image (image.h)
// that is either embedded in the binary or compiled in memory from JSON.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "base/result.h"
#include "kb/image.h"

namespace crampx::kb {

class KnowledgeBase {
 public:
  // Views `bytes` in place; `owner` keeps them alive (null for static data).
  // Fails on a bad magic, version or section bounds.
  static Result<KnowledgeBase> from_image(std::span<const std::byte> bytes,
                                          std::shared_ptr<const void> owner = nullptr);

  std::string_view str(Str s) const { return {strings_ + s.offset, s.length}; }
  std::span<const std::uint32_t> ids(Ids r) const { return {ids_ + r.offset, r.count}; }

  const MetaRec& meta() const { return section<MetaRec>(Section::meta)[0]; }
  std::span<const ReferenceRec> references() const { return section<ReferenceRec>(Section::references); }
  std::span<const FindingRec> findings() const { return section<FindingRec>(Section::findings); }
  std::span<const MechanismRec> mechanisms() const { return section<MechanismRec>(Section::mechanisms); }
  std::span<const CauseRec> causes() const { return section<CauseRec>(Section::causes); }
  std::span<const ConditionRec> conditions() const { return section<ConditionRec>(Section::conditions); }
  std::span<const DiagnosticRec> diagnostics() const { return section<DiagnosticRec>(Section::diagnostics); }
  std::span<const TreatmentRec> treatments() const { return section<TreatmentRec>(Section::treatments); }
  std::span<const PreventionRec> prevention() const { return section<PreventionRec>(Section::prevention); }
  std::span<const RedFlagRec> red_flags() const { return section<RedFlagRec>(Section::red_flags); }
  std::span<const TriggerRec> triggers() const { return section<TriggerRec>(Section::triggers); }
  std::span<const GuardRec> guards() const { return section<GuardRec>(Section::guards); }
  std::span<const PhraseRec> phrases() const { return section<PhraseRec>(Section::phrases); }
  std::span<const VocabRec> vocab() const { return section<VocabRec>(Section::vocab); }
  std::span<const TypoWordRec> typo_words() const { return section<TypoWordRec>(Section::typo_words); }
  std::span<const DeleteRec> deletes() const { return section<DeleteRec>(Section::deletes); }
  std::span<const std::uint64_t> dictionary() const { return section<std::uint64_t>(Section::dictionary); }
  // The frames, sorted by their closing slot (FrameRec::then).
  std::span<const FrameRec> frames() const { return section<FrameRec>(Section::frames); }
  // The frames whose closing slot `then` (a finding index or kSlotWordClass | class) fills.
  std::span<const FrameRec> frames_closed_by(std::uint32_t then) const;
  // The phrase of the finding that names `site` followed by `other`, or kNone.
  std::uint32_t compound(std::uint32_t site, std::uint32_t other) const;
  // The WordClass bits of a normalized word, or of two words ("does anyone"); 0 for none.
  std::uint16_t word_classes(std::string_view word) const;
  std::uint16_t word_classes(std::string_view first, std::string_view second) const;
  std::span<const SecondStemRec> second_stems(Range r) const {
    return section<SecondStemRec>(Section::second_stems).subspan(r.begin, r.count);
  }
  // Row-major [cause][finding]; `cause` may be unlisted_cause(), a cause this knowledge base
  // does not hold.
  std::uint32_t unlisted_cause() const { return static_cast<std::uint32_t>(causes().size()); }
  const LikelihoodRec& likelihood(std::uint32_t cause, std::uint32_t finding) const {
    return section<LikelihoodRec>(Section::likelihoods)[cause * findings().size() + finding];
  }

  std::span<const CauseFindingRec> cause_findings(const CauseRec& c) const {
    return section<CauseFindingRec>(Section::cause_findings).subspan(c.findings.begin, c.findings.count);
  }
  std::span<const CautionRec> cautions(const TreatmentRec& t) const {
    return section<CautionRec>(Section::cautions).subspan(t.cautions.begin, t.cautions.count);
  }
  std::span<const UnsafeRec> unsafe(const TreatmentRec& t) const {
    return section<UnsafeRec>(Section::unsafe).subspan(t.unsafe.begin, t.unsafe.count);
  }
  std::span<const PhraseRec> phrases(const FindingRec& f) const {
    return phrases().subspan(f.phrases.begin, f.phrases.count);
  }

  // The merged knowledge-base JSON this image was compiled from (minified).
  std::string_view source_json() const;

  // Index lookups by id (linear: the sets are small and these are not hot paths).
  std::optional<std::uint32_t> find_cause(std::string_view id) const;
  std::optional<std::uint32_t> find_finding(std::string_view id) const;
  std::optional<std::uint32_t> find_mechanism(std::string_view id) const;
  std::optional<std::uint32_t> find_treatment(std::string_view id) const;
  std::optional<std::uint32_t> find_red_flag(std::string_view id) const;

  // Vocabulary index of a stem, by binary search.
  std::optional<std::uint32_t> find_stem(std::string_view stem) const;
  // Whether a lower-case word is in the general English dictionary.
  bool in_dictionary(std::string_view word) const;

  std::span<const std::byte> image() const { return bytes_; }

  // Identifies the image this view was made from, for caches keyed by knowledge base:
  // unique within the process and never reused, unlike the image's address (a knowledge
  // base compiled after another one is freed may well be given the same memory).
  std::uint64_t serial() const { return serial_; }

 private:
  template <class T>
  std::span<const T> section(Section s) const {
    const SectionEntry& e = header_->sections[static_cast<std::uint32_t>(s)];
    return {reinterpret_cast<const T*>(bytes_.data() + e.offset), e.count};
  }

  std::span<const std::byte> bytes_;
  std::shared_ptr<const void> owner_;
  const ImageHeader* header_ = nullptr;
  const char* strings_ = nullptr;
  const std::uint32_t* ids_ = nullptr;
  std::uint64_t serial_ = 0;
};

// The knowledge base embedded in the binary at build time: tools/kbc.cpp compiles data/kb
// into the generated embedded_kb.cpp that defines it (src/CMakeLists.txt). It never fails:
// the image was checked when built.
const KnowledgeBase& embedded();

}  // namespace crampx::kb
