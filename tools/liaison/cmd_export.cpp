// liaison export FILE -o OUT [--to FORMAT] : a network for Gephi (GEXF), Cytoscape, NetworkX,
// Neo4j (CSV), Graphviz (DOT) or any tool (GraphML, edge lists).
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "interchange/interchange.hpp"
#include "io/native_format.hpp"
#include "store/database.hpp"

namespace liaison::cli {

namespace {
struct ExportOptions {
    std::string file;
    std::string output;
    std::string to;
};

int run_export(const ExportOptions& o) {
    std::optional<Format> format;
    if (!o.to.empty()) {
        format = parse_format(o.to);
        if (!format) throw ArgumentError(fmt::format("unknown format '{}'", o.to));
    } else {
        format = format_of_path(o.output);
        if (!format && std::filesystem::path(o.output).extension() == ".json")
            format = Format::Native;
        if (!format)
            throw ArgumentError(
                fmt::format("cannot tell the format from '{}': give --to", o.output));
    }
    // The database's committed state: snapshot plus journal.
    PropertyGraph g = Database::open(o.file).take_graph();
    if (*format == Format::Csv) {
        std::filesystem::create_directories(o.output);
        for (const auto& f : export_csv(g))
            write_file_atomic((std::filesystem::path(o.output) / f.name).string(), f.content);
        print(
            fmt::format("exported {} nodes and {} edges to {}/ (nodes.csv, edges.csv, "
                        "documents.csv, relations.csv)\n",
                        g.node_count(), g.edge_count(), o.output));
        return 0;
    }
    std::string text = export_text(g, *format);
    if (o.output == "-") {
        print(text);
        return 0;
    }
    write_file_atomic(o.output, text);
    print(fmt::format("exported {} nodes and {} edges to {} ({})\n", g.node_count(), g.edge_count(),
                      o.output, format_name(*format)));
    return 0;
}
}  // namespace

void register_export(CLI::App& app, Action& run) {
    auto o = std::make_shared<ExportOptions>();
    auto* cmd = app.add_subcommand(
        "export", "Export a network: graphml, gexf, csv, cytoscape, node-link, dot, edgelist");
    cmd->add_option("file", o->file, "Network file")->required();
    cmd->add_option("-o,--output", o->output,
                    "Output file (a folder for csv; - for standard output)")
        ->required();
    cmd->add_option("--to", o->to, "Format (default: from the output's extension)");
    cmd->callback([o, &run] { run = [o] { return run_export(*o); }; });
}

}  // namespace liaison::cli
