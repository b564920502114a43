// liaison completion bash|zsh|fish : a shell completion script generated from the commands'
// definitions (CMake installs the three of them).
#include <memory>

#include "cli_common.hpp"
#include "cli_reference.hpp"
#include "commands.hpp"

namespace liaison::cli {

void register_completion(CLI::App& app, Action& run) {
    auto shell = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand(
        "completion", "Print a shell completion script: bash, zsh or fish (see README, Install)");
    cmd->add_option("shell", *shell, "The shell")
        ->required()
        ->check(CLI::IsMember({"bash", "zsh", "fish"}));
    cmd->callback([&app, shell, &run] {
        run = [&app, shell] {
            print(*shell == "bash"  ? bash_completion(app)
                  : *shell == "zsh" ? zsh_completion(app)
                                    : fish_completion(app));
            return 0;
        };
    });
}

}  // namespace liaison::cli
