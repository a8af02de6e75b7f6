#include "cli/docs.h"

#include <functional>

#include <fmt/format.h>

#include "base/json_limits.h"
#include "cli/command_doc.h"
#include "cli/exit_codes.h"
#include "cli/record.h"
#include "cli/shell_quote.h"
#include "kb/document.h"
#include "report/render.h"

namespace crampx::cli {
namespace {

using Opt = OptionDoc;

// ---- man page ---------------------------------------------------------------

std::string roff(std::string_view s) {
  std::string out;
  for (char ch : s) {
    if (ch == '\\') {
      out += "\\e";
    } else if (ch == '-') {
      out += "\\-";
    } else {
      out.push_back(ch);
    }
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

std::string man_option(const Opt& o) {
  std::string names;
  for (const std::string& n : o.names) names += (names.empty() ? "" : ", ") + fmt::format("\\fB{}\\fR", roff(n));
  if (o.positional) names = fmt::format("\\fI{}\\fR", roff(o.value));
  else if (!o.value.empty()) names += fmt::format(" \\fI{}\\fR", roff(o.value));
  return fmt::format(".TP\n{}\n{}\n", names, roff(o.description));
}

void man_command(const CommandDoc& c, const std::string& prefix, std::string& out) {
  const std::string path = prefix.empty() ? c.name : prefix + " " + c.name;
  std::string usage = "crampx " + path;
  for (const Opt& o : c.options) {
    if (o.names.back() != "--help") usage += " [" + o.names.back() + (o.value.empty() ? "" : " " + o.value) + "]";
  }
  for (const Opt& p : c.positionals) usage += p.required ? " " + p.value : " [" + p.value + "...]";
  if (!c.subcommands.empty()) usage += " COMMAND";
  out += fmt::format(".SS \"{}\"\n{}\n", roff(usage), roff(c.description));
  for (const Opt& p : c.positionals) out += man_option(p);
  for (const Opt& o : c.options) {
    if (o.names.back() != "--help") out += man_option(o);
  }
  for (const CommandDoc& sub : c.subcommands) man_command(sub, path, out);
}

// ---- completions ------------------------------------------------------------

// Shell code that prints the ids a value of this type can take, or "".
std::string dynamic_values(const Opt& o) {
  if (o.value == "CAUSE") return "crampx list causes 2>/dev/null | awk '/^[^ ]/{print $1}'";
  if (o.value == "ID") return "crampx list causes 2>/dev/null | awk '/^[^ ]/{print $1}'; crampx list findings 2>/dev/null | awk '/^[^ ]/{print $1}'";
  if (o.value == "FINDING=ANSWER") return "crampx list findings 2>/dev/null | awk '/^[^ ]/{print $1\"=\"}'";
  return "";
}

std::string join(const std::vector<std::string>& v, std::string_view sep = " ") {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : std::string(sep)) + s;
  return out;
}

void bash_command(const CommandDoc& c, const std::string& key, std::string& cases, std::string& prev_cases) {
  std::vector<std::string> words;
  for (const CommandDoc& sub : c.subcommands) words.push_back(sub.name);
  for (const Opt& o : c.options) words.insert(words.end(), o.names.begin(), o.names.end());
  std::string positional;
  for (const Opt& p : c.positionals) {
    if (!p.choices.empty()) words.insert(words.end(), p.choices.begin(), p.choices.end());
    if (const std::string dyn = dynamic_values(p); !dyn.empty()) positional = dyn;
    if (p.value == "FILE") positional = "FILES";
  }
  cases += fmt::format("    {}) words={}", shell_quote(key), shell_quote(join(words)));
  if (positional == "FILES") {
    cases += "; files=1";
  } else if (!positional.empty()) {
    cases += fmt::format("; words=\"$words $({})\"", positional);
  }
  cases += " ;;\n";
  for (const Opt& o : c.options) {
    if (o.value.empty()) continue;
    std::string action;
    if (!o.choices.empty()) {
      action = fmt::format("COMPREPLY=($(compgen -W {} -- \"$cur\"))", shell_quote(join(o.choices)));
    } else if (o.value == "FILE") {
      action = "COMPREPLY=($(compgen -f -- \"$cur\"))";
    } else if (const std::string dyn = dynamic_values(o); !dyn.empty()) {
      action = fmt::format("COMPREPLY=($(compgen -W \"$({})\" -- \"$cur\")); compopt -o nospace 2>/dev/null", dyn);
    } else {
      action = "COMPREPLY=()";
    }
    // Top-level options also follow a command (they fall through), so they match any path.
    std::vector<std::string> patterns;
    for (const std::string& n : o.names) patterns.push_back(key.empty() ? "*:" + n : shell_quote(key + ":" + n));
    prev_cases += fmt::format("    {}) {}; return ;;\n", join(patterns, "|"), action);
  }
  for (const CommandDoc& sub : c.subcommands) {
    bash_command(sub, key.empty() ? sub.name : key + " " + sub.name, cases, prev_cases);
  }
}

std::string bash(const CommandDoc& root) {
  std::string cases, prev_cases;
  bash_command(root, "", cases, prev_cases);
  // Options of the top level also apply after a command (they fall through).
  std::string globals;
  for (const Opt& o : root.options) {
    if (o.names.back() != "--help") globals += " " + join(o.names);  // commands have their own --help
  }
  return fmt::format(R"(# bash completion for crampx (generated by `crampx completion bash`)
_crampx() {{
  local cur="${{COMP_WORDS[COMP_CWORD]}}" prev="${{COMP_WORDS[COMP_CWORD-1]}}"
  local path="" i w words="" files=0
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="${{COMP_WORDS[i]}}"
    case "$w" in -*) continue ;; esac
    case "${{path:+$path }}$w" in
{}      *) ;;
    esac
  done
  case "$path:$prev" in
{}    *) ;;
  esac
  case "$path" in
{}  esac
  if [ "$path" != "" ]; then words="$words{}"; fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  if [ "$files" = 1 ]; then COMPREPLY+=($(compgen -f -- "$cur")); fi
}}
complete -F _crampx crampx
)",
                     [&] {
                       std::string known;
                       std::function<void(const CommandDoc&, const std::string&)> walk = [&](const CommandDoc& c,
                                                                                          const std::string& key) {
                         for (const CommandDoc& sub : c.subcommands) {
                           const std::string k = key.empty() ? sub.name : key + " " + sub.name;
                           known += fmt::format("      {}) path={} ;;\n", shell_quote(k), shell_quote(k));
                           walk(sub, k);
                         }
                       };
                       walk(root, "");
                       return known;
                     }(),
                     prev_cases, cases, globals);
}

std::string zsh_spec(const Opt& o) {
  auto esc = [](std::string s) {
    std::string out;
    for (char c : s) {
      if (c == '[' || c == ']' || c == ':' || c == '\\') out.push_back('\\');
      out.push_back(c);
    }
    return out;
  };
  std::string action;
  if (!o.value.empty()) {
    if (!o.choices.empty()) {
      action = fmt::format(":{}:({})", esc(o.value), join(o.choices));
    } else if (o.value == "FILE") {
      action = fmt::format(":{}:_files", esc(o.value));
    } else if (const std::string dyn = dynamic_values(o); !dyn.empty()) {
      action = fmt::format(":{}:($({}))", esc(o.value), dyn);
    } else {
      action = fmt::format(":{}: ", esc(o.value));
    }
  }
  const std::string repeat = o.names.back() == "--answer" ? "*" : "";
  if (o.names.size() == 1) return shell_quote(fmt::format("{}{}[{}]{}", repeat, o.names[0], esc(o.description), action));
  return fmt::format("{}{{{}}}{}", shell_quote(fmt::format("({})", join(o.names))), join(o.names, ","),
                     shell_quote(fmt::format("[{}]{}", esc(o.description), action)));
}

void zsh_command(const CommandDoc& c, const std::string& fn, std::string& out) {
  std::string specs;
  for (const Opt& o : c.options) specs += " \\\n    " + zsh_spec(o);
  if (!c.subcommands.empty()) {
    specs += " \\\n    '1: :->command' '*:: :->args'";
  } else {
    for (const Opt& p : c.positionals) {
      std::string action = " ";
      if (!p.choices.empty()) action = "(" + join(p.choices) + ")";
      else if (p.value == "FILE") action = "_files";
      else if (const std::string dyn = dynamic_values(p); !dyn.empty()) action = "($(" + dyn + "))";
      specs += " \\\n    " + shell_quote(fmt::format("{}:{}:{}", p.required ? "1" : "*", p.value, action));
    }
  }
  out += fmt::format("{}() {{\n  local state line\n  _arguments -s -C{}\n", fn, specs);
  if (!c.subcommands.empty()) {
    out += "  case $state in\n    command)\n      local -a commands\n      commands=(";
    for (const CommandDoc& sub : c.subcommands) {
      std::string d = sub.description;
      std::string escaped;
      for (char ch : d) {
        if (ch == ':') escaped.push_back('\\');
        escaped.push_back(ch);
      }
      out += " " + shell_quote(sub.name + ":" + escaped);
    }
    out += " )\n      _describe command commands ;;\n    args)\n      case $line[1] in\n";
    for (const CommandDoc& sub : c.subcommands) out += fmt::format("        {}) {}_{} ;;\n", sub.name, fn, sub.name);
    out += "      esac ;;\n  esac\n";
  }
  out += "}\n";
  for (const CommandDoc& sub : c.subcommands) zsh_command(sub, fn + "_" + sub.name, out);
}

std::string zsh(const CommandDoc& root) {
  std::string out = "#compdef crampx\n# zsh completion for crampx (generated by `crampx completion zsh`)\n";
  zsh_command(root, "_crampx", out);
  out += "_crampx \"$@\"\n";
  return out;
}

void fish_command(const CommandDoc& c, const std::vector<std::string>& path, std::string& out) {
  std::string condition;
  if (path.empty()) {
    condition = "__fish_use_subcommand";
  } else {
    condition = "__fish_seen_subcommand_from " + path.back();
  }
  for (const CommandDoc& sub : c.subcommands) {
    std::string cond = condition;
    if (!path.empty()) {
      std::vector<std::string> siblings;
      for (const CommandDoc& s : c.subcommands) siblings.push_back(s.name);
      cond += "; and not __fish_seen_subcommand_from " + join(siblings);
    }
    out += fmt::format("complete -c crampx -n {} -a {} -d {}\n", shell_quote(cond), sub.name, shell_quote(sub.description));
  }
  for (const Opt& o : c.options) {
    std::string flags;
    for (const std::string& n : o.names) {
      flags += n.rfind("--", 0) == 0 ? " -l " + n.substr(2) : " -s " + n.substr(1);
    }
    std::string values;
    if (!o.value.empty()) {
      if (!o.choices.empty()) {
        values = " -x -a " + shell_quote(join(o.choices));
      } else if (o.value == "FILE") {
        values = " -r -F";
      } else if (const std::string dyn = dynamic_values(o); !dyn.empty()) {
        values = " -x -a " + shell_quote("(" + dyn + ")");
      } else {
        values = " -x";
      }
    }
    const std::string cond = path.empty() ? "" : " -n " + shell_quote(condition);
    out += fmt::format("complete -c crampx{}{}{} -d {}\n", cond, flags, values, shell_quote(o.description));
  }
  for (const Opt& p : c.positionals) {
    if (path.empty()) continue;
    std::string values;
    if (!p.choices.empty()) values = " -a " + shell_quote(join(p.choices));
    else if (const std::string dyn = dynamic_values(p); !dyn.empty()) values = " -a " + shell_quote("(" + dyn + ")");
    else if (p.value == "FILE") values = " -F";
    if (!values.empty()) out += fmt::format("complete -c crampx -n {}{}\n", shell_quote(condition), values);
  }
  for (const CommandDoc& sub : c.subcommands) {
    std::vector<std::string> p = path;
    p.push_back(sub.name);
    fish_command(sub, p, out);
  }
}

std::string fish(const CommandDoc& root) {
  std::string out = "# fish completion for crampx (generated by `crampx completion fish`)\ncomplete -c crampx -f\n";
  fish_command(root, {}, out);
  return out;
}

}  // namespace

std::string man_page(const CLI::App& app, const Invocation& inv, std::string_view version) {
  const CommandDoc root = describe(app, inv);
  std::string out;
  out += fmt::format(".TH CRAMPX 1 \"\" \"crampx {}\" \"User Commands\"\n", roff(version));
  out += ".SH NAME\ncrampx \\- explain muscle cramps and spasms from a description\n";
  out += ".SH SYNOPSIS\n.B crampx\n[\\fB\\-\\-kb\\fR \\fIFILE\\fR] [\\fB\\-\\-color\\fR \\fIWHEN\\fR] "
         "\\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGS\\fR]\n";
  out += ".SH DESCRIPTION\n" + roff(kAppDescription) + "\n.PP\n" +
         roff("It finds the findings in the text (with what is denied, uncertain, past, hypothetical or someone "
              "else's), ranks the causes of a cited knowledge base by naive-Bayes log-odds, and explains each with its "
              "mechanism, the evidence for and against, what a doctor would check, what helps with its cautions, and "
              "how urgently to seek care. Red flags raise the triage level on their own. Text that is not about "
              "cramps or spasms is answered with 'cannot explain', never a guess.") +
         "\n";
  out += ".SH GLOBAL OPTIONS\n" + roff("Accepted before or after the command.") + "\n";
  for (const Opt& o : root.options) out += man_option(o);
  out += ".SH COMMANDS\n";
  for (const CommandDoc& c : root.subcommands) man_command(c, "", out);
  out += fmt::format(
      ".SH EXIT STATUS\n.TP\n{}\nSomething was explained (or the command succeeded).\n.TP\n{}\n"
      "Nothing was recognized: the text is not about cramps or spasms, and the report says so.\n.TP\n{}\n"
      "A usage, input, knowledge-base or write error; with \\fB\\-\\-jsonl\\fR, after the whole stream if any line "
      "was bad.\n.TP\n{}\nThe triage reached the level given to \\fB\\-\\-fail\\-on\\fR (with \\fB\\-\\-jsonl\\fR, any record's "
      "did; the whole stream is still answered).\n"
      ".TP\n{}\nInterrupted (Ctrl-C): what was explained so far is written (if the output takes it within a second); a second Ctrl-C stops at once.\n",
      kExitExplained, kExitNothing, kExitError, kExitTriageReached, kExitInterrupted);
  std::string statuses;
  for (const auto& [status, name] : EnumNames<text::Status>::table) {
    statuses += fmt::format("{}{}", statuses.empty() ? "" : ", ", name);
  }
  out += ".SH JSON REPORT\n" +
         roff(fmt::format("--json and --jsonl write reports of schema {} (described field by field by "
                          "data/schema/report.schema.json in the source). What the text says of a finding is one of: "
                          "{}; a finding's status and a cause's supporting and conflicting findings' state use these "
                          "words (absent: denied; possible: uncertain).",
                          report::kReportSchema, statuses)) +
         "\n";
  out += ".SH STREAM ERRORS\n" +
         roff("With --jsonl, a line that cannot be explained is answered with an error record, "
              "{\"id\": ..., \"error\": {\"code\": CODE, \"message\": ...}}, and the stream goes on. The codes:") +
         "\n";
  for (const auto& [code, name] : EnumNames<ErrorCode>::table) {
    if (is_record_error(code)) out += fmt::format(".TP\n.B {}\n{}\n", roff(name), roff(error_meaning(code)));
  }
  out += ".SH LIMITS\n" + roff("Input beyond these limits is refused with a clear error (exit 2; in a stream, an error "
                            "record for that line, and the stream goes on); nothing is truncated silently.");
  out += fmt::format(
          "\n.TP\nText to explain\n{} MiB.\n.TP\nOne line of \\fB\\-\\-jsonl\\fR input\n{} MiB; a longer line is "
          "skipped without being stored.\n.TP\nJSON nesting (records and knowledge bases)\n{} levels.\n.TP\n"
          "Knowledge base\n{} MiB in all; any one string {} bytes.\n.TP\nListed in a report\nthe first {} finding "
          "mentions and {} unrecognized words; the rest are counted (they still count as evidence).\n.TP\n"
          "Memory\nabout 22 bytes per byte of a text (350 MB for a 16 MiB text). In a stream, records of 256 KiB "
          "and more share a budget of 512 MiB across the threads (a thread waits for room, it does not fail), and "
          "with \\fB\\-j\\fR up to the number of cores ordinary input stays within about 20 MB per thread. A "
          "record that finds no memory gets the error \\fBout_of_memory\\fR.\n",
      kMaxTextBytes >> 20, kMaxRecordBytes >> 20, kMaxJsonDepth, kb::kMaxKbBytes >> 20, kb::kMaxKbStringBytes,
      report::kMaxListed, report::kMaxListed);
  out += ".SH ENVIRONMENT\n.TP\n.B CRAMPX_KB\nA knowledge base to use instead of the embedded one (as \\fB\\-\\-kb\\fR).\n"
         ".TP\n.B NO_COLOR\nWhen set and not empty, no colour (unless \\fB\\-\\-color=always\\fR).\n"
         ".TP\n.B TERM\nWith \\fBdumb\\fR, no colour.\n.TP\n.B COLUMNS\nThe wrap width when stdout is not a terminal.\n"
         ".TP\n.B PAGER\nThe pager for output taller than the terminal (else \\fBless \\-FRX\\fR; empty or \\fBcat\\fR: "
         "none; \\fB\\-\\-no\\-pager\\fR: never).\n";
  out += ".SH EXAMPLES\n.nf\n"
         "crampx explain \"my calves lock up at night after long runs in the heat, no weakness\"\n"
         "crampx explain \\-\\-json \"cramps after a rusty nail, stiff jaw\" | jq .triage\n"
         "crampx explain \\-\\-jsonl \\-j 2 < posts.jsonl > reports.jsonl\n"
         "crampx explain \"calf cramps\" \\-\\-answer night_time=yes\n"
         "crampx explain \\-\\-full \"my calves cramp at night\"\n"
         "crampx explain \\-\\-fail\\-on urgent \\-\\-brief \"my calf is swollen and red\"\n"
         "crampx help explain\n"
         "crampx interview\n"
         "crampx why myotonia\n"
         "crampx graph | dot \\-Tsvg > causes.svg\n.fi\n";
  out += ".SH NOTES\ncrampx gives general information, not a diagnosis. See a doctor about symptoms that are severe, "
         "getting worse, or come with any warning sign it lists.\n";
  return out;
}

std::string completion_script(std::string_view shell, const CLI::App& app, const Invocation& inv) {
  const CommandDoc root = describe(app, inv);
  if (shell == "zsh") return zsh(root);
  if (shell == "fish") return fish(root);
  return bash(root);
}

}  // namespace crampx::cli
