// Betweenness centrality, exact and sampled (centrality.hpp). Brandes' dependency accumulation
// runs over the shortest-path DAG's successors, so only out-rows are needed.
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "analysis/centrality.hpp"
#include "analysis/internal/checks.hpp"
#include "analysis/internal/random.hpp"
#include "analysis/internal/sssp.hpp"
#include "core/error.hpp"

namespace liaison::analysis {

namespace {

std::vector<Vertex> choose_sources(Vertex n, const BetweennessOptions& options) {
    std::vector<Vertex> sources(n);
    std::iota(sources.begin(), sources.end(), Vertex{0});
    if (options.samples == 0) return sources;
    // Partial Fisher-Yates: the first k positions are a uniform sample without replacement.
    detail::Rng rng(options.seed);
    for (Vertex i = 0; i < options.samples; ++i)
        std::swap(sources[i], sources[i + detail::uniform_below(rng, n - i)]);
    sources.resize(options.samples);
    return sources;
}

double scale_factor(const Csr& g, const BetweennessOptions& options) {
    const double n = g.node_count();
    double scale = 1.0;
    if (options.normalized) {
        if (options.endpoints) {
            if (n >= 2) scale = 1.0 / (n * (n - 1));
        } else if (n > 2) {
            scale = 1.0 / ((n - 1) * (n - 2));
        }
    } else if (!g.directed()) {
        scale = 0.5;
    }
    if (options.samples > 0) scale *= n / options.samples;
    return scale;
}

}  // namespace

Scores betweenness(const Csr& g, const BetweennessOptions& options) {
    const Vertex n = g.node_count();
    if (options.samples > n)
        throw ArgumentError(fmt::format(
            "analysis: betweenness samples must be at most the number of vertices ({}), got {}", n,
            options.samples));
    const bool weighted = options.weighted && g.weighted();
    if (weighted) detail::require_positive_weights(g, "weighted betweenness");

    Scores result;
    result.value.assign(n, 0.0);
    if (n == 0) return result;
    Adjacency adj = g.out();
    detail::ShortestPaths sp(n);
    std::vector<double> delta(n, 0.0);
    for (Vertex s : choose_sources(n, options)) {
        sp.run(adj, s, weighted, true);
        const auto& order = sp.order();
        for (auto it = order.rbegin(); it != order.rend(); ++it) {
            Vertex v = *it;
            double dv = 0;
            const double sv = sp.sigma(v);
            for (std::uint32_t e = adj.begin(v); e < adj.end(v); ++e) {
                Vertex w = adj.targets[e];
                if (w != v && sp.on_dag(adj, v, e, weighted))
                    dv += sv / sp.sigma(w) * (1.0 + delta[w]);
            }
            delta[v] = dv;
            if (v == s) continue;
            result.value[v] += options.endpoints ? dv + 1.0 : dv;
        }
        if (options.endpoints) result.value[s] += static_cast<double>(order.size() - 1);
        for (Vertex v : order) delta[v] = 0;
    }
    const double scale = scale_factor(g, options);
    if (scale != 1.0) {
        for (double& x : result.value) x *= scale;
    }
    return result;
}

}  // namespace liaison::analysis
