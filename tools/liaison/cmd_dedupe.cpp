// liaison dedupe FILE : likely duplicate entities within one network, with the evidence.
#include <fmt/format.h>

#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "json_cells.hpp"
#include "liaison/interchange/merge.hpp"
#include "liaison/store/database.hpp"

namespace liaison::cli {

namespace {
struct DedupeOptions {
    std::string file;
    double min_score = 0.0;
    OutputFormat format = OutputFormat::Table;
};

int run_dedupe(const DedupeOptions& o) {
    PropertyGraph g = Database::open(o.file).take_graph();
    Table t({"score", "a", "a_name", "b", "b_name", "evidence"});
    for (const DuplicatePair& p : find_duplicates(g)) {
        if (p.score < o.min_score) continue;
        const Node &a = g.node(p.a), &b = g.node(p.b);
        t.add_row({Cell::number(p.score, fmt::format("{:.2f}", p.score)), a.id,
                   names_cell(a, a.display_name()), b.id, names_cell(b, b.display_name()),
                   Cell::list(p.evidence, "; ")});
    }
    print(t.render(o.format));
    if (o.format == OutputFormat::Table)
        print(fmt::format("{} likely duplicate pair{}\n", t.size(), t.size() == 1 ? "" : "s"));
    return 0;
}
}  // namespace

void register_dedupe(CLI::App& app, Action& run) {
    auto o = std::make_shared<DedupeOptions>();
    auto* cmd = app.add_subcommand("dedupe", "List likely duplicate entities, with the evidence");
    cmd->add_option("file", o->file, "Network file")->required();
    cmd->add_option("--min-score", o->min_score, "Only pairs scoring at least this (0 to 1)");
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_dedupe(*o); }; });
}

}  // namespace liaison::cli
