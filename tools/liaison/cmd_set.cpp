// liaison set FILE TARGET key=value… : changes properties, names, labels, time or sources of a
// node or an edge (TARGET: node id, edge id, or SOURCE:RELATION:TARGET[#N]).
#include <algorithm>
#include <memory>

#include "commands.hpp"
#include "edit_common.hpp"

namespace liaison::cli {

namespace {
struct SetOptions {
    EditOptions edit;
    std::string target;
    std::vector<std::string> unset, labels, aliases;
    std::string en, ar;
};

void unset_keys(const SetOptions& o, Properties& props) {
    for (const auto& key : o.unset)
        if (!props.erase(key))
            throw ArgumentError(fmt::format("--unset {}: there is no property '{}'", key, key));
}

int run_set(const SetOptions& o) {
    Sources added = sources_of(o.edit, false);
    return run_edit(o.edit, [&](WriteTransaction& tx) {
        const PropertyGraph& g = tx.graph();
        Target t = resolve_target(g, o.target);
        if (t.node) {
            Node n = g.node(*t.node);
            apply_fact_options(o.edit, n.time, n.properties);
            unset_keys(o, n.properties);
            if (!o.en.empty()) n.names.en = o.en;
            if (!o.ar.empty()) n.names.ar = o.ar;
            for (const auto& a : o.aliases)
                if (std::find(n.names.aliases.begin(), n.names.aliases.end(), a) ==
                    n.names.aliases.end())
                    n.names.aliases.push_back(a);
            for (const auto& l : o.labels)
                if (!n.has_label(l)) n.labels.push_back(l);
            n.sources.insert(n.sources.end(), added.begin(), added.end());
            std::string id = n.id;
            tx.update_node(std::move(n));
            return fmt::format("updated node {}", id);
        }
        if (!o.en.empty() || !o.ar.empty() || !o.aliases.empty() || !o.labels.empty())
            throw ArgumentError("--en, --ar, --alias and --label apply to nodes, not edges");
        Edge e = g.edge(*t.edge);
        apply_fact_options(o.edit, e.time, e.properties);
        unset_keys(o, e.properties);
        e.sources.insert(e.sources.end(), added.begin(), added.end());
        std::string name = describe_edge(g, *t.edge);
        tx.update_edge(*t.edge, e);
        return fmt::format("updated edge {}", name);
    });
}
}  // namespace

void register_set(CLI::App& app, Action& run) {
    auto o = std::make_shared<SetOptions>();
    auto* cmd = app.add_subcommand("set", "Change a node's or an edge's properties and facts");
    cmd->add_option("file", o->edit.file, "Network file (.json)")->required();
    cmd->add_option("target", o->target, "Node id, edge id, or SOURCE:RELATION:TARGET[#N]")
        ->required();
    cmd->add_option("assignments", o->edit.assignments,
                    "key=text, or key:=JSON for typed values (12, true, null, "
                    "{\"date\":\"2025-11\"})");
    cmd->add_option("--unset", o->unset, "Remove a property (repeatable)");
    cmd->add_option("--en", o->en, "New English name");
    cmd->add_option("--ar", o->ar, "New Arabic name");
    cmd->add_option("--alias", o->aliases, "Add another spelling (repeatable)");
    cmd->add_option("--label", o->labels, "Add a label (repeatable)");
    cmd->add_option("--date", o->edit.date, "When: a date YYYY[-MM[-DD]]");
    cmd->add_option("--start", o->edit.start, "When it began: YYYY[-MM[-DD]]");
    cmd->add_option("--end", o->edit.end, "When it ended: YYYY[-MM[-DD]]");
    add_source_options(cmd, o->edit);
    add_common_edit_options(cmd, o->edit);
    cmd->callback([o, &run] { run = [o] { return run_set(*o); }; });
}

}  // namespace liaison::cli
