// Betweenness centrality, exact and sampled (centrality.hpp). Brandes' dependency accumulation
// runs over the shortest-path DAG's successors, so only out-rows are needed.
#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "analysis/internal/bfs.hpp"
#include "analysis/internal/checks.hpp"
#include "analysis/internal/parallel.hpp"
#include "analysis/internal/random.hpp"
#include "analysis/internal/sssp.hpp"
#include "liaison/analysis/centrality.hpp"
#include "liaison/core/error.hpp"

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

// Adds the dependencies of one source to `acc` (Brandes' backward pass over the BFS order).
// Unweighted searches keep int32 depths and need no reset of `delta`: every entry read belongs
// to a successor, written earlier in the same pass.
void accumulate_bfs(const Adjacency& adj, Vertex s, bool endpoints, detail::Bfs& bfs,
                    std::vector<double>& delta, std::vector<double>& acc) {
    bfs.run(adj, s, true);
    const auto& order = bfs.order();
    const std::uint32_t* start = bfs.successors().data();
    const Vertex* succ = bfs.dag().data();
    const double* sigma = bfs.sigmas().data();
    // ratio[w] = (1 + delta(w)) / sigma(w), so each DAG entry costs an add, not a division:
    // delta(v) = sigma(v) * sum of ratio over v's successors. This regroups Brandes' sum, so
    // scores differ from the per-entry form by rounding only (about 1e-15 relative).
    double* ratio = delta.data();
    for (std::size_t i = order.size(); i-- > 0;) {
        const Vertex v = order[i];
        double sum = 0;
        for (std::uint32_t e = start[i]; e < start[i + 1]; ++e) sum += ratio[succ[e]];
        const double dv = sigma[v] * sum;
        ratio[v] = (1.0 + dv) / sigma[v];
        if (v == s) continue;
        acc[v] += endpoints ? dv + 1.0 : dv;
    }
    if (endpoints) acc[s] += static_cast<double>(order.size() - 1);
}

void accumulate_weighted(const Adjacency& adj, Vertex s, bool endpoints, detail::ShortestPaths& sp,
                         std::vector<double>& delta, std::vector<double>& acc) {
    sp.run(adj, s, true, true);
    const auto& order = sp.order();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        Vertex v = *it;
        double dv = 0;
        const double sv = sp.sigma(v);
        for (std::uint32_t e = adj.begin(v); e < adj.end(v); ++e) {
            Vertex w = adj.targets[e];
            if (w != v && sp.on_dag(adj, v, e, true)) dv += sv / sp.sigma(w) * (1.0 + delta[w]);
        }
        delta[v] = dv;
        if (v == s) continue;
        acc[v] += endpoints ? dv + 1.0 : dv;
    }
    if (endpoints) acc[s] += static_cast<double>(order.size() - 1);
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
    const Adjacency adj = g.out();
    const std::vector<Vertex> sources = choose_sources(n, options);
    const std::int64_t count = static_cast<std::int64_t>(sources.size());
    // Sources are shared round-robin (static, 1: deterministic for a thread count); each thread
    // sums into its own scores, added up in thread order at the end. One thread gives exactly
    // the sequential sums.
    const int threads = count > 1 ? detail::threads_for(adj.targets.size()) : 1;
    std::vector<std::vector<double>> partial(static_cast<std::size_t>(threads));
#ifdef _OPENMP
#pragma omp parallel num_threads(threads) if (threads > 1)
#endif
    {
        std::vector<double>& acc = partial[static_cast<std::size_t>(detail::thread_id())];
        acc.assign(n, 0.0);
        std::vector<double> delta(n, 0.0);
        if (weighted) {
            detail::ShortestPaths sp(n);
#ifdef _OPENMP
#pragma omp for schedule(static, 1)
#endif
            for (std::int64_t i = 0; i < count; ++i)
                accumulate_weighted(adj, sources[i], options.endpoints, sp, delta, acc);
        } else {
            detail::Bfs bfs(n);
#ifdef _OPENMP
#pragma omp for schedule(static, 1)
#endif
            for (std::int64_t i = 0; i < count; ++i)
                accumulate_bfs(adj, sources[i], options.endpoints, bfs, delta, acc);
        }
    }
    for (const std::vector<double>& acc : partial) {
        if (acc.empty()) continue;
        for (Vertex v = 0; v < n; ++v) result.value[v] += acc[v];
    }
    const double scale = scale_factor(g, options);
    if (scale != 1.0) {
        for (double& x : result.value) x *= scale;
    }
    return result;
}

}  // namespace liaison::analysis
