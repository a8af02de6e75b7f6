// Every command and option of the one definition appears in --help, in the man
// page and in all three completion scripts: adding an option without it showing
// up everywhere fails here.
#include "cli/docs.h"

#include "base/json_limits.h"
#include "cli/record.h"
#include "kb/document.h"
#include "report/render.h"

#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

namespace crampx::cli {
namespace {

struct Named {
  std::string where;  // "explain", "kb validate" ...
  std::string name;   // "--format", "explain" ...
};

void collect(const CLI::App& app, const std::string& path, std::vector<Named>& out, std::string& help) {
  help += app.help();
  for (const CLI::Option* o : app.get_options()) {
    for (const std::string& l : o->get_lnames()) out.push_back({path, "--" + l});
    for (const std::string& s : o->get_snames()) out.push_back({path, "-" + s});
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); })) {
    out.push_back({path, sub->get_name()});
    collect(*sub, path.empty() ? sub->get_name() : path + " " + sub->get_name(), out, help);
  }
}

TEST(CliDocs, EveryOptionAndCommandIsEverywhere) {
  CLI::App app{kAppDescription, "crampx"};
  Invocation inv;
  define(app, inv);
  std::vector<Named> names;
  std::string help;
  collect(app, "", names, help);
  ASSERT_GT(names.size(), 30u);
  const std::pair<std::string, std::string> documents[] = {
      {"help", help},
      {"man page", man_page(app, inv, "test")},
      {"bash", completion_script("bash", app, inv)},
      {"zsh", completion_script("zsh", app, inv)},
      {"fish", completion_script("fish", app, inv)},
  };
  for (const auto& [doc, text] : documents) {
    for (const Named& n : names) {
      std::string needle = n.name;
      if (doc == "man page") {  // roff escapes dashes
        needle.clear();
        for (char c : n.name) needle += c == '-' ? std::string("\\-") : std::string(1, c);
      }
      if (doc == "fish" && n.name.rfind("--", 0) == 0) needle = "-l " + n.name.substr(2);
      if (doc == "fish" && n.name.size() == 2 && n.name[0] == '-') needle = "-s " + n.name.substr(1);
      EXPECT_NE(text.find(needle), std::string::npos) << doc << " misses " << n.name << " of '" << n.where << "'";
    }
  }
}

TEST(CliDocs, ChoicesReachTheCompletions) {
  CLI::App app{kAppDescription, "crampx"};
  Invocation inv;
  define(app, inv);
  for (const char* shell : {"bash", "zsh", "fish"}) {
    const std::string s = completion_script(shell, app, inv);
    EXPECT_NE(s.find("auto always never"), std::string::npos) << shell;
    EXPECT_NE(s.find("text json jsonl markdown"), std::string::npos) << shell;
    EXPECT_NE(s.find("crampx list causes"), std::string::npos) << shell << ": cause ids come from the binary";
  }
}

TEST(CliDocs, ManPageHasTheStandardSections) {
  CLI::App app{kAppDescription, "crampx"};
  Invocation inv;
  define(app, inv);
  const std::string man = man_page(app, inv, "1.2.3");
  for (const char* section : {".TH CRAMPX 1", ".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS", ".SH EXIT STATUS",
                              ".SH ENVIRONMENT", "NO_COLOR", "CRAMPX_KB", ".SH EXAMPLES", "not a diagnosis"}) {
    EXPECT_NE(man.find(section), std::string::npos) << section;
  }
  EXPECT_EQ(man.find("\n.SS \"crampx man"), std::string::npos) << "the hidden man command is not documented";
}

// The limits the code enforces are the ones the man page states.
TEST(CliDocs, ManPageStatesTheEnforcedLimits) {
  CLI::App app{kAppDescription, "crampx"};
  Invocation inv;
  define(app, inv);
  const std::string man = man_page(app, inv, "1.2.3");
  const auto limits = man.substr(man.find(".SH LIMITS"));
  for (const std::string& want :
       {std::to_string(kMaxTextBytes >> 20) + " MiB", std::to_string(kMaxRecordBytes >> 20) + " MiB",
        std::to_string(kMaxJsonDepth) + " levels", std::to_string(kb::kMaxKbBytes >> 20) + " MiB",
        std::to_string(kb::kMaxKbStringBytes) + " bytes", "first " + std::to_string(report::kMaxListed)}) {
    EXPECT_NE(limits.find(want), std::string::npos) << want;
  }
}

// The man page names the report's schema and the words of its one status vocabulary.
TEST(CliDocs, ManPageStatesTheReportSchemaAndStatuses) {
  CLI::App app{kAppDescription, "crampx"};
  Invocation inv;
  define(app, inv);
  const std::string man = man_page(app, inv, "1.2.3");
  const auto section = man.substr(man.find(".SH JSON REPORT"));
  EXPECT_NE(section.find("crampx/report/v2"), std::string::npos);
  for (const auto& [status, name] : EnumNames<text::Status>::table) {
    EXPECT_NE(section.find(std::string(name)), std::string::npos) << name;
  }
}

// The codes an error record can carry are declared once (base/error_code.h); the man
// page and the report schema list exactly those.
TEST(CliDocs, RecordErrorCodesAreListedInTheManPageAndTheSchema) {
  CLI::App app{kAppDescription, "crampx"};
  Invocation inv;
  define(app, inv);
  const std::string man = man_page(app, inv, "1.2.3");
  const auto section = man.substr(man.find(".SH STREAM ERRORS"));
  std::vector<std::string> codes;
  for (const auto& [code, name] : EnumNames<ErrorCode>::table) {
    if (!is_record_error(code)) continue;
    codes.emplace_back(name);
    EXPECT_NE(section.find(".B " + std::string(name) + "\n"), std::string::npos) << name;  // nothing to escape
  }
  EXPECT_EQ(codes.size(), 12u);
  std::ifstream in(std::string(CRAMPX_SOURCE_DIR) + "/data/schema/report.schema.json");
  const nlohmann::json schema = nlohmann::json::parse(in);
  const nlohmann::json& listed = schema["$defs"]["error_record"]["properties"]["error"]["properties"]["code"]["enum"];
  EXPECT_EQ(listed.get<std::vector<std::string>>(), codes);
}

// The explain command's options, and the global ones after it, reach the invocation.
TEST(CliDefinition, ExplainParsesIntoTheInvocation) {
  CLI::App app{kAppDescription, "crampx"};
  Invocation inv;
  define(app, inv);
  std::vector<const char*> argv = {"crampx", "explain", "--json", "--top", "2", "--answer", "night_time=yes",
                                   "calf",   "cramps",  "--color=never"};
  app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data()));
  EXPECT_TRUE(inv.explain.json);
  EXPECT_EQ(inv.explain.top, 2);
  EXPECT_EQ(inv.explain.answers, std::vector<std::string>{"night_time=yes"});
  EXPECT_EQ(inv.explain.words, (std::vector<std::string>{"calf", "cramps"}));
  EXPECT_EQ(inv.global.color, "never");
}

// Parsing a command line picks the table's row for the command it names.
TEST(CliDefinition, ParsingPicksTheCommandsRow) {
  const std::pair<std::vector<const char*>, std::string> cases[] = {
      {{"explain", "calf cramps"}, "explain"},
      {{"--color", "never", "why", "myotonia"}, "why"},
      {{"kb", "stats", "--json"}, "kb stats"},
      {{"kb", "dump"}, "kb dump"},
      {{"completion", "zsh"}, "completion"},
      {{"man"}, "man"},
      {{"--version"}, ""},
  };
  for (const auto& [args, want] : cases) {
    CLI::App app{kAppDescription, "crampx"};
    Invocation inv;
    define(app, inv);
    std::vector<const char*> argv = {"crampx"};
    argv.insert(argv.end(), args.begin(), args.end());
    app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data()));
    const std::string got =
        inv.command == nullptr ? ""
                               : std::string(inv.command->group) + (inv.command->group.empty() ? "" : " ") +
                                     std::string(inv.command->name);
    EXPECT_EQ(got, want) << args.front();
  }
  for (const Command& c : commands()) {
    EXPECT_EQ(c.run == nullptr, c.name == "kb") << c.name << ": only a group has nothing to run";
    EXPECT_EQ(c.needs_kb, c.name != "completion" && c.name != "man" && c.name != "help") << c.name;
  }
}

// A group runs one of its commands: `crampx kb` alone is a usage error.
TEST(CliDefinition, GroupNeedsACommand) {
  CLI::App app{kAppDescription, "crampx"};
  Invocation inv;
  define(app, inv);
  std::vector<const char*> argv = {"crampx", "kb"};
  EXPECT_THROW(app.parse(static_cast<int>(argv.size()), const_cast<char**>(argv.data())), CLI::ParseError);
}

}  // namespace
}  // namespace crampx::cli
