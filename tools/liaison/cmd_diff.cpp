// liaison diff FILE --from WINDOW --to WINDOW: what changed between two periods (two General
// Assemblies): ties formed and lost, entities new and gone.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

#include "analysis_flags.hpp"
#include "cli_common.hpp"
#include "commands.hpp"
#include "json_cells.hpp"
#include "liaison/analysis/time_slices.hpp"

namespace liaison::cli {

namespace {

struct DiffOptions {
    std::string file;
    std::string before;
    std::string after;
    std::vector<std::string> labels;
    std::vector<std::string> types;
    bool keep_undated = false;
    bool kept = false;
    OutputFormat format = OutputFormat::Table;
};

// The dates of a tie's edges, distinct, in edge order: text joined by "; ", in JSON a list of
// time objects ({"date"} or {"start", "end"}).
Cell tie_dates(const PropertyGraph& g, const analysis::Tie& t) {
    std::vector<std::string> dates;
    std::string text, json = "[";
    for (EdgeIndex e : t.edges) {
        const TimeSpan span = analysis::effective_time(g, e);
        std::string d = span.to_string();
        if (d.empty() || std::find(dates.begin(), dates.end(), d) != dates.end()) continue;
        text += (dates.empty() ? "" : "; ") + d;
        json += (dates.empty() ? "" : ", ") + time_json(span);
        dates.push_back(std::move(d));
    }
    return Cell::raw(std::move(text), json + "]");
}

int run_diff(const DiffOptions& o) {
    PropertyGraph g = load_graph(o.file);
    const TimeWindow before = analysis::parse_window(g, o.before, "--from");
    const TimeWindow after = analysis::parse_window(g, o.after, "--to");
    analysis::SliceOptions options;
    options.labels = o.labels;
    options.edge_types = o.types;
    options.keep_undated = o.keep_undated;
    analysis::SliceDiff d = analysis::diff_slices(g, before, after, options);
    const bool people = o.format == OutputFormat::Table;
    auto name = [&](NodeIndex n) {
        return Cell::raw(people ? shorten(g.node(n).display_name(), 40) : g.node(n).id,
                         node_json(g.node(n)));
    };
    // Rows without the change column; machines get it prepended, people get sections.
    using Rows = std::vector<std::vector<Cell>>;
    auto tie_rows = [&](const std::vector<analysis::Tie>& ties) {
        Rows rows;
        for (const analysis::Tie& tie : ties)
            rows.push_back({name(tie.source), g.relations().get(tie.type).name, name(tie.target),
                            tie.edges.size(), tie_dates(g, tie)});
        return rows;
    };
    auto node_rows = [&](const std::vector<NodeIndex>& nodes) {
        Rows rows;
        for (NodeIndex n : nodes)
            rows.push_back({name(n), Cell::null(), Cell::null(), Cell::null(), Cell::null()});
        return rows;
    };
    std::vector<std::pair<std::string, Rows>> parts{{"formed", tie_rows(d.formed)},
                                                    {"lost", tie_rows(d.lost)}};
    if (o.kept) parts.emplace_back("kept", tie_rows(d.kept));
    parts.emplace_back("new", node_rows(d.entered));
    parts.emplace_back("gone", node_rows(d.left));
    if (!people) {
        Table t({"change", "source", "relation", "target", "edges", "when"});
        for (auto& [change, rows] : parts) {
            for (auto& row : rows) {
                row.insert(row.begin(), change);
                t.add_row(std::move(row));
            }
        }
        print(t.render(o.format));
        return 0;
    }
    print(fmt::format("{} -> {}: {} ties formed, {} lost, {} kept; {} entities new, {} gone\n",
                      before.to_string(), after.to_string(), d.formed.size(), d.lost.size(),
                      d.kept.size(), d.entered.size(), d.left.size()));
    const std::map<std::string, std::string> titles{{"formed", "Ties formed"},
                                                    {"lost", "Ties lost"},
                                                    {"kept", "Ties kept"},
                                                    {"new", "New entities"},
                                                    {"gone", "Entities gone"}};
    for (auto& [change, rows] : parts) {
        if (rows.empty()) continue;
        const bool ties = change != "new" && change != "gone";
        Table t(ties ? std::vector<std::string>{"source", "relation", "target", "edges", "when"}
                     : std::vector<std::string>{"entity"});
        for (auto& row : rows) {
            if (!ties) row.resize(1);
            t.add_row(std::move(row));
        }
        print(fmt::format("\n{} ({})\n", titles.at(change), t.size()));
        print(t.render(OutputFormat::Table));
    }
    return 0;
}

}  // namespace

void register_diff(CLI::App& app, Action& run) {
    auto o = std::make_shared<DiffOptions>();
    auto* cmd = app.add_subcommand(
        "diff", "What changed between two periods: ties formed and lost, entities new and gone");
    cmd->add_option("file", o->file, "Network file")->required();
    cmd->add_option("--from", o->before,
                    "The earlier window: 2023, 2023-11, 2023-11-28..2023-12-01, or a dated "
                    "entity such as an event")
        ->required();
    cmd->add_option("--to", o->after, "The later window, written the same way")->required();
    cmd->add_option("--labels", o->labels, "Only ties between nodes with these labels")
        ->delimiter(',');
    cmd->add_option("--types", o->types, "Only edges of these types")->delimiter(',');
    cmd->add_flag("--keep-undated", o->keep_undated,
                  "Count undated edges in both windows (they then never change)");
    cmd->add_flag("--kept", o->kept, "Also list the ties present in both windows");
    add_wide_flag(cmd);
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_diff(*o); }; });
}

}  // namespace liaison::cli
