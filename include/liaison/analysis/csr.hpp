#pragma once
// A compact compressed-sparse-row graph: what every algorithm of lib/analysis runs on.
//
// Layout: for each vertex u, its neighbours are targets[offsets[u] .. offsets[u+1]), sorted
// ascending, with parallel edges merged into one entry (see ParallelEdges). An undirected graph
// stores each edge in both rows (a self-loop once, in its vertex's row); a directed graph keeps
// its out-rows and a transposed copy for in-rows. Indices are uint32 and arrays contiguous, so
// the structure costs 4 bytes per entry plus 8 for a weight (GAP benchmark layout).
#include <cstdint>
#include <span>
#include <vector>

namespace liaison::analysis {

using Vertex = std::uint32_t;
inline constexpr Vertex kNoVertex = UINT32_MAX;

// One side of the adjacency (out-rows or in-rows) as plain array views.
struct Adjacency {
    std::span<const std::uint32_t> offsets;       // size n + 1
    std::span<const Vertex> targets;              // size offsets[n]
    std::span<const double> weights;              // empty when the graph is unweighted
    std::span<const std::uint32_t> multiplicity;  // parallel edges merged per entry; empty: all 1

    Vertex size() const { return offsets.empty() ? 0 : static_cast<Vertex>(offsets.size() - 1); }
    std::uint32_t begin(Vertex u) const { return offsets[u]; }
    std::uint32_t end(Vertex u) const { return offsets[u + 1]; }
    std::uint32_t degree(Vertex u) const { return offsets[u + 1] - offsets[u]; }
    std::span<const Vertex> neighbors(Vertex u) const {
        return targets.subspan(offsets[u], offsets[u + 1] - offsets[u]);
    }
    double weight(std::uint32_t slot) const { return weights.empty() ? 1.0 : weights[slot]; }
    std::uint32_t count(std::uint32_t slot) const {
        return multiplicity.empty() ? 1 : multiplicity[slot];
    }
    // The slot of edge u→v, or UINT32_MAX (binary search in u's sorted row).
    std::uint32_t find(Vertex u, Vertex v) const;
};

// How parallel edges (same endpoints; u–v and v–u in an undirected graph) become one entry.
enum class ParallelEdges {
    Sum,  // weights add up (unweighted: the entry weighs the number of edges when weighted=true)
    Min,  // the lightest edge (distances: the shortest of parallel roads)
    Max,  // the heaviest edge
};

struct WeightedEdge {
    Vertex source = 0;
    Vertex target = 0;
    double weight = 1.0;
};

struct CsrOptions {
    bool directed = false;
    bool weighted = false;  // keep weights; otherwise every entry weighs 1 and none are stored
    ParallelEdges parallel = ParallelEdges::Sum;
};

class Csr;
// The underlying undirected graph of a directed one: u→v and v→u become one entry whose weight
// merges with `parallel` and whose multiplicity is the larger of the two (a reciprocal pair is one
// tie). An undirected graph is returned as is. Origins are kept.
Csr symmetrized(const Csr& g, ParallelEdges parallel = ParallelEdges::Sum);

class Csr {
public:
    Csr() = default;
    // Builds from an edge list over vertices 0..n-1. Throws ArgumentError naming the edge when an
    // endpoint is out of range or a weight is not finite. Counting sort by source, then each row
    // sorted on its own: O(n + m log d) for maximum degree d.
    static Csr from_edges(Vertex node_count, std::span<const WeightedEdge> edges,
                          const CsrOptions& options = {});

    Vertex node_count() const { return n_; }
    // Distinct edges after merging: an undirected pair (or a self-loop) counts once.
    std::size_t edge_count() const { return edge_count_; }
    bool directed() const { return directed_; }
    bool weighted() const { return weighted_; }
    bool has_parallel_edges() const { return !out_count_.empty(); }
    bool has_self_loops() const { return self_loops_ > 0; }
    // Smallest stored weight (1 when unweighted; +inf when there are no edges).
    double min_weight() const;

    Adjacency out() const;
    Adjacency in() const;  // the same rows as out() when undirected

    // Where each vertex came from (a NodeIndex of a PropertyGraph); empty for edge-list graphs.
    const std::vector<std::uint32_t>& origins() const { return origins_; }
    void set_origins(std::vector<std::uint32_t> origins);

    // The edges once each (u <= v when undirected), in row order, with merged weights.
    std::vector<WeightedEdge> edges() const;

private:
    friend Csr symmetrized(const Csr& g, ParallelEdges parallel);
    Vertex n_ = 0;
    bool directed_ = false;
    bool weighted_ = false;
    std::size_t edge_count_ = 0;
    std::size_t self_loops_ = 0;
    std::vector<std::uint32_t> out_offsets_, in_offsets_;
    std::vector<Vertex> out_targets_, in_targets_;
    std::vector<double> out_weights_, in_weights_;
    std::vector<std::uint32_t> out_count_, in_count_;
    std::vector<std::uint32_t> origins_;
};

}  // namespace liaison::analysis
