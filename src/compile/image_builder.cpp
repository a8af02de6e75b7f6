#include "compile/image_builder.h"

#include <cstring>

#include "base/utf8.h"

namespace crampx::compile {

kb::Str ImageBuilder::str(std::string_view written) {
  if (written.empty()) return {};
  // Validation refuses control characters in a knowledge base; an image holds none
  // whatever it was built from, so no renderer can pass one to a terminal.
  const std::string s = utf8::replace_controls(written);
  const auto it = interned_.find(s);
  if (it != interned_.end()) return it->second;
  const kb::Str ref{static_cast<std::uint32_t>(strings_.size()), static_cast<std::uint32_t>(s.size())};
  strings_.append(s);
  interned_.emplace(s, ref);
  return ref;
}

kb::Ids ImageBuilder::ids(std::span<const std::uint32_t> values) {
  const kb::Ids ref{static_cast<std::uint32_t>(ids_.size()), static_cast<std::uint32_t>(values.size())};
  ids_.insert(ids_.end(), values.begin(), values.end());
  return ref;
}

Image ImageBuilder::finish() const {
  struct Part {
    const void* data;
    std::size_t bytes;
    std::uint32_t count;
  };
  auto part = [](const auto& v) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    return Part{v.data(), v.size() * sizeof(T), static_cast<std::uint32_t>(v.size())};
  };
  const Part parts[kb::kSectionCount] = {
      part(strings_), part(ids_), Part{&meta, sizeof meta, 1}, part(references), part(findings),
      part(mechanisms), part(cause_findings), part(causes), part(conditions), part(diagnostics),
      part(cautions), part(treatments), part(prevention), part(red_flags), part(triggers), part(guards),
      part(phrases), part(vocab), part(typo_words), part(deletes), part(dictionary), part(likelihoods), part(second_stems), part(compounds),
      part(word_classes), part(unsafe), part(frames), part(source_json)};

  auto align8 = [](std::size_t n) { return (n + 7) & ~std::size_t{7}; };
  kb::ImageHeader header{};
  std::memcpy(header.magic, kb::kImageMagic, sizeof header.magic);
  header.version = kb::kImageVersion;
  std::size_t offset = align8(sizeof header);
  for (std::uint32_t s = 0; s < kb::kSectionCount; ++s) {
    header.sections[s] = {static_cast<std::uint32_t>(offset), parts[s].count};
    offset = align8(offset + parts[s].bytes);
  }
  header.total_size = static_cast<std::uint32_t>(offset);

  std::shared_ptr<std::uint64_t[]> storage(new std::uint64_t[offset / 8]());
  auto* bytes = reinterpret_cast<unsigned char*>(storage.get());
  std::memcpy(bytes, &header, sizeof header);
  for (std::uint32_t s = 0; s < kb::kSectionCount; ++s) {
    if (parts[s].bytes != 0) std::memcpy(bytes + header.sections[s].offset, parts[s].data, parts[s].bytes);
  }
  return Image{std::move(storage), offset};
}

}  // namespace crampx::compile
