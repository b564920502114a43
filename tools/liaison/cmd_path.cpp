// liaison path FILE A B [--all]: how two entities are linked, with the edges (types, events,
// dates) behind each step.
#include <fmt/format.h>

#include <cmath>
#include <memory>

#include "analysis_flags.hpp"
#include "cli_common.hpp"
#include "commands.hpp"
#include "json_cells.hpp"
#include "liaison/analysis/paths.hpp"

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

// The same edge for machines: {"type", "direction" (out, in or both, as read from `from`),
// "time", "event"}.
std::string edge_json(const PropertyGraph& g, EdgeIndex e, NodeIndex from) {
    const Edge& ed = g.edge(e);
    const char* direction = g.is_symmetric(ed) ? "both" : ed.source == from ? "out" : "in";
    const Value* event = ed.properties.get("event");
    return fmt::format("{{\"type\": {}, \"direction\": \"{}\", \"time\": {}, \"event\": {}}}",
                       json_quote(g.type_name(ed)), direction,
                       time_json(analysis::effective_time(g, e)),
                       event ? value_json(*event) : "null");
}

// The evidence of one step: its edges, or the nodes both ends share under --fold; shown as text,
// written as an array of edge objects or of {"via": NODE, "time"}.
Cell describe_link(const PropertyGraph& g, const analysis::ProjectionOptions& options, NodeIndex a,
                   NodeIndex b) {
    analysis::LinkEvidence ev = analysis::explain_link(g, options, a, b);
    std::string text, json = "[";
    auto add = [&](const std::string& part, const std::string& part_json) {
        text += (text.empty() ? "" : "; ") + part;
        json += (json.size() > 1 ? ", " : "") + part_json;
    };
    if (!ev.via.empty()) {
        for (NodeIndex x : ev.via) {
            const Node& n = g.node(x);
            std::string when = n.time.to_string();
            add("both linked to " + n.id + (when.empty() ? "" : " " + when),
                "{\"via\": " + node_json(n) + ", \"time\": " + time_json(n.time) + "}");
        }
    } else {
        for (EdgeIndex e : ev.edges) add(describe_edge(g, e, a), edge_json(g, e, a));
    }
    return Cell::raw(std::move(text), json + "]");
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
        const std::string none = fmt::format("no path between {} and {} in this projection\n",
                                             g.node(a).id, g.node(b).id);
        // Machines still get a well-formed (empty) answer on stdout; the reason goes to stderr.
        if (o.format == OutputFormat::Table) {
            print(none);
        } else {
            print(o.format == OutputFormat::Json
                      ? "[]\n"
                      : Table({"path", "step", "from", "link", "to"}).render(o.format));
            fmt::print(stderr, "liaison: {}", none);
        }
        return 1;
    }
    const bool people = o.format == OutputFormat::Table;
    Table t({"path", "step", "from", "link", "to"});
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const auto& path = paths[i];
        for (std::size_t s = 0; s + 1 < path.size(); ++s) {
            const NodeIndex x = p.graph.origins()[path[s]], y = p.graph.origins()[path[s + 1]];
            auto end = [&](NodeIndex n) {
                return Cell::raw(people ? shorten(g.node(n).display_name(), 40) : g.node(n).id,
                                 node_json(g.node(n)));
            };
            t.add_row({i + 1, s + 1, end(x), describe_link(g, options, x, y), end(y)});
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
    // Named source/target, not from/to: --from/--to are the time window, as in every command.
    cmd->add_option("source", o->from, "First entity: id or any name, Arabic or English")
        ->required();
    cmd->add_option("target", o->to, "Second entity: id or any name, Arabic or English")
        ->required();
    cmd->add_flag("--all", o->all, "Every shortest path, not just one");
    cmd->add_option("--limit", o->limit, "With --all, at most this many paths (default 100)");
    add_projection_flags(cmd, o->projection);
    add_format_option(cmd, o->format);
    cmd->callback([o, &run] { run = [o] { return run_path(*o); }; });
}

}  // namespace liaison::cli
