// PageRank by dense products with the in-edge matrix (kernels.hpp). One round is liaison's
// pull step: next[v] = d (flow into v + dangling mass / n) + (1 - d) / n.
#include <cmath>

#include "kernels.hpp"

namespace liaison::dist {

PageRankResult page_rank(const Graph& g, const PageRankOptions& options) {
    if (g.weighted && g.min_weight < 0)
        throw InputError("pagerank: the graph has negative weights (smallest " +
                         std::to_string(g.min_weight) + "); rerun with --unweighted");
    const std::size_t m = static_cast<std::size_t>(g.local);
    const double n = static_cast<double>(g.n);
    const double uniform = 1.0 / n;
    const double d = options.damping;
    // Out-weight of each vertex: its row of a times ones.
    const std::vector<double> out_weight =
        local_of(times(g.a, dense_of(g, std::vector<double>(m, 1.0))));
    std::vector<double> x(m, uniform), next(m), share(m);
    for (std::size_t i = 0; i < m; ++i) share[i] = out_weight[i] == 0 ? 0.0 : x[i] / out_weight[i];
    PageRankResult r;
    for (int it = 1; it <= options.max_iterations; ++it) {
        double dangling = 0;
        for (std::size_t i = 0; i < m; ++i)
            if (out_weight[i] == 0) dangling += x[i];
        const double dangling_sum = sum_all(g.comm, dangling);
        const std::vector<double> flow = local_of(times(g.in_matrix(), dense_of(g, share)));
        double err = 0;
        for (std::size_t i = 0; i < m; ++i) {
            const double value = d * (flow[i] + dangling_sum * uniform) + (1 - d) * uniform;
            err += std::abs(value - x[i]);
            next[i] = value;
            share[i] = out_weight[i] == 0 ? 0.0 : value / out_weight[i];
        }
        std::swap(x, next);
        r.iterations = it;
        if (sum_all(g.comm, err) < n * options.tolerance) {
            r.converged = true;
            break;
        }
    }
    r.local = std::move(x);
    return r;
}

}  // namespace liaison::dist
