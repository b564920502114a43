// liaison merge BASE NEW : folds a new network into a kept one. Entities match by id, ISO code
// or any folded name; ambiguous matches are listed (or decided with --map / --interactive),
// never guessed.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "interchange_common.hpp"
#include "liaison/interchange/interchange.hpp"
#include "liaison/io/native_format.hpp"

namespace liaison::cli {

namespace {
struct MergeCli {
    std::string base;
    std::vector<std::string> incoming;
    std::string map;
    std::string output;
    std::string from;
    bool interactive = false;
    bool dry_run = false;
    bool strict = false;
    double wait = 0;
    OutputFormat format = OutputFormat::Table;
};

// Asks on stderr, reads the answer from stdin: a number, a base id, "new", or nothing (skip).
std::optional<std::string> ask(const Ambiguity& a, const std::string& incoming) {
    for (;;) {
        fmt::print(stderr, "{}  n. a new entity\n  s. skip (leave undecided)\nchoice: ",
                   ambiguity_text(a, incoming));
        std::string line;
        if (!std::getline(std::cin, line)) return std::nullopt;
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
        if (line.empty() || line == "s" || line == "skip") return std::nullopt;
        if (line == "n" || line == "new") return std::string();
        for (std::size_t i = 0; i < a.candidates.size(); ++i)
            if (line == std::to_string(i + 1) || line == a.candidates[i].base_id)
                return a.candidates[i].base_id;
        fmt::print(stderr, "'{}' is not one of the choices\n", line);
    }
}

std::string report_json(const MergeReport& r) {
    std::string out = "{\"matched\": [";
    for (std::size_t i = 0; i < r.matched.size(); ++i)
        out += fmt::format("{}{{\"new\": {}, \"base\": {}, \"evidence\": {}}}", i ? ", " : "",
                           json_quote(r.matched[i].incoming_id), json_quote(r.matched[i].base_id),
                           json_quote(r.matched[i].evidence));
    out += "],\n \"added_nodes\": [";
    for (std::size_t i = 0; i < r.added_nodes.size(); ++i)
        out += (i ? ", " : "") + json_quote(r.added_nodes[i]);
    out += fmt::format("],\n \"added_edges\": {}, \"merged_edges\": {},\n \"ambiguous\": [",
                       r.added_edges, r.merged_edges);
    for (std::size_t i = 0; i < r.ambiguous.size(); ++i) {
        const Ambiguity& a = r.ambiguous[i];
        out += fmt::format("{}{{\"new\": {}, \"name\": {}, \"candidates\": [", i ? ", " : "",
                           json_quote(a.incoming_id), json_quote(a.incoming_name));
        for (std::size_t k = 0; k < a.candidates.size(); ++k)
            out += fmt::format("{}{{\"base\": {}, \"evidence\": {}}}", k ? ", " : "",
                               json_quote(a.candidates[k].base_id),
                               json_quote(a.candidates[k].evidence));
        out += "]}";
    }
    out += "],\n \"conflicts\": [";
    for (std::size_t i = 0; i < r.conflicts.size(); ++i)
        out += (i ? ", " : "") + json_quote(r.conflicts[i]);
    out += "],\n \"renamed_documents\": [";
    for (std::size_t i = 0; i < r.renamed_documents.size(); ++i)
        out += (i ? ", " : "") + json_quote(r.renamed_documents[i]);
    return out + "]}\n";
}

std::string report_table(const MergeReport& r, OutputFormat format) {
    Table t({"new", "base", "how"});
    for (const auto& m : r.matched) t.add_row({m.incoming_id, m.base_id, "matched: " + m.evidence});
    for (const auto& id : r.added_nodes) t.add_row({id, "", "added"});
    for (const auto& a : r.ambiguous)
        for (const auto& c : a.candidates)
            t.add_row({a.incoming_id, c.base_id, "ambiguous: " + c.evidence});
    std::string out = t.render(format);
    if (format == OutputFormat::Table) {
        out += fmt::format("\n{} matched, {} added; edges: {} added, {} already present\n",
                           r.matched.size(), r.added_nodes.size(), r.added_edges, r.merged_edges);
        for (const auto& c : r.conflicts) out += "conflict: " + c + "\n";
        for (const auto& d : r.renamed_documents) out += "document renamed: " + d + "\n";
    }
    return out;
}

// Whether `output` names the database `base` itself (merge BASE NEW -o BASE).
bool same_file(const std::string& base, const std::string& output) {
    std::error_code ec;
    return std::filesystem::equivalent(base, output, ec);
}

int run_merge(const MergeCli& o) {
    std::optional<Format> format;
    if (!o.from.empty()) format = parse_format(o.from);
    if (!o.from.empty() && !format)
        throw ArgumentError(fmt::format("--input-format: unknown format '{}'", o.from));
    ImportResult in = import_files(o.incoming, format, {o.strict});
    for (const auto& note : in.notes) fmt::print(stderr, "note: {}\n", note);
    Database db = Database::open(o.base);
    MergeOptions m;
    m.base_name = input_name(o.base);
    m.incoming_name = input_name(o.incoming.front());
    if (!o.map.empty())
        m.decisions = parse_merge_map(read_file(o.map), o.map, db.graph(), in.graph);
    bool into_base = !o.dry_run && (o.output.empty() || same_file(o.base, o.output));
    MergeResult r;
    if (!into_base || o.interactive) {
        // On the state loaded: a dry run, a new file, or the questions of --interactive, which
        // are asked without holding the writer lock.
        std::map<std::string, std::string> answers;
        if (o.interactive)
            m.resolve = [&](const Ambiguity& a) {
                auto choice = ask(a, m.incoming_name);
                if (choice) answers[a.incoming_id] = *choice;
                return choice;
            };
        r = merge_graphs(db.graph(), in.graph, m);
        // The answers become decisions; the merge itself is redone under the lock.
        m.decisions.insert(answers.begin(), answers.end());
        m.resolve = nullptr;
    }
    UpdateResult u;
    std::size_t ops = 0;
    if (into_base && (!o.interactive || r.complete())) {
        // Merged on the latest committed state, under the writer lock: another writer's
        // commits since the file was loaded are part of the base, never overwritten.
        u = db.update(
            [&](WriteTransaction& tx) {
                r = merge_graphs(tx.graph(), in.graph, m);
                if (r.complete()) ops = stage_merge(tx, r.graph);
            },
            {.wait_seconds = o.wait, .compact = true, .compact_later = true});
    }
    print(o.format == OutputFormat::Json ? report_json(r.report)
                                         : report_table(r.report, o.format));
    if (!r.complete()) {
        fmt::print(stderr,
                   "liaison: {} ambiguous entities; nothing was written. Decide them with --map "
                   "FILE (lines \"NEW_ID BASE_ID\" or \"NEW_ID new\") or --interactive\n",
                   r.report.ambiguous.size());
        return 1;
    }
    if (o.dry_run) return 0;
    if (!into_base) {
        Database::replace(o.output, r.graph, {o.wait});
        fmt::print(stderr, "wrote {}\n", o.output);
    } else {
        warn_if_deferred(o.base, u);
        fmt::print(stderr, "committed {} operations to {}\n", ops, o.base);
    }
    return 0;
}
}  // namespace

void register_merge(CLI::App& app, Action& run) {
    auto o = std::make_shared<MergeCli>();
    auto* cmd = app.add_subcommand("merge", "Fold a new network into a kept one");
    cmd->add_option("base", o->base, "The kept network (database file)")->required();
    cmd->add_option("new", o->incoming,
                    "The new network (any importable format; several CSV files)")
        ->required();
    cmd->add_option("--map", o->map, "Decisions: lines \"NEW_ID BASE_ID\" or \"NEW_ID new\"");
    cmd->add_flag("--interactive", o->interactive, "Ask about each ambiguous entity on stdin");
    cmd->add_option("-o,--output", o->output, "Write the result here instead of into BASE")
        ->check(database_file());
    cmd->add_flag("--dry-run", o->dry_run, "Only report what would be done");
    cmd->add_option("--input-format", o->from, "Format of the new network (default: from its name)")
        ->type_name("csv|graphml|gexf|dot|node-link|cytoscape|edgelist|json");
    add_deprecated_alias(cmd, "--from", "--input-format", o->from);
    cmd->add_flag("--strict", o->strict, "Stop at the first bad row of the new network");
    cmd->add_option("--wait", o->wait, "Wait up to SECONDS for another writer to finish")
        ->check(CLI::NonNegativeNumber);
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_merge(*o); }; });
}

}  // namespace liaison::cli
