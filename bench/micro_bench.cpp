// Micro-benchmarks of the hot paths (Google Benchmark), on the embedded knowledge
// base and texts written for this file (no evaluation data). Run:
//   build/bench/micro_bench [--benchmark_filter=...]
// docs/PERFORMANCE.md records the figures.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "cli/record.h"
#include "infer/report.h"
#include "kb/knowledge_base.h"
#include "report/render.h"
#include "text/analyze.h"
#include "text/finding_rules.h"
#include "text/tokenize.h"
#include "text/trigger_rules.h"
#include "text/typo.h"

namespace {

using namespace crampx;

const kb::KnowledgeBase& kb() { return kb::embedded(); }

// Sentences of the kinds people and clinicians write, cycled into texts of any length.
const std::vector<std::string>& sentences() {
  static const std::vector<std::string> s = {
      "My calves lock up at night after long runs in the heat, no weakness.",
      "Patient denies fever, chills or muscle weakness but reports cramping in both feet.",
      "I've had twitching in my left thigh for two weeks, not sure if it's getting worse?",
      "Since starting simvastatin my legs ache and cramp when I climb the stairs.",
      "No history of stroke; mother has myotonic dystrophy and my grip is slow to let go.",
      "After vomiting all night I get spasms in my hands and pins and needles round my mouth.",
      "Stepped on a rusty nail last week and now my jaw feels stiff, I cant open my mouth fully.",
      "Extremities show no edema, cyanosis or clubbing; reflexes are brisk and symmetric.",
      "Back went into spasm lifting a box this morning, pain does not go down the leg.",
      "Muscels crampng all over after the marathon, dark urine and very tired.",
  };
  return s;
}

std::string text_of_bytes(std::size_t bytes) {
  std::string out;
  for (std::size_t i = 0; out.size() < bytes; ++i) out += sentences()[i % sentences().size()] + " ";
  out.resize(bytes);
  return out;
}

void BM_Tokenize(benchmark::State& state) {
  const std::string text = text_of_bytes(static_cast<std::size_t>(state.range(0)));
  text::Tokens tokens;
  for (auto _ : state) {
    text::tokenize(text, tokens);
    benchmark::DoNotOptimize(tokens.tokens.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Tokenize)->Arg(100)->Arg(10000);

void BM_LookupTokens(benchmark::State& state) {  // stems, vocabulary, typo repair (warm word cache)
  const std::string text = text_of_bytes(10000);
  text::Tokens tokens;
  text::tokenize(text, tokens);
  text::WordLookup words;
  std::vector<text::TokenInfo> info;
  for (auto _ : state) {
    text::lookup_tokens(tokens, kb(), true, words, info);
    benchmark::DoNotOptimize(info.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_LookupTokens);

void BM_TypoRepair(benchmark::State& state) {  // one unknown word, no cache: the cost of a new typo
  const std::vector<std::string> words = {"crampng", "spasams", "fasciculaton", "nocternal", "hamstrng", "qwertyuiop"};
  std::size_t i = 0;
  text::TypoScratch scratch;
  for (auto _ : state) benchmark::DoNotOptimize(text::correct_unknown(words[i++ % words.size()], kb(), scratch));
}
BENCHMARK(BM_TypoRepair);

void BM_MatchPhrases(benchmark::State& state) {
  const std::string text = text_of_bytes(10000);
  text::Tokens tokens;
  text::tokenize(text, tokens);
  text::WordLookup words;
  std::vector<text::TokenInfo> info;
  text::lookup_tokens(tokens, kb(), true, words, info);
  text::MatchScratch scratch;
  std::vector<text::PhraseMatch> findings, triggers;
  for (auto _ : state) {
    text::match_findings(tokens, info, kb(), scratch, findings);
    text::match_triggers(tokens, info, kb(), scratch, triggers);
    benchmark::DoNotOptimize(findings.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_MatchPhrases);

void BM_Assertion(benchmark::State& state) {
  const std::string text = text_of_bytes(10000);
  text::Scratch scratch;
  text::read_text(text, kb(), {}, scratch);
  for (auto _ : state) {
    text::assert_text(kb(), scratch);
    benchmark::DoNotOptimize(&scratch.scopes);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Assertion);

// The whole text stage (tokenize to statuses) over text of growing size: linear in length.
// Measured after one untimed pass, as a stream runs: the first pass also grows the
// buffers (the mentions of 10 MB take about 20 MB, and a page fault costs about 10 us
// on a VM), a cost that the few iterations of the 10 MB case would share among them
// but the many of the 1 MB case would not.
void BM_TextStage(benchmark::State& state) {
  const std::string text = text_of_bytes(static_cast<std::size_t>(state.range(0)));
  text::Scratch scratch;
  text::Analysis analysis;
  text::analyze(text, kb(), {}, scratch, analysis);
  for (auto _ : state) {
    text::analyze(text, kb(), {}, scratch, analysis);
    benchmark::DoNotOptimize(analysis.mentions.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_TextStage)->Arg(1 << 20)->Arg(10 << 20)->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);

infer::Report explained(const std::string& text, infer::ExplainOptions options = {}) {
  infer::Workspace ws;
  infer::Report r;
  infer::explain(text, {}, kb(), options, ws, r);
  return r;
}

void BM_Score(benchmark::State& state) {
  const infer::Report r = explained(sentences()[0]);
  std::vector<infer::CauseScore> out;
  for (auto _ : state) {
    infer::score_causes(r.evidence, kb(), state.range(0) != 0, out);
    benchmark::DoNotOptimize(out.data());
  }
}
BENCHMARK(BM_Score)->Arg(0)->Arg(1)->ArgName("explain");

void BM_Triage(benchmark::State& state) {
  const infer::Report r = explained(sentences()[6]);
  infer::Triage t;
  for (auto _ : state) {
    infer::assess_triage(r.evidence, r.causes, true, kb(), t);
    benchmark::DoNotOptimize(t.level);
  }
}
BENCHMARK(BM_Triage);

void BM_NextQuestion(benchmark::State& state) {
  const infer::Report r = explained("my calves cramp");
  infer::Question q;
  for (auto _ : state) {
    infer::next_question(r.evidence, r.causes, r.unlisted, kb(), q);
    benchmark::DoNotOptimize(q.finding);
  }
}
BENCHMARK(BM_NextQuestion);

void BM_Render(benchmark::State& state) {
  const auto format = static_cast<report::Format>(state.range(0));
  const infer::Report r = explained(sentences()[0]);
  std::string out;
  report::RenderOptions options;
  for (auto _ : state) {
    out.clear();
    report::render(format, r, kb(), options, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}
BENCHMARK(BM_Render)
    ->Arg(static_cast<int>(report::Format::jsonl))
    ->Arg(static_cast<int>(report::Format::brief))
    ->Arg(static_cast<int>(report::Format::text))
    ->ArgName("format(jsonl=2,brief=4,text=0)");

void BM_ParseRecord(benchmark::State& state) {
  const std::string line = R"({"id": 12345, "text": "My calves lock up at night after long runs in the heat, no weakness.", "answers": {"night_time": "yes"}})";
  cli::RecordReader reader;  // reused, as a stream's worker does
  cli::Record record;
  for (auto _ : state) {
    reader.read(line, kb(), record);
    benchmark::DoNotOptimize(record.text.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * line.size()));
}
BENCHMARK(BM_ParseRecord);

// One record end to end as --jsonl does it: parse, explain, render.
void BM_Record(benchmark::State& state) {
  const bool brief = state.range(0) != 0;
  infer::Workspace ws;
  infer::Report r;
  std::string out;
  infer::ExplainOptions options;
  options.explain_causes = options.ask_question = options.list_unrecognized = !brief;
  std::vector<std::string> lines;
  for (const std::string& s : sentences()) lines.push_back("{\"id\": 1, \"text\": \"" + s + "\"}");
  cli::RecordReader reader;
  cli::Record rec;
  std::size_t i = 0;
  for (auto _ : state) {
    reader.read(lines[i++ % lines.size()], kb(), rec);
    infer::explain(rec.text, {}, kb(), options, ws, r);
    out.clear();
    report::render(brief ? report::Format::brief : report::Format::jsonl, r, kb(), {}, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_Record)->Arg(0)->Arg(1)->ArgName("brief");

}  // namespace

BENCHMARK_MAIN();
