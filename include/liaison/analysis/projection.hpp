#pragma once
/// @file
/// A projection selects what an algorithm sees of a property graph and compiles it to a Csr:
/// node labels, edge types, a time window, a direction, a weight, or a bipartite fold.
#include <string>
#include <vector>

#include "liaison/analysis/csr.hpp"
#include "liaison/core/date.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::analysis {

enum class ProjectionDirection {
    Directed,    // source → target; a symmetric relation (MET_WITH) gives both arcs
    Reversed,    // target → source
    Undirected,  // {source, target}
};

enum class WeightMode {
    None,      // unweighted: every tie counts 1
    Property,  // a numeric edge property (default_weight where an edge lacks it)
    Count,     // the number of parallel edges (fold: the number of shared via-nodes)
};

struct ProjectionOptions {
    std::vector<std::string> labels{};      // nodes carrying any of these; empty: all nodes
    std::vector<std::string> edge_types{};  // edges of these types; empty: all types
    TimeWindow window{};                    // edges whose effective time meets it (inclusive)
    bool keep_undated = true;               // undated edges and nodes are timeless facts
    ProjectionDirection direction = ProjectionDirection::Undirected;
    WeightMode weight = WeightMode::None;
    std::string weight_property{};  // for WeightMode::Property
    double default_weight = 1.0;
    ParallelEdges parallel = ParallelEdges::Sum;  // how parallel edges' weights combine
    // Bipartite fold: nodes with this label (e.g. "Event") disappear, and two kept nodes tied to
    // the same one (by chosen edges, in either direction) become linked, weighted by the number
    // of such shared nodes. The result is undirected.
    std::string fold_via{};
};

struct Projection {
    Csr graph;                      // graph.origins() maps each vertex to its NodeIndex
    std::vector<std::string> ids;   // node id of each vertex (for rankings and output)
    std::vector<Vertex> vertex_of;  // NodeIndex → vertex, kNoVertex when left out

    // The vertex of a node; throws LookupError when the projection left it out.
    Vertex vertex(const PropertyGraph& g, NodeIndex n) const;
};

/// Builds the projection. Vertices are the kept nodes in NodeIndex order; an edge is kept when it
/// passes the type and window filters and both ends are kept. Dated nodes outside the window are
/// left out; undated ones stay. Throws ArgumentError for an unknown label or type, a weight
/// property that is not numeric on some edge (naming it), or a fold with a directed direction.
/// O(n + m log m) (a fold: plus the sum over via-nodes of their degree squared).
Projection project(const PropertyGraph& g, const ProjectionOptions& options = {});

// The evidence behind a link u–v of a projection: the kept edges between them (either
// direction), or, in a fold, the via-nodes they share with the edges to each.
struct LinkEvidence {
    std::vector<EdgeIndex> edges;
    std::vector<NodeIndex> via;
};
LinkEvidence explain_link(const PropertyGraph& g, const ProjectionOptions& options, NodeIndex u,
                          NodeIndex v);

// The ties among a set of a projection's vertices (an ego network, a community): `pairs` counts
// the projection's links with both ends in the set, `ties` the network edges behind them,
// parallel ties each, a link with no single edge behind it (a fold) once.
struct TiesAmong {
    std::size_t ties = 0;
    std::size_t pairs = 0;
};
TiesAmong ties_among(const PropertyGraph& g, const ProjectionOptions& options, const Projection& p,
                     const std::vector<Vertex>& vertices);

}  // namespace liaison::analysis
