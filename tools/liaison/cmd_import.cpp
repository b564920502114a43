// liaison import INPUT… -o OUT.json | --into DB.json : networks from spreadsheets (CSV in Neo4j's
// header convention), GraphML, GEXF, DOT, node-link or Cytoscape JSON, edge lists, and GDELT 2.0
// or ICEWS event files.
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "interchange_common.hpp"
#include "liaison/interchange/interchange.hpp"
#include "liaison/io/native_format.hpp"
#include "progress.hpp"

namespace liaison::cli {

namespace {
struct ImportOptionsCli {
    std::vector<std::string> inputs;
    std::string output;
    std::string into;
    std::string from;
    bool strict = false;
    bool skip_bad_rows = false;
    std::vector<std::string> cameo;
    bool force = false;
    double wait = 0;
    OutputFormat format = OutputFormat::Table;
};

// For machines: {"file", "created", "nodes", "edges" (those read), "matched", "added_nodes",
// "added_edges", "already_present", "operations" (null for a new file), "notes"}.
std::string import_json(const std::string& file, const PropertyGraph& g, const ImportResult& r,
                        const MergeReport* merged, std::size_t ops) {
    auto count = [&](std::size_t n) { return merged ? std::to_string(n) : std::string("null"); };
    return fmt::format(
        "{{\"file\": {}, \"created\": {}, \"nodes\": {}, \"edges\": {}, \"matched\": {}, "
        "\"added_nodes\": {}, \"added_edges\": {}, \"already_present\": {}, \"operations\": {}, "
        "\"notes\": {}}}\n",
        json_quote(file), merged == nullptr, g.node_count(), g.edge_count(),
        count(merged ? merged->matched.size() : 0), count(merged ? merged->added_nodes.size() : 0),
        count(merged ? merged->added_edges : 0), count(merged ? merged->merged_edges : 0),
        count(ops), Cell::list(r.notes, "").json);
}

int run_import(const ImportOptionsCli& o) {
    std::optional<Format> format;
    if (!o.from.empty()) format = parse_format(o.from);
    if (!o.from.empty() && !format)
        throw ArgumentError(fmt::format("--input-format: unknown format '{}'", o.from));
    // Reading counts 100 steps (event files report how far they are), then writing (or merging
    // into a database) one.
    Progress bar("import", 101);
    const std::string reading = fmt::format("reading {}", o.inputs.front());
    bar.update(0, reading);
    ImportOptions options(o.strict);
    options.cameo = o.cameo;
    options.skip_bad_rows = o.skip_bad_rows;
    options.progress = [&](double done) {
        bar.update(static_cast<std::size_t>(done * 100), reading);
    };
    ImportResult r = import_files(o.inputs, format, options);
    bar.update(100, fmt::format("writing {}", o.output.empty() ? o.into : o.output));
    const bool machine = o.format == OutputFormat::Json;
    if (!machine && !r.notes.empty()) {
        bar.finish();
        for (const auto& note : r.notes) fmt::print(stderr, "note: {}\n", note);
    }
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
        bar.finish();
        print(machine ? import_json(o.output, g, r, nullptr, 0)
                      : fmt::format("imported {} nodes and {} edges into {}\n", g.node_count(),
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
        {.wait_seconds = o.wait, .compact = true, .compact_later = true});
    bar.finish();
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
        machine
            ? import_json(o.into, g, r, &merged.report, ops)
            : fmt::format("imported into {}: {} entities matched, {} added, {} edges added, {} "
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
        "Import a network from CSV, GraphML, GEXF, DOT, node-link/Cytoscape JSON, an "
        "edge list, or GDELT/ICEWS events");
    cmd->add_option("inputs", o->inputs,
                    "Input files (several CSV files, or a folder of them, make one network)")
        ->required();
    auto* out = cmd->add_option("-o,--output", o->output, "Write a new network file (.json)")
                    ->check(database_file());
    auto* into =
        cmd->add_option("--into", o->into, "Add to an existing database (one transaction)");
    out->excludes(into);
    add_deprecated_alias(cmd, "--from", "--input-format", o->from);
    cmd->add_option("--input-format", o->from, "Input format (default: from the file name)")
        ->type_name("csv|graphml|gexf|dot|node-link|cytoscape|edgelist|json|gdelt|icews");
    cmd->add_option("--cameo", o->cameo,
                    "GDELT/ICEWS: keep only events whose CAMEO code starts with one of these "
                    "prefixes (e.g. 04,057,06)")
        ->delimiter(',')
        ->check(CLI::Validator(
            [](std::string& p) {
                bool ok = !p.empty() && p.size() <= 4 &&
                          p.find_first_not_of("0123456789") == std::string::npos;
                return ok ? std::string()
                          : "'" + p +
                                "' is not a CAMEO code prefix (1 to 4 digits, e.g. 04,057,06)";
            },
            "PREFIX"));
    cmd->add_flag("--skip-bad-rows", o->skip_bad_rows,
                  "GDELT/ICEWS: skip bad rows and count them instead of failing");
    cmd->add_flag("--strict", o->strict, "Stop at the first bad row (default: report them all)");
    cmd->add_flag("--force", o->force, "Replace the --output file when it exists");
    add_format_option(cmd, o->format, false);
    cmd->add_option("--wait", o->wait, "Wait up to SECONDS for another writer to finish")
        ->check(CLI::NonNegativeNumber);
    cmd->callback([o, &run] {
        if (o->output.empty() && o->into.empty())
            throw CLI::ValidationError("import", "give -o OUT.json or --into DB.json");
        run = [o] { return run_import(*o); };
    });
}

}  // namespace liaison::cli
