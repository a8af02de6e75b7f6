#include "kb/knowledge_base.h"

#include <algorithm>
#include <atomic>
#include <cstring>

#include "base/hash.h"

namespace crampx::kb {
namespace {

// Record size per section, to check that each section lies inside the image.
constexpr std::size_t kRecordSize[kSectionCount] = {
    1,                        // strings
    sizeof(std::uint32_t),    // ids
    sizeof(MetaRec),          sizeof(ReferenceRec),  sizeof(FindingRec),  sizeof(MechanismRec),
    sizeof(CauseFindingRec),  sizeof(CauseRec),      sizeof(ConditionRec), sizeof(DiagnosticRec),
    sizeof(CautionRec),       sizeof(TreatmentRec),  sizeof(PreventionRec), sizeof(RedFlagRec),
    sizeof(TriggerRec),       sizeof(GuardRec),      sizeof(PhraseRec),    sizeof(VocabRec),
    sizeof(TypoWordRec),      sizeof(DeleteRec),     sizeof(std::uint64_t),
    sizeof(LikelihoodRec),    sizeof(SecondStemRec), sizeof(CompoundRec),
    sizeof(WordClassRec),     sizeof(UnsafeRec),        sizeof(FrameRec),
    1,                        // source_json
};

template <class Rec>
std::optional<std::uint32_t> find_by_id(const KnowledgeBase& kb, std::span<const Rec> recs,
                                        std::string_view id) {
  for (std::uint32_t i = 0; i < recs.size(); ++i) {
    if (kb.str(recs[i].id) == id) return i;
  }
  return std::nullopt;
}

}  // namespace

std::span<const FrameRec> KnowledgeBase::frames_closed_by(std::uint32_t then) const {
  const auto recs = frames();
  const auto lo = std::lower_bound(recs.begin(), recs.end(), then,
                                   [](const FrameRec& r, std::uint32_t k) { return r.then < k; });
  auto hi = lo;
  while (hi != recs.end() && hi->then == then) ++hi;
  return {lo, hi};
}

std::uint32_t KnowledgeBase::compound(std::uint32_t site, std::uint32_t other) const {
  const auto recs = section<CompoundRec>(Section::compounds);
  const auto it = std::lower_bound(recs.begin(), recs.end(), std::pair{site, other},
                                   [](const CompoundRec& r, const std::pair<std::uint32_t, std::uint32_t>& k) {
                                     return r.site != k.first ? r.site < k.first : r.other < k.second;
                                   });
  return it != recs.end() && it->site == site && it->other == other ? it->phrase : kNone;
}

std::uint16_t KnowledgeBase::word_classes(std::string_view word) const {
  return word_classes(word, std::string_view());
}

std::uint16_t KnowledgeBase::word_classes(std::string_view first, std::string_view second) const {
  const std::uint64_t hash = second.empty() ? stable_hash(first) : stable_hash(second, stable_hash(" ", stable_hash(first)));
  const auto recs = section<WordClassRec>(Section::word_classes);
  auto it = std::lower_bound(recs.begin(), recs.end(), hash,
                             [](const WordClassRec& r, std::uint64_t h) { return r.hash < h; });
  for (; it != recs.end() && it->hash == hash; ++it) {
    const std::string_view words = str(it->words);
    const bool same = second.empty() ? words == first
                                     : words.size() == first.size() + 1 + second.size() && words.starts_with(first) &&
                                           words[first.size()] == ' ' && words.ends_with(second);
    if (same) return static_cast<std::uint16_t>(it->classes);
  }
  return 0;
}

Result<KnowledgeBase> KnowledgeBase::from_image(std::span<const std::byte> bytes,
                                                std::shared_ptr<const void> owner) {
  const Error bad{ErrorCode::kb_image, "the compiled knowledge-base image is damaged or from another version"};
  if (bytes.size() < sizeof(ImageHeader) ||
      reinterpret_cast<std::uintptr_t>(bytes.data()) % alignof(std::uint64_t) != 0) {
    return bad;
  }
  const auto* header = reinterpret_cast<const ImageHeader*>(bytes.data());
  if (std::memcmp(header->magic, kImageMagic, sizeof kImageMagic) != 0 ||
      header->version != kImageVersion || header->total_size != bytes.size()) {
    return bad;
  }
  for (std::uint32_t s = 0; s < kSectionCount; ++s) {
    const SectionEntry& e = header->sections[s];
    if (e.offset % 8 != 0 || e.offset > bytes.size() ||
        e.count > (bytes.size() - e.offset) / kRecordSize[s]) {
      return bad;
    }
  }
  if (header->sections[static_cast<std::uint32_t>(Section::meta)].count != 1) return bad;
  const auto count = [&](Section s) { return header->sections[static_cast<std::uint32_t>(s)].count; };
  if (count(Section::likelihoods) != (count(Section::causes) + 1) * count(Section::findings)) return bad;
  KnowledgeBase kb;
  kb.bytes_ = bytes;
  kb.owner_ = std::move(owner);
  kb.header_ = header;
  kb.strings_ = reinterpret_cast<const char*>(bytes.data() + header->sections[0].offset);
  kb.ids_ = reinterpret_cast<const std::uint32_t*>(bytes.data() + header->sections[1].offset);
  static std::atomic<std::uint64_t> next_serial{1};
  kb.serial_ = next_serial.fetch_add(1, std::memory_order_relaxed);
  return kb;
}

std::string_view KnowledgeBase::source_json() const {
  const SectionEntry& e = header_->sections[static_cast<std::uint32_t>(Section::source_json)];
  return {reinterpret_cast<const char*>(bytes_.data() + e.offset), e.count};
}

std::optional<std::uint32_t> KnowledgeBase::find_cause(std::string_view id) const {
  return find_by_id(*this, causes(), id);
}
std::optional<std::uint32_t> KnowledgeBase::find_finding(std::string_view id) const {
  return find_by_id(*this, findings(), id);
}
std::optional<std::uint32_t> KnowledgeBase::find_mechanism(std::string_view id) const {
  return find_by_id(*this, mechanisms(), id);
}

std::optional<std::uint32_t> KnowledgeBase::find_treatment(std::string_view id) const {
  return find_by_id(*this, treatments(), id);
}
std::optional<std::uint32_t> KnowledgeBase::find_red_flag(std::string_view id) const {
  return find_by_id(*this, red_flags(), id);
}

std::optional<std::uint32_t> KnowledgeBase::find_stem(std::string_view stem) const {
  const auto v = vocab();
  const auto it = std::lower_bound(v.begin(), v.end(), stem,
                                   [this](const VocabRec& r, std::string_view s) { return str(r.stem) < s; });
  if (it == v.end() || str(it->stem) != stem) return std::nullopt;
  return static_cast<std::uint32_t>(it - v.begin());
}

bool KnowledgeBase::in_dictionary(std::string_view word) const {
  const auto d = dictionary();
  return std::binary_search(d.begin(), d.end(), stable_hash(word));
}

}  // namespace crampx::kb
