// liaison remove FILE TARGET : removes a node (--cascade: with its edges) or an edge, e.g. to
// undo add-node or add-edge.
#include <memory>

#include "commands.hpp"
#include "edit_common.hpp"

namespace liaison::cli {

namespace {
struct RemoveOptions {
    EditOptions edit;
    std::string target;
    bool cascade = false;
};

int run_remove(const RemoveOptions& o) {
    return run_edit(o.edit, [&](WriteTransaction& tx) {
        const PropertyGraph& g = tx.graph();
        Target t = resolve_target(g, o.target);
        if (t.edge) {
            std::string name = describe_edge(g, *t.edge);
            tx.remove_edge(*t.edge);
            return fmt::format("removed edge {}", name);
        }
        std::size_t edges = 0;
        g.for_each_incident(*t.node, Direction::Both, [&](EdgeIndex, NodeIndex) { ++edges; });
        if (edges > 0 && !o.cascade)
            throw ArgumentError(fmt::format(
                "node '{}' has {} edge{}; remove them first, or use --cascade to remove them too",
                o.target, edges, edges == 1 ? "" : "s"));
        tx.remove_node(o.target);
        return edges ? fmt::format("removed node {} and its {} edge{}", o.target, edges,
                                   edges == 1 ? "" : "s")
                     : fmt::format("removed node {}", o.target);
    });
}
}  // namespace

void register_remove(CLI::App& app, Action& run) {
    auto o = std::make_shared<RemoveOptions>();
    auto* cmd = app.add_subcommand("remove", "Remove a node or an edge from a database");
    cmd->add_option("file", o->edit.file, "Network file (.json)")->required();
    cmd->add_option("target", o->target, "Node id, edge id, or SOURCE:RELATION:TARGET[#N]")
        ->required();
    cmd->add_flag("--cascade", o->cascade, "Also remove the node's edges");
    add_common_edit_options(cmd, o->edit);
    cmd->callback([o, &run] { run = [o] { return run_remove(*o); }; });
}

}  // namespace liaison::cli
