#include "text/finding_rules.h"

namespace crampx::text {
namespace {

constexpr std::string_view kSiteConnectors[] = {"in", "on", "of", "at", "around", "under", "above", "behind",
                                                "inside", "near", "across", "along", "over", "through",
                                                "throughout", "within", "into"};

constexpr std::string_view kClauseWords[] = {"but", "while", "whereas", "although", "though", "because", "since",
                                             "so", "then", "when", "if", "or", "i", "im", "ive", "my", "your",
                                             "his", "her", "their", "our", "it", "its", "he", "she", "they", "we",
                                             "you", "which", "who", "that"};

}  // namespace

bool is_site_connector(std::string_view word) {
  return std::find(std::begin(kSiteConnectors), std::end(kSiteConnectors), word) != std::end(kSiteConnectors);
}

bool starts_clause(std::string_view word) {
  return std::find(std::begin(kClauseWords), std::end(kClauseWords), word) != std::end(kClauseWords);
}

void match_findings(const Tokens& tokens, const std::vector<TokenInfo>& info, const kb::KnowledgeBase& kb,
                    MatchScratch& scratch, std::vector<PhraseMatch>& out) {
  PhraseMatcher matcher(tokens, info, kb, /*triggers=*/false, scratch);
  FindingRules<PhraseMatcher>(tokens, info, kb, matcher, scratch.top, out).run();
}

}  // namespace crampx::text
