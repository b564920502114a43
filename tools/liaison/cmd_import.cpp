// liaison import INPUT… -o OUT.json | --into DB.json : networks from spreadsheets (CSV in Neo4j's
// header convention), GraphML, GEXF, DOT, node-link or Cytoscape JSON, and edge lists.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "interchange/interchange.hpp"
#include "interchange_common.hpp"
#include "io/native_format.hpp"

namespace liaison::cli {

namespace {
struct ImportOptionsCli {
    std::vector<std::string> inputs;
    std::string output;
    std::string into;
    std::string from;
    bool strict = false;
    bool force = false;
    double wait = 0;
};

int run_import(const ImportOptionsCli& o) {
    std::optional<Format> format;
    if (!o.from.empty()) format = parse_format(o.from);
    if (!o.from.empty() && !format) throw ArgumentError(fmt::format("unknown format '{}'", o.from));
    ImportResult r = import_files(o.inputs, format, {o.strict});
    for (const auto& note : r.notes) fmt::print(stderr, "note: {}\n", note);
    const PropertyGraph& g = r.graph;
    if (!o.output.empty()) {
        if (std::filesystem::exists(o.output) && !o.force)
            throw ArgumentError(
                fmt::format("{} exists: use --into to add to it, or --force to "
                            "replace it",
                            o.output));
        if (o.force)
            Database::replace(o.output, g, {o.wait});
        else
            Database::create(o.output, g, {o.wait});
        print(fmt::format("imported {} nodes and {} edges into {}\n", g.node_count(),
                          g.edge_count(), o.output));
        return 0;
    }
    // Into an existing database: folded in like `merge`, in one update, so the merge is
    // computed on the state it commits on whatever other writers did meanwhile.
    Database db = Database::open(o.into);
    MergeOptions m;
    m.base_name = input_name(o.into);
    m.incoming_name = input_name(o.inputs.front());
    MergeResult merged;
    std::size_t ops = 0;
    UpdateResult u = db.update(
        [&](WriteTransaction& tx) {
            merged = merge_graphs(tx.graph(), g, m);
            if (merged.complete()) ops = stage_merge(tx, merged.graph);
        },
        {.wait_seconds = o.wait, .compact = true});
    if (!merged.complete()) {
        for (const auto& a : merged.report.ambiguous)
            fmt::print(stderr, "{}", ambiguity_text(a, m.incoming_name));
        fmt::print(stderr,
                   "liaison: {} ambiguous entities; nothing was imported (decide them "
                   "with `liaison merge --map` or `--interactive`)\n",
                   merged.report.ambiguous.size());
        return 1;
    }
    warn_if_deferred(o.into, u);
    print_committed(
        fmt::format("imported into {}: {} entities matched, {} added, {} edges added, {} "
                    "already present ({} operations committed)\n",
                    o.into, merged.report.matched.size(), merged.report.added_nodes.size(),
                    merged.report.added_edges, merged.report.merged_edges, ops));
    return 0;
}
}  // namespace

void register_import(CLI::App& app, Action& run) {
    auto o = std::make_shared<ImportOptionsCli>();
    auto* cmd = app.add_subcommand(
        "import",
        "Import a network from CSV, GraphML, GEXF, DOT, node-link/Cytoscape JSON or an "
        "edge list");
    cmd->add_option("inputs", o->inputs,
                    "Input files (several CSV files, or a folder of them, make one network)")
        ->required();
    auto* out = cmd->add_option("-o,--output", o->output, "Write a new network file (.json)");
    auto* into =
        cmd->add_option("--into", o->into, "Add to an existing database (one transaction)");
    out->excludes(into);
    cmd->add_option("--from", o->from,
                    "Input format: csv, graphml, gexf, dot, node-link, cytoscape, edgelist, json "
                    "(default: from the file name)");
    cmd->add_flag("--strict", o->strict, "Stop at the first bad row (default: report them all)");
    cmd->add_flag("--force", o->force, "Replace the --output file when it exists");
    cmd->add_option("--wait", o->wait, "Wait up to SECONDS for another writer to finish")
        ->check(CLI::NonNegativeNumber);
    cmd->callback([o, &run] {
        if (o->output.empty() && o->into.empty())
            throw CLI::ValidationError("import", "give -o OUT.json or --into DB.json");
        run = [o] { return run_import(*o); };
    });
}

}  // namespace liaison::cli
