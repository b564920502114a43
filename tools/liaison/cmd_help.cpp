// liaison help [COMMAND] : the list of commands, or one command's options.
#include <fmt/format.h>

#include <memory>

#include "cli_common.hpp"
#include "cli_reference.hpp"
#include "commands.hpp"

namespace liaison::cli {

void register_help(CLI::App& app, Action& run) {
    auto command = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("help", "Show the commands, or one command's options");
    cmd->add_option("command", *command, "A command, e.g. render");
    cmd->callback([&app, command, &run] {
        run = [&app, command] {
            // Through the formatter: App::help() would describe the selected command, `help`.
            auto format = [&app](const CLI::App* about, const std::string& name) {
                return app.get_formatter()->make_help(about, name, CLI::AppFormatMode::Normal);
            };
            if (command->empty()) {
                print(format(&app, app.get_name()));
                return 0;
            }
            for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
                if (sub->get_name() == *command) {
                    print(format(sub, app.get_name() + " " + sub->get_name()));
                    return 0;
                }
            fmt::print(stderr, "liaison: {}\n", unknown_command_message(app, *command));
            return 2;
        };
    });
}

}  // namespace liaison::cli
