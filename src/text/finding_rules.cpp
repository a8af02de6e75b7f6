#include "text/finding_rules.h"

namespace crampx::text {

void match_findings(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
                    MatchScratch& scratch, std::vector<PhraseMatch>& out) {
  PhraseMatcher matcher(tokens, info, kb, /*triggers=*/false, scratch);
  FindingRules<PhraseMatcher>(tokens, info, kb, matcher, scratch.top, out).run();
}

}  // namespace crampx::text
