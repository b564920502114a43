// liaison add-node FILE ID --label L --en NAME --source DOC --quote TEXT … : records a new
// entity, with its source, in one durable transaction.
#include <memory>

#include "commands.hpp"
#include "edit_common.hpp"

namespace liaison::cli {

namespace {
struct AddNodeOptions {
    EditOptions edit;
    std::string id;
    std::vector<std::string> labels, aliases;
    std::string en, ar;
};

int run_add_node(const AddNodeOptions& o) {
    Node n;
    n.id = o.id;
    n.labels = o.labels;
    n.names.en = o.en;
    n.names.ar = o.ar;
    n.names.aliases = o.aliases;
    if (n.names.en.empty() && n.names.ar.empty())
        throw ArgumentError("a node needs a name: --en NAME and/or --ar NAME");
    apply_fact_options(o.edit, n.time, n.properties);
    n.sources = sources_of(o.edit, true);
    return run_edit(o.edit, [&](WriteTransaction& tx) {
        tx.add_node(n);
        return fmt::format("added node {} ({})", n.id, n.display_name());
    });
}
}  // namespace

void register_add_node(CLI::App& app, Action& run) {
    auto o = std::make_shared<AddNodeOptions>();
    auto* cmd = app.add_subcommand("add-node", "Add an entity (with its source) to a database");
    cmd->add_option("file", o->edit.file, "Network file (.json)")->required();
    cmd->add_option("id", o->id, "New node id: lowercase letters, digits, '.', '_', '-'")
        ->required();
    cmd->add_option("--label", o->labels, "Label: Person, Agency, Country, Event, …")->required();
    cmd->add_option("--en", o->en, "English name");
    cmd->add_option("--ar", o->ar, "Arabic name");
    cmd->add_option("--alias", o->aliases, "Another spelling (repeatable)");
    add_fact_options(cmd, o->edit);
    add_source_options(cmd, o->edit);
    cmd->add_flag("--no-source", o->edit.no_source, "Record the node without a source");
    add_common_edit_options(cmd, o->edit);
    cmd->callback([o, &run] { run = [o] { return run_add_node(*o); }; });
}

}  // namespace liaison::cli
