// The language's word classes (/language/word_classes: clause words, site connectors,
// question openers ...) as the image's word-class section, each word normalized the way
// text is, so the text stage compares them with its tokens.
#pragma once

#include <vector>

#include "compile/image_builder.h"
#include "kb/document.h"

namespace crampx::compile {

// Fills builder.word_classes from the document.
void build_word_classes(const kb::Document& doc, ImageBuilder& builder, std::vector<kb::Problem>& problems);

}  // namespace crampx::compile
