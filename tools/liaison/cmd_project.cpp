// liaison project FILE [projection flags] [--weighted] [--directed] -o graph.mtx: a projection
// exported for liaison-dist (docs/scale.md) as a Matrix Market file plus graph.mtx.ids.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <memory>

#include "analysis_flags.hpp"
#include "cli_common.hpp"
#include "cmd_project_writer.hpp"
#include "commands.hpp"
#include "progress.hpp"

namespace liaison::cli {

namespace {

struct ProjectOptions {
    std::string file;
    std::string output;
    bool weighted = false;
    bool directed = false;
    ProjectionFlags projection;
    OutputFormat format = OutputFormat::Table;
};

std::string listed(const std::vector<std::string>& items, const char* none) {
    return items.empty() ? std::string(none) : fmt::format("{}", fmt::join(items, ","));
}

// The %-lines of the header: what was projected, so a file found later says where it came from.
std::vector<std::string> describe(const ProjectOptions& o, const PropertyGraph& g,
                                  const analysis::ProjectionOptions& p, bool weighted) {
    const ProjectionFlags& f = o.projection;
    std::vector<std::string> lines;
    lines.push_back(fmt::format("liaison project of {}{}",
                                std::filesystem::path(o.file).filename().string(),
                                g.graph_label.empty() ? "" : " (" + g.graph_label + ")"));
    lines.push_back(
        fmt::format("labels: {}; types: {}", listed(f.labels, "all"), listed(f.types, "all")));
    if (!f.fold.empty()) lines.push_back(fmt::format("fold through: {}", f.fold));
    if (!p.window.from && !p.window.to)
        lines.emplace_back("window: none");
    else
        lines.push_back(fmt::format(
            "window: {}..{}, undated edges {}", p.window.from ? p.window.from->to_string() : "",
            p.window.to ? p.window.to->to_string() : "", p.keep_undated ? "kept" : "left out"));
    const bool undirected = p.direction == analysis::ProjectionDirection::Undirected;
    lines.push_back(fmt::format(
        "direction: {} ({}); weight: {}", f.direction,
        undirected ? "each edge once, row >= column" : "row = source, column = target",
        !weighted                                 ? "none (pattern)"
        : p.weight == analysis::WeightMode::Count ? "count of parallel edges"
                                                  : "property " + p.weight_property + " (summed)"));
    lines.push_back(fmt::format("vertices: line i of {}.ids is the node id of row and column i",
                                std::filesystem::path(o.output).filename().string()));
    return lines;
}

int run_project(ProjectOptions o) {
    if (o.directed) {
        if (o.projection.direction == "reversed")
            throw ArgumentError("--directed and --direction reversed disagree: give one");
        o.projection.direction = "directed";
    }
    Progress bar("project", 3);  // loading, projecting, writing
    bar.step(fmt::format("loading {}", o.file));
    PropertyGraph g = load_graph(o.file);
    bar.step("projecting");
    analysis::ProjectionOptions options = analysis::projection_options(g, o.projection);
    // --weighted alone weighs each link by its parallel edges (a fold: its shared nodes), as
    // --weight count does; without either a pattern is written, even of a fold.
    const bool weighted =
        o.weighted || (!o.projection.weight.empty() && o.projection.weight != "none");
    if (weighted && options.weight == analysis::WeightMode::None)
        options.weight = analysis::WeightMode::Count;
    analysis::Projection p = analysis::project(g, options);
    bar.step(fmt::format("writing {}", o.output));
    const auto parent = std::filesystem::path(o.output).parent_path();
    if (!parent.empty()) {
        std::error_code failed;  // a missing folder is made, as render does
        std::filesystem::create_directories(parent, failed);
        if (failed)
            throw SystemError(
                fmt::format("{}: cannot create the folder: {}", parent.string(), failed.message()));
    }
    MatrixMarketInfo info{weighted, describe(o, g, options, weighted)};
    MatrixMarketSummary s = write_matrix_market(o.output, p.graph, p.ids, info);
    bar.finish();
    const std::string field = weighted ? "real" : "pattern";
    const std::string symmetry = p.graph.directed() ? "general" : "symmetric";
    if (o.format == OutputFormat::Json) {
        print(fmt::format(
            "{{\"file\": {}, \"ids\": {}, \"vertices\": {}, \"edges\": {}, \"entries\": {}, "
            "\"isolated\": {}, \"field\": {}, \"symmetry\": {}}}\n",
            json_quote(o.output), json_quote(o.output + ".ids"), p.graph.node_count(),
            p.graph.edge_count(), s.entries, s.isolated, json_quote(field), json_quote(symmetry)));
        return 0;
    }
    print(fmt::format("wrote {} ({} {}: {} vertices, {} of them isolated; {} entries) and {}.ids\n",
                      o.output, field, symmetry, p.graph.node_count(), s.isolated, s.entries,
                      o.output));
    return 0;
}

// -o must name a .mtx file: the vertex map goes beside it, so the standard output cannot hold
// the export.
CLI::Validator matrix_market_file() {
    return CLI::Validator(
        [](const std::string& v) {
            if (v == "-")
                return std::string(
                    "-o -: project writes two files (FILE.mtx and FILE.mtx.ids); name a .mtx "
                    "file");
            if (std::filesystem::path(v).extension() != ".mtx")
                return fmt::format("'{}': project writes Matrix Market; name the file NAME.mtx", v);
            return std::string();
        },
        "");
}

}  // namespace

void register_project(CLI::App& app, Action& run) {
    auto o = std::make_shared<ProjectOptions>();
    auto* cmd = app.add_subcommand(
        "project", "Export a projection as a Matrix Market file for liaison-dist (MPI)");
    cmd->add_option("file", o->file, "Network file")->required();
    cmd->add_option("-o,--output", o->output,
                    "Matrix Market file to write (NAME.mtx; the node ids go to NAME.mtx.ids)")
        ->required()
        ->check(matrix_market_file());
    cmd->add_flag("--weighted", o->weighted,
                  "Write each link's weight (real values): --weight's, else the number of "
                  "parallel edges");
    cmd->add_flag("--directed", o->directed,
                  "A directed projection (general matrix, one line per arc): --direction "
                  "directed");
    add_projection_flags(cmd, o->projection);
    add_format_option(cmd, o->format, false);
    cmd->callback([o, &run] { run = [o] { return run_project(*o); }; });
}

}  // namespace liaison::cli
