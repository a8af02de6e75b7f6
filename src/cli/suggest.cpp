#include "cli/suggest.h"

#include <fmt/format.h>

#include "text/typo.h"

namespace crampx::cli {
namespace {

// The option of `app` or of the apps above it (global options fall through) with this name.
const CLI::Option* find_option(const CLI::App* app, std::string_view name) {
  for (; app != nullptr; app = app->get_parent()) {
    for (const CLI::Option* o : app->get_options()) {
      if (o->get_positional()) continue;
      for (const std::string& l : o->get_lnames()) {
        if (name == "--" + l) return o;
      }
      for (const std::string& s : o->get_snames()) {
        if (name == "-" + s) return o;
      }
    }
  }
  return nullptr;
}

std::vector<std::string> option_names(const CLI::App* app) {
  std::vector<std::string> names;
  for (; app != nullptr; app = app->get_parent()) {
    for (const CLI::Option* o : app->get_options()) {
      if (o->get_positional()) continue;
      for (const std::string& l : o->get_lnames()) names.push_back("--" + l);
    }
  }
  return names;
}

bool has_positionals(const CLI::App* app) {
  for (const CLI::Option* o : app->get_options()) {
    if (o->get_positional()) return true;
  }
  return false;
}

}  // namespace

std::string nearest(std::string_view word, std::span<const std::string> candidates) {
  const int limit = std::min<int>(2, static_cast<int>(word.size() - 1) / 2);
  std::string best;
  int best_distance = limit + 1;
  for (const std::string& c : candidates) {
    const int d = text::osa_distance(word, c, limit);
    if (d < best_distance) best_distance = d, best = c;
  }
  return best;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); })) {
    names.push_back(sub->get_name());
  }
  return names;
}

std::string command_path(const CLI::App& app) {
  std::string path;
  for (const CLI::App* a = &app; a != nullptr; a = a->get_parent()) {
    path = a->get_name() + (path.empty() ? "" : " " + path);
  }
  return path;
}

std::optional<Diagnosis> diagnose_missing(const CLI::App& command) {
  const std::string path = command_path(command);
  const std::vector<std::string> names = command_names(command);
  if (!names.empty() && command.get_subcommands().empty() && command.get_parent() != nullptr) {
    return Diagnosis{fmt::format("'{}' needs a command: {}", path, fmt::join(names, ", ")),
                     fmt::format("see 'crampx help{}'", path.substr(6))};
  }
  for (const CLI::Option* o : command.get_options()) {
    if (o->get_positional() && o->get_required() && o->count() == 0) {
      return Diagnosis{fmt::format("'{}' needs {}", path, o->get_type_name().substr(0, o->get_type_name().find(':'))),
                       fmt::format("see 'crampx help{}'", path.substr(6))};
    }
  }
  return std::nullopt;
}

std::optional<Diagnosis> diagnose_arguments(const CLI::App& root, std::span<const std::string> args) {
  const CLI::App* app = &root;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return std::nullopt;  // the rest are positionals
    if (arg.size() > 1 && arg[0] == '-') {
      const bool long_name = arg.rfind("--", 0) == 0;
      // "--top=3" and "-j2" carry their value; "-j 2" and "--top 3" take the next word.
      const std::string name = long_name ? arg.substr(0, arg.find('=')) : arg.substr(0, 2);
      const CLI::Option* o = find_option(app, name);
      if (o == nullptr) {
        if (!long_name && arg.size() > 1 && std::isdigit(static_cast<unsigned char>(arg[1])) != 0) continue;
        const std::string near = nearest(name, option_names(app));
        const std::string path = command_path(*app);  // "crampx explain"
        return Diagnosis{fmt::format("'{}' is not an option of '{}'", name, path),
                         near.empty() ? fmt::format("see the options with 'crampx help{}'", path.substr(6))
                                      : fmt::format("did you mean '{}'?", near)};
      }
      const bool carries_value = long_name ? arg.find('=') != std::string::npos : arg.size() > 2;
      if (o->get_type_size() != 0 && !carries_value) ++i;
      continue;
    }
    if (const CLI::App* sub = [&]() -> const CLI::App* {
          for (const CLI::App* s : app->get_subcommands([](const CLI::App*) { return true; })) {
            if (s->get_name() == arg) return s;
          }
          return nullptr;
        }()) {
      app = sub;
      continue;
    }
    if (has_positionals(app)) continue;  // a word of the command's own arguments
    const std::vector<std::string> names = command_names(*app);
    const std::string near = nearest(arg, names);
    return Diagnosis{app == &root ? fmt::format("'{}' is not a crampx command", arg)
                                  : fmt::format("'{}' is not a command of '{}'", arg, command_path(*app)),
                     near.empty() ? fmt::format("the commands are: {}", fmt::join(names, ", "))
                                  : fmt::format("did you mean '{}'?", near)};
  }
  return std::nullopt;
}

}  // namespace crampx::cli
