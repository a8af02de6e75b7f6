#include "support/test_kb.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "compile/compile.h"
#include "kb/validate.h"

namespace crampx::test {

nlohmann::json mini_kb_with_hpo_term(const std::vector<std::string>& phrases) {
  nlohmann::json root = nlohmann::json::parse(mini_kb_text());
  root["findings"][0]["hpo"] = "HP:0003394";
  root["hpo_layperson"] = {{"release", "a test release"},
                           {"references", {"ref_test"}},
                           {"terms_of_use", "https://hpo.jax.org/license"},
                           {"terms", {{{"hpo", "HP:0003394"},
                                       {"label", "Muscle cramps"},
                                       {"findings", {"muscle_cramp"}},
                                       {"phrases", phrases},
                                       {"excluded", nlohmann::json::array()}}}}};
  return root;
}

std::string mini_kb_text() {
  std::ifstream in(std::string(CRAMPX_TEST_FIXTURES) + "/mini_kb.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

kb::KnowledgeBase compile_text(const std::string& json) {
  auto doc = kb::parse_document(json, "test.json");
  if (!doc) throw std::runtime_error(doc.error().message);
  std::vector<kb::Problem> problems = kb::validate(*doc);
  if (!problems.empty()) throw std::runtime_error(kb::format_problems(problems));
  compile::Image image = compile::compile(*doc, kb::embedded().dictionary(), problems);
  if (!problems.empty()) throw std::runtime_error(kb::format_problems(problems));
  auto owner = std::shared_ptr<const void>(image.storage, image.storage.get());
  return kb::KnowledgeBase::from_image(image.bytes(), owner).value();
}

infer::Evidence evidence_of(const kb::KnowledgeBase& kb, infer::State state) {
  infer::Evidence e;
  e.state.assign(kb.findings().size(), state);
  return e;
}

const kb::KnowledgeBase& mini_kb() {
  static const kb::KnowledgeBase kb = compile_text(mini_kb_text());
  return kb;
}

}  // namespace crampx::test

namespace crampx::test {

std::vector<std::string> findings_of(std::string_view input, const kb::KnowledgeBase& kb) {
  text::Scratch scratch;
  text::Analysis analysis;
  text::analyze(input, kb, {}, scratch, analysis);
  std::vector<std::string> out;
  for (const text::Mention& m : analysis.mentions) {
    out.push_back(std::string(kb.str(kb.findings()[m.finding].id)) + "=" + std::string(to_string(m.status)));
  }
  return out;
}

std::string status_in(std::string_view input, std::string_view finding, const kb::KnowledgeBase& kb) {
  const std::string prefix = std::string(finding) + "=";
  for (const std::string& f : findings_of(input, kb)) {
    if (f.rfind(prefix, 0) == 0) return f.substr(prefix.size());
  }
  return "missing";
}

}  // namespace crampx::test
