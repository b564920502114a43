// liaison compact FILE… : folds each database's journal into its snapshot, atomically.
#include <unistd.h>

#include <fmt/format.h>

#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "liaison/store/database.hpp"

namespace liaison::cli {

namespace {
struct CompactOptions {
    std::vector<std::string> files;
    double wait = 0;
    bool background = false;
    OutputFormat format = OutputFormat::Table;
};

// For machines, one object per file: {"file", "done": "folded"|"nothing", "transactions",
// "journal_bytes", "rewritten"}.
int run_compact(const CompactOptions& o) {
    JsonArray json;
    for (const auto& file : o.files) {
        Database db = Database::open(file);
        for (const auto& w : db.warnings()) fmt::print(stderr, "liaison: warning: {}\n", w);
        CompactResult r;
        if (o.background) {
            std::optional<CompactResult> done = db.compact_concurrently({o.wait});
            if (!done) {
                print(
                    fmt::format("{}: left as it is (another compaction is under way, or a "
                                "commit came in while the new file was built)\n",
                                file));
                continue;
            }
            r = *done;
        } else {
            r = db.compact({o.wait});
        }
        const bool nothing = r.transactions == 0 && !r.rewritten;
        if (o.format == OutputFormat::Json)
            json.add(fmt::format(
                "{{\"file\": {}, \"done\": \"{}\", \"transactions\": {}, \"journal_bytes\": {}, "
                "\"rewritten\": {}}}",
                json_quote(file), nothing ? "nothing" : "folded", r.transactions, r.journal_bytes,
                r.rewritten));
        else if (nothing)
            print(fmt::format("{}: nothing to fold (no journal)\n", file));
        else
            print(fmt::format("{}: folded {} transaction{} ({} bytes of journal) into the file\n",
                              file, r.transactions, r.transactions == 1 ? "" : "s",
                              r.journal_bytes));
    }
    if (o.format == OutputFormat::Json) print(json.render());
    return 0;
}
}  // namespace

void register_compact(CLI::App& app, Action& run) {
    auto o = std::make_shared<CompactOptions>();
    auto* cmd = app.add_subcommand(
        "compact", "Fold a database's journal (FILE.journal) into its canonical file");
    cmd->add_option("files", o->files, "Network files (.json)")->required();
    cmd->add_option("--wait", o->wait, "Wait up to SECONDS for another writer to finish")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--background", o->background,
                  "Give way: leave the file as it is when another compaction runs or a commit "
                  "comes in meanwhile (how an edit past the journal's threshold starts it)");
    add_format_option(cmd, o->format, false);
    cmd->callback([o, &run] {
        run = [o] {
            // Beside the user's work: the lowest claim on the cores.
            if (o->background && ::nice(10) == -1) {
            }
            return run_compact(*o);
        };
    });
}

}  // namespace liaison::cli
