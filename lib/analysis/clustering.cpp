// Clustering coefficients and transitivity (structure.hpp).
#include <algorithm>
#include <cmath>

#include "analysis/internal/checks.hpp"
#include "analysis/internal/triangles.hpp"
#include "liaison/analysis/structure.hpp"

namespace liaison::analysis {

namespace {

double max_weight(const Csr& g, bool weighted) {
    if (!weighted || g.edge_count() == 0) return 1.0;
    Adjacency a = g.out();
    return *std::max_element(a.weights.begin(), a.weights.end());
}

// Undirected: each triangle (i, j, k) with j < k counted once, weighing 1 or the cube root of
// the product of its normalised weights. Returns 2 * that sum, NetworkX's "triangles".
double undirected_triangles(const Adjacency& a, Vertex i, bool weighted, double wmax,
                            std::vector<double>& mark, std::vector<char>& is_mark) {
    for (std::uint32_t e = a.begin(i); e < a.end(i); ++e) {
        if (a.targets[e] == i) continue;
        mark[a.targets[e]] = weighted ? a.weight(e) / wmax : 1.0;
        is_mark[a.targets[e]] = 1;
    }
    double sum = 0;
    for (std::uint32_t e = a.begin(i); e < a.end(i); ++e) {
        const Vertex j = a.targets[e];
        if (j == i) continue;
        const double wij = mark[j];
        for (std::uint32_t f = a.begin(j); f < a.end(j); ++f) {
            const Vertex k = a.targets[f];
            if (k <= j || !is_mark[k]) continue;
            sum += weighted ? std::cbrt(wij * (a.weight(f) / wmax) * mark[k]) : 1.0;
        }
    }
    for (Vertex j : a.neighbors(i)) is_mark[j] = 0;
    return 2 * sum;
}

std::uint32_t degree_without_loop(const Adjacency& a, Vertex i) {
    return a.degree(i) - (a.find(i, i) != UINT32_MAX ? 1 : 0);
}

}  // namespace

std::vector<double> clustering(const Csr& g, const ClusteringOptions& options) {
    const bool weighted = options.weighted && g.weighted();
    if (weighted) detail::require_nonnegative_weights(g, "weighted clustering");
    const Vertex n = g.node_count();
    const double wmax = max_weight(g, weighted);
    std::vector<double> c(n, 0.0);
    Adjacency out = g.out();
    if (!g.directed() && !weighted) {
        // Counted once per triangle on the degree-oriented graph; 2 T / (d (d - 1)) is the
        // same double as the per-vertex wedge count gave.
        const std::vector<std::uint64_t> t = detail::triangles_per_vertex(out);
        for (Vertex i = 0; i < n; ++i) {
            const double d = degree_without_loop(out, i);
            if (d < 2) continue;
            c[i] = static_cast<double>(2 * t[i]) / (d * (d - 1));
        }
        return c;
    }
    if (!g.directed()) {
        std::vector<double> mark(n, 0.0);
        std::vector<char> is_mark(n, 0);
        for (Vertex i = 0; i < n; ++i) {
            const double d = degree_without_loop(out, i);
            if (d < 2) continue;
            c[i] = undirected_triangles(out, i, weighted, wmax, mark, is_mark) / (d * (d - 1));
        }
        return c;
    }
    // Fagiolo's directed triangles, term by term as NetworkX enumerates them: for each
    // neighbour j of i (as predecessor, then as successor) and each neighbour k of j (k != j)
    // that is also a neighbour of i, one term per way the three ties can point.
    Adjacency in = g.in();
    std::vector<double> pred(n, 0.0), succ(n, 0.0);  // w(k, i) and w(i, k), normalised
    std::vector<char> is_pred(n, 0), is_succ(n, 0);
    auto w = [&](const Adjacency& side, std::uint32_t e) {
        return weighted ? side.weight(e) / wmax : 1.0;
    };
    auto term = [&](double x, double y, double z) { return weighted ? std::cbrt(x * y * z) : 1.0; };
    for (Vertex i = 0; i < n; ++i) {
        double preds = 0, succs = 0, both = 0;
        for (std::uint32_t e = in.begin(i); e < in.end(i); ++e) {
            const Vertex k = in.targets[e];
            if (k == i) continue;
            pred[k] = w(in, e);
            is_pred[k] = 1;
            ++preds;
        }
        for (std::uint32_t e = out.begin(i); e < out.end(i); ++e) {
            const Vertex k = out.targets[e];
            if (k == i) continue;
            succ[k] = w(out, e);
            is_succ[k] = 1;
            ++succs;
            both += is_pred[k];
        }
        double t = 0;
        auto through = [&](Vertex j, double a) {
            for (std::uint32_t e = in.begin(j); e < in.end(j); ++e) {  // k → j
                const Vertex k = in.targets[e];
                if (k == j) continue;
                if (is_pred[k]) t += term(a, pred[k], w(in, e));
                if (is_succ[k]) t += term(a, succ[k], w(in, e));
            }
            for (std::uint32_t e = out.begin(j); e < out.end(j); ++e) {  // j → k
                const Vertex k = out.targets[e];
                if (k == j) continue;
                if (is_pred[k]) t += term(a, pred[k], w(out, e));
                if (is_succ[k]) t += term(a, succ[k], w(out, e));
            }
        };
        for (std::uint32_t e = in.begin(i); e < in.end(i); ++e) {
            if (in.targets[e] != i) through(in.targets[e], pred[in.targets[e]]);
        }
        for (std::uint32_t e = out.begin(i); e < out.end(i); ++e) {
            if (out.targets[e] != i) through(out.targets[e], succ[out.targets[e]]);
        }
        const double dt = preds + succs;
        if (t != 0) c[i] = t / ((dt * (dt - 1) - 2 * both) * 2);
        for (Vertex k : in.neighbors(i)) is_pred[k] = 0;
        for (Vertex k : out.neighbors(i)) is_succ[k] = 0;
    }
    return c;
}

double average_clustering(const Csr& g, const ClusteringOptions& options) {
    if (g.node_count() == 0) return 0.0;
    std::vector<double> c = clustering(g, options);
    double sum = 0;
    for (double x : c) sum += x;
    return sum / g.node_count();
}

double transitivity(const Csr& g) {
    Csr symmetric;
    if (g.directed()) symmetric = symmetrized(g);
    const Adjacency a = g.directed() ? symmetric.out() : g.out();
    double triples = 0;
    for (Vertex i = 0; i < a.size(); ++i) {
        const double d = degree_without_loop(a, i);
        triples += d * (d - 1);
    }
    // Each triangle closes 6 ordered triples; integers, so exact as the former per-vertex sums.
    const double triangles = 6.0 * static_cast<double>(detail::triangle_count(a));
    return triangles == 0 ? 0.0 : triangles / triples;
}

}  // namespace liaison::analysis
