#include "cli/help.h"

#include <algorithm>

#include <fmt/format.h>

#include "cli/command_doc.h"
#include "cli/exit_codes.h"
#include "cli/suggest.h"
#include "report/terminal_text.h"

namespace crampx::cli {
namespace {

// The column descriptions start at, at most: a longer name puts its description on the next line.
constexpr std::size_t kMaxNameColumn = 26;

std::string option_names(const OptionDoc& o) {
  std::string names;
  for (const std::string& n : o.names) names += (names.empty() ? "" : ", ") + n;
  if (!o.value.empty()) names += " " + o.value;
  return names;
}

// Rows of names and descriptions, the descriptions aligned and wrapped.
void append_table(std::string& out, const std::vector<std::pair<std::string, std::string>>& rows, std::size_t width) {
  std::size_t column = 0;
  for (const auto& [name, description] : rows) column = std::max(column, name.size() + 4);
  column = std::min(column, kMaxNameColumn);
  for (const auto& [name, description] : rows) {
    std::string first = "  " + name;
    if (first.size() + 2 > column) {  // too long for the column: the description goes below it
      out += first + '\n';
      first.clear();
    }
    first.resize(column, ' ');
    report::append_wrapped(out, first, description, column, width);
  }
}

std::string usage(const CommandDoc& c, const std::string& path) {
  std::string line = "Usage: " + path;
  if (!c.options.empty()) line += " [OPTIONS]";
  if (!c.subcommands.empty()) line += " COMMAND [ARGS]...";
  for (const OptionDoc& p : c.positionals) line += p.required ? " " + p.value : " [" + p.value + "...]";
  return line;
}

}  // namespace

const CLI::App* find_command(const CLI::App& root, const std::vector<std::string>& path) {
  const CLI::App* app = &root;
  for (const std::string& name : path) {
    const CLI::App* next = nullptr;
    for (const CLI::App* sub : app->get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); })) {
      if (sub->get_name() == name) next = sub;
    }
    if (next == nullptr) return nullptr;
    app = next;
  }
  return app;
}

std::string help_text(const CLI::App& command, const Invocation& inv, std::size_t width) {
  const bool root = command.get_parent() == nullptr;
  const CommandDoc c = describe(command, inv);
  const std::string path = command_path(command);
  std::string out;
  if (root) {
    report::append_wrapped(out, "", c.description, 0, width);
    out += '\n';
  }
  report::append_wrapped(out, "", usage(c, root ? "crampx" : path), 4, width);
  if (!root) {
    out += '\n';
    report::append_wrapped(out, "", c.description + ".", 0, width);
  }
  if (!c.subcommands.empty()) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const CommandDoc& sub : c.subcommands) rows.emplace_back(sub.name, sub.description);
    out += "\nCommands:\n";
    append_table(out, rows, width);
  }
  if (!c.positionals.empty()) {
    std::vector<std::pair<std::string, std::string>> rows;
    for (const OptionDoc& p : c.positionals) rows.emplace_back(p.value, p.description);
    out += "\nArguments:\n";
    append_table(out, rows, width);
  }
  std::vector<std::pair<std::string, std::string>> rows;
  for (const OptionDoc& o : c.options) rows.emplace_back(option_names(o), o.description);
  out += root ? "\nOptions (before or after the command):\n" : "\nOptions:\n";
  append_table(out, rows, width);
  out += '\n';
  if (root) {
    report::append_wrapped(out, "", "Run 'crampx help COMMAND' for one command's options, and 'man crampx' for everything.",
                           0, width);
    report::append_wrapped(out, "Exit status: ",
                           fmt::format("{} explained; {} nothing recognized (not about cramps or spasms); {} a usage, "
                                       "input or write error; {} the triage reached --fail-on's level; {} interrupted.",
                                       kExitExplained, kExitNothing, kExitError, kExitTriageReached, kExitInterrupted),
                           2, width);
  } else {
    const CLI::App* top = &command;
    while (top->get_parent() != nullptr) top = top->get_parent();
    std::string globals;
    for (const CLI::Option* o : top->get_options()) {
      if (o->get_positional() || o->get_lnames().empty() || o->get_lnames()[0] == "help") continue;
      globals += (globals.empty() ? "" : ", ") + ("--" + o->get_lnames()[0]);
    }
    report::append_wrapped(out, "", fmt::format("Options of crampx itself ({}) also apply: see 'crampx help'.", globals), 0,
                           width);
  }
  return out;
}

}  // namespace crampx::cli
