// liaison ego FILE ENTITY --hops K: an entity's neighbourhood within K steps.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <memory>

#include "analysis/paths.hpp"
#include "analysis_flags.hpp"
#include "cli_common.hpp"
#include "commands.hpp"

namespace liaison::cli {

namespace {

struct EgoOptions {
    std::string file;
    std::string entity;
    std::uint32_t hops = 1;
    std::string follow = "both";
    ProjectionFlags projection;
    OutputFormat format = OutputFormat::Table;
};

int run_ego(const EgoOptions& o) {
    PropertyGraph g = load_graph(o.file);
    analysis::Projection p = analysis::project(g, projection_options(g, o.projection));
    const NodeIndex center = resolve(g, o.entity);
    analysis::EgoDirection direction = o.follow == "out"  ? analysis::EgoDirection::Out
                                       : o.follow == "in" ? analysis::EgoDirection::In
                                                          : analysis::EgoDirection::Both;
    analysis::Ego ego = analysis::ego_network(p.graph, p.vertex(g, center), {o.hops, direction});
    // Edges inside the neighbourhood, for the summary line.
    std::vector<char> inside(p.graph.node_count(), 0);
    for (analysis::Vertex v : ego.vertices) inside[v] = 1;
    std::size_t ties = 0;
    for (const analysis::WeightedEdge& e : p.graph.edges())
        ties += inside[e.source] && inside[e.target];
    const bool people = o.format == OutputFormat::Table;
    Table t({"hops", "id", "name", "labels"});
    for (std::size_t i = 0; i < ego.vertices.size(); ++i) {
        const Node& n = g.node(p.graph.origins()[ego.vertices[i]]);
        t.add_row({std::to_string(ego.hops[i]), n.id,
                   people ? shorten(n.display_name()) : n.display_name(),
                   fmt::format("{}", fmt::join(n.labels, people ? ", " : " "))});
    }
    if (people)
        print(fmt::format("{} within {} hop{}: {} entities, {} ties among them\n\n",
                          g.node(center).display_name(), o.hops, o.hops == 1 ? "" : "s",
                          ego.vertices.size(), ties));
    print(t.render(o.format));
    return 0;
}

}  // namespace

void register_ego(CLI::App& app, Action& run) {
    auto o = std::make_shared<EgoOptions>();
    auto* cmd = app.add_subcommand("ego", "An entity's neighbourhood within K hops");
    cmd->add_option("file", o->file, "Network file")->required();
    cmd->add_option("entity", o->entity, "Entity: id or any name, Arabic or English")->required();
    cmd->add_option("--hops", o->hops, "How many steps out (default 1)");
    cmd->add_option("--follow", o->follow, "On a directed projection: out, in or both (default)")
        ->check(CLI::IsMember({"out", "in", "both"}));
    add_projection_flags(cmd, o->projection);
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_ego(*o); }; });
}

}  // namespace liaison::cli
