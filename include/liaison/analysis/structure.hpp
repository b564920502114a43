#pragma once
/// @file
/// Structural measures on a Csr: components, cores, cut vertices and edges, clustering, density,
/// diameter. Definitions follow NetworkX 2.8 unless a comment says otherwise.
#include <cstdint>
#include <utility>
#include <vector>

#include "liaison/analysis/csr.hpp"

namespace liaison::analysis {

struct Components {
    // Component of each vertex, numbered 0..count-1 by size (largest first), then by smallest
    // vertex.
    std::vector<std::uint32_t> component;
    std::uint32_t count = 0;
};
// Weakly connected components (connected components when undirected). O(n + m).
Components weak_components(const Csr& g);
// Strongly connected components (Tarjan 1972, iterative); equal to weak_components when
// undirected. O(n + m).
Components strong_components(const Csr& g);

// Core number of each vertex (Batagelj and Zaversnik 2003): the largest k such that the vertex
// belongs to a subgraph where every vertex has degree >= k. Degree counts distinct neighbours,
// self-loops ignored (NetworkX rejects them); directed: in-degree + out-degree, as NetworkX.
// O(n + m).
std::vector<std::uint32_t> core_numbers(const Csr& g);

// Vertices whose removal disconnects their component (of the underlying undirected graph),
// ascending. Hopcroft and Tarjan 1973, iterative. O(n + m).
std::vector<Vertex> articulation_points(const Csr& g);
// Edges whose removal disconnects their component (underlying undirected graph), as (u, v) with
// u < v, ascending. A pair joined by parallel edges is not a bridge; self-loops never are.
// O(n + m).
std::vector<std::pair<Vertex, Vertex>> bridges(const Csr& g);

struct ClusteringOptions {
    bool weighted = false;  // geometric mean of weights / max weight (Onnela et al. 2005)
};
// Local clustering coefficient, as NetworkX clustering(): undirected c(v) = 2 T(v) / (d(d - 1))
// with T the triangles through v and d the number of distinct neighbours other than v
// (self-loops ignored); 0 when d < 2. Directed: Fagiolo (2007),
// c(v) = T(v) / (2 (d_tot (d_tot - 1) - 2 d_bi)). Weighted: each triangle counts
// (w_uv w_vw w_wu / max_w^3)^(1/3). O(sum of d^2).
std::vector<double> clustering(const Csr& g, const ClusteringOptions& options = {});
// Mean of clustering() over all vertices (zeros included); 0 for the empty graph.
double average_clustering(const Csr& g, const ClusteringOptions& options = {});
// Transitivity: 3 * triangles / connected triples of the underlying undirected graph, self-loops
// ignored; 0 when there is no triangle. O(sum of d^2).
double transitivity(const Csr& g);

// Density: m / (n (n - 1)) when directed, 2m / (n (n - 1)) when undirected; m counts distinct
// edges (self-loops included, parallel edges once); 0 when n <= 1.
double density(const Csr& g);

struct DiameterOptions {
    bool weighted = false;            // lengths from the weights (must be > 0)
    bool ignore_unreachable = false;  // largest finite distance instead of an error
};
struct Diameter {
    double value = 0;  // longest shortest path
    Vertex from = kNoVertex;
    Vertex to = kNoVertex;  // a pair at that distance (smallest from, then smallest to)
};
// Diameter: the largest distance d(u, v) over all pairs. Throws AnalysisError when some pair is
// unreachable (not (strongly) connected), as NetworkX does, unless ignore_unreachable. The empty
// graph has diameter 0. O(nm) unweighted, O(nm log n) weighted.
Diameter diameter(const Csr& g, const DiameterOptions& options = {});

}  // namespace liaison::analysis
