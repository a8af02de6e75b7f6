// Issue 18, line 1: every cause and lookalike that docs (DESIGN) require is in the default
// knowledge base with the depth of the first thirteen: a plain summary, findings with frequencies,
// a mechanism chain where one applies, conditions that tell it apart, diagnostic steps,
// treatments with cautions, prevention, red flags, and references for every claim; a cause under
// one of the thirteen groups carries `category`, in the knowledge base and in report causes[].
// Checked mechanically on the knowledge base's own source (kb.source_json()) and on reports.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "infer/report.h"
#include "report/render.h"

namespace crampx::test {
namespace {

using json = nlohmann::json;

// The thirteen groups of the first build and the newer ids the design names.
const std::vector<std::string> kGroups = {"dehydration_salt_loss", "electrolyte_imbalance", "exercise_fatigue",
                                          "nocturnal_leg_cramps", "metabolic_myopathy", "myotonia",
                                          "fasciculation", "motor_neuron_disease", "cns_damage_spasticity",
                                          "neurotoxin", "medication_induced", "fibromyalgia", "back_strain"};
const std::vector<std::string> kNewerCauses = {
    "muscle_strain", "neck_spasm", "pregnancy_leg_cramps", "hypothyroidism", "kidney_disease_dialysis",
    "cirrhosis", "peripheral_neuropathy", "radiculopathy", "spinal_stenosis", "dystonia", "blepharospasm",
    "hemifacial_spasm", "stiff_person_syndrome", "exertional_rhabdomyolysis", "compartment_syndrome",
    "heat_illness", "drug_emergency", "hypnic_jerks", "hyperventilation_tetany"};
const std::vector<std::string> kLookalikes = {"restless_legs", "pad_claudication", "dvt", "menstrual_cramps",
                                              "abdominal_cramps", "kidney_stone", "bladder_spasm",
                                              "pelvic_floor_spasm", "cardiac_chest_pain"};
// Newer causes that belong under none of the thirteen groups (so carry no category): acute
// compartment syndrome is a pressure injury, not a cramp of any group's mechanism.
const std::set<std::string> kUngrouped = {"compartment_syndrome"};

const json& source() {
  static const json doc = json::parse(kb::embedded().source_json());
  return doc;
}

const json* find_in(const char* array, const std::string& id) {
  for (const json& x : source()[array]) {
    if (x["id"] == id) return &x;
  }
  return nullptr;
}

std::set<std::string> reference_ids() {
  std::set<std::string> ids;
  for (const json& r : source()["references"]) ids.insert(r["id"].get<std::string>());
  return ids;
}

bool non_empty_text(const json& o, const char* key) {
  return o.contains(key) && o[key].is_string() && !o[key].get<std::string>().empty();
}

// A claim's references: present, non-empty, and each one defined.
void expect_cited(const json& o, const std::string& where) {
  static const std::set<std::string> known = reference_ids();
  ASSERT_TRUE(o.contains("references") && o["references"].is_array() && !o["references"].empty())
      << where << ": no references";
  for (const json& r : o["references"]) EXPECT_TRUE(known.count(r.get<std::string>())) << where << ": unknown reference " << r;
}

std::vector<std::string> all_required() {
  std::vector<std::string> ids = kGroups;
  ids.insert(ids.end(), kNewerCauses.begin(), kNewerCauses.end());
  ids.insert(ids.end(), kLookalikes.begin(), kLookalikes.end());
  return ids;
}

// The records of `section` a cause links to under the same name: at least one, each found,
// with its `text_key` written and its claims cited. Returns them for further checks.
std::vector<const json*> expect_linked(const json& cause, const std::string& id, const char* section,
                                       const char* text_key) {
  std::vector<const json*> out;
  EXPECT_FALSE(cause[section].empty()) << id << ": no " << section;
  for (const json& k : cause[section]) {
    const json* o = find_in(section, k.get<std::string>());
    EXPECT_NE(o, nullptr) << id << ": " << section << " " << k;
    if (o == nullptr) continue;
    EXPECT_TRUE(non_empty_text(*o, text_key)) << k;
    expect_cited(*o, id + " " + section + " " + k.get<std::string>());
    out.push_back(o);
  }
  return out;
}

TEST(KbBreadth, EveryRequiredIdHasTheFieldsOfTheFirstThirteenEachCited) {
  for (const std::string& id : all_required()) {
    SCOPED_TRACE(id);
    const json* c = find_in("causes", id);
    ASSERT_NE(c, nullptr) << "missing cause " << id;
    const bool lookalike = c->value("kind", "cause") == "lookalike";
    EXPECT_EQ(lookalike, std::count(kLookalikes.begin(), kLookalikes.end(), id) == 1) << "kind";
    EXPECT_TRUE(non_empty_text(*c, "summary"));
    EXPECT_TRUE(non_empty_text(*c, "label"));
    expect_cited(*c, id);

    // Findings with frequencies, each cited; enough of them, and some that are typical of it.
    ASSERT_GE((*c)["findings"].size(), 20u) << "findings";
    int typical = 0;
    for (const json& f : (*c)["findings"]) {
      ASSERT_TRUE(f.contains("frequency"));
      typical += f["frequency"].get<double>() >= 0.5;
      expect_cited(f, id + " finding " + f["finding"].get<std::string>());
    }
    EXPECT_GE(typical, 2) << "findings typical of the cause (frequency >= 0.5)";

    // The mechanism chain: disturbances then the normal step they end at, each cited. Only a
    // lookalike whose complaint is no disturbance of muscle contraction (a clot) may have none.
    const json& chain = (*c)["mechanisms"];
    if (!lookalike) {
      EXPECT_FALSE(chain.empty()) << "mechanism chain";
    }
    if (!chain.empty()) {
      const json* last = find_in("mechanisms", chain.back().get<std::string>());
      ASSERT_NE(last, nullptr);
      EXPECT_EQ((*last)["kind"], "normal_step") << "the chain ends at a normal step";
      for (const json& m : chain) {
        const json* step = find_in("mechanisms", m.get<std::string>());
        ASSERT_NE(step, nullptr) << m;
        EXPECT_TRUE(non_empty_text(*step, "description"));
        expect_cited(*step, id + " mechanism " + m.get<std::string>());
      }
    }

    // Conditions that tell it apart, and diagnostic steps.
    for (const json* cond : expect_linked(*c, id, "conditions", "description")) {
      EXPECT_TRUE(non_empty_text(*cond, "distinguishing")) << (*cond)["id"];
    }
    expect_linked(*c, id, "diagnostics", "purpose");

    // Treatments, with cautions for every medicine and supplement; every caution cited.
    for (const json* t : expect_linked(*c, id, "treatments", "description")) {
      const std::string k = (*t)["id"];
      const std::string kind = (*t)["kind"];
      if (kind == "medication" || kind == "supplement" || kind == "alternative") {
        EXPECT_TRUE(t->contains("cautions") && !(*t)["cautions"].empty()) << k << ": a " << kind << " without cautions";
      }
      for (const json& caution : t->value("cautions", json::array())) {
        EXPECT_TRUE(non_empty_text(caution, "text")) << k;
        expect_cited(caution, id + " caution of " + k);
      }
      for (const json& rule : t->value("unsafe_with", json::array())) expect_cited(rule, "unsafe_with of " + k);
    }

    // Prevention.
    expect_linked(*c, id, "prevention", "description");

    // Red flags: a cause whose own triage is urgent or emergency has a flag that names it.
    const std::string level = (*c)["triage"];
    if (level == "urgent" || level == "emergency") {
      const bool named = std::any_of(source()["red_flags"].begin(), source()["red_flags"].end(), [&](const json& f) {
        const json s = f.value("suggests", json::array());
        return std::find(s.begin(), s.end(), json(id)) != s.end();
      });
      EXPECT_TRUE(named) << "an " << level << " cause with no red flag that suggests it";
    }
  }
  for (const json& f : source()["red_flags"]) expect_cited(f, "red flag " + f["id"].get<std::string>());
}

TEST(KbBreadth, CausesUnderAGroupCarryItsCategoryGroupsAndLookalikesNone) {
  const std::set<std::string> groups(kGroups.begin(), kGroups.end());
  const auto& required = source()["meta"]["required_causes"];
  for (const std::string& g : kGroups) EXPECT_NE(std::find(required.begin(), required.end(), json(g)), required.end()) << g;
  for (const std::string& id : all_required()) {
    const json* c = find_in("causes", id);
    ASSERT_NE(c, nullptr) << id;
    const bool lookalike = c->value("kind", "cause") == "lookalike";
    if (groups.count(id) || lookalike || kUngrouped.count(id)) {
      EXPECT_FALSE(c->contains("category")) << id;
    } else {
      ASSERT_TRUE(c->contains("category")) << id << " belongs under one of the thirteen groups";
      EXPECT_TRUE(groups.count((*c)["category"].get<std::string>())) << id << ": " << (*c)["category"];
    }
  }
}

TEST(KbBreadth, ReportCausesShowTheirCategory) {
  const kb::KnowledgeBase& kb = kb::embedded();
  infer::Workspace w;
  infer::Report r;
  infer::explain("I'm pregnant and get leg cramps at night, with numb burning feet and a stiff sore neck", {}, kb,
                 infer::ExplainOptions{}, w, r);
  std::string out;
  report::RenderOptions options;
  options.top = kb.causes().size();
  report::render(report::Format::json, r, kb, options, out);
  const json report = json::parse(out);
  int grouped = 0;
  for (const json& c : report["causes"]) {
    const json* k = find_in("causes", c["id"].get<std::string>());
    if (k == nullptr) continue;  // the unlisted cause
    EXPECT_EQ(c.contains("category"), k->contains("category")) << c["id"];
    if (k->contains("category")) {
      EXPECT_EQ(c["category"], (*k)["category"]) << c["id"];
      ++grouped;
    }
  }
  EXPECT_GE(grouped, 10);
}

}  // namespace
}  // namespace crampx::test
