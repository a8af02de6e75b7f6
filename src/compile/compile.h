// compile/: turns a knowledge-base document into the image the engine reads
// (entities from kb/, lexicon and typo indexes built with text/). Used at build time
// by crampx-kbc for the embedded knowledge base, and at run time for --kb FILE.
#pragma once

#include <cstdint>
#include <filesystem>
#include <istream>
#include <span>
#include <vector>

#include "base/result.h"
#include "compile/image_builder.h"
#include "kb/document.h"
#include "kb/knowledge_base.h"

namespace crampx::compile {

// Compiles a document that passed kb::validate. Problems only visible while
// compiling (a phrase with no words, one phrase claimed by two findings) are
// appended to `problems`; the image is only usable when none were added.
// `dictionary` is the sorted set of stable_hash()es of known English words.
Image compile(const kb::Document& doc, std::span<const std::uint64_t> dictionary, std::vector<kb::Problem>& problems);

// Read, validate and compile a knowledge base file or directory: the --kb path.
// Fails with every problem, one per line, when it is not valid.
Result<kb::KnowledgeBase> load(const std::filesystem::path& path, std::span<const std::uint64_t> dictionary);

// Sorted, unique hashes of the words of a word list (one per line, as
// /usr/share/dict/words): lower-cased, apostrophes dropped.
std::vector<std::uint64_t> dictionary_hashes(std::istream& words);

}  // namespace crampx::compile
