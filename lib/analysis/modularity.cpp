// Modularity and the canonical numbering of partitions (community.hpp).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include <fmt/format.h>

#include "analysis/internal/checks.hpp"
#include "analysis/internal/community_common.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/core/error.hpp"

namespace liaison::analysis {

Partition canonical_partition(std::span<const std::uint32_t> labels) {
    const std::size_t n = labels.size();
    // Dense 0..k-1 in order of first appearance (so the smallest member is known), then ranked.
    std::vector<std::uint32_t> dense(labels.begin(), labels.end());
    std::uint32_t k = 0;
    {
        const std::uint32_t top = n == 0 ? 0 : *std::max_element(labels.begin(), labels.end());
        if (top / 4 <= n) {
            std::vector<std::uint32_t> map(static_cast<std::size_t>(top) + 1, UINT32_MAX);
            for (std::uint32_t& l : dense) {
                if (map[l] == UINT32_MAX) map[l] = k++;
                l = map[l];
            }
        } else {  // sparse labels (any 32-bit values): no table of the largest one's size
            std::unordered_map<std::uint32_t, std::uint32_t> map;
            for (std::uint32_t& l : dense) {
                auto [it, added] = map.try_emplace(l, k);
                if (added) ++k;
                l = it->second;
            }
        }
    }
    std::vector<std::uint32_t> size(k, 0);
    for (std::uint32_t c : dense) ++size[c];
    // Larger communities first, ties by first appearance: a counting sort by size, stable over
    // the dense numbers (components of a big sparse graph are mostly single vertices, so a
    // comparison sort of them cost a fifth of weak_components).
    const std::uint32_t largest = k == 0 ? 0 : *std::max_element(size.begin(), size.end());
    std::vector<std::uint32_t> next(static_cast<std::size_t>(largest) + 2, 0);
    for (std::uint32_t s : size) ++next[largest - s + 1];
    std::partial_sum(next.begin(), next.end(), next.begin());
    std::vector<std::uint32_t> rank(k);
    for (std::uint32_t c = 0; c < k; ++c) rank[c] = next[largest - size[c]]++;
    Partition p;
    p.membership.resize(n);
    for (std::size_t v = 0; v < n; ++v) p.membership[v] = rank[dense[v]];
    p.count = k;
    return p;
}

double modularity(const Csr& g, std::span<const std::uint32_t> membership,
                  const ModularityOptions& options) {
    if (membership.size() != g.node_count())
        throw ArgumentError(fmt::format(
            "analysis: modularity membership must have one entry per vertex ({}), got {}",
            g.node_count(), membership.size()));
    if (!std::isfinite(options.resolution) || options.resolution < 0)
        throw ArgumentError("analysis: modularity resolution must be finite and >= 0");
    const bool weighted = options.weighted && g.weighted();
    if (weighted) detail::require_nonnegative_weights(g, "modularity");
    const Vertex n = g.node_count();
    std::uint32_t k = 0;
    for (std::uint32_t c : membership) k = std::max(k, c + 1);
    std::vector<double> inside(k, 0.0), k_out(k, 0.0), k_in(k, 0.0);
    Adjacency a = g.out();
    double m = 0;  // directed: total weight; undirected: half the degree sum
    for (Vertex u = 0; u < n; ++u) {
        for (std::uint32_t e = a.begin(u); e < a.end(u); ++e) {
            const Vertex v = a.targets[e];
            const double w = weighted ? a.weight(e) : 1.0;
            if (g.directed()) {
                k_out[membership[u]] += w;
                k_in[membership[v]] += w;
                m += w;
                if (membership[u] == membership[v]) inside[membership[u]] += w;
            } else {
                // Undirected entries appear from both ends, a self-loop once but counting twice.
                const double times = u == v ? 2.0 : 1.0;
                k_out[membership[u]] += w * times;
                m += w * times / 2;
                if (membership[u] == membership[v]) inside[membership[u]] += w * times / 2;
            }
        }
    }
    if (m == 0) return 0.0;
    double q = 0;
    for (std::uint32_t c = 0; c < k; ++c) {
        const double in_degree = g.directed() ? k_in[c] : k_out[c];
        const double norm = g.directed() ? m * m : 4 * m * m;
        q += inside[c] / m - options.resolution * k_out[c] * in_degree / norm;
    }
    return q;
}

namespace detail {

Csr community_input(const Csr& g, std::string_view algorithm, double resolution, bool weighted) {
    if (!std::isfinite(resolution) || resolution < 0)
        throw ArgumentError(
            fmt::format("analysis: {} resolution must be finite and >= 0", algorithm));
    if (weighted && g.weighted()) require_nonnegative_weights(g, algorithm);
    return symmetrized(g);
}

Partition finish_partition(const Csr& undirected, const std::vector<std::uint32_t>& labels,
                           double resolution, bool weighted) {
    Partition p = canonical_partition(labels);
    p.modularity = modularity(undirected, p.membership, {resolution, weighted});
    return p;
}

double level_modularity(const LevelGraph& g, const std::vector<std::uint32_t>& labels,
                        double resolution) {
    if (g.total == 0) return 0.0;
    std::vector<double> inside(g.size(), 0.0), tot(g.size(), 0.0);
    for (std::uint32_t u = 0; u < g.size(); ++u) {
        tot[labels[u]] += g.degree[u];
        inside[labels[u]] += 2 * g.loop[u];
        for (std::uint32_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
            if (labels[g.targets[e]] == labels[u]) inside[labels[u]] += g.weights[e];
        }
    }
    double q = 0;
    for (std::uint32_t c = 0; c < g.size(); ++c)
        q += inside[c] / g.total - resolution * (tot[c] / g.total) * (tot[c] / g.total);
    return q;
}

}  // namespace detail

}  // namespace liaison::analysis
