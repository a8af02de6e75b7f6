#include "text/stemmer.h"

#include <libstemmer.h>

namespace crampx::text {
namespace {

// Words longer than this are not stemmed: no English word is, and it bounds the work.
constexpr std::size_t kMaxStemmedLength = 64;

}  // namespace

void Stemmer::Deleter::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

std::string_view Stemmer::stem(std::string_view word) {
  if (!stemmer_) stemmer_.reset(sb_stemmer_new("english", nullptr));
  if (!stemmer_ || word.empty() || word.size() > kMaxStemmedLength) return word;
  const sb_symbol* out =
      sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (out == nullptr) return word;
  return {reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(stemmer_.get()))};
}

}  // namespace crampx::text
