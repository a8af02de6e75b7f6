// Snowball English (Porter2) stemming via libstemmer, so that "cramping",
// "cramped" and "cramps" meet at "cramp".
#pragma once

#include <memory>
#include <string_view>

struct sb_stemmer;

namespace crampx::text {

// One libstemmer object, made on first use. libstemmer objects are not thread-safe:
// each thread stems with its own (text::Scratch holds one).
class Stemmer {
 public:
  // The stem of a normalized (lower-case) word. Valid until the next call on this stemmer.
  std::string_view stem(std::string_view word);

 private:
  struct Deleter {
    void operator()(sb_stemmer* s) const;
  };
  std::unique_ptr<sb_stemmer, Deleter> stemmer_;
};

}  // namespace crampx::text
