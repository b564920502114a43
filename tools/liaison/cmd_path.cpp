// liaison path FILE A B [--all]: how two entities are linked, with the edges (types, events,
// dates) behind each step.
#include <fmt/format.h>

#include <cmath>
#include <memory>

#include "analysis/paths.hpp"
#include "analysis_flags.hpp"
#include "cli_common.hpp"
#include "commands.hpp"

namespace liaison::cli {

namespace {

struct PathOptions {
    std::string file;
    std::string from;
    std::string to;
    bool all = false;
    std::size_t limit = 100;
    ProjectionFlags projection;
    OutputFormat format = OutputFormat::Table;
};

// "MET_WITH 2025-11-24 .. 2025-11-27 (interpol-ga-93)" with an arrow for the edge's direction
// as read from `from`.
std::string describe_edge(const PropertyGraph& g, EdgeIndex e, NodeIndex from) {
    const Edge& ed = g.edge(e);
    std::string type = g.type_name(ed);
    std::string text = g.is_symmetric(ed)  ? "-" + type + "-"
                       : ed.source == from ? "-" + type + "->"
                                           : "<-" + type + "-";
    const std::string when = analysis::effective_time(g, e).to_string();
    if (!when.empty()) text += " " + when;
    if (const Value* event = ed.properties.get("event")) text += " (" + event->to_display() + ")";
    return text;
}

std::string describe_link(const PropertyGraph& g, const analysis::ProjectionOptions& options,
                          NodeIndex a, NodeIndex b) {
    analysis::LinkEvidence ev = analysis::explain_link(g, options, a, b);
    std::string text;
    auto add = [&](const std::string& part) { text += (text.empty() ? "" : "; ") + part; };
    if (!ev.via.empty()) {
        for (NodeIndex x : ev.via) {
            const Node& n = g.node(x);
            std::string when = n.time.to_string();
            add("both linked to " + n.id + (when.empty() ? "" : " " + when));
        }
        return text;
    }
    for (EdgeIndex e : ev.edges) add(describe_edge(g, e, a));
    return text;
}

int run_path(const PathOptions& o) {
    PropertyGraph g = load_graph(o.file);
    const analysis::ProjectionOptions options = projection_options(g, o.projection);
    analysis::Projection p = analysis::project(g, options);
    const NodeIndex a = resolve(g, o.from), b = resolve(g, o.to);
    const analysis::Vertex va = p.vertex(g, a), vb = p.vertex(g, b);
    const bool weighted = p.graph.weighted() && options.fold_via.empty();
    std::vector<std::vector<analysis::Vertex>> paths;
    double length = 0;
    bool truncated = false;
    if (o.all) {
        analysis::AllPaths all = analysis::all_shortest_paths(p.graph, va, vb, {weighted, o.limit});
        paths = std::move(all.paths);
        length = all.length;
        truncated = all.truncated;
    } else {
        analysis::Path one = analysis::shortest_path(p.graph, va, vb, {weighted});
        if (!one.vertices.empty()) paths.push_back(std::move(one.vertices));
        length = one.length;
    }
    if (paths.empty()) {
        print(fmt::format("no path between {} and {} in this projection\n", g.node(a).id,
                          g.node(b).id));
        return 1;
    }
    const bool people = o.format == OutputFormat::Table;
    Table t({"path", "step", "from", "link", "to"});
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const auto& path = paths[i];
        for (std::size_t s = 0; s + 1 < path.size(); ++s) {
            const NodeIndex x = p.graph.origins()[path[s]], y = p.graph.origins()[path[s + 1]];
            t.add_row({std::to_string(i + 1), std::to_string(s + 1),
                       people ? shorten(g.node(x).display_name(), 40) : g.node(x).id,
                       describe_link(g, options, x, y),
                       people ? shorten(g.node(y).display_name(), 40) : g.node(y).id});
        }
    }
    if (people) {
        print(fmt::format("{} to {}: {} {} of length {}{}\n\n", g.node(a).display_name(),
                          g.node(b).display_name(), paths.size(),
                          paths.size() == 1 ? "shortest path" : "shortest paths",
                          format_score(length, false),
                          truncated ? fmt::format(" (first {} only)", o.limit) : ""));
    }
    print(t.render(o.format));
    return 0;
}

}  // namespace

void register_path(CLI::App& app, Action& run) {
    auto o = std::make_shared<PathOptions>();
    auto* cmd = app.add_subcommand("path", "How two entities are linked (shortest paths)");
    cmd->add_option("file", o->file, "Network file")->required();
    cmd->add_option("from", o->from, "Entity: id or any name, Arabic or English")->required();
    cmd->add_option("to", o->to, "Entity: id or any name, Arabic or English")->required();
    cmd->add_flag("--all", o->all, "Every shortest path, not just one");
    cmd->add_option("--limit", o->limit, "With --all, at most this many paths (default 100)");
    add_projection_flags(cmd, o->projection);
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_path(*o); }; });
}

}  // namespace liaison::cli
