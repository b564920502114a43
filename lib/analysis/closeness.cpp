// Closeness and harmonic centrality (centrality.hpp).
#include "analysis/centrality.hpp"
#include "analysis/internal/checks.hpp"
#include "analysis/internal/sssp.hpp"

namespace liaison::analysis {

namespace {

// Runs a search from every vertex along the rows that give distances *to* it (in-rows, the
// NetworkX convention) or *from* it, and lets `visit` fold the distances into a score.
template <typename Visit>
Scores distance_scores(const Csr& g, bool weighted, bool outgoing, Visit visit) {
    const Vertex n = g.node_count();
    Scores result;
    result.value.assign(n, 0.0);
    Adjacency adj = outgoing ? g.out() : g.in();
    detail::ShortestPaths sp(n);
    for (Vertex v = 0; v < n; ++v) {
        sp.run(adj, v, weighted);
        result.value[v] = visit(sp);
    }
    return result;
}

}  // namespace

Scores closeness(const Csr& g, const ClosenessOptions& options) {
    const bool weighted = options.weighted && g.weighted();
    if (weighted) detail::require_positive_weights(g, "weighted closeness");
    const double n = g.node_count();
    return distance_scores(g, weighted, options.outgoing, [&](const detail::ShortestPaths& sp) {
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
    Scores result =
        distance_scores(g, weighted, options.outgoing, [](const detail::ShortestPaths& sp) {
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
