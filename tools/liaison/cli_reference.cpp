#include "cli_reference.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "liaison/core/text_distance.hpp"

namespace liaison::cli {

namespace {

// The accepted values of an option, read from its help type: "table|json|csv" (our own
// spelling) or CLI11's IsMember description "TEXT:{a,b,c}".
std::vector<std::string> choices_of(const std::string& type) {
    if (auto open = type.find(":{"); open != std::string::npos) {
        auto close = type.find('}', open);
        if (close == std::string::npos) return {};
        return CLI::detail::split(type.substr(open + 2, close - open - 2), ',');
    }
    if (type.find('|') != std::string::npos && type.find(' ') == std::string::npos)
        return CLI::detail::split(type, '|');
    return {};
}

OptionInfo option_info(const CLI::Option& opt) {
    OptionInfo info;
    info.positional = !opt.nonpositional();
    for (const auto& s : opt.get_snames()) info.names.push_back("-" + s);
    for (const auto& l : opt.get_lnames()) info.names.push_back("--" + l);
    if (info.positional) info.names.push_back(opt.get_name(true));
    info.description = opt.get_description();
    if (opt.get_type_size_max() > 0) {
        info.value = opt.get_type_name();
        info.choices = choices_of(info.value);
    }
    return info;
}

bool is_command(const CLI::App* sub) {
    return !sub->get_name().empty() && !sub->get_group().empty();
}

std::string joined(const std::vector<std::string>& words, const char* sep = " ") {
    return fmt::format("{}", fmt::join(words, sep));
}

std::vector<std::string> command_names(const CLI::App& app) {
    std::vector<std::string> out;
    for (const CommandInfo& c : describe_cli(app)) out.push_back(c.name);
    return out;
}

std::vector<std::string> option_names(const CommandInfo& c) {
    std::vector<std::string> out;
    for (const OptionInfo& o : c.options) out.insert(out.end(), o.names.begin(), o.names.end());
    return out;
}

// Text inside single quotes for sh and zsh.
std::string sh_quoted(const std::string& text) {
    std::string out;
    for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out;
}

// A description inside zsh's _arguments brackets.
std::string zsh_bracketed(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
        out += c;
    }
    return sh_quoted(out);
}

std::string fish_quoted(const std::string& text) {
    std::string out = "'";
    for (char c : text) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

// roff text: backslashes and hyphens escaped, anything beyond ASCII as \[uXXXX] (troff reads
// bytes, not UTF-8), no line starting with a control character.
std::string roff(const std::string& text) {
    std::string out;
    for (char32_t c : code_points(text)) {
        if (c == U'\\')
            out += "\\e";
        else if (c == U'-')
            out += "\\-";
        else if (c < 0x80)
            out += static_cast<char>(c);
        else
            out += fmt::format("\\[u{:04X}]", static_cast<std::uint32_t>(c));
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
    return out;
}

}  // namespace

std::vector<CommandInfo> describe_cli(const CLI::App& app) {
    std::vector<CommandInfo> out;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (!is_command(sub)) continue;
        CommandInfo c{sub->get_name(), sub->get_description(), {}, {}};
        for (const CLI::Option* opt : sub->get_options()) {
            if (opt->get_group().empty()) continue;  // hidden: deprecated spellings
            OptionInfo info = option_info(*opt);
            (info.positional ? c.positionals : c.options).push_back(std::move(info));
        }
        out.push_back(std::move(c));
    }
    // `help COMMAND` takes a command name: not a fixed list in its definition (a wrong name gets
    // a suggestion, not a CLI11 error), but completed as one.
    std::vector<std::string> names;
    for (const CommandInfo& c : out) names.push_back(c.name);
    for (CommandInfo& c : out)
        if (c.name == "help" && !c.positionals.empty()) c.positionals.front().choices = names;
    return out;
}

std::string closest_command(const CLI::App& app, const std::string& name) {
    std::string best;
    std::size_t best_distance = 3;
    for (const std::string& candidate : command_names(app)) {
        std::size_t d =
            candidate.rfind(name, 0) == 0 && !name.empty() ? 1 : edit_distance(name, candidate, 2);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

std::string unknown_command_message(const CLI::App& app, const std::string& name) {
    std::string near = closest_command(app, name);
    return near.empty() ? fmt::format("unknown command '{}' (see `liaison help`)", name)
                        : fmt::format("unknown command '{}' (did you mean '{}'?)", name, near);
}

std::string bash_completion(const CLI::App& app) {
    std::string out =
        "# bash completion for liaison (generated by `liaison completion bash`)\n"
        "_liaison() {\n"
        "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
        "    if ((COMP_CWORD == 1)); then\n";
    out += fmt::format("        COMPREPLY=($(compgen -W \"--help --version {}\" -- \"$cur\"))\n",
                       joined(command_names(app)));
    out +=
        "        return\n"
        "    fi\n"
        "    local options='' values='' positional=''\n"
        "    case ${COMP_WORDS[1]} in\n";
    for (const CommandInfo& c : describe_cli(app)) {
        out += fmt::format("    {})\n        options=\"{}\"\n", c.name, joined(option_names(c)));
        for (const OptionInfo& p : c.positionals)
            if (!p.choices.empty())
                out += fmt::format("        positional=\"{}\"\n", joined(p.choices));
        std::string cases;
        for (const OptionInfo& o : c.options)
            if (!o.choices.empty())
                cases += fmt::format("            {}) values=\"{}\" ;;\n", joined(o.names, "|"),
                                     joined(o.choices));
        if (!cases.empty()) out += "        case $prev in\n" + cases + "        esac\n";
        out += "        ;;\n";
    }
    out +=
        "    esac\n"
        "    if [[ -n $values ]]; then\n"
        "        COMPREPLY=($(compgen -W \"$values\" -- \"$cur\"))\n"
        "    elif [[ $cur == -* ]]; then\n"
        "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
        "    elif [[ -n $positional ]]; then\n"
        "        COMPREPLY=($(compgen -W \"$positional\" -- \"$cur\"))\n"
        "    else\n"
        "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
        "    fi\n"
        "}\n"
        "complete -o filenames -o bashdefault -F _liaison liaison\n";
    return out;
}

std::string zsh_completion(const CLI::App& app) {
    std::string out =
        "#compdef liaison\n"
        "# zsh completion for liaison (generated by `liaison completion zsh`)\n"
        "_liaison() {\n"
        "    local -a commands\n"
        "    commands=(\n";
    const std::vector<CommandInfo> commands = describe_cli(app);
    for (const CommandInfo& c : commands)
        out += fmt::format("        '{}:{}'\n", c.name, sh_quoted(c.description));
    out +=
        "    )\n"
        "    if ((CURRENT == 2)); then\n"
        "        _describe -t commands 'liaison command' commands\n"
        "        return\n"
        "    fi\n"
        "    local command=$words[2]\n"
        "    shift words\n"
        "    ((CURRENT--))\n"
        "    case $command in\n";
    for (const CommandInfo& c : commands) {
        out += fmt::format("    {})\n        _arguments -s", c.name);
        for (const OptionInfo& o : c.options) {
            std::string action = o.value.empty()     ? ""
                                 : o.choices.empty() ? ":value:_files"
                                                     : ":value:(" + joined(o.choices) + ")";
            for (const std::string& n : o.names)
                out += fmt::format(" \\\n            '{}[{}]{}'", n, zsh_bracketed(o.description),
                                   action);
        }
        bool choice_positional = false;
        for (const OptionInfo& p : c.positionals)
            if (!p.choices.empty()) {
                out +=
                    fmt::format(" \\\n            '1:{}:({})'", p.names.back(), joined(p.choices));
                choice_positional = true;
            }
        if (!choice_positional) out += " \\\n            '*:file:_files'";
        out += "\n        ;;\n";
    }
    out += "    esac\n}\n_liaison \"$@\"\n";
    return out;
}

std::string fish_completion(const CLI::App& app) {
    std::string out = "# fish completion for liaison (generated by `liaison completion fish`)\n";
    for (const CommandInfo& c : describe_cli(app))
        out += fmt::format("complete -c liaison -f -n __fish_use_subcommand -a {} -d {}\n", c.name,
                           fish_quoted(c.description));
    for (const CommandInfo& c : describe_cli(app)) {
        const std::string when = fmt::format("-n '__fish_seen_subcommand_from {}'", c.name);
        for (const OptionInfo& o : c.options) {
            std::string line = "complete -c liaison " + when;
            for (const std::string& n : o.names)
                line += (n.rfind("--", 0) == 0 ? " -l " + n.substr(2) : " -s " + n.substr(1));
            if (!o.choices.empty())
                line += " -x -a " + fish_quoted(joined(o.choices));
            else if (!o.value.empty())
                line += " -r";
            out += line + " -d " + fish_quoted(o.description) + "\n";
        }
        for (const OptionInfo& p : c.positionals)
            if (!p.choices.empty())
                out += fmt::format("complete -c liaison {} -f -a {}\n", when,
                                   fish_quoted(joined(p.choices)));
    }
    return out;
}

std::string man_page(const CLI::App& app) {
    std::string out = fmt::format(
        ".TH LIAISON 1 \"\" \"{}\" \"User Commands\"\n"
        ".SH NAME\n"
        "liaison \\- a graph database and network\\-analysis tool\n"
        ".SH SYNOPSIS\n"
        ".B liaison\n"
        ".I command\n"
        "[\\fIoptions\\fR] [\\fIarguments\\fR]\n"
        ".br\n"
        ".B liaison help\n"
        ".I command\n"
        ".SH DESCRIPTION\n"
        "{}\n"
        ".SH FLAGS\n"
        "The same flag means the same thing in every command.\n"
        ".TP\n"
        ".B \\-\\-format table|json|csv\n"
        "What is printed on the standard output: aligned tables for people, JSON or CSV for "
        "programs.\n"
        ".TP\n"
        ".B \\-o, \\-\\-output \\fIFILE\\fR\n"
        "A file to write; its extension chooses the file format (\\- is the standard output).\n"
        ".TP\n"
        ".B \\-\\-output\\-format, \\-\\-input\\-format\n"
        "The format of a written or read file, when the extension does not tell it.\n"
        ".TP\n"
        ".B \\-\\-from, \\-\\-to\n"
        "A time window (dates YYYY[\\-MM[\\-DD]]), never a file format.\n"
        ".TP\n"
        ".B \\-\\-wide\n"
        "Tables show names whole instead of cutting them.\n"
        ".SH COMMANDS\n",
        kVersion, roff(app.get_description()));
    for (const CommandInfo& c : describe_cli(app)) {
        std::vector<std::string> positionals;
        for (const OptionInfo& p : c.positionals) positionals.push_back(p.names.back());
        out += fmt::format(".SS \"liaison {} [options] {}\"\n{}\n", c.name,
                           roff(joined(positionals)), roff(c.description));
        for (const OptionInfo& o : c.positionals)
            out += fmt::format(".TP\n.I {}\n{}\n", roff(o.names.back()), roff(o.description));
        for (const OptionInfo& o : c.options) {
            out += fmt::format(".TP\n.B {}", roff(joined(o.names, ", ")));
            if (!o.value.empty()) out += fmt::format(" \\fI{}\\fR", roff(o.value));
            out += fmt::format("\n{}\n", roff(o.description));
        }
    }
    out +=
        ".SH EXIT STATUS\n"
        "0 success; 1 bad input or a failed check; 2 a usage error; 3 an internal error.\n"
        ".SH SEE ALSO\n"
        "The project's README and docs/ folder.\n";
    return out;
}

}  // namespace liaison::cli
