// Closeness and harmonic centrality (centrality.hpp).
#include <algorithm>
#include <bit>
#include <cstdint>

#include "analysis/internal/bfs.hpp"
#include "analysis/internal/checks.hpp"
#include "analysis/internal/parallel.hpp"
#include "analysis/internal/sssp.hpp"
#include "liaison/analysis/centrality.hpp"

namespace liaison::analysis {

namespace {

// Runs a search from every vertex along the rows that give distances *to* it (in-rows, the
// NetworkX convention) or *from* it, and lets `visit` fold the distances into a score. Vertices
// are independent, so threads share them (dynamic: search sizes vary) with one workspace each;
// `visit` sees the same search whatever the thread, so scores do not depend on the count.
template <typename Visit>
Scores distance_scores(const Csr& g, bool weighted, bool outgoing, Visit visit) {
    const Vertex n = g.node_count();
    Scores result;
    result.value.assign(n, 0.0);
    const Adjacency adj = outgoing ? g.out() : g.in();
    const std::int64_t count = n;
    const int threads = detail::threads_for(adj.targets.size());
    double* value = result.value.data();
#ifdef _OPENMP
#pragma omp parallel num_threads(threads) if (threads > 1)
#else
    (void)threads;
#endif
    {
        if (weighted) {
            detail::ShortestPaths sp(n);
#ifdef _OPENMP
#pragma omp for schedule(dynamic, 16)
#endif
            for (std::int64_t v = 0; v < count; ++v) {
                sp.run(adj, static_cast<Vertex>(v), true);
                value[v] = visit(sp);
            }
        } else {
            detail::Bfs bfs(n);
#ifdef _OPENMP
#pragma omp for schedule(dynamic, 16)
#endif
            for (std::int64_t v = 0; v < count; ++v) {
                bfs.run(adj, static_cast<Vertex>(v), false);
                value[v] = visit(bfs);
            }
        }
    }
    return result;
}

struct DistanceSums {
    std::vector<std::uint64_t> total;    // sum of distances from each vertex to those it reaches
    std::vector<std::uint32_t> reached;  // vertices reached, itself included
};

// Unweighted distance sums from every vertex, 64 sources at a time (multi-source BFS, Then et
// al. 2014): bit i of a vertex's word says source i of the batch has reached it, so one pass over
// a row serves 64 searches. Sums of integers are exact, so closeness is the same double as from
// one search per vertex.
DistanceSums distance_sums(const Adjacency& adj, int threads) {
    const Vertex n = adj.size();
    DistanceSums sums{std::vector<std::uint64_t>(n, 0), std::vector<std::uint32_t>(n, 0)};
    const std::int64_t batches = (static_cast<std::int64_t>(n) + 63) / 64;
    const std::uint32_t* offsets = adj.offsets.data();
    const Vertex* targets = adj.targets.data();
#ifdef _OPENMP
#pragma omp parallel num_threads(threads) if (threads > 1)
#else
    (void)threads;
#endif
    {
        std::vector<std::uint64_t> seen(n, 0), frontier(n, 0), next(n, 0);
        std::vector<Vertex> active, touched;
#ifdef _OPENMP
#pragma omp for schedule(dynamic, 1)
#endif
        for (std::int64_t b = 0; b < batches; ++b) {
            const Vertex first = static_cast<Vertex>(b * 64);
            const Vertex last = std::min<Vertex>(n, first + 64);
            std::uint64_t total[64] = {};
            std::uint32_t reached[64] = {};
            active.clear();
            for (Vertex s = first; s < last; ++s) {
                seen[s] = frontier[s] = std::uint64_t{1} << (s - first);
                reached[s - first] = 1;
                active.push_back(s);
            }
            for (std::uint64_t level = 1; !active.empty(); ++level) {
                touched.clear();
                for (Vertex u : active) {
                    const std::uint64_t f = frontier[u];
                    for (std::uint32_t e = offsets[u]; e < offsets[u + 1]; ++e) {
                        const Vertex x = targets[e];
                        if (next[x] == 0) touched.push_back(x);
                        next[x] |= f;
                    }
                }
                for (Vertex u : active) frontier[u] = 0;
                active.clear();
                for (Vertex x : touched) {
                    const std::uint64_t fresh = next[x] & ~seen[x];
                    next[x] = 0;
                    if (fresh == 0) continue;
                    seen[x] |= fresh;
                    frontier[x] = fresh;
                    active.push_back(x);
                    for (std::uint64_t bits = fresh; bits != 0; bits &= bits - 1) {
                        const int i = std::countr_zero(bits);
                        total[i] += level;
                        ++reached[i];
                    }
                }
            }
            for (Vertex s = first; s < last; ++s) {
                sums.total[s] = total[s - first];
                sums.reached[s] = reached[s - first];
            }
            // One pass over n words clears the seen bits: small beside the batch's 64 searches.
            std::fill(seen.begin(), seen.end(), 0);
        }
    }
    return sums;
}

}  // namespace

Scores closeness(const Csr& g, const ClosenessOptions& options) {
    const bool weighted = options.weighted && g.weighted();
    if (weighted) detail::require_positive_weights(g, "weighted closeness");
    const double n = g.node_count();
    if (!weighted) {
        const Adjacency adj = options.outgoing ? g.out() : g.in();
        const DistanceSums sums = distance_sums(adj, detail::threads_for(adj.targets.size()));
        Scores result;
        result.value.assign(g.node_count(), 0.0);
        for (Vertex v = 0; v < g.node_count(); ++v) {
            const double total = static_cast<double>(sums.total[v]);
            const double reached = static_cast<double>(sums.reached[v]) - 1.0;
            if (!(total > 0) || n <= 1) continue;
            double c = reached / total;
            if (options.wf_improved) c *= reached / (n - 1);
            result.value[v] = c;
        }
        return result;
    }
    return distance_scores(g, weighted, options.outgoing, [&](const auto& sp) {
        double total = 0;
        for (Vertex u : sp.order()) total += sp.dist(u);
        const double reached = static_cast<double>(sp.order().size()) - 1.0;
        if (!(total > 0) || n <= 1) return 0.0;
        double c = reached / total;
        if (options.wf_improved) c *= reached / (n - 1);
        return c;
    });
}

Scores harmonic(const Csr& g, const HarmonicOptions& options) {
    const bool weighted = options.weighted && g.weighted();
    if (weighted) detail::require_positive_weights(g, "weighted harmonic centrality");
    const double n = g.node_count();
    Scores result = distance_scores(g, weighted, options.outgoing, [](const auto& sp) {
        double sum = 0;
        for (Vertex u : sp.order()) {
            if (sp.dist(u) > 0) sum += 1.0 / sp.dist(u);
        }
        return sum;
    });
    if (options.normalized && n > 1) {
        for (double& x : result.value) x /= n - 1;
    }
    return result;
}

}  // namespace liaison::analysis
