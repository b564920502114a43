// liaison communities FILE [--algorithm louvain|leiden|labelprop] [--resolution R] [--seed S]:
// which groups form.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "analysis/community.hpp"
#include "analysis_flags.hpp"
#include "cli_common.hpp"
#include "commands.hpp"
#include "json_cells.hpp"
#include "progress.hpp"

namespace liaison::cli {

namespace {

struct CommunitiesOptions {
    std::string file;
    std::string algorithm = "leiden";
    double resolution = 1.0;
    std::uint64_t seed = 0;
    bool write = false;
    std::string property = "community";
    ProjectionFlags projection;
    OutputFormat format = OutputFormat::Table;
};

int run_communities(const CommunitiesOptions& o) {
    using namespace analysis;
    Progress bar("communities", 3);  // loading, projecting, partitioning
    bar.step(fmt::format("loading {}", o.file));
    PropertyGraph g = load_graph(o.file);
    bar.step("projecting");
    Projection p = project(g, projection_options(g, o.projection));
    bar.step(o.algorithm);
    Partition part;
    if (o.algorithm == "louvain") {
        part = louvain(p.graph, {o.resolution, o.seed});
    } else if (o.algorithm == "labelprop") {
        part = label_propagation(p.graph, {o.seed});
    } else {
        part = leiden(p.graph, {o.resolution, o.seed});
    }
    bar.finish();
    std::vector<std::vector<Vertex>> members(part.count);
    for (Vertex v = 0; v < p.graph.node_count(); ++v) members[part.membership[v]].push_back(v);
    const bool people = o.format == OutputFormat::Table;
    // One row per member, communities in canonical order (largest first), members by id.
    Table t({"community", "id", "name"});
    std::string sizes;
    for (std::uint32_t c = 0; c < part.count; ++c) {
        std::vector<Vertex>& m = members[c];
        std::sort(m.begin(), m.end(), [&](Vertex a, Vertex b) { return p.ids[a] < p.ids[b]; });
        sizes += (c ? ", " : "") + std::to_string(m.size());
        for (Vertex v : m) {
            const Node& n = g.node(p.graph.origins()[v]);
            t.add_row(
                {c, n.id, names_cell(n, people ? shorten(n.display_name()) : n.display_name())});
        }
    }
    if (people)
        print(
            fmt::format("{}: {} communities (sizes {}), modularity {:.4f} ({}, resolution {}, "
                        "seed {})\n\n",
                        g.graph_label.empty() ? o.file : g.graph_label, part.count, sizes,
                        part.modularity, o.algorithm, o.resolution, o.seed));
    print(t.render(o.format));
    if (o.write) {
        std::vector<std::pair<std::string, Value>> values;
        for (Vertex v = 0; v < p.graph.node_count(); ++v)
            values.emplace_back(p.ids[v], Value(static_cast<std::int64_t>(part.membership[v])));
        std::size_t n = write_node_property(o.file, o.property, values);
        fmt::print(stderr, "liaison: wrote '{}' on {} nodes of {}\n", o.property, n, o.file);
    }
    return 0;
}

}  // namespace

void register_communities(CLI::App& app, Action& run) {
    auto o = std::make_shared<CommunitiesOptions>();
    auto* cmd =
        app.add_subcommand("communities", "Find groups (Leiden, Louvain, label propagation)");
    cmd->add_option("file", o->file, "Network file")->required();
    cmd->add_option("--algorithm", o->algorithm, "leiden (default), louvain or labelprop")
        ->check(CLI::IsMember({"leiden", "louvain", "labelprop"}));
    cmd->add_option("--resolution", o->resolution,
                    "Modularity resolution: above 1 smaller groups, below 1 larger (default 1)");
    cmd->add_option("--seed", o->seed, "Random seed (same seed, same groups)");
    cmd->add_flag("--write", o->write, "Store each node's community and save the file");
    cmd->add_option("--property", o->property, "Property name for --write (default: community)");
    add_projection_flags(cmd, o->projection);
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_communities(*o); }; });
}

}  // namespace liaison::cli
