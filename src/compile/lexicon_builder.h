// The text side of compiling: phrases, the stem vocabulary, and the typo index.
#pragma once

#include <span>
#include <vector>

#include <nlohmann/json.hpp>

#include "compile/image_builder.h"
#include "kb/document.h"

namespace crampx::compile {

// Fills builder.phrases, vocab, triggers, guards, typo_words and deletes, and each
// finding's phrase range, from /findings, /lexicon and /language of the document.
void build_lexicon(const kb::Document& doc, std::span<const std::uint64_t> dictionary, ImageBuilder& builder,
                   std::vector<kb::Problem>& problems);

}  // namespace crampx::compile
