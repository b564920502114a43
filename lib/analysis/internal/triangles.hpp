#pragma once
// Triangle counting on an undirected graph's rows: each edge is oriented from the lower to the
// higher (degree, id) rank, so every triangle is found once, from its lowest vertex, and no
// vertex scans more than O(sqrt(m)) oriented neighbours (Schank and Wagner 2005).
#include <cstdint>
#include <vector>

#include "liaison/analysis/csr.hpp"

namespace liaison::analysis::detail {

// Triangles through each vertex (three distinct vertices; self-loops ignored). `a` must be
// symmetric (an undirected Csr's rows).
std::vector<std::uint64_t> triangles_per_vertex(const Adjacency& a);
// The number of triangles of the graph.
std::uint64_t triangle_count(const Adjacency& a);

}  // namespace liaison::analysis::detail
