#pragma once
// The CLI's own definition (CLI11's App) read back as data, so shell completion, the man page and
// "did you mean" all follow the commands as they are registered, never a hand-kept copy.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace liaison::cli {

inline constexpr const char* kVersion = "liaison 0.1.0";

struct OptionInfo {
    std::vector<std::string> names;  // "-o", "--output"; for a positional, its name
    std::string description;
    std::string value;                 // what the value is ("TEXT", "table|json|csv"); "" for flags
    std::vector<std::string> choices;  // the values it accepts, when they are a fixed list
    bool positional = false;
};

struct CommandInfo {
    std::string name;
    std::string description;
    std::vector<OptionInfo> options;  // visible options, --help first
    std::vector<OptionInfo> positionals;
};

// Every visible subcommand of `app`, in registration order.
std::vector<CommandInfo> describe_cli(const CLI::App& app);

// The registered command closest to `name` (edit distance at most 2, or one it starts),
// or "" when none is close.
std::string closest_command(const CLI::App& app, const std::string& name);
// "unknown command 'stat' (did you mean 'stats'?)"
std::string unknown_command_message(const CLI::App& app, const std::string& name);

// Completion scripts for bash, zsh and fish, and a man page (roff), from the definition.
std::string bash_completion(const CLI::App& app);
std::string zsh_completion(const CLI::App& app);
std::string fish_completion(const CLI::App& app);
std::string man_page(const CLI::App& app);

}  // namespace liaison::cli
