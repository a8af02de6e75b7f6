#include "report/render.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "compile/compile.h"
#include "kb/validate.h"
#include "report/kb_views.h"
#include "report/terminal_text.h"
#include "report/wording.h"
#include "support/test_kb.h"
#include "text/kb_search.h"

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
  double total = j["unlisted_probability"].get<double>();
  EXPECT_GT(total, 0);
  for (const json& c : j["causes"]) total += c["probability"].get<double>();
  EXPECT_NEAR(total, 1.0, 1e-3);
  EXPECT_EQ(j["ranking"], "probability");
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
  o.full = true;  // the short report leaves the question out
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
    // A treatment withheld here (infer/withhold.h) is listed apart, with its reason.
    EXPECT_EQ(cause["treatments"].size() + cause.value("withheld_treatments", json::array()).size(), rec->treatments.count);
    EXPECT_EQ(cause["prevention"].size(), rec->prevention.count);
    EXPECT_EQ(cause["references"].size(), rec->references.count);
  }
}


// Issue 22.1: validation refuses control characters in a knowledge base, and the renderers
// neutralise them all the same: a knowledge base compiled without validation, with escape
// sequences in its labels, summaries, phrases, questions, URLs and disclaimer, reaches no
// terminal raw through any view (list and search show the image's strings, checked last).
TEST(Render, KnowledgeBaseTextNeverReachesTheTerminalRaw) {
  json root = json::parse(test::mini_kb_text());
  const std::string esc = "\x1b]0;owned\x07\x1b[2J\u009b31m\x7f";
  root["causes"][0]["label"] = "Night cramps" + esc;
  root["causes"][0]["summary"] = "Harmless." + esc;
  for (json& f : root["findings"]) f["label"] = f["label"].get<std::string>() + esc;
  root["findings"][1]["question"] = "Night?" + esc;
  for (json& m : root["mechanisms"]) m["description"] = "Step" + esc;
  root["treatments"][1]["cautions"][0]["text"] = "Careful" + esc;
  root["references"][0]["url"] = "https://example.org/" + esc;
  root["meta"]["disclaimer"] = "Not advice" + esc;
  root["lexicon"]["muscle_cramp"]["phrases"].push_back("cramp" + esc);
  auto doc = kb::parse_document(root.dump(), "unchecked.json");
  ASSERT_TRUE(doc.ok());
  EXPECT_FALSE(kb::validate(*doc).empty());  // refused there; compiled here regardless
  std::vector<kb::Problem> problems;
  compile::Image image = compile::compile(*doc, kb::embedded().dictionary(), problems);
  ASSERT_TRUE(problems.empty()) << kb::format_problems(problems);
  auto owner = std::shared_ptr<const void>(image.storage, image.storage.get());
  const kb::KnowledgeBase kb = kb::KnowledgeBase::from_image(image.bytes(), owner).value();

  auto clean = [](std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
      const utf8::Decoded d = utf8::decode(s, i);
      if (!d.valid || (d.cp < 0x20 && d.cp != '\n') || (d.cp >= 0x7F && d.cp < 0xA0)) return false;
      i += d.length;
    }
    return true;
  };
  infer::Workspace ws;
  infer::Report r;
  infer::explain("calf cramps at night", {}, kb, {}, ws, r);
  RenderOptions options;
  for (const Format f : {Format::text, Format::markdown}) {
    std::string out;
    render(f, r, kb, options, out);
    EXPECT_TRUE(clean(out)) << out;
  }
  for (std::uint32_t c = 0; c < kb.causes().size(); ++c) {
    std::string out;
    render_why(c, kb, options, false, out);
    EXPECT_TRUE(clean(out)) << out;
  }
  for (const char* id : {"nocturnal_leg_cramps", "muscle_cramp", "night_time", "lower_motor_neuron", "quinine", "ref_test"}) {
    for (const bool as_json : {false, true}) {
      std::string out;
      ASSERT_TRUE(render_show(id, kb, options, as_json, out)) << id;
      EXPECT_TRUE(clean(out)) << out;
      if (as_json) {
        EXPECT_TRUE(json::accept(out)) << out;
      }
    }
  }
  for (const GraphFormat g : {GraphFormat::dot, GraphFormat::mermaid}) {
    std::string out;
    render_graph(kb, g, std::nullopt, out);
    EXPECT_TRUE(clean(out)) << out;
  }
  for (const text::SearchHit& hit : text::search_kb("night cramps", kb).hits) {
    EXPECT_TRUE(clean(hit.label) && clean(hit.why)) << hit.label << hit.why;
  }
  const auto* header = reinterpret_cast<const kb::ImageHeader*>(kb.image().data());
  const kb::SectionEntry strings = header->sections[static_cast<std::uint32_t>(kb::Section::strings)];
  EXPECT_TRUE(clean({reinterpret_cast<const char*>(kb.image().data()) + strings.offset, strings.count}));
}

}  // namespace
}  // namespace crampx::report

namespace crampx::report {
namespace {

// A lookalike at the top is an answer: the summary says plainly what it sounds like instead
// and what to do, in JSON and text alike, and the JSON cause says its kind and category.
TEST(Render, LookalikeFirstSaysItIsLessLikeACrampAndWhatToDo) {
  const kb::KnowledgeBase& kb = kb::embedded();
  static infer::Workspace ws;
  infer::Report r;
  infer::explain("every evening I get a creepy crawly urge to move my legs and have to get up and walk about", {}, kb, {},
                 ws, r);
  ASSERT_FALSE(r.causes.empty());
  ASSERT_EQ(kb.str(kb.causes()[r.causes[0].cause].id), "restless_legs");
  const std::string sentence = lookalike_sentence(r, kb);
  EXPECT_NE(sentence.find("less like a muscle cramp and more like restless legs"), std::string::npos) << sentence;
  EXPECT_NE(sentence.find("see a doctor"), std::string::npos) << sentence;
  std::string out;
  render(Format::json, r, kb, RenderOptions{}, out);
  const nlohmann::json doc = nlohmann::json::parse(out);
  EXPECT_EQ(doc["summary"], sentence);
  EXPECT_EQ(doc["causes"][0]["kind"], "lookalike");
  EXPECT_FALSE(doc["causes"][0].contains("category"));
  std::string text;
  render(Format::text, r, kb, RenderOptions{}, text);  // the short report says it too
  EXPECT_NE(text.find("This sounds less like a muscle cramp and more like restless legs"), std::string::npos) << text;
  std::string md;
  render(Format::markdown, r, kb, RenderOptions{}, md);
  EXPECT_NE(md.find("This sounds less like a muscle cramp and more like restless legs"), std::string::npos) << md;
  RenderOptions detail;
  detail.full = true;
  text.clear();
  render(Format::text, r, kb, detail, text);
  EXPECT_NE(text.find("less like a muscle cramp"), std::string::npos) << text;

  infer::explain("my calf cramps at night in bed when I'm pregnant, 28 weeks", {}, kb, {}, ws, r);
  ASSERT_FALSE(r.causes.empty());
  EXPECT_EQ(lookalike_sentence(r, kb), "") << "a cause, not a lookalike, leads";
  out.clear();
  render(Format::json, r, kb, RenderOptions{}, out);
  const nlohmann::json cramp = nlohmann::json::parse(out);
  EXPECT_EQ(cramp["causes"][0]["id"], "pregnancy_leg_cramps");
  EXPECT_EQ(cramp["causes"][0]["category"], "nocturnal_leg_cramps");
  EXPECT_EQ(cramp["causes"][0]["kind"], "cause");
}

}  // namespace
}  // namespace crampx::report
