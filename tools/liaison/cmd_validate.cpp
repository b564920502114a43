// liaison validate FILE… : checks each network against the schema and the semantic rules, and
// (with --documents DIR) that every quote stands verbatim in its article.
#include <fmt/format.h>

#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "core/error.hpp"
#include "io/provenance.hpp"

namespace liaison::cli {

namespace {
struct ValidateOptions {
    std::vector<std::string> files;
    std::string documents;
    bool require_sources = false;
};

int run_validate(const ValidateOptions& o) {
    int status = 0;
    for (const auto& file : o.files) {
        try {
            PropertyGraph g = load_graph(file);
            std::vector<std::string> problems;
            if (!o.documents.empty())
                problems = check_provenance(g, o.documents, o.require_sources);
            if (problems.empty()) {
                print(fmt::format("{}: ok ({} nodes, {} edges)\n", file, g.node_count(),
                                  g.edge_count()));
                continue;
            }
            for (const auto& p : problems) fmt::print(stderr, "{}: {}\n", file, p);
            status = 1;
        } catch (const Error& e) {
            fmt::print(stderr, "{}\n", e.what());
            status = 1;
        }
    }
    return status;
}
}  // namespace

void register_validate(CLI::App& app, Action& run) {
    auto o = std::make_shared<ValidateOptions>();
    auto* cmd = app.add_subcommand("validate", "Check networks against the schema and rules");
    cmd->add_option("files", o->files, "Network files (.json)")->required();
    cmd->add_option("--documents", o->documents,
                    "Folder of the source articles: check every quote stands in its article");
    cmd->add_flag("--require-sources", o->require_sources,
                  "With --documents: every node and edge must cite a source");
    cmd->callback([o, &run] { run = [o] { return run_validate(*o); }; });
}

}  // namespace liaison::cli
