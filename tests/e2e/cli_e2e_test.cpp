// The seasoned-user surface: search, graph, completions, man page, install layout.
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e/e2e.h"

namespace crampx::test {
namespace {

using json = nlohmann::json;

TEST(SearchE2E, FindsWhatTheWordsWouldBeReadAsAndByLabel) {
  const auto r = mini({"search", "charley", "horse", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json hits = json::parse(r.out);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0]["id"], "muscle_cramp");
  EXPECT_EQ(hits[0]["kind"], "finding");
  const json salt = json::parse(mini({"search", "salt", "--json"}).out);
  bool cause = false;
  for (const json& h : salt) cause |= h["id"] == "dehydration_salt_loss";
  EXPECT_TRUE(cause) << salt.dump();
}

TEST(SearchE2E, NearMissesGetDidYouMean) {
  const auto r = mini({"search", "zzzq", "weaknes"});
  EXPECT_EQ(r.exit_code, 0);  // "weaknes" is repaired by the matcher itself
  const auto none = mini({"search", "nocturnel"});
  EXPECT_EQ(none.exit_code, 0);
  const auto miss = mini({"search", "qqqq", "wwww"});
  EXPECT_EQ(miss.exit_code, 1);
  EXPECT_NE(miss.err.find("nothing in the knowledge base matches"), std::string::npos) << miss.err;
}

// A misspelt query finds what the right spelling finds, and says what it searched for.
TEST(SearchE2E, MisspeltQueryIsSearchedAsRepaired) {
  const auto right = crampx({"search", "--json", "tetanus"});
  const auto typo = crampx({"search", "--json", "tetnus"});
  ASSERT_EQ(right.exit_code, 0);
  ASSERT_EQ(typo.exit_code, 0);
  EXPECT_EQ(json::parse(typo.out), json::parse(right.out));
  EXPECT_GT(json::parse(right.out).size(), 1u);
  EXPECT_NE(typo.err.find("crampx: note: no entry is spelt 'tetnus'; showing results for 'tetanus'"), std::string::npos)
      << typo.err;
  EXPECT_TRUE(right.err.empty()) << right.err;
}

TEST(GraphE2E, DotRendersWithGraphviz) {
  const std::string dir = std::filesystem::temp_directory_path() / ("crampx_graph_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto r = run({"/bin/sh", "-c",
                      std::string(CRAMPX_BINARY) + " --kb " + kMiniKb + " graph > " + dir + "/g.dot && dot -Tsvg " +
                          dir + "/g.dot -o " + dir + "/g.svg && cat " + dir + "/g.svg"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("<svg"), std::string::npos);
  for (const char* label : {"Night leg cramps", "Motor nerve overactivity", "Lower motor neuron", "Muscle twitching"}) {
    EXPECT_NE(r.out.find(label), std::string::npos) << label;
  }
  std::filesystem::remove_all(dir);
}

TEST(GraphE2E, MermaidAndOneCause) {
  const auto r = mini({"graph", "dehydration_salt_loss", "--format", "mermaid"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("graph LR\n", 0), 0u);
  EXPECT_NE(r.out.find("dehydration_salt_loss --> energy_depletion"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("energy_depletion --> relaxation"), std::string::npos);
  EXPECT_EQ(r.out.find("nocturnal_leg_cramps"), std::string::npos);
}

TEST(CompletionE2E, ScriptsParseInTheirShells) {
  for (const char* shell : {"bash", "zsh", "fish"}) {
    const auto r = run({"/bin/sh", "-c", std::string(CRAMPX_BINARY) + " completion " + shell + " | " + shell + " -n"});
    EXPECT_EQ(r.exit_code, 0) << shell << ": " << r.err;
  }
}

TEST(CompletionE2E, BashCompletesCommandsOptionsAndIds) {
  const std::string script = std::string("PATH=") + std::filesystem::path(CRAMPX_BINARY).parent_path().string() +
                             ":$PATH; source <(crampx completion bash); "
                             "t() { COMP_WORDS=(\"$@\"); COMP_CWORD=$((${#COMP_WORDS[@]}-1)); _crampx; echo \"${COMPREPLY[*]}\"; }; "
                             "t crampx ex; t crampx explain --form; t crampx explain --format j; t crampx why dehy; "
                             "t crampx explain --color n";
  const auto r = run({"/bin/bash", "-c", script});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "explain\n--format\njson jsonl\ndehydration_salt_loss\nnever\n");
}

TEST(ManE2E, RendersAsAManPage) {
  const auto r = crampx({"man"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind(".TH CRAMPX 1", 0), 0u);
  EXPECT_NE(r.out.find("\\-\\-jsonl"), std::string::npos);
}

TEST(InstallE2E, InstallsBinaryManPageAndCompletions) {
  const std::string prefix = std::filesystem::temp_directory_path() / ("crampx_install_" + std::to_string(::getpid()));
  const auto r = run({"/bin/sh", "-c", "cmake --install " + std::string(CRAMPX_BUILD_DIR) + " --prefix " + prefix});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* file : {"bin/crampx", "share/man/man1/crampx.1", "share/bash-completion/completions/crampx",
                           "share/zsh/vendor-completions/_crampx", "share/fish/vendor_completions.d/crampx.fish"}) {
    EXPECT_TRUE(std::filesystem::exists(prefix + "/" + file)) << file;
  }
  const auto v = run({prefix + "/bin/crampx", "--version"});
  EXPECT_EQ(v.exit_code, 0);
  std::filesystem::remove_all(prefix);
}

}  // namespace
}  // namespace crampx::test
