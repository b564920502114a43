// liaison format FILE… : rewrites networks in canonical form (or --check that they are).
#include <fmt/format.h>

#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "io/native_format.hpp"

namespace liaison::cli {

namespace {
struct FormatOptions {
    std::vector<std::string> files;
    bool check = false;
};

int run_format(const FormatOptions& o) {
    int status = 0;
    for (const auto& file : o.files) {
        std::string before = read_file(file);
        std::string after = write_graph_json(parse_graph_json(before, file));
        if (before == after) continue;
        if (o.check) {
            fmt::print(stderr, "{}: not in canonical form (run: liaison format {})\n", file, file);
            status = 1;
        } else {
            write_file_atomic(file, after);
            print(fmt::format("{}: rewritten in canonical form\n", file));
        }
    }
    return status;
}
}  // namespace

void register_format(CLI::App& app, Action& run) {
    auto o = std::make_shared<FormatOptions>();
    auto* cmd = app.add_subcommand("format", "Rewrite networks in canonical form");
    cmd->add_option("files", o->files, "Network files (.json)")->required();
    cmd->add_flag("--check", o->check, "Only check; exit 1 if a file is not canonical");
    cmd->callback([o, &run] { run = [o] { return run_format(*o); }; });
}

}  // namespace liaison::cli
