#include "text/stemmer.h"

#include <libstemmer.h>

#include <memory>

namespace crampx::text {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// Words longer than this are not stemmed: no English word is, and it bounds the work.
constexpr std::size_t kMaxStemmedLength = 64;

}  // namespace

std::string_view stem(std::string_view word) {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", nullptr));
  if (!stemmer || word.empty() || word.size() > kMaxStemmedLength) return word;
  const sb_symbol* out =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (out == nullptr) return word;
  return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer.get()))};
}

}  // namespace crampx::text
