// liaison export FILE -o OUT [--output-format FORMAT] : a network for Gephi (GEXF), Cytoscape,
// NetworkX, Neo4j (CSV), Graphviz (DOT) or any tool (GraphML, edge lists).
#include <fmt/format.h>

#include <array>
#include <cmath>
#include <filesystem>
#include <memory>

#include "cli_common.hpp"
#include "commands.hpp"
#include "liaison/interchange/interchange.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/render/style.hpp"
#include "liaison/store/database.hpp"
#include "progress.hpp"
#include "render/positions.hpp"
#include "render/scores.hpp"

namespace liaison::cli {

namespace {
struct ExportOptions {
    std::string file;
    std::string output;
    std::string to;
    std::string gexf_version = "1.2";
    bool directed_only = false;
    // GEXF positions: a Graphviz engine, "none" (left to the receiving tool), or "auto": sfdp up
    // to kAutoLayoutNodes nodes (about a second), none above (sfdp takes ~12 s at 10,000).
    std::string layout = "auto";
    OutputFormat format = OutputFormat::Table;
};

// For machines: {"file", "format", "nodes", "edges", "files": [what was written]}.
std::string export_json(const std::string& output, Format format, const PropertyGraph& g,
                        const std::vector<std::string>& files) {
    return fmt::format(
        "{{\"file\": {}, \"format\": {}, \"nodes\": {}, \"edges\": {}, \"files\": {}}}\n",
        json_quote(output), json_quote(format_name(format)), g.node_count(), g.edge_count(),
        Cell::list(files, "").json);
}

constexpr std::size_t kAutoLayoutNodes = 2000;

std::uint32_t rgb_of(const std::string& hex) {
    if (hex.size() != 7 || hex[0] != '#') return 0x999999;
    return static_cast<std::uint32_t>(std::stoul(hex.substr(1), nullptr, 16));
}

// GEXF's viz: the drawing style's colours (a label's border, the stronger hue, as Gephi draws
// no borders; a relation's line colour), size by degree, and a Graphviz layout's positions.
// Returns the notes to print once the progress bar is gone.
std::string add_looks(const PropertyGraph& g, const ExportOptions& o, liaison::ExportOptions& out) {
    const render::Style style = render::default_style();
    std::vector<double> degree = render::node_scores(g, "degree");
    double top = 1;
    for (double d : degree) top = std::max(top, d);
    std::vector<std::array<double, 2>> positions;
    std::string layout = o.layout;
    if (layout == "auto") layout = g.node_count() <= kAutoLayoutNodes ? "sfdp" : "none";
    if (layout != "none") positions = render::layout_positions(g, *render::parse_layout(layout));
    for (NodeIndex i = 0; i < g.node_count(); ++i) {
        NodeLook look;
        look.rgb = rgb_of(style.node_style(g.node(i).labels).border);
        look.size = 4 + 26 * std::sqrt(degree[i] / top);
        if (!positions.empty()) look.position = positions[i];
        out.node_looks.push_back(look);
    }
    for (const Edge& e : g.edges())
        out.edge_colours.push_back(rgb_of(style.edge_style(g.type_name(e)).color));
    if (o.layout != "auto" || !positions.empty()) return {};
    return fmt::format(
        "note: no node positions for {} nodes (a layout takes long at this size); give --layout "
        "sfdp to compute them anyway\n",
        g.node_count());
}

// A mixed graph is what the formats mean, but NetworkX's readers refuse one with a terse error.
void note_mixed(const PropertyGraph& g, const liaison::ExportOptions& options) {
    if (!options.mixed) return;
    std::size_t symmetric = 0;
    for (const Edge& e : g.edges()) symmetric += g.is_symmetric(e) ? 1 : 0;
    if (symmetric == 0 || symmetric == g.edge_count()) return;
    fmt::print(stderr,
               "note: {} edges of symmetric relations are undirected (a mixed graph, as Gephi, "
               "igraph and yEd read it); NetworkX reads mixed graphs from neither GraphML nor "
               "GEXF: export with --directed-only for it\n",
               symmetric);
}

int run_export(const ExportOptions& o) {
    std::optional<Format> format;
    if (!o.to.empty()) {
        format = parse_format(o.to);
        if (!format) throw ArgumentError(fmt::format("--output-format: unknown format '{}'", o.to));
    } else {
        format = format_of_path(o.output);
        if (!format && std::filesystem::path(o.output).extension() == ".json")
            format = Format::Native;
        if (!format)
            throw ArgumentError(
                fmt::format("cannot tell the format from '{}': give --output-format", o.output));
    }
    liaison::ExportOptions options;
    if (o.gexf_version != "1.2" && o.gexf_version != "1.3")
        throw ArgumentError(fmt::format("--gexf-version: '{}' is not 1.2 or 1.3", o.gexf_version));
    options.gexf_version = o.gexf_version == "1.3" ? GexfVersion::V1_3 : GexfVersion::V1_2;
    options.mixed = !o.directed_only;
    if (o.layout != "none" && o.layout != "auto" && !render::parse_layout(o.layout))
        throw ArgumentError(fmt::format(
            "--layout: '{}' is not auto, none, sfdp, neato, fdp, twopi, circo or dot", o.layout));
    Progress bar("export", 3);  // loading, styling and layout (GEXF), writing
    bar.step(fmt::format("loading {}", o.file));
    // The database's committed state: snapshot plus journal.
    PropertyGraph g = Database::open(o.file).take_graph();
    bar.step(*format == Format::Gexf ? "styling and laying out" : "converting");
    std::string notes;
    if (*format == Format::Gexf) notes = add_looks(g, o, options);
    bar.step(fmt::format("writing {}", o.output));
    const bool machine = o.format == OutputFormat::Json;
    if (machine && o.output == "-")
        throw ArgumentError("--format json prints the summary: give -o FILE for the export");
    if (*format == Format::Csv) {
        std::filesystem::create_directories(o.output);
        std::vector<std::string> files;
        for (const auto& f : export_csv(g)) {
            files.push_back((std::filesystem::path(o.output) / f.name).string());
            write_file_atomic(files.back(), f.content);
        }
        bar.finish();
        if (machine) {
            print(export_json(o.output, *format, g, files));
            return 0;
        }
        print(
            fmt::format("exported {} nodes and {} edges to {}/ (nodes.csv, edges.csv, "
                        "documents.csv, relations.csv)\n",
                        g.node_count(), g.edge_count(), o.output));
        return 0;
    }
    std::string text = export_text(g, *format, options);
    bar.finish();
    fmt::print(stderr, "{}", notes);
    if (o.output == "-") {
        print(text);
        return 0;
    }
    write_file_atomic(o.output, text);
    if (*format == Format::GraphML || *format == Format::Gexf) note_mixed(g, options);
    if (machine) {
        print(export_json(o.output, *format, g, {o.output}));
        return 0;
    }
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
    cmd->add_option("--output-format", o->to,
                    "Output format (default: from the output's extension)")
        ->type_name("graphml|gexf|csv|cytoscape|node-link|dot|edgelist|json");
    add_deprecated_alias(cmd, "--to", "--output-format", o->to);
    cmd->add_option("--gexf-version", o->gexf_version,
                    "GEXF version: 1.2 (default; Gephi, NetworkX) or 1.3");
    cmd->add_flag("--directed-only", o->directed_only,
                  "GraphML and GEXF: write symmetric relations as directed edges (the symmetric "
                  "attribute still says which), for readers that refuse mixed graphs (NetworkX)");
    cmd->add_option("--layout", o->layout,
                    "GEXF node positions from this Graphviz layout: sfdp, neato, fdp, twopi, "
                    "circo, dot; none; auto (default: sfdp up to 2000 nodes)");
    add_format_option(cmd, o->format, false);
    cmd->callback([o, &run] { run = [o] { return run_export(*o); }; });
}

}  // namespace liaison::cli
