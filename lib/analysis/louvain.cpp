// Louvain community detection (community.hpp).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "analysis/internal/community_common.hpp"
#include "analysis/internal/level_graph.hpp"
#include "analysis/internal/random.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/core/error.hpp"

namespace liaison::analysis {

namespace {

// One level of local moving from singletons; returns the communities (0..k-1 compacted) and
// whether any vertex moved. Gains are compared in edge-weight units:
// gain(c) = w(v, c) - gamma * K_c * k_v / 2m, which is proportional to the modularity change.
bool move_nodes(const detail::LevelGraph& g, double gamma, detail::Rng& rng,
                std::vector<std::uint32_t>& community) {
    const std::uint32_t n = g.size();
    community.resize(n);
    std::iota(community.begin(), community.end(), 0u);
    std::vector<double> tot(g.degree);
    std::vector<double> weight_to(n, 0.0);
    std::vector<char> seen(n, 0);
    std::vector<std::uint32_t> touched;
    std::vector<std::uint32_t> order(n);
    std::iota(order.begin(), order.end(), 0u);
    detail::shuffle(order, rng);
    bool any_move = false;
    const double scale = gamma / g.total;
    for (int sweep = 0; sweep < 1000; ++sweep) {
        bool moved = false;
        for (std::uint32_t v : order) {
            const std::uint32_t own = community[v];
            const double kv = g.degree[v];
            for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
                const std::uint32_t c = community[g.targets[e]];
                if (!seen[c]) {
                    seen[c] = 1;
                    touched.push_back(c);
                }
                weight_to[c] += g.weights[e];
            }
            tot[own] -= kv;
            detail::BestMove move(own, weight_to[own] - scale * tot[own] * kv);
            for (std::uint32_t c : touched) move.offer(c, weight_to[c] - scale * tot[c] * kv);
            const std::uint32_t best = move.community();
            tot[best] += kv;
            community[v] = best;
            if (best != own) moved = true;
            for (std::uint32_t c : touched) {
                weight_to[c] = 0;
                seen[c] = 0;
            }
            touched.clear();
        }
        if (!moved) break;
        any_move = true;
    }
    detail::compact_labels(community);
    return any_move;
}

}  // namespace

Partition louvain(const Csr& g, const LouvainOptions& options) {
    if (options.max_levels < 1) throw ArgumentError("analysis: louvain max_levels must be >= 1");
    if (!(options.threshold >= 0)) throw ArgumentError("analysis: louvain threshold must be >= 0");
    Csr undirected = detail::community_input(g, "louvain", options.resolution, options.weighted);
    const bool weighted = options.weighted && g.weighted();
    detail::LevelGraph level = detail::level_graph(undirected, weighted);
    detail::Rng rng(options.seed);

    std::vector<std::uint32_t> labels(g.node_count());  // original vertex → current level vertex
    std::iota(labels.begin(), labels.end(), 0u);
    std::vector<std::uint32_t> community;
    double quality = detail::level_modularity(level, labels, options.resolution);
    int levels = 0;
    while (levels < options.max_levels && level.size() > 0) {
        if (!move_nodes(level, options.resolution, rng, community)) break;
        ++levels;
        for (std::uint32_t& l : labels) l = community[l];
        // Like NetworkX, a level's moves are kept even when they gain less than the threshold;
        // the threshold only decides whether another level is tried.
        const double next = detail::level_modularity(level, community, options.resolution);
        if (next - quality <= options.threshold) break;
        quality = next;
        std::uint32_t count = 0;
        for (std::uint32_t c : community) count = std::max(count, c + 1);
        level = detail::aggregate(level, community, count);
    }
    Partition p = detail::finish_partition(undirected, labels, options.resolution, weighted);
    p.iterations = levels;
    return p;
}

}  // namespace liaison::analysis
