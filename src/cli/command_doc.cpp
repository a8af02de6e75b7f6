#include "cli/command_doc.h"

namespace crampx::cli {

CommandDoc describe(const CLI::App& app, const Invocation& inv) {
  CommandDoc c{app.get_name(), app.get_description(), {}, {}, {}};
  for (const CLI::Option* o : app.get_options()) {
    OptionDoc opt;
    for (const std::string& s : o->get_snames()) opt.names.push_back("-" + s);
    for (const std::string& l : o->get_lnames()) opt.names.push_back("--" + l);
    opt.positional = o->get_positional();
    if (opt.positional) opt.names = {o->get_name()};
    opt.value = o->get_type_size() == 0 ? "" : o->get_type_name();
    opt.value = opt.value.substr(0, opt.value.find(':'));  // CLI11 appends a validator's description after ':'
    if (opt.positional && opt.value.empty()) opt.value = o->get_name();
    opt.description = o->get_description();
    opt.required = o->get_required();
    if (const auto it = inv.choices.find(o); it != inv.choices.end()) opt.choices = it->second;
    (opt.positional ? c.positionals : c.options).push_back(std::move(opt));
  }
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App* a) { return !a->get_group().empty(); })) {
    c.subcommands.push_back(describe(*sub, inv));
  }
  return c;
}

}  // namespace crampx::cli
