#include "analysis/internal/sssp.hpp"

#include <functional>
#include <queue>
#include <utility>

namespace liaison::analysis::detail {

void ShortestPaths::run(const Adjacency& adj, Vertex s, bool weighted, bool count_paths) {
    for (Vertex v : order_) {
        dist_[v] = kInfinity;
        sigma_[v] = 0.0;
    }
    order_.clear();
    if (weighted) {
        dijkstra(adj, s);
    } else {
        bfs(adj, s);
    }
    if (!count_paths) return;
    // Predecessors are settled before their successors (lengths > 0), so one pass in settle order
    // counts paths. The test repeats the relaxation's own sum, so ties are exact as in NetworkX.
    sigma_[s] = 1.0;
    for (Vertex u : order_) {
        for (std::uint32_t e = adj.begin(u); e < adj.end(u); ++e) {
            if (on_dag(adj, u, e, weighted)) sigma_[adj.targets[e]] += sigma_[u];
        }
    }
}

void ShortestPaths::bfs(const Adjacency& adj, Vertex s) {
    dist_[s] = 0;
    order_.push_back(s);
    for (std::size_t head = 0; head < order_.size(); ++head) {
        Vertex u = order_[head];
        double next = dist_[u] + 1.0;
        for (Vertex v : adj.neighbors(u)) {
            if (dist_[v] == kInfinity) {
                dist_[v] = next;
                order_.push_back(v);
            }
        }
    }
}

void ShortestPaths::dijkstra(const Adjacency& adj, Vertex s) {
    using Item = std::pair<double, Vertex>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
    // dist_ holds tentative distances; `order_` receives vertices as they settle. A vertex may be
    // pushed several times (lazy deletion); only its first pop counts. Every vertex reached is
    // settled before the heap empties, so `order_` lists all entries the next run must reset.
    std::vector<char>& settled = settled_;
    dist_[s] = 0;
    heap.push({0.0, s});
    while (!heap.empty()) {
        auto [d, u] = heap.top();
        heap.pop();
        if (settled[u]) continue;
        settled[u] = true;
        order_.push_back(u);
        for (std::uint32_t e = adj.begin(u); e < adj.end(u); ++e) {
            Vertex v = adj.targets[e];
            double nd = d + adj.weight(e);
            if (!settled[v] && nd < dist_[v]) {
                dist_[v] = nd;
                heap.push({nd, v});
            }
        }
    }
    for (Vertex v : order_) settled[v] = 0;
}

}  // namespace liaison::analysis::detail
