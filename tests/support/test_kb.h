// Knowledge bases for unit tests: the small fixture (tests/fixtures/mini_kb.json),
// compiled once, so engine tests do not depend on the default knowledge base.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "infer/evidence.h"
#include "kb/knowledge_base.h"

namespace crampx::test {

const kb::KnowledgeBase& mini_kb();

// The fixture's JSON text, for tests that mutate it.
std::string mini_kb_text();

// The fixture with muscle_cramp coded as HPO term HP:0003394 and an HPO layperson table
// (data/kb/hpo_layperson.json's shape) of that one term with `phrases`.
nlohmann::json mini_kb_with_hpo_term(const std::vector<std::string>& phrases);

// Compiles a knowledge base from JSON text; fails the test on problems.
kb::KnowledgeBase compile_text(const std::string& json);

// Evidence with every finding of `kb` in `state`; tests then set the ones they need.
infer::Evidence evidence_of(const kb::KnowledgeBase& kb, infer::State state);

}  // namespace crampx::test

#include "text/analyze.h"

namespace crampx::test {

// The findings of `input` as "finding_id=status" strings, in text order.
std::vector<std::string> findings_of(std::string_view input, const kb::KnowledgeBase& kb);

// The status of one finding in `input`, or "missing".
std::string status_in(std::string_view input, std::string_view finding, const kb::KnowledgeBase& kb);

}  // namespace crampx::test
