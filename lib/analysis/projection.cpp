// Compiling a property graph to a Csr (projection.hpp).
#include "liaison/analysis/projection.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "analysis/internal/graph_filter.hpp"
#include "liaison/core/error.hpp"

namespace liaison::analysis {

namespace {

std::string edge_name(const PropertyGraph& g, EdgeIndex e) {
    const Edge& ed = g.edge(e);
    return fmt::format("{} -[{}]-> {}", g.node(ed.source).id, g.type_name(ed),
                       g.node(ed.target).id);
}

double edge_weight(const PropertyGraph& g, EdgeIndex e, const ProjectionOptions& options) {
    if (options.weight != WeightMode::Property) return 1.0;
    const Value* v = g.edge(e).properties.get(options.weight_property);
    if (!v || v->is_null()) return options.default_weight;
    if (!v->is_number() || !std::isfinite(v->to_number()))
        throw ArgumentError(
            fmt::format("analysis: weight property '{}' of edge {} is {}, not a "
                        "finite number",
                        options.weight_property, edge_name(g, e), v->to_display()));
    return v->to_number();
}

void check_options(const ProjectionOptions& options) {
    if (options.weight == WeightMode::Property && options.weight_property.empty())
        throw ArgumentError("analysis: weight_property must name an edge property");
    if (!std::isfinite(options.default_weight))
        throw ArgumentError("analysis: default_weight must be finite");
    if (!options.fold_via.empty() && options.direction != ProjectionDirection::Undirected)
        throw ArgumentError(
            "analysis: a fold gives an undirected projection; direction must be "
            "undirected");
    if (!options.fold_via.empty() && options.weight == WeightMode::Property)
        throw ArgumentError("analysis: a fold is weighted by shared nodes (count) or not at all");
}

// The kept neighbours of via-node x through kept edges, ascending and distinct.
std::vector<NodeIndex> fold_members(const PropertyGraph& g, const detail::GraphFilter& filter,
                                    const std::vector<Vertex>& vertex_of, NodeIndex x) {
    std::vector<NodeIndex> members;
    g.for_each_incident(x, Direction::Both, [&](EdgeIndex e, NodeIndex other) {
        if (other != x && vertex_of[other] != kNoVertex && filter.edge(e)) members.push_back(other);
    });
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    return members;
}

}  // namespace

Vertex Projection::vertex(const PropertyGraph& g, NodeIndex n) const {
    if (n >= vertex_of.size() || vertex_of[n] == kNoVertex)
        throw LookupError(
            fmt::format("{} is not in the projection (check the labels and the "
                        "time window)",
                        g.node(n).id));
    return vertex_of[n];
}

Projection project(const PropertyGraph& g, const ProjectionOptions& options) {
    check_options(options);
    const bool fold = !options.fold_via.empty();
    detail::GraphFilter filter(g, options.labels, options.edge_types, options.window,
                               options.keep_undated, options.fold_via);
    Projection p;
    p.vertex_of.assign(g.node_count(), kNoVertex);
    std::vector<std::uint32_t> origins;
    for (NodeIndex n = 0; n < g.node_count(); ++n) {
        if (!filter.node(n) || (fold && g.node(n).has_label(options.fold_via))) continue;
        p.vertex_of[n] = static_cast<Vertex>(origins.size());
        origins.push_back(n);
        p.ids.push_back(g.node_id(n));
    }
    std::vector<WeightedEdge> edges;
    CsrOptions csr;
    csr.parallel = options.parallel;
    csr.weighted = options.weight != WeightMode::None;
    if (fold) {
        // The via-nodes pass the same filter: the window, if dated.
        csr.parallel = ParallelEdges::Sum;  // one per shared via-node
        for (NodeIndex x : g.nodes_with_label(options.fold_via)) {
            if (!filter.node(x)) continue;
            std::vector<NodeIndex> members = fold_members(g, filter, p.vertex_of, x);
            for (std::size_t i = 0; i < members.size(); ++i) {
                for (std::size_t j = i + 1; j < members.size(); ++j)
                    edges.push_back({p.vertex_of[members[i]], p.vertex_of[members[j]], 1.0});
            }
        }
    } else {
        csr.directed = options.direction != ProjectionDirection::Undirected;
        // Ends and types only (a lazy graph serves them from its mapped base without loading):
        // content is read just for a weight property or a time window.
        for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
            const EdgeEnds ed = g.edge_ends(e);
            const Vertex s = p.vertex_of[ed.source], t = p.vertex_of[ed.target];
            if (s == kNoVertex || t == kNoVertex || !filter.edge(e)) continue;
            const double w = edge_weight(g, e, options);
            const bool reversed = options.direction == ProjectionDirection::Reversed;
            edges.push_back({reversed ? t : s, reversed ? s : t, w});
            if (csr.directed && g.relations().get(ed.type).symmetric && s != t)
                edges.push_back({reversed ? s : t, reversed ? t : s, w});
        }
    }
    p.graph = Csr::from_edges(static_cast<Vertex>(origins.size()), edges, csr);
    p.graph.set_origins(std::move(origins));
    return p;
}

LinkEvidence explain_link(const PropertyGraph& g, const ProjectionOptions& options, NodeIndex u,
                          NodeIndex v) {
    detail::GraphFilter filter(g, options.labels, options.edge_types, options.window,
                               options.keep_undated, options.fold_via);
    LinkEvidence evidence;
    if (options.fold_via.empty()) {
        g.for_each_incident(u, Direction::Both, [&](EdgeIndex e, NodeIndex other) {
            if (other == v && filter.edge(e)) evidence.edges.push_back(e);
        });
        std::sort(evidence.edges.begin(), evidence.edges.end());
        return evidence;
    }
    std::vector<std::pair<NodeIndex, EdgeIndex>> from_u;
    g.for_each_incident(u, Direction::Both, [&](EdgeIndex e, NodeIndex x) {
        if (filter.node(x) && g.node(x).has_label(options.fold_via) && filter.edge(e))
            from_u.emplace_back(x, e);
    });
    g.for_each_incident(v, Direction::Both, [&](EdgeIndex e, NodeIndex x) {
        if (!filter.edge(e)) return;
        bool shared = false;
        for (const auto& [y, ue] : from_u) {
            if (y != x) continue;
            shared = true;
            evidence.edges.push_back(ue);
        }
        if (shared) {
            evidence.edges.push_back(e);
            evidence.via.push_back(x);
        }
    });
    std::sort(evidence.edges.begin(), evidence.edges.end());
    evidence.edges.erase(std::unique(evidence.edges.begin(), evidence.edges.end()),
                         evidence.edges.end());
    std::sort(evidence.via.begin(), evidence.via.end());
    evidence.via.erase(std::unique(evidence.via.begin(), evidence.via.end()), evidence.via.end());
    return evidence;
}

TiesAmong ties_among(const PropertyGraph& g, const ProjectionOptions& options, const Projection& p,
                     const std::vector<Vertex>& vertices) {
    std::vector<char> inside(p.graph.node_count(), 0);
    for (Vertex v : vertices) inside[v] = 1;
    TiesAmong t;
    for (const WeightedEdge& e : p.graph.edges()) {
        if (!inside[e.source] || !inside[e.target]) continue;
        ++t.pairs;
        const std::size_t n =
            explain_link(g, options, p.graph.origins()[e.source], p.graph.origins()[e.target])
                .edges.size();
        t.ties += std::max<std::size_t>(n, 1);
    }
    return t;
}

}  // namespace liaison::analysis
