// liaison communities FILE [--algorithm louvain|leiden|labelprop] [--resolution R] [--seed S]:
// which groups form.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "analysis_flags.hpp"
#include "cli_common.hpp"
#include "commands.hpp"
#include "json_cells.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/analysis/registry.hpp"
#include "progress.hpp"

namespace liaison::cli {

namespace {

struct CommunitiesOptions {
    std::string file;
    std::string algorithm = analysis::default_community_algorithm();
    OptionFlags flags;  // algorithm options, to the registry only when given
    bool write = false;
    std::string property = "community";
    ProjectionFlags projection;
    OutputFormat format = OutputFormat::Table;
};

int run_communities(const CommunitiesOptions& o) {
    using namespace analysis;
    const AlgorithmInfo& info =
        find_algorithm(AlgorithmKind::Communities, o.algorithm, "--algorithm");
    const AlgorithmOptions options = validate_options(info, given_options(info, o.flags),
                                                      "communities --algorithm " + info.name);
    Progress bar("communities", 3);  // loading, projecting, partitioning
    bar.step(fmt::format("loading {}", o.file));
    PropertyGraph g = load_graph(o.file);
    bar.step("projecting");
    Projection p = project(g, projection_options(g, o.projection));
    bar.step(o.algorithm);
    Partition part = info.partition(p.graph, options);
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
    if (people) {
        // The options that shape the result, as the run used them (defaults included).
        std::string used;
        for (const char* name : {"resolution", "seed"})
            for (const auto& [key, value] : options.all())
                if (key == name) used += fmt::format(", {} {}", key, option_text(value));
        print(fmt::format("{}: {} communities (sizes {}), modularity {:.4f} ({}{})\n\n",
                          g.graph_label.empty() ? o.file : g.graph_label, part.count, sizes,
                          part.modularity, o.algorithm, used));
    }
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
    std::vector<std::string> names;
    for (const analysis::AlgorithmInfo& a : analysis::algorithms()) {
        if (a.kind != analysis::AlgorithmKind::Communities) continue;
        names.push_back(a.name);
        names.insert(names.end(), a.aliases.begin(), a.aliases.end());
    }
    cmd->add_option("--algorithm", o->algorithm,
                    fmt::format("{} (default), louvain or label_propagation (labelprop)",
                                analysis::default_community_algorithm()))
        ->check(CLI::IsMember(names));
    add_option_flags(cmd, o->flags, true);
    cmd->add_flag("--write", o->write, "Store each node's community and save the file");
    cmd->add_option("--property", o->property, "Property name for --write (default: community)");
    add_projection_flags(cmd, o->projection);
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_communities(*o); }; });
}

}  // namespace liaison::cli
