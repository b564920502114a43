// liaison ego FILE ENTITY --hops K: an entity's neighbourhood within K steps.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <memory>

#include "analysis_flags.hpp"
#include "cli_common.hpp"
#include "commands.hpp"
#include "json_cells.hpp"
#include "liaison/analysis/paths.hpp"
#include "liaison/analysis/projection.hpp"

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
    const analysis::ProjectionOptions options = projection_options(g, o.projection);
    analysis::Projection p = analysis::project(g, options);
    const NodeIndex center = resolve(g, o.entity);
    analysis::EgoDirection direction = o.follow == "out"  ? analysis::EgoDirection::Out
                                       : o.follow == "in" ? analysis::EgoDirection::In
                                                          : analysis::EgoDirection::Both;
    analysis::Ego ego = analysis::ego_network(p.graph, p.vertex(g, center), {o.hops, direction});
    // Counted as `render --ego` counts them (docs/algorithms.md).
    const analysis::TiesAmong among = analysis::ties_among(g, options, p, ego.vertices);
    const bool people = o.format == OutputFormat::Table;
    Table t({"hops", "id", "name", "labels"});
    for (std::size_t i = 0; i < ego.vertices.size(); ++i) {
        const Node& n = g.node(p.graph.origins()[ego.vertices[i]]);
        t.add_row({ego.hops[i], n.id,
                   names_cell(n, people ? shorten(n.display_name()) : n.display_name()),
                   Cell::list(n.labels, people ? ", " : " ")});
    }
    if (people)
        print(
            fmt::format("{} within {} hop{}: {} entities, {} ties among them ({} linked "
                        "pairs)\n\n",
                        g.node(center).display_name(), o.hops, o.hops == 1 ? "" : "s",
                        ego.vertices.size(), among.ties, among.pairs));
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
