// Helpers shared by the end-to-end tests.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/process.h"

namespace crampx::test {

inline const std::string kMiniKb = std::string(CRAMPX_TEST_FIXTURES) + "/mini_kb.json";

// crampx with the fixture knowledge base, so assertions do not depend on the default one.
inline ProcessResult mini(std::vector<std::string> args, const ProcessOptions& options = {}) {
  args.insert(args.begin(), {"--kb", kMiniKb});
  return crampx(args, options);
}

inline std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> lines;
  std::size_t start = 0;
  while (start < out.size()) {
    const auto nl = out.find('\n', start);
    lines.push_back(nlohmann::json::parse(out.substr(start, nl - start)));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return lines;
}

}  // namespace crampx::test
