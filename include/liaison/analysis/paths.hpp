#pragma once
/// @file
/// Paths and neighbourhoods on a Csr: shortest paths (BFS, or Dijkstra with weights as lengths),
/// all shortest paths between two vertices, and k-hop ego networks. Paths follow edge direction
/// in a directed Csr; project undirected to ignore it.
#include <cstdint>
#include <vector>

#include "liaison/analysis/csr.hpp"

namespace liaison::analysis {

struct PathOptions {
    bool weighted = false;  // weights as lengths (must be > 0); otherwise every edge is 1
};

// Distance from `from` to every vertex; +inf when unreachable. O(n + m), weighted O(m log n).
std::vector<double> shortest_path_lengths(const Csr& g, Vertex from,
                                          const PathOptions& options = {});

struct Path {
    std::vector<Vertex> vertices;  // from ... to; empty when `to` is unreachable
    double length = 0;             // +inf when unreachable
};
// One shortest path. Among equal ones, the path whose vertices, read backwards from `to`, take
// the smallest predecessor at each step (so results are stable). Throws ArgumentError for a
// vertex out of range. O(n + m), weighted O(m log n).
Path shortest_path(const Csr& g, Vertex from, Vertex to, const PathOptions& options = {});

struct AllPathsOptions {
    bool weighted = false;
    std::size_t limit = 1000;  // at most this many paths (there can be exponentially many)
};
struct AllPaths {
    std::vector<std::vector<Vertex>> paths;  // lexicographic order
    double length = 0;                       // +inf when unreachable (paths empty)
    bool truncated = false;                  // more than `limit` paths exist
};
// Every shortest path between two vertices (NetworkX all_shortest_paths), up to a limit.
AllPaths all_shortest_paths(const Csr& g, Vertex from, Vertex to,
                            const AllPathsOptions& options = {});

enum class EgoDirection { Out, In, Both };
struct EgoOptions {
    std::uint32_t hops = 1;
    EgoDirection direction = EgoDirection::Both;  // directed Csr: which edges to follow
};
struct Ego {
    std::vector<Vertex> vertices;     // by hop count, then vertex; the centre first
    std::vector<std::uint32_t> hops;  // hop count of each vertex
};
// The vertices within `hops` edges of `center` (NetworkX ego_graph with radius = hops; Out
// follows successors as NetworkX does by default, Both as its undirected=True). O(n + m).
Ego ego_network(const Csr& g, Vertex center, const EgoOptions& options = {});

}  // namespace liaison::analysis
