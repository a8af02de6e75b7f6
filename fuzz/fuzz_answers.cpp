// The answers parser on arbitrary bytes: each line as an --answer option
// (FINDING=yes|no|unknown), and the whole input as the "answers" value of a JSON
// record; the answers accepted are then applied to a description, as explain does.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/answers.h"
#include "cli/record.h"
#include "fuzz_check.h"
#include "infer/report.h"
#include "kb/knowledge_base.h"
#include "report/render.h"

using namespace crampx;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const kb::KnowledgeBase& kb = kb::embedded();
  std::vector<infer::AnswerEntry> answers;

  for (std::size_t start = 0; start <= input.size();) {
    const std::size_t nl = std::min(input.find('\n', start), input.size());
    const std::string_view option = input.substr(start, nl - start);
    Result<infer::AnswerEntry> a = cli::parse_answer_option(option, kb);
    if (a) {
      fuzz::check(a->finding < kb.findings().size(), "answer finding");
      answers.push_back(*a);
    } else {
      fuzz::check(!a.error().message.empty(), "a rejected answer says why");
    }
    (void)infer::parse_answer(option);
    start = nl + 1;
  }

  const std::string line = R"({"id": 1, "text": "calf cramps at night", "answers": )" + std::string(input) + "}";
  const cli::Record r = cli::parse_record(line, kb);
  if (!r.error) answers.insert(answers.end(), r.answers.begin(), r.answers.end());

  infer::Workspace workspace;
  infer::Report rep;
  infer::explain("my calves cramp at night after running", answers, kb, {}, workspace, rep);
  std::string out;
  report::render(report::Format::json, rep, kb, {}, out);
  fuzz::check(nlohmann::json::accept(out), "JSON output parses");
  return 0;
}
