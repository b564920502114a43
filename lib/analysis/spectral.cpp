// Eigenvector, PageRank and Katz centrality: power iterations matching NetworkX's update rules,
// so both converge to the same vector (centrality.hpp).
#include <cmath>

#include <fmt/format.h>

#include "analysis/centrality.hpp"
#include "analysis/internal/checks.hpp"
#include "core/error.hpp"

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
    std::vector<double> x(n, 1.0 / n), flow(n);
    for (int it = 1; it <= options.max_iterations; ++it) {
        std::fill(flow.begin(), flow.end(), 0.0);
        for (Vertex u = 0; u < n; ++u) {
            if (out_weight[u] == 0) continue;
            const double share = x[u] / out_weight[u];
            for (std::uint32_t e = a.begin(u); e < a.end(u); ++e)
                flow[a.targets[e]] += share * (weighted ? a.weight(e) : 1.0);
        }
        double dangling_sum = 0;
        for (Vertex u : dangling) dangling_sum += x[u];
        double err = 0;
        for (Vertex v = 0; v < n; ++v) {
            const double next = d * (flow[v] + dangling_sum * q[v]) + (1 - d) * p[v];
            err += std::abs(next - x[v]);
            x[v] = next;
        }
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
