// liaison add-edge FILE SOURCE RELATION TARGET --source DOC --quote TEXT … : records a new
// relation between two entities, with its source, in one durable transaction.
#include <memory>

#include "commands.hpp"
#include "edit_common.hpp"

namespace liaison::cli {

namespace {
struct AddEdgeOptions {
    EditOptions edit;
    std::string source, relation, target, id, declare, ar, en;
};

int run_add_edge(const AddEdgeOptions& o) {
    store::EdgeData e;
    e.source = o.source;
    e.relation = o.relation;
    e.target = o.target;
    e.id = o.id;
    apply_fact_options(o.edit, e.time, e.properties);
    e.sources = sources_of(o.edit, true);
    return run_edit(o.edit, [&](WriteTransaction& tx) {
        if (!o.declare.empty())
            tx.declare_relation({o.relation, o.declare == "symmetric", o.ar, o.en, false});
        EdgeIndex added = tx.add_edge(e);
        return fmt::format("added edge {}", describe_edge(tx.graph(), added));
    });
}
}  // namespace

void register_add_edge(CLI::App& app, Action& run) {
    auto o = std::make_shared<AddEdgeOptions>();
    auto* cmd = app.add_subcommand("add-edge", "Add a relation (with its source) to a database");
    cmd->add_option("file", o->edit.file, "Network file (.json)")->required();
    cmd->add_option("source", o->source, "Source node id")->required();
    cmd->add_option("relation", o->relation, "Relation type, e.g. MET_WITH")->required();
    cmd->add_option("target", o->target, "Target node id")->required();
    cmd->add_option("--id", o->id, "Edge id (optional)");
    cmd->add_option("--declare", o->declare, "Declare a new relation type as symmetric or directed")
        ->check(CLI::IsMember({"symmetric", "directed"}));
    cmd->add_option("--relation-ar", o->ar, "With --declare: the relation's Arabic label");
    cmd->add_option("--relation-en", o->en, "With --declare: the relation's English label");
    add_fact_options(cmd, o->edit);
    add_source_options(cmd, o->edit);
    cmd->add_flag("--no-source", o->edit.no_source, "Record the edge without a source");
    add_common_edit_options(cmd, o->edit);
    cmd->callback([o, &run] { run = [o] { return run_add_edge(*o); }; });
}

}  // namespace liaison::cli
