// liaison accept CANDIDATES.json --into DB : commits the accepted facts of a reviewed candidates
// file in one transaction, matching entities as `liaison merge` does; an ambiguous match stops
// the commit and is listed, never guessed.
#include <fmt/format.h>

#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "interchange_common.hpp"
#include "liaison/core/error.hpp"
#include "liaison/extract/accept.hpp"
#include "liaison/io/native_format.hpp"

namespace liaison::cli {

namespace {

struct AcceptCli {
    std::string file;
    std::string into;
    double wait = 0;
    bool dry_run = false;
    OutputFormat format = OutputFormat::Table;
};

std::string summary_json(const extract::AcceptCounts& c, const MergeReport& r, std::size_t ops,
                         bool committed) {
    std::string out = fmt::format(
        "{{\"committed\": {}, \"operations\": {}, \"nodes\": {}, \"edges\": {}, "
        "\"pending\": {{\"nodes\": {}, \"edges\": {}}}, \"rejected\": {{\"nodes\": {}, "
        "\"edges\": {}}},\n \"matched\": [",
        committed ? "true" : "false", ops, c.nodes, c.edges, c.pending_nodes, c.pending_edges,
        c.rejected_nodes, c.rejected_edges);
    for (std::size_t i = 0; i < r.matched.size(); ++i)
        out += fmt::format("{}{{\"candidate\": {}, \"database\": {}, \"evidence\": {}}}",
                           i ? ", " : "", json_quote(r.matched[i].incoming_id),
                           json_quote(r.matched[i].base_id), json_quote(r.matched[i].evidence));
    out += "],\n \"added_nodes\": [";
    for (std::size_t i = 0; i < r.added_nodes.size(); ++i)
        out += (i ? ", " : "") + json_quote(r.added_nodes[i]);
    out += fmt::format("], \"added_edges\": {}, \"merged_edges\": {},\n \"ambiguous\": [",
                       r.added_edges, r.merged_edges);
    for (std::size_t i = 0; i < r.ambiguous.size(); ++i) {
        const Ambiguity& a = r.ambiguous[i];
        out += fmt::format("{}{{\"candidate\": {}, \"name\": {}, \"could_be\": [", i ? ", " : "",
                           json_quote(a.incoming_id), json_quote(a.incoming_name));
        for (std::size_t k = 0; k < a.candidates.size(); ++k)
            out += (k ? ", " : "") + json_quote(a.candidates[k].base_id);
        out += "]}";
    }
    return out + "]}\n";
}

std::string summary_table(const extract::AcceptCounts& c, const MergeReport& r, std::size_t ops,
                          bool committed) {
    std::string out;
    for (const auto& m : r.matched)
        out += fmt::format("matched: {} is {} ({})\n", m.incoming_id, m.base_id, m.evidence);
    for (const auto& id : r.added_nodes) out += fmt::format("added: {}\n", id);
    for (const auto& a : r.ambiguous) out += ambiguity_text(a, "candidate");
    out += fmt::format(
        "{} {} nodes and {} edges ({} operations; {} edges already present); left out: {} "
        "pending nodes, {} pending edges, {} rejected nodes, {} rejected edges\n",
        committed ? "accepted" : "would accept", c.nodes, c.edges, ops, r.merged_edges,
        c.pending_nodes, c.pending_edges, c.rejected_nodes, c.rejected_edges);
    return out;
}

int run_accept(const AcceptCli& o) {
    PropertyGraph candidates = read_graph_file(o.file);
    std::string name = input_name(o.file);
    extract::AcceptPlan plan = extract::plan_accept(candidates, o.file);
    Database db = Database::open(o.into);
    MergeResult r;
    std::size_t ops = 0;
    UpdateResult u;
    if (o.dry_run) {
        r = extract::merge_accepted(db.graph(), plan, name, input_name(o.into));
    } else {
        // Matched and staged on the latest committed state, under the writer lock, so another
        // writer's commits since the database was opened are matched against too.
        u = db.update(
            [&](WriteTransaction& tx) {
                r = extract::merge_accepted(tx.graph(), plan, name, input_name(o.into));
                if (r.complete()) ops = stage_merge(tx, r.graph);
            },
            {.wait_seconds = o.wait, .compact = true, .compact_later = true});
    }
    bool committed = !o.dry_run && r.complete();
    std::string text = o.format == OutputFormat::Json
                           ? summary_json(plan.counts, r.report, ops, committed)
                           : summary_table(plan.counts, r.report, ops, committed);
    if (!r.complete()) {
        print(text);
        fmt::print(stderr,
                   "liaison: {} ambiguous entities; nothing was committed. Decide each with "
                   "`liaison review {} --apply` (\"match\": a database id or \"new\") or the "
                   "review page's edit\n",
                   r.report.ambiguous.size(), o.file);
        return 1;
    }
    if (!committed) {
        print(text);
        return 0;
    }
    print_committed(text);
    warn_if_deferred(o.into, u);
    return 0;
}

}  // namespace

void register_accept(CLI::App& app, Action& run) {
    auto o = std::make_shared<AcceptCli>();
    auto* cmd = app.add_subcommand("accept", "Commit the accepted facts of a candidates file");
    cmd->add_option("candidates", o->file, "The reviewed candidates file")->required();
    cmd->add_option("--into", o->into, "The database to commit to")->required();
    cmd->add_option("--wait", o->wait, "Wait up to SECONDS for another writer to finish")
        ->check(CLI::NonNegativeNumber);
    cmd->add_flag("--dry-run", o->dry_run, "Only report what would be committed");
    add_format_option(cmd, o->format, false);
    cmd->callback([o, &run] { run = [o] { return run_accept(*o); }; });
}

}  // namespace liaison::cli
