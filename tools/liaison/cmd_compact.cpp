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
// "journal_bytes", "rewritten", "carried"}.
int run_compact(const CompactOptions& o) {
    JsonArray json;
    for (const auto& file : o.files) {
        CompactResult r;
        if (o.background) {
            std::vector<std::string> warnings;
            std::optional<CompactResult> done =
                Database::compact_in_background(file, {o.wait}, warnings);
            for (const auto& w : warnings) fmt::print(stderr, "liaison: warning: {}\n", w);
            if (!done) {
                print(
                    fmt::format("{}: left as it is (another compaction is under way, or the "
                                "file was replaced while the new one was built)\n",
                                file));
                continue;
            }
            r = *done;
        } else {
            Database db = Database::open(file);
            for (const auto& w : db.warnings()) fmt::print(stderr, "liaison: warning: {}\n", w);
            r = db.compact({o.wait});
        }
        const bool nothing = r.transactions == 0 && !r.rewritten;
        if (o.format == OutputFormat::Json)
            json.add(fmt::format(
                "{{\"file\": {}, \"done\": \"{}\", \"transactions\": {}, \"journal_bytes\": {}, "
                "\"rewritten\": {}, \"carried\": {}}}",
                json_quote(file), nothing ? "nothing" : "folded", r.transactions, r.journal_bytes,
                r.rewritten, r.carried));
        else if (nothing)
            print(fmt::format("{}: nothing to fold (no journal)\n", file));
        else
            print(fmt::format(
                "{}: folded {} transaction{} ({} bytes of journal) into the file{}\n", file,
                r.transactions, r.transactions == 1 ? "" : "s", r.journal_bytes,
                r.carried == 0
                    ? ""
                    : fmt::format("; {} committed meanwhile start its new journal", r.carried)));
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
                  "Build the new file without the writer lock, carrying over the commits made "
                  "meanwhile; leave the file as it is when another compaction runs (how an edit "
                  "past the journal's threshold starts it)");
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
