// liaison add-document FILE ID --title … : records a source document, so facts can cite it.
#include <memory>

#include "commands.hpp"
#include "edit_common.hpp"

namespace liaison::cli {

namespace {
struct AddDocumentOptions {
    EditOptions edit;
    Document doc;
    std::string date;
};

int run_add_document(const AddDocumentOptions& o) {
    Document d = o.doc;
    d.date = date_option(o.date, "date");
    return run_edit(o.edit, [&](WriteTransaction& tx) {
        if (tx.graph().documents().count(d.id))
            throw ArgumentError(fmt::format("document '{}' already exists", d.id));
        tx.put_document(d);
        return fmt::format("added document {}", d.id);
    });
}
}  // namespace

void register_add_document(CLI::App& app, Action& run) {
    auto o = std::make_shared<AddDocumentOptions>();
    auto* cmd = app.add_subcommand("add-document", "Add a source document to a database");
    cmd->add_option("file", o->edit.file, "Network file (.json)")->required();
    cmd->add_option("id", o->doc.id, "New document id, e.g. doc-042")->required();
    cmd->add_option("--title", o->doc.title, "Title");
    cmd->add_option("--outlet", o->doc.outlet, "Outlet (newspaper, agency, site)");
    cmd->add_option("--date", o->date, "Publication date YYYY[-MM[-DD]]");
    cmd->add_option("--doc-file", o->doc.file, "Its text file (name under the seeds folder)");
    cmd->add_option("--language", o->doc.language, "Language code, e.g. ar, en, fr");
    cmd->add_option("--url", o->doc.url, "Address");
    add_common_edit_options(cmd, o->edit);
    cmd->callback([o, &run] { run = [o] { return run_add_document(*o); }; });
}

}  // namespace liaison::cli
