// Eigenvector, PageRank and Katz centrality: power iterations matching NetworkX's update rules,
// so both converge to the same vector (centrality.hpp).
#include <cmath>
#include <cstdint>

#include <fmt/format.h>

#include "analysis/internal/checks.hpp"
#include "analysis/internal/parallel.hpp"
#include "liaison/analysis/centrality.hpp"
#include "liaison/core/error.hpp"

namespace liaison::analysis {

namespace {

void check_iteration(std::string_view algorithm, double tolerance, int max_iterations) {
    if (!(tolerance > 0) || !std::isfinite(tolerance))
        throw ArgumentError(fmt::format("analysis: {} tolerance must be > 0", algorithm));
    if (max_iterations < 1)
        throw ArgumentError(fmt::format("analysis: {} max_iterations must be >= 1", algorithm));
}

double l1_change(const std::vector<double>& a, const std::vector<double>& b) {
    double err = 0;
    for (std::size_t i = 0; i < a.size(); ++i) err += std::abs(a[i] - b[i]);
    return err;
}

double l2_norm(const std::vector<double>& x) {
    double sum = 0;
    for (double v : x) sum += v * v;
    return std::sqrt(sum);
}

// y[v] += x[u] * w(u, v) over every entry u → v (y = A^T x).
void add_transpose_product(const Adjacency& a, bool weighted, const std::vector<double>& x,
                           std::vector<double>& y) {
    for (Vertex u = 0; u < a.size(); ++u) {
        const double xu = x[u];
        for (std::uint32_t e = a.begin(u); e < a.end(u); ++e)
            y[a.targets[e]] += xu * (weighted ? a.weight(e) : 1.0);
    }
}

std::vector<double> normalized_or(std::span<const double> p, std::size_t n) {
    std::vector<double> out(n, 1.0 / static_cast<double>(n));
    if (p.empty()) return out;
    double sum = 0;
    for (double v : p) sum += v;
    for (std::size_t i = 0; i < n; ++i) out[i] = p[i] / sum;
    return out;
}

// What one PageRank round reads.
struct Round {
    const Adjacency& in;
    const std::vector<double>& share;  // x[u] / out-weight of u (0 when dangling)
    const std::vector<double>& x;
    const std::vector<double>& out_weight;
    const std::vector<double>& p;
    const std::vector<double>& q;
    double d;
    double dangling_sum;
};

// One PageRank round in pull form: next[v] = d (sum of shares of v's in-neighbours (times the
// entry's weight) + dangling q[v]) + (1 - d) p[v]; also the next round's shares, so a round is
// one parallel loop. Returns the L1 change. Specialised on `Weighted` so the unweighted loop
// reads no weights.
template <bool Weighted>
double pull_step(const Round& r, std::vector<double>& next, std::vector<double>& next_share) {
    const std::int64_t n = static_cast<std::int64_t>(r.x.size());
    const std::uint32_t* offsets = r.in.offsets.data();
    const Vertex* targets = r.in.targets.data();
    const double* weights = r.in.weights.data();
    const double* share = r.share.data();
    double err = 0;
#ifdef _OPENMP
#pragma omp parallel for schedule(static) reduction(+ : err) \
    if (detail::threads_for(r.in.targets.size()) > 1)
#endif
    for (std::int64_t v = 0; v < n; ++v) {
        double flow = 0;
        for (std::uint32_t e = offsets[v]; e < offsets[v + 1]; ++e) {
            if constexpr (Weighted) {
                flow += share[targets[e]] * weights[e];
            } else {
                flow += share[targets[e]];
            }
        }
        const double value = r.d * (flow + r.dangling_sum * r.q[v]) + (1 - r.d) * r.p[v];
        err += std::abs(value - r.x[v]);
        next[v] = value;
        next_share[v] = r.out_weight[v] == 0 ? 0.0 : value / r.out_weight[v];
    }
    return err;
}

}  // namespace

Scores eigenvector(const Csr& g, const EigenvectorOptions& options) {
    check_iteration("eigenvector", options.tolerance, options.max_iterations);
    const bool weighted = options.weighted && g.weighted();
    if (weighted) detail::require_nonnegative_weights(g, "eigenvector centrality");
    const Vertex n = g.node_count();
    Scores result;
    result.converged = false;
    if (n == 0) {
        result.converged = true;
        return result;
    }
    std::vector<double> x(n, 1.0 / n), last(n);
    Adjacency a = g.out();
    for (int it = 1; it <= options.max_iterations; ++it) {
        last = x;  // x starts as last: the product is with (A + I)
        add_transpose_product(a, weighted, last, x);
        double norm = l2_norm(x);
        if (norm == 0) norm = 1;
        for (double& v : x) v /= norm;
        result.iterations = it;
        if (l1_change(x, last) < n * options.tolerance) {
            result.converged = true;
            break;
        }
    }
    result.value = std::move(x);
    return result;
}

Scores page_rank(const Csr& g, const PageRankOptions& options) {
    if (!(options.damping >= 0 && options.damping < 1))
        throw ArgumentError("analysis: pagerank damping must be in [0, 1)");
    check_iteration("pagerank", options.tolerance, options.max_iterations);
    detail::require_distribution(g, options.personalization, "pagerank personalization");
    detail::require_distribution(g, options.dangling, "pagerank dangling");
    const bool weighted = options.weighted && g.weighted();
    if (weighted) detail::require_nonnegative_weights(g, "pagerank");
    const Vertex n = g.node_count();
    Scores result;
    if (n == 0) return result;
    result.converged = false;

    Adjacency a = g.out();
    Adjacency in = g.in();
    std::vector<double> out_weight(n, 0.0);
    std::vector<Vertex> dangling;
    for (Vertex u = 0; u < n; ++u) {
        for (std::uint32_t e = a.begin(u); e < a.end(u); ++e)
            out_weight[u] += weighted ? a.weight(e) : 1.0;
        if (out_weight[u] == 0) dangling.push_back(u);
    }
    const std::vector<double> p = normalized_or(options.personalization, n);
    const std::vector<double> q = options.dangling.empty() ? p : normalized_or(options.dangling, n);
    const double d = options.damping;
    // Pull form: each vertex sums its in-neighbours' shares, read from a precomputed array. In-rows
    // are sorted by source, so the sums add the same terms in the same order as a push over
    // ascending sources: results are bitwise those of the sequential push.
    std::vector<double> x(n, 1.0 / n), next(n), share(n), next_share(n);
    for (Vertex u = 0; u < n; ++u) share[u] = out_weight[u] == 0 ? 0.0 : x[u] / out_weight[u];
    for (int it = 1; it <= options.max_iterations; ++it) {
        double dangling_sum = 0;
        for (Vertex u : dangling) dangling_sum += x[u];
        const Round round{in, share, x, out_weight, p, q, d, dangling_sum};
        const double err = weighted ? pull_step<true>(round, next, next_share)
                                    : pull_step<false>(round, next, next_share);
        std::swap(x, next);
        std::swap(share, next_share);
        result.iterations = it;
        if (err < n * options.tolerance) {
            result.converged = true;
            break;
        }
    }
    result.value = std::move(x);
    return result;
}

Scores katz(const Csr& g, const KatzOptions& options) {
    if (!std::isfinite(options.alpha) || !std::isfinite(options.beta))
        throw ArgumentError("analysis: katz alpha and beta must be finite");
    check_iteration("katz", options.tolerance, options.max_iterations);
    const bool weighted = options.weighted && g.weighted();
    const Vertex n = g.node_count();
    Scores result;
    if (n == 0) return result;
    result.converged = false;
    Adjacency a = g.out();
    std::vector<double> x(n, 0.0), last(n);
    for (int it = 1; it <= options.max_iterations; ++it) {
        last = x;
        std::fill(x.begin(), x.end(), 0.0);
        add_transpose_product(a, weighted, last, x);
        bool finite = true;
        for (double& v : x) {
            v = options.alpha * v + options.beta;
            finite = finite && std::isfinite(v);
        }
        result.iterations = it;
        if (!finite) break;  // alpha above 1 / largest eigenvalue: the series diverges
        if (l1_change(x, last) < n * options.tolerance) {
            result.converged = true;
            break;
        }
    }
    if (result.converged && options.normalized) {
        double norm = l2_norm(x);
        if (norm > 0) {
            for (double& v : x) v /= norm;
        }
    }
    result.value = std::move(x);
    return result;
}

}  // namespace liaison::analysis
