#include "analysis/internal/level_graph.hpp"

#include <algorithm>
#include <numeric>

namespace liaison::analysis::detail {

LevelGraph level_graph(const Csr& undirected, bool weighted) {
    const Vertex n = undirected.node_count();
    Adjacency a = undirected.out();
    LevelGraph g;
    g.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
    g.loop.assign(n, 0.0);
    g.degree.assign(n, 0.0);
    for (Vertex u = 0; u < n; ++u) {
        for (std::uint32_t e = a.begin(u); e < a.end(u); ++e) {
            const Vertex v = a.targets[e];
            const double w = weighted ? a.weight(e) : 1.0;
            if (v == u) {
                g.loop[u] += w;
                g.degree[u] += 2 * w;
            } else {
                g.targets.push_back(v);
                g.weights.push_back(w);
                g.degree[u] += w;
            }
        }
        g.offsets[u + 1] = static_cast<std::uint32_t>(g.targets.size());
    }
    g.total = std::accumulate(g.degree.begin(), g.degree.end(), 0.0);
    return g;
}

LevelGraph aggregate(const LevelGraph& g, const std::vector<std::uint32_t>& community,
                     std::uint32_t count) {
    // Members of each community, by counting sort.
    std::vector<std::uint32_t> start(static_cast<std::size_t>(count) + 1, 0);
    for (std::uint32_t c : community) ++start[c + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::uint32_t> members(community.size());
    {
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (std::uint32_t u = 0; u < g.size(); ++u) members[fill[community[u]]++] = u;
    }
    LevelGraph h;
    h.offsets.assign(static_cast<std::size_t>(count) + 1, 0);
    h.loop.assign(count, 0.0);
    h.degree.assign(count, 0.0);
    h.total = g.total;
    std::vector<double> weight_to(count, 0.0);
    std::vector<char> seen(count, 0);
    std::vector<std::uint32_t> touched;
    for (std::uint32_t c = 0; c < count; ++c) {
        for (std::uint32_t i = start[c]; i < start[c + 1]; ++i) {
            const std::uint32_t u = members[i];
            h.loop[c] += g.loop[u];
            h.degree[c] += g.degree[u];
            for (std::uint32_t e = g.offsets[u]; e < g.offsets[u + 1]; ++e) {
                const std::uint32_t d = community[g.targets[e]];
                if (d == c) {
                    h.loop[c] += g.weights[e] / 2;  // each inside edge is seen from both ends
                } else {
                    if (!seen[d]) {
                        seen[d] = 1;
                        touched.push_back(d);
                    }
                    weight_to[d] += g.weights[e];
                }
            }
        }
        for (std::uint32_t d : touched) {
            // A zero-weight tie adds nothing to modularity; leaving it out is harmless.
            if (weight_to[d] != 0) {
                h.targets.push_back(d);
                h.weights.push_back(weight_to[d]);
            }
            weight_to[d] = 0;
            seen[d] = 0;
        }
        touched.clear();
        h.offsets[c + 1] = static_cast<std::uint32_t>(h.targets.size());
    }
    return h;
}

std::uint32_t compact_labels(std::vector<std::uint32_t>& labels) {
    std::uint32_t top = 0;
    for (std::uint32_t l : labels) top = std::max(top, l);
    std::vector<std::uint32_t> map(labels.empty() ? 0 : static_cast<std::size_t>(top) + 1,
                                   UINT32_MAX);
    std::uint32_t next = 0;
    for (std::uint32_t& l : labels) {
        if (map[l] == UINT32_MAX) map[l] = next++;
        l = map[l];
    }
    return next;
}

}  // namespace liaison::analysis::detail
