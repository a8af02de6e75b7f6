// Assertion, in the manner of ConText (Harkema et al. 2009): trigger phrases from
// the knowledge base open a scope forward or backward; the scope ends at a
// sentence end, a terminator, a new clause, a later trigger of another kind, or
// after a window of words. A finding inside a scope takes the trigger's category.
#pragma once

#include <cstdint>
#include <vector>

#include "kb/knowledge_base.h"
#include "text/lexicon.h"
#include "text/tokenize.h"

namespace crampx::text {

struct Assertion {
  bool negated = false;
  bool possible = false;
  bool historical = false;
  bool hypothetical = false;
  bool family = false;
};

// The scopes of one text's triggers; build once, then assess each finding.
class AssertionScopes {
 public:
  // `triggers` are the trigger-phrase matches of the text (match_phrases with triggers = true).
  void build(const Tokens& tokens, const std::vector<PhraseMatch>& triggers, const kb::KnowledgeBase& kb);

  // The assertion for a finding spanning tokens [first, last].
  Assertion assess(std::uint32_t first, std::uint32_t last) const;

 private:
  struct Scope {
    kb::TriggerCategory category;
    std::uint32_t begin;  // token range [begin, end)
    std::uint32_t end;
  };
  std::vector<Scope> scopes_;
  std::vector<std::uint8_t> stops_;  // per token: categories whose scope ends here (bit per category)
};

}  // namespace crampx::text
