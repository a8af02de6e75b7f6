// Issue 18, line 5: the clinical review's points, held as data in the default knowledge base and
// through the real explain path (what a report offers, withholds and how urgent it is).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "infer/report.h"
#include "infer/withhold.h"
#include "report/render.h"

namespace crampx::test {
namespace {

using json = nlohmann::json;

const json& source() {
  static const json doc = json::parse(kb::embedded().source_json());
  return doc;
}

const json& item(const char* array, const std::string& id) {
  for (const json& x : source()[array]) {
    if (x["id"] == id) return x;
  }
  ADD_FAILURE() << "no " << array << " '" << id << "'";
  static const json none = json::object();
  return none;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Every caution of a treatment, lower-cased, in one string.
std::string cautions(const std::string& treatment) {
  std::string all;
  for (const json& c : item("treatments", treatment).value("cautions", json::array())) all += lower(c["text"]) + '\n';
  return all;
}

// The treatments a report offers (shown under its causes) and the ones it withholds.
struct Offered {
  std::string triage;
  std::vector<std::string> offered, withheld, causes;
};

Offered explained(const std::string& text) {
  const kb::KnowledgeBase& kb = kb::embedded();
  infer::Workspace w;
  infer::Report r;
  infer::explain(text, {}, kb, infer::ExplainOptions{}, w, r);
  std::string out;
  report::render(report::Format::json, r, kb, report::RenderOptions{}, out);
  const json j = json::parse(out);
  Offered o;
  o.triage = j["triage"]["level"];
  for (const json& c : j["causes"]) {
    o.causes.push_back(c["id"]);
    for (const json& t : c.value("treatments", json::array())) o.offered.push_back(t["id"]);
    for (const json& t : c.value("withheld_treatments", json::array())) o.withheld.push_back(t["id"]);
  }
  return o;
}

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

TEST(ClinicalReview, QuinineListsItsInteractionsAndContraindications) {
  const std::string q = cautions("tx_quinine");
  for (const char* word : {"warfarin", "digoxin", "g6pd", "myasthenia", "qt"}) EXPECT_NE(q.find(word), std::string::npos) << word;
  EXPECT_NE(q.find("pregnan"), std::string::npos);
}

TEST(ClinicalReview, QuinineIsNotOfferedInPregnancy) {
  for (const char* text : {"I'm 28 weeks pregnant and get terrible calf cramps every night",
                           "night cramps in my legs, might be pregnant"}) {
    const Offered o = explained(text);
    EXPECT_FALSE(has(o.offered, "tx_quinine")) << text;
  }
  // Outside pregnancy it stays listed (with its cautions) for frequent night cramps.
  EXPECT_TRUE(has(explained("I get awful calf cramps at night that wake me up").offered, "tx_quinine"));
}

TEST(ClinicalReview, AnticonvulsantsAreSpecialistOnlyNeverForNightCrampsOrInPregnancy) {
  for (const char* tx : {"tx_carbamazepine", "tx_phenytoin"}) {
    const std::string c = cautions(tx);
    EXPECT_NE(c.find("pregnan"), std::string::npos) << tx;
    EXPECT_NE(c.find("specialist"), std::string::npos) << tx;
    const std::string d = lower(item("treatments", tx)["description"]);
    EXPECT_NE(d.find("not a treatment for ordinary"), std::string::npos) << tx;
  }
  // Ordinary night cramps: offered by no cause of the report.
  for (const char* text : {"I get awful calf cramps at night that wake me up", "my legs cramp every night, what can I take",
                           "cramps in my feet and calves at night, I'm 72"}) {
    const Offered o = explained(text);
    for (const char* tx : {"tx_carbamazepine", "tx_phenytoin"}) EXPECT_FALSE(has(o.offered, tx)) << text << ": " << tx;
  }
  // Pregnancy: withheld even when slow relaxation (myotonia) leads.
  const Offered o = explained("I'm 30 weeks pregnant and my hands are stiff and slow to let go after I grip something");
  ASSERT_FALSE(o.causes.empty());
  EXPECT_EQ(o.causes[0], "myotonia");
  for (const char* tx : {"tx_carbamazepine", "tx_phenytoin"}) {
    EXPECT_FALSE(has(o.offered, tx)) << tx;
    EXPECT_TRUE(has(o.withheld, tx)) << tx;
  }
  // Without pregnancy or a night cramp in play, the specialist options stay listed for myotonia.
  const Offered m = explained("my hands are stiff and slow to let go after I grip something, it eases as I keep moving");
  ASSERT_FALSE(m.causes.empty());
  EXPECT_EQ(m.causes[0], "myotonia");
  EXPECT_TRUE(has(m.offered, "tx_carbamazepine"));
}

TEST(ClinicalReview, NiacinWarnsOfStatinsAndAntiInflammatoriesOfKidneysAndPregnancy) {
  EXPECT_NE(cautions("tx_niacin").find("statin"), std::string::npos);
  const std::string n = cautions("tx_analgesia_after");
  EXPECT_NE(n.find("kidney"), std::string::npos);
  EXPECT_NE(n.find("marathon"), std::string::npos);
  EXPECT_NE(n.find("pregnan"), std::string::npos);
  EXPECT_NE(cautions("tx_nsaid_period").find("pregnant"), std::string::npos);
  const Offered o = explained("ran a marathon yesterday, my legs are killing me and my pee is dark brown");
  EXPECT_EQ(o.triage, "emergency");
  EXPECT_FALSE(has(o.offered, "tx_analgesia_after"));
}

TEST(ClinicalReview, NoExtraSaltOrFluidOnDialysisWithoutTheRenalTeam) {
  EXPECT_NE(cautions("tx_oral_rehydration").find("renal"), std::string::npos);
  for (const char* text : {"I'm on dialysis and my legs cramp badly during my sessions",
                           "kidney failure, on haemodialysis three times a week, cramps in my calves at night"}) {
    const Offered o = explained(text);
    EXPECT_FALSE(has(o.offered, "tx_oral_rehydration")) << text;
    EXPECT_FALSE(has(o.offered, "tx_stop_activity_cool")) << text;
  }
}

TEST(ClinicalReview, TetanusStrychnineAndInsecticidePoisoningAreEmergenciesOfTheirOwnCause) {
  const json& c = item("causes", "neurotoxin");
  EXPECT_EQ(c["triage"], "emergency");
  for (const char* k : {"tetanus", "strychnine_poisoning", "organophosphate_poisoning"}) {
    EXPECT_NE(std::find(c["conditions"].begin(), c["conditions"].end(), json(k)), c["conditions"].end()) << k;
  }
  EXPECT_EQ(explained("stepped on a rusty nail last week and now my jaw is locking").triage, "emergency");
  EXPECT_EQ(explained("sprayed insecticide on the farm this morning, now twitching all over and drooling").triage, "emergency");
}

TEST(ClinicalReview, TetanyAdviceFollowsCitedGuidanceNoPaperBag) {
  const std::string c = cautions("tx_slow_breathing");
  EXPECT_NE(c.find("paper bag"), std::string::npos);
  bool cited = false;
  for (const json& x : item("treatments", "tx_slow_breathing")["cautions"]) {
    if (lower(x["text"]).find("paper bag") != std::string::npos) cited = !x["references"].empty();
  }
  EXPECT_TRUE(cited);
}

TEST(ClinicalReview, ReviewedReferencesAndSeedOnlyFolkloreAreMarked) {
  for (const char* id : {"rf_chest_pain", "rf_fever_stiff_neck"}) EXPECT_FALSE(item("red_flags", id)["references"].empty()) << id;
  for (const json& r : source()["references"]) {
    EXPECT_NE(r["id"], "statpearls_bfs");
    EXPECT_NE(r["id"], "oxford_myotonia");
  }
  for (const auto& [array, id] : std::vector<std::pair<const char*, const char*>>{{"prevention", "pv_no_swim_after_meal"},
                                                                                 {"treatments", "tx_japanese_quince"}}) {
    const json& x = item(array, id);
    const std::string words = lower(x.value("label", "") + ' ' + x.value("description", ""));
    EXPECT_NE(words.find("seed"), std::string::npos) << id;
    EXPECT_TRUE(words.find("weak") != std::string::npos || words.find("folklore") != std::string::npos ||
                words.find("no clinical trial") != std::string::npos)
        << id;
  }
  EXPECT_EQ(item("treatments", "tx_japanese_quince")["evidence"], "weak");
}

}  // namespace
}  // namespace crampx::test
