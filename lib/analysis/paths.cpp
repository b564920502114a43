// Shortest paths and ego networks (paths.hpp).
#include <algorithm>

#include "analysis/internal/bfs.hpp"
#include "analysis/internal/checks.hpp"
#include "analysis/internal/sssp.hpp"
#include "liaison/analysis/paths.hpp"

namespace liaison::analysis {

namespace {

bool use_weights(const Csr& g, bool weighted, const char* algorithm) {
    const bool w = weighted && g.weighted();
    if (w) detail::require_positive_weights(g, algorithm);
    return w;
}

// Predecessors of v on shortest paths from the search's source: in-neighbours u with
// dist(u) + w(u, v) == dist(v), ascending.
std::vector<Vertex> predecessors(const Adjacency& in, const detail::ShortestPaths& sp, Vertex v,
                                 bool weighted) {
    std::vector<Vertex> preds;
    for (std::uint32_t e = in.begin(v); e < in.end(v); ++e) {
        const Vertex u = in.targets[e];
        if (u != v && sp.dist(u) + (weighted ? in.weight(e) : 1.0) == sp.dist(v))
            preds.push_back(u);
    }
    return preds;
}

}  // namespace

std::vector<double> shortest_path_lengths(const Csr& g, Vertex from, const PathOptions& options) {
    detail::require_vertex(g, from, "from");
    const bool weighted = use_weights(g, options.weighted, "weighted shortest paths");
    std::vector<double> dist(g.node_count(), detail::kInfinity);
    if (!weighted) {
        const std::vector<std::int32_t> depth = detail::bfs_depths(g.out(), from, !g.directed());
        for (Vertex v = 0; v < g.node_count(); ++v) {
            if (depth[v] >= 0) dist[v] = depth[v];
        }
        return dist;
    }
    detail::ShortestPaths sp(g.node_count());
    sp.run(g.out(), from, weighted);
    for (Vertex v : sp.order()) dist[v] = sp.dist(v);
    return dist;
}

Path shortest_path(const Csr& g, Vertex from, Vertex to, const PathOptions& options) {
    detail::require_vertex(g, from, "from");
    detail::require_vertex(g, to, "to");
    const bool weighted = use_weights(g, options.weighted, "weighted shortest paths");
    detail::ShortestPaths sp(g.node_count());
    sp.run(g.out(), from, weighted);
    Path path;
    path.length = sp.dist(to);
    if (path.length == detail::kInfinity) return path;
    Adjacency in = g.in();
    for (Vertex v = to; v != from;) {
        path.vertices.push_back(v);
        v = predecessors(in, sp, v, weighted).front();
    }
    path.vertices.push_back(from);
    std::reverse(path.vertices.begin(), path.vertices.end());
    return path;
}

AllPaths all_shortest_paths(const Csr& g, Vertex from, Vertex to, const AllPathsOptions& options) {
    detail::require_vertex(g, from, "from");
    detail::require_vertex(g, to, "to");
    const bool weighted = use_weights(g, options.weighted, "weighted shortest paths");
    detail::ShortestPaths sp(g.node_count());
    sp.run(g.out(), from, weighted);
    AllPaths result;
    result.length = sp.dist(to);
    if (result.length == detail::kInfinity) return result;
    // Depth-first over the predecessor DAG from `to` back to `from`; each stack entry holds the
    // vertex and its remaining predecessors.
    Adjacency in = g.in();
    std::vector<Vertex> trail{to};
    std::vector<std::vector<Vertex>> choices{predecessors(in, sp, to, weighted)};
    if (to == from) {
        result.paths.push_back({from});
        return result;
    }
    while (!choices.empty()) {
        if (choices.back().empty()) {
            choices.pop_back();
            trail.pop_back();
            continue;
        }
        const Vertex u = choices.back().back();
        choices.back().pop_back();
        trail.push_back(u);
        if (u == from) {
            if (result.paths.size() == options.limit) {
                result.truncated = true;
                break;
            }
            result.paths.emplace_back(trail.rbegin(), trail.rend());
            trail.pop_back();
            continue;
        }
        choices.push_back(predecessors(in, sp, u, weighted));
    }
    std::sort(result.paths.begin(), result.paths.end());
    return result;
}

Ego ego_network(const Csr& g, Vertex center, const EgoOptions& options) {
    detail::require_vertex(g, center, "center");
    const Vertex n = g.node_count();
    std::vector<std::uint32_t> hop(n, UINT32_MAX);
    std::vector<Vertex> frontier{center}, next;
    hop[center] = 0;
    Ego ego;
    ego.vertices.push_back(center);
    ego.hops.push_back(0);
    Adjacency out = g.out();
    Adjacency in = g.in();
    const bool follow_out = options.direction != EgoDirection::In || !g.directed();
    const bool follow_in = g.directed() && options.direction != EgoDirection::Out;
    for (std::uint32_t h = 1; h <= options.hops && !frontier.empty(); ++h) {
        next.clear();
        for (Vertex u : frontier) {
            auto visit = [&](std::span<const Vertex> row) {
                for (Vertex v : row) {
                    if (hop[v] == UINT32_MAX) {
                        hop[v] = h;
                        next.push_back(v);
                    }
                }
            };
            if (follow_out) visit(out.neighbors(u));
            if (follow_in) visit(in.neighbors(u));
        }
        std::sort(next.begin(), next.end());
        for (Vertex v : next) {
            ego.vertices.push_back(v);
            ego.hops.push_back(h);
        }
        std::swap(frontier, next);
    }
    return ego;
}

}  // namespace liaison::analysis
