// liaison format FILE… : rewrites networks in canonical form (or --check that they are), through
// the store so a concurrent writer or a pending journal is never overwritten.
#include <fmt/format.h>

#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/store/database.hpp"
#include "store/binary_format.hpp"

namespace liaison::cli {

namespace {
struct FormatOptions {
    std::vector<std::string> files;
    bool check = false;
};

int run_format(const FormatOptions& o) {
    int status = 0;
    for (const auto& file : o.files) {
        if (o.check && is_binary_store_path(file)) {
            // A base image is canonical when it is what its content writes (check() compares).
            binary::BaseImage::open_file(file)->check();
            continue;
        }
        if (o.check) {
            std::string before = read_file(file);
            if (before == write_graph_json(parse_graph_json(before, file))) continue;
            fmt::print(stderr, "{}: not in canonical form (run: liaison format {})\n", file, file);
            status = 1;
            continue;
        }
        // Through the store: under the writer lock, and folding any journal, which is bound to
        // the snapshot's exact bytes and would be orphaned by a rewrite behind its back.
        Database db = Database::open(file);
        for (const auto& w : db.warnings()) fmt::print(stderr, "liaison: warning: {}\n", w);
        CompactResult r = db.compact();
        if (r.rewritten) print(fmt::format("{}: rewritten in canonical form\n", file));
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
