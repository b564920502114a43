// liaison rank FILE --by MEASURE [--top N] [projection flags] [--write]: who is most central.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <memory>

#include "analysis_flags.hpp"
#include "cli_common.hpp"
#include "commands.hpp"
#include "json_cells.hpp"
#include "liaison/analysis/ranking.hpp"
#include "liaison/analysis/registry.hpp"
#include "liaison/io/native_format.hpp"
#include "progress.hpp"

namespace liaison::cli {

namespace {

struct RankOptions {
    std::string file;
    std::string by = "degree";
    std::size_t top = 20;
    bool write = false;
    std::string property;
    ProjectionFlags projection;
    OptionFlags flags;  // measure options, to the registry only when given: its defaults stand
    OutputFormat format = OutputFormat::Table;
};

int run_rank(const RankOptions& o) {
    const analysis::AlgorithmInfo& info =
        analysis::find_algorithm(analysis::AlgorithmKind::Measure, o.by, "--by");
    const analysis::AlgorithmOptions options =
        analysis::validate_options(info, given_options(info, o.flags), "rank --by " + info.name);
    Progress bar("rank", 3);  // loading, projecting, measuring
    bar.step(fmt::format("loading {}", o.file));
    PropertyGraph g = load_graph(o.file);
    bar.step("projecting");
    analysis::Projection p = analysis::project(g, projection_options(g, o.projection));
    bar.step(fmt::format("computing {}", o.by));
    analysis::Scores s = info.measure(p.graph, options);
    bar.finish();
    if (!s.converged)
        fmt::print(stderr,
                   "liaison: warning: {} did not converge in {} iterations; scores are "
                   "approximate{}\n",
                   o.by, s.iterations, o.by == "katz" ? " (try a smaller --alpha)" : "");
    const bool exact = o.format != OutputFormat::Table;
    Table t({"rank", "id", "name", o.by});
    std::size_t rank = 0;
    for (analysis::Vertex v : analysis::ranking(s.value, p.ids, o.top)) {
        const Node& n = g.node(p.graph.origins()[v]);
        t.add_row({++rank, n.id,
                   names_cell(n, exact ? n.display_name() : shorten(n.display_name())),
                   Cell::number(s.value[v], format_score(s.value[v], exact))});
    }
    if (o.format == OutputFormat::Table)
        print(fmt::format("{} by {} ({} nodes, {} edges in the projection)\n\n",
                          g.graph_label.empty() ? o.file : g.graph_label, o.by,
                          p.graph.node_count(), p.graph.edge_count()));
    print(t.render(o.format));
    if (o.write) {
        const std::string key = o.property.empty() ? o.by : o.property;
        std::vector<std::pair<std::string, Value>> values;
        for (analysis::Vertex v = 0; v < p.graph.node_count(); ++v)
            values.emplace_back(p.ids[v], info.counts && !p.graph.weighted()
                                              ? Value(static_cast<std::int64_t>(s.value[v]))
                                              : Value(s.value[v]));
        std::size_t n = write_node_property(o.file, key, values);
        fmt::print(stderr, "liaison: wrote '{}' on {} nodes of {}\n", key, n, o.file);
    }
    return 0;
}

}  // namespace

void register_rank(CLI::App& app, Action& run) {
    auto o = std::make_shared<RankOptions>();
    auto* cmd = app.add_subcommand("rank", "Rank entities by a centrality measure");
    cmd->add_option("file", o->file, "Network file")->required();
    const std::vector<std::string> measures =
        analysis::algorithm_names(analysis::AlgorithmKind::Measure);
    cmd->add_option("--by", o->by, "Measure: " + fmt::format("{}", fmt::join(measures, ", ")))
        ->check(CLI::IsMember(measures));
    cmd->add_option("--top", o->top, "Show the first N (0: all; default 20)");
    add_option_flags(cmd, o->flags);
    cmd->add_flag("--write", o->write, "Store the scores as a node property and save the file");
    cmd->add_option("--property", o->property, "Property name for --write (default: the measure)");
    add_projection_flags(cmd, o->projection);
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_rank(*o); }; });
}

}  // namespace liaison::cli
