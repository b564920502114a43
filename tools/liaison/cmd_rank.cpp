// liaison rank FILE --by MEASURE [--top N] [projection flags] [--write]: who is most central.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <map>
#include <memory>

#include "analysis/centrality.hpp"
#include "analysis/ranking.hpp"
#include "analysis/structure.hpp"
#include "analysis_flags.hpp"
#include "cli_common.hpp"
#include "commands.hpp"
#include "io/native_format.hpp"
#include "json_cells.hpp"
#include "progress.hpp"

namespace liaison::cli {

namespace {

struct RankOptions {
    std::string file;
    std::string by = "degree";
    std::size_t top = 20;
    std::string mode = "total";
    bool normalized = false;
    std::uint32_t samples = 0;
    std::uint64_t seed = 0;
    double damping = 0.85;
    double alpha = 0.1;
    bool write = false;
    std::string property;
    ProjectionFlags projection;
    OutputFormat format = OutputFormat::Table;
};

const std::vector<std::string> kMeasures{"degree",   "betweenness", "closeness",
                                         "harmonic", "eigenvector", "pagerank",
                                         "katz",     "clustering",  "core"};

analysis::Scores measure(const analysis::Csr& g, const RankOptions& o) {
    using namespace analysis;
    if (o.by == "degree") {
        DegreeMode mode = o.mode == "in"    ? DegreeMode::In
                          : o.mode == "out" ? DegreeMode::Out
                                            : DegreeMode::Total;
        return degree(g, {mode, g.weighted(), o.normalized});
    }
    if (o.by == "betweenness")
        return betweenness(g, {.normalized = true, .samples = o.samples, .seed = o.seed});
    if (o.by == "closeness") return closeness(g);
    if (o.by == "harmonic") return harmonic(g, {.normalized = o.normalized});
    if (o.by == "eigenvector") return eigenvector(g);
    if (o.by == "pagerank") return page_rank(g, {.damping = o.damping});
    if (o.by == "katz") return katz(g, {.alpha = o.alpha});
    Scores s;
    if (o.by == "clustering") {
        s.value = clustering(g, {g.weighted()});
    } else {
        for (std::uint32_t c : core_numbers(g)) s.value.push_back(c);
    }
    return s;
}

int run_rank(const RankOptions& o) {
    Progress bar("rank", 3);  // loading, projecting, measuring
    bar.step(fmt::format("loading {}", o.file));
    PropertyGraph g = load_graph(o.file);
    bar.step("projecting");
    analysis::Projection p = analysis::project(g, projection_options(g, o.projection));
    bar.step(fmt::format("computing {}", o.by));
    analysis::Scores s = measure(p.graph, o);
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
            values.emplace_back(p.ids[v], o.by == "core"
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
    cmd->add_option("--by", o->by, "Measure: " + fmt::format("{}", fmt::join(kMeasures, ", ")))
        ->check(CLI::IsMember(kMeasures));
    cmd->add_option("--top", o->top, "Show the first N (0: all; default 20)");
    cmd->add_option("--mode", o->mode, "Degree on a directed projection: in, out or total")
        ->check(CLI::IsMember({"in", "out", "total"}));
    cmd->add_flag("--normalized", o->normalized, "Degree and harmonic: divide by n - 1");
    cmd->add_option("--samples", o->samples, "Betweenness: estimate from K random sources");
    cmd->add_option("--seed", o->seed, "Seed for --samples");
    cmd->add_option("--damping", o->damping, "PageRank damping factor (default 0.85)");
    cmd->add_option("--alpha", o->alpha, "Katz attenuation factor (default 0.1)");
    cmd->add_flag("--write", o->write, "Store the scores as a node property and save the file");
    cmd->add_option("--property", o->property, "Property name for --write (default: the measure)");
    add_projection_flags(cmd, o->projection);
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_rank(*o); }; });
}

}  // namespace liaison::cli
