// Phrase classes: a phrase of the knowledge base may name a class of /language/phrase_classes
// in braces ("{relative} {condition_verb}"), and then stands for every phrase made by
// filling each name with one of its class's words. A cross product (relatives x verbs)
// is written once, and a diff shows the one word that changed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace crampx::kb {

// One phrase may stand for at most this many: a bound on what a small file can ask for.
inline constexpr std::size_t kMaxPhraseExpansions = 4096;

struct PhraseExpansion {
  std::vector<std::string> phrases;  // every combination, the first name varying slowest
  std::string problem;               // empty, or why the phrase cannot be expanded
};

// The phrases `phrase` stands for, given the /language/phrase_classes object `classes`
// (anything else counts as no classes). A phrase naming no class stands for itself.
// Braces around anything but a class name (a number range "{60-110}", say) are left
// as written. A name that is no class, or more than kMaxPhraseExpansions
// combinations, is a problem.
PhraseExpansion expand_phrase_classes(std::string_view phrase, const nlohmann::json& classes);

// The /language/phrase_classes object of a knowledge base, or an empty object.
const nlohmann::json& phrase_classes_of(const nlohmann::json& root);

}  // namespace crampx::kb
