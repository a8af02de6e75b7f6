#include "text/trigger_rules.h"

namespace crampx::text {

void match_triggers(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
                    MatchScratch& scratch, std::vector<PhraseMatch>& out) {
  PhraseMatcher matcher(tokens, info, kb, /*triggers=*/true, scratch);
  apply_trigger_rules(tokens, kb, matcher, out);
}

}  // namespace crampx::text
