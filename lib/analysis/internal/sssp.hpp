#pragma once
// Single-source shortest paths with a reusable workspace (BFS when unweighted, Dijkstra with a
// binary heap when weighted), the building block of betweenness, closeness, paths and diameter.
#include <limits>
#include <vector>

#include "liaison/analysis/csr.hpp"

namespace liaison::analysis::detail {

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

class ShortestPaths {
public:
    explicit ShortestPaths(Vertex n) : dist_(n, kInfinity), sigma_(n, 0.0), settled_(n, 0) {}

    // Distances from s along `adj`; weighted reads adj's weights as lengths (they must be > 0).
    // With count_paths, sigma(v) is the number of shortest s-v paths. Work is proportional to
    // the part of the graph reached: only touched entries are reset by the next run.
    void run(const Adjacency& adj, Vertex s, bool weighted, bool count_paths = false);

    double dist(Vertex v) const { return dist_[v]; }
    double sigma(Vertex v) const { return sigma_[v]; }
    // Reached vertices in order of non-decreasing distance (s first).
    const std::vector<Vertex>& order() const { return order_; }
    // True when the entry `slot` of u's row (u → v) lies on a shortest path from the source.
    bool on_dag(const Adjacency& adj, Vertex u, std::uint32_t slot, bool weighted) const {
        return dist_[adj.targets[slot]] == dist_[u] + (weighted ? adj.weight(slot) : 1.0);
    }

private:
    void bfs(const Adjacency& adj, Vertex s);
    void dijkstra(const Adjacency& adj, Vertex s);

    std::vector<double> dist_;
    std::vector<double> sigma_;
    std::vector<Vertex> order_;
    std::vector<char> settled_;
};

}  // namespace liaison::analysis::detail
