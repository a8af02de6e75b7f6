// ImageBuilder: collects the records of a knowledge-base image and lays them out
// as bytes (kb/image.h). Strings are interned, so a phrase or id is stored once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/image.h"

namespace crampx::compile {

// Image bytes, 8-aligned, shareable (the KnowledgeBase view keeps them alive).
struct Image {
  std::shared_ptr<const std::uint64_t[]> storage;
  std::size_t size = 0;
  std::span<const std::byte> bytes() const { return {reinterpret_cast<const std::byte*>(storage.get()), size}; }
};

class ImageBuilder {
 public:
  kb::Str str(std::string_view s);
  kb::Ids ids(std::span<const std::uint32_t> values);

  kb::MetaRec meta{};
  std::vector<kb::ReferenceRec> references;
  std::vector<kb::FindingRec> findings;
  std::vector<kb::MechanismRec> mechanisms;
  std::vector<kb::CauseFindingRec> cause_findings;
  std::vector<kb::CauseRec> causes;
  std::vector<kb::ConditionRec> conditions;
  std::vector<kb::DiagnosticRec> diagnostics;
  std::vector<kb::CautionRec> cautions;
  std::vector<kb::TreatmentRec> treatments;
  std::vector<kb::PreventionRec> prevention;
  std::vector<kb::RedFlagRec> red_flags;
  std::vector<kb::TriggerRec> triggers;
  std::vector<kb::GuardRec> guards;
  std::vector<kb::PhraseRec> phrases;
  std::vector<kb::VocabRec> vocab;
  std::vector<kb::TypoWordRec> typo_words;
  std::vector<kb::DeleteRec> deletes;
  std::vector<std::uint64_t> dictionary;
  std::vector<kb::LikelihoodRec> likelihoods;
  std::vector<kb::SecondStemRec> second_stems;
  std::vector<kb::CompoundRec> compounds;
  std::vector<kb::WordClassRec> word_classes;
  std::vector<kb::UnsafeRec> unsafe;
  std::vector<kb::FrameRec> frames;
  std::string source_json;

  Image finish() const;

 private:
  std::string strings_;
  std::unordered_map<std::string, kb::Str> interned_;
  std::vector<std::uint32_t> ids_;
};

}  // namespace crampx::compile
