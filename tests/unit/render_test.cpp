#include "report/render.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "report/terminal_text.h"
#include "support/test_kb.h"

namespace crampx::report {
namespace {

using json = nlohmann::json;

// The report views its input, so the text must outlive it: string literals do.
infer::Report explain_text(std::string_view text) {
  static infer::Workspace ws;
  infer::Report r;
  infer::explain(text, {}, test::mini_kb(), {}, ws, r);
  return r;
}

TEST(Render, JsonHasTheContractFields) {
  const std::string text = "calf cramps at night, no weakness";
  const infer::Report r = explain_text(text);
  std::string out;
  render(Format::json, r, test::mini_kb(), RenderOptions{}, out);
  const json j = json::parse(out);
  EXPECT_EQ(j["schema"], "crampx/report/v2");
  EXPECT_EQ(j["input"], text);
  EXPECT_EQ(j["causes"][0]["id"], "nocturnal_leg_cramps");
  EXPECT_EQ(j["triage"]["level"], "self_care");
  EXPECT_TRUE(j["disclaimer"].is_string());
  bool weakness_denied = false;
  for (const json& f : j["findings"]) {
    const auto span = f["span"].get<std::vector<std::size_t>>();
    EXPECT_EQ(text.substr(span[0], span[1] - span[0]), f["text"]);
    weakness_denied |= f["id"] == "weakness" && f["status"] == "absent";
  }
  EXPECT_TRUE(weakness_denied);
  double total = 0;
  for (const json& c : j["causes"]) total += c["probability"].get<double>();
  EXPECT_NEAR(total, 1.0, 1e-3);
}

// Additive within v2: every cause says its kind, a cause under a group names the group,
// and a finding with an HPO term gives its id.
TEST(Render, JsonGivesKindCategoryAndHpo) {
  json root = json::parse(test::mini_kb_text());
  root["findings"][0]["hpo"] = "HP:0003394";  // muscle_cramp
  root["causes"][2]["category"] = "nocturnal_leg_cramps";
  root["causes"][1]["kind"] = "lookalike";
  const kb::KnowledgeBase kb = test::compile_text(root.dump());
  static infer::Workspace ws;
  infer::Report r;
  infer::explain("calf cramps at night, twitching", {}, kb, {}, ws, r);
  std::string out;
  render(Format::json, r, kb, RenderOptions{.top = 3}, out);
  const json j = json::parse(out);
  ASSERT_EQ(j["causes"].size(), 3u) << out;
  for (const json& c : j["causes"]) {
    EXPECT_EQ(c["kind"], c["id"] == "dehydration_salt_loss" ? "lookalike" : "cause") << c.dump();
    if (c["id"] == "fasciculation") {
      EXPECT_EQ(c["category"], "nocturnal_leg_cramps");
    } else {
      EXPECT_FALSE(c.contains("category")) << c["id"];
    }
  }
  bool cramp = false;
  for (const json& f : j["findings"]) {
    if (f["id"] == "muscle_cramp") {
      cramp = true;
      EXPECT_EQ(f["hpo"], "HP:0003394");
    } else {
      EXPECT_FALSE(f.contains("hpo")) << f.dump();
    }
  }
  EXPECT_TRUE(cramp) << out;
}

// One vocabulary for what the text says of a finding (report schema v2): a finding's
// "status" and a cause's supporting and conflicting "state" use the same words.
TEST(Render, FindingStatusAndContributionStateShareTheirWords) {
  const std::string text = "maybe cramps at night, no weakness, not in the heat";
  const infer::Report r = explain_text(text);
  std::string out;
  render(Format::json, r, test::mini_kb(), RenderOptions{.top = 3}, out);
  const json j = json::parse(out);
  std::map<std::string, std::string> status;  // finding -> status
  for (const json& f : j["findings"]) status[f["id"]] = f["status"];
  std::set<std::string> states;
  for (const json& c : j["causes"]) {
    for (const char* list : {"supporting", "conflicting"}) {
      for (const json& k : c[list]) {
        EXPECT_EQ(k["state"], status[k["id"]]) << k.dump();
        states.insert(k["state"]);
      }
    }
  }
  EXPECT_TRUE(states.count("absent")) << out;    // v1 said "denied"
  EXPECT_TRUE(states.count("possible")) << out;  // v1 said "uncertain"
}

TEST(Render, JsonlIsOneLine) {
  std::string out;
  render(Format::jsonl, explain_text("cramps\nat night"), test::mini_kb(), RenderOptions{}, out);
  EXPECT_EQ(std::count(out.begin(), out.end(), '\n'), 1);
  EXPECT_EQ(out.back(), '\n');
}

TEST(Render, OutOfScopeSaysSo) {
  std::string out;
  render(Format::json, explain_text("the weather is lovely"), test::mini_kb(), RenderOptions{}, out);
  const json j = json::parse(out);
  EXPECT_FALSE(j["in_scope"].get<bool>());
  EXPECT_TRUE(j["causes"].empty());
  EXPECT_NE(j["summary"].get<std::string>().find("cannot explain"), std::string::npos);
}

TEST(Render, TextNeverEchoesControlBytes) {
  for (Format f : {Format::text, Format::markdown}) {
    std::string out;
    RenderOptions o;
    o.color = false;
    render(f, explain_text("calf \x1b]0;owned\x07 cramps \x1b[2J zzz\x9b"), test::mini_kb(), o, out);
    EXPECT_EQ(out.find('\x1b'), std::string::npos);
    EXPECT_EQ(out.find('\x07'), std::string::npos);
    EXPECT_EQ(out.find("\xC2\x9B"), std::string::npos);
  }
}

// Every line fits the terminal, at the narrowest width the renderer supports (40) and
// wider, unless one word alone is longer than the line.
TEST(Render, TextWrapsToTheTerminalWidth) {
  const infer::Report r = explain_text("calf cramps at night after running, no weakness, my dad has twitching");
  for (std::size_t width : {40u, 50u, 80u}) {
    std::string out;
    RenderOptions o;
    o.width = width;
    render(Format::text, r, test::mini_kb(), o, out);
    std::size_t start = 0;
    for (std::size_t nl = out.find('\n'); nl != std::string::npos; start = nl + 1, nl = out.find('\n', start)) {
      const std::string_view line(out.data() + start, nl - start);
      if (line.find(' ', line.find_first_not_of(' ')) == std::string_view::npos) continue;  // one long word
      EXPECT_LE(display_width(line), width) << "width " << width << ": " << line;
    }
  }
}

TEST(Render, TextSaysWhyThereIsNoQuestion) {
  const infer::Report r = explain_text("calf cramps at night, no weakness");  // 94 %: nothing left to ask
  ASSERT_FALSE(r.question.asked);
  std::string out;
  RenderOptions o;
  o.width = 400;  // one line, so the sentence can be found whole
  render(Format::text, r, test::mini_kb(), o, out);
  EXPECT_NE(out.find("No further question: " + std::string(r.question.reason)), std::string::npos) << out;
}

TEST(Render, ColourOnlyWhenAsked) {
  const infer::Report r = explain_text("calf cramps");
  std::string plain, coloured;
  RenderOptions o;
  render(Format::text, r, test::mini_kb(), o, plain);
  o.color = true;
  render(Format::text, r, test::mini_kb(), o, coloured);
  EXPECT_EQ(plain.find("\x1b["), std::string::npos);
  EXPECT_NE(coloured.find("\x1b["), std::string::npos);
}

TEST(Render, BriefHasOnlyTheEssentials) {
  std::string out;
  RenderOptions o;
  o.top = 2;
  infer::Report r = explain_text("calf cramps at night");
  r.id = "\"a1\"";
  render(Format::brief, r, test::mini_kb(), o, out);
  const json j = json::parse(out);
  EXPECT_EQ(j["id"], "a1");
  EXPECT_EQ(j["causes"].size(), 2u);
  EXPECT_TRUE(j["error"].is_null());
  EXPECT_FALSE(j.contains("findings"));
}

// --json and --jsonl are the same document, indented or on one line, with every cause's
// knowledge-base members (mechanisms to references) in both.
TEST(Render, JsonAndJsonlAreTheSameDocument) {
  const kb::KnowledgeBase& kb = kb::embedded();
  static infer::Workspace ws;
  infer::Report r;
  infer::explain("my calves lock up at night after long runs in the heat, no weakness", {}, kb, {}, ws, r);
  RenderOptions all;
  all.top = kb.causes().size();
  std::string pretty, compact;
  render(Format::json, r, kb, all, pretty);
  render(Format::jsonl, r, kb, all, compact);
  EXPECT_EQ(std::count(compact.begin(), compact.end(), '\n'), 1);
  const json doc = json::parse(pretty);
  EXPECT_EQ(json::parse(compact), doc);
  ASSERT_EQ(doc["causes"].size(), kb.causes().size());
  for (const json& cause : doc["causes"]) {
    const std::string id = cause["id"].get<std::string>();
    const auto rec = std::find_if(kb.causes().begin(), kb.causes().end(),
                                  [&](const kb::CauseRec& c) { return kb.str(c.id) == id; });
    ASSERT_NE(rec, kb.causes().end());
    EXPECT_EQ(cause["mechanisms"].size(), rec->mechanisms.count);
    EXPECT_EQ(cause["conditions"].size(), rec->conditions.count);
    EXPECT_EQ(cause["diagnostics"].size(), rec->diagnostics.count);
    EXPECT_EQ(cause["treatments"].size(), rec->treatments.count);
    EXPECT_EQ(cause["prevention"].size(), rec->prevention.count);
    EXPECT_EQ(cause["references"].size(), rec->references.count);
  }
}

}  // namespace
}  // namespace crampx::report
