// Density and diameter (structure.hpp).
#include "analysis/internal/checks.hpp"
#include "analysis/internal/sssp.hpp"
#include "liaison/analysis/error.hpp"
#include "liaison/analysis/structure.hpp"

namespace liaison::analysis {

double density(const Csr& g) {
    const double n = g.node_count();
    if (n <= 1) return 0.0;
    const double m = static_cast<double>(g.edge_count());
    return (g.directed() ? m : 2 * m) / (n * (n - 1));
}

Diameter diameter(const Csr& g, const DiameterOptions& options) {
    const bool weighted = options.weighted && g.weighted();
    if (weighted) detail::require_positive_weights(g, "weighted diameter");
    const Vertex n = g.node_count();
    Diameter best;
    if (n == 0) return best;
    best.from = best.to = 0;
    Adjacency a = g.out();
    detail::ShortestPaths sp(n);
    for (Vertex u = 0; u < n; ++u) {
        sp.run(a, u, weighted);
        if (sp.order().size() < n && !options.ignore_unreachable)
            throw AnalysisError(
                g.directed() ? "the diameter is infinite: the graph is not strongly connected"
                             : "the diameter is infinite: the graph is not connected");
        for (Vertex v : sp.order()) {
            const double d = sp.dist(v);
            if (d > best.value || (d == best.value && u == best.from && v < best.to)) {
                best.value = d;
                best.from = u;
                best.to = v;
            }
        }
    }
    return best;
}

}  // namespace liaison::analysis
