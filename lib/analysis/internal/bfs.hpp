#pragma once
// Breadth-first search on unweighted rows with int32 depths: a reusable single-source workspace
// that also counts shortest paths (betweenness, closeness), and a direction-optimising search
// for one source (shortest_path_lengths).
#include <cstdint>
#include <limits>
#include <vector>

#include "liaison/analysis/csr.hpp"

namespace liaison::analysis::detail {

class Bfs {
public:
    explicit Bfs(Vertex n) : depth_(n, -1), sigma_(n, 0.0) {}

    // Depths from s along `adj`. With count_paths, sigma(v) is the number of shortest s-v paths,
    // summed in the same order as ShortestPaths::run (so results are bitwise equal), and the
    // successors of order()[i] on the shortest-path DAG are successors()[i] .. [i + 1]. Only the
    // entries reached are reset by the next run.
    void run(const Adjacency& adj, Vertex s, bool count_paths);

    std::int32_t depth(Vertex v) const { return depth_[v]; }
    double dist(Vertex v) const {
        return depth_[v] < 0 ? std::numeric_limits<double>::infinity() : depth_[v];
    }
    double sigma(Vertex v) const { return sigma_[v]; }
    const std::vector<std::int32_t>& depths() const { return depth_; }
    const std::vector<double>& sigmas() const { return sigma_; }
    // Reached vertices in BFS order (s first).
    const std::vector<Vertex>& order() const { return order_; }
    // Where each reached vertex's DAG successors start in dag(), by BFS position (size
    // order().size() + 1); filled by count_paths runs.
    const std::vector<std::uint32_t>& successors() const { return succ_start_; }
    const std::vector<Vertex>& dag() const { return succ_; }

private:
    std::vector<std::int32_t> depth_;
    std::vector<double> sigma_;
    std::vector<Vertex> order_;
    std::vector<std::uint32_t> succ_start_;
    std::vector<Vertex> succ_;
};

// Depth of every vertex from s (-1 when unreachable). `symmetric` says adj is an undirected
// graph's rows, so a vertex can look for a parent in its own row: then the search switches to
// bottom-up steps on large frontiers (Beamer, Asanović and Patterson 2012). Otherwise top-down.
std::vector<std::int32_t> bfs_depths(const Adjacency& adj, Vertex s, bool symmetric);

}  // namespace liaison::analysis::detail
