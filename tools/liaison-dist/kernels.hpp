#pragma once
// The algorithms of liaison-dist, each collective over the graph's ranks and returning this
// rank's slice of one value per vertex. Definitions are those of liaison's single-machine
// kernels (lib/analysis), so results compare equal (docs/scale.md).
#include <cstdint>
#include <vector>

#include "dist_graph.hpp"

namespace liaison::dist {

struct PageRankOptions {
    double damping = 0.85;
    double tolerance = 1e-12;  // stop when the L1 change < n * tolerance
    int max_iterations = 10000;
};
struct PageRankResult {
    std::vector<double> local;
    int iterations = 0;
    bool converged = false;
};
// PageRank with uniform teleport; dangling vertices spread their rank uniformly.
PageRankResult page_rank(const Graph& g, const PageRankOptions& options);

// Smallest vertex number of each vertex's (weakly) connected component.
std::vector<double> component_roots(const Graph& g);

// Hops from `source` along out-edges; -1 when unreachable.
std::vector<double> bfs_levels(const Graph& g, Index source);

struct BetweennessOptions {
    std::uint32_t samples = 0;  // 0: every source
    std::uint64_t seed = 0;
};
// Normalised shortest-path betweenness on hop counts (Brandes), exact or from sampled sources.
std::vector<double> betweenness(const Graph& g, const BetweennessOptions& options);
// The sources betweenness uses: every vertex, or a seeded partial shuffle (same on every rank).
std::vector<Index> betweenness_sources(Index n, const BetweennessOptions& options);

enum class DegreeMode { In, Out, Total };
// Entries (or their weights) at each vertex; an undirected self-loop counts twice.
std::vector<double> degree(const Graph& g, DegreeMode mode);

// Core numbers: distinct neighbours, self-loops ignored, in + out when directed.
std::vector<double> core_numbers(const Graph& g);

}  // namespace liaison::dist
