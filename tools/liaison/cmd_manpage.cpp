// liaison manpage : the man page (roff), generated from the commands' definitions.
#include "cli_common.hpp"
#include "cli_reference.hpp"
#include "commands.hpp"

namespace liaison::cli {

void register_manpage(CLI::App& app, Action& run) {
    app.add_subcommand("manpage", "Print the man page (roff; `liaison manpage | man -l -`)")
        ->callback([&app, &run] {
            run = [&app] {
                print(man_page(app));
                return 0;
            };
        });
}

}  // namespace liaison::cli
