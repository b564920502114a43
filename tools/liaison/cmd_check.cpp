// liaison check FILE… : verifies a database file whole. For a binary store (NAME.liaison): every
// section's checksum, every index against the columns, the graph against the native reader's
// rules, and that its journal replays; for a JSON store: that it reads and its journal replays.
#include <fmt/format.h>

#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/store/database.hpp"
#include "store/binary_format.hpp"

namespace liaison::cli {

namespace {
struct CheckOptions {
    std::vector<std::string> files;
};

int run_check(const CheckOptions& o) {
    for (const auto& file : o.files) {
        std::string what = "read";
        if (is_binary_store_path(file)) {
            auto image = binary::BaseImage::open_file(file);
            image->check();
            // The rules of the native reader, stated once on the text.
            parse_graph_json(write_graph_json(image->to_graph()), file + " (as JSON)");
            what = fmt::format("{} bytes, checksums, indexes and content verified",
                               image->file_bytes());
        }
        Database db = Database::open(file);  // the journal replays onto it
        for (const auto& w : db.warnings()) fmt::print(stderr, "liaison: warning: {}\n", w);
        print(fmt::format("{}: ok ({} nodes, {} edges; {}; {} journaled transaction{})\n", file,
                          db.graph().node_count(), db.graph().edge_count(), what,
                          db.journal_transactions(), db.journal_transactions() == 1 ? "" : "s"));
    }
    return 0;
}
}  // namespace

void register_check(CLI::App& app, Action& run) {
    auto o = std::make_shared<CheckOptions>();
    auto* cmd = app.add_subcommand(
        "check", "Verify a database whole: checksums, indexes and content (.liaison), journal");
    cmd->add_option("files", o->files, "Database files (.liaison or .json)")->required();
    cmd->callback([o, &run] { run = [o] { return run_check(*o); }; });
}

}  // namespace liaison::cli
