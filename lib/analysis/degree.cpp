// Degree centrality (centrality.hpp).
#include "liaison/analysis/centrality.hpp"

namespace liaison::analysis {

namespace {

// Degree of u along one side: entries (or their weights), a self-loop counted once here.
double side_degree(const Adjacency& a, Vertex u, bool weighted) {
    if (!weighted) return static_cast<double>(a.degree(u));
    double sum = 0;
    for (std::uint32_t e = a.begin(u); e < a.end(u); ++e) sum += a.weight(e);
    return sum;
}

}  // namespace

Scores degree(const Csr& g, const DegreeOptions& options) {
    const Vertex n = g.node_count();
    const bool weighted = options.weighted && g.weighted();
    Scores result;
    result.value.assign(n, 0.0);
    Adjacency out = g.out();
    Adjacency in = g.in();
    for (Vertex u = 0; u < n; ++u) {
        double d = 0;
        if (!g.directed()) {
            d = side_degree(out, u, weighted);
            // An undirected self-loop meets its vertex twice (NetworkX, igraph).
            if (std::uint32_t s = out.find(u, u); s != UINT32_MAX)
                d += weighted ? out.weight(s) : 1;
        } else if (options.mode == DegreeMode::Out) {
            d = side_degree(out, u, weighted);
        } else if (options.mode == DegreeMode::In) {
            d = side_degree(in, u, weighted);
        } else {
            d = side_degree(out, u, weighted) + side_degree(in, u, weighted);
        }
        result.value[u] = d;
    }
    if (options.normalized) {
        if (n == 1) {
            result.value[0] = 1.0;  // NetworkX's convention for the one-vertex graph
        } else if (n > 1) {
            const double scale = 1.0 / (n - 1.0);
            for (double& v : result.value) v *= scale;
        }
    }
    return result;
}

}  // namespace liaison::analysis
