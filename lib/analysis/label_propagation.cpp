// Asynchronous label propagation (community.hpp).
#include <algorithm>
#include <numeric>

#include "analysis/internal/community_common.hpp"
#include "analysis/internal/random.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/core/error.hpp"

namespace liaison::analysis {

Partition label_propagation(const Csr& g, const LabelPropagationOptions& options) {
    if (options.max_iterations < 1)
        throw ArgumentError("analysis: label propagation max_iterations must be >= 1");
    Csr undirected = detail::community_input(g, "label propagation", 1.0, options.weighted);
    const bool weighted = options.weighted && g.weighted();
    const Vertex n = g.node_count();
    Adjacency a = undirected.out();
    detail::Rng rng(options.seed);
    std::vector<std::uint32_t> label(n);
    std::iota(label.begin(), label.end(), 0u);
    std::vector<Vertex> order(n);
    std::iota(order.begin(), order.end(), Vertex{0});
    std::vector<double> weight_of(n, 0.0);
    std::vector<char> seen(n, 0);
    std::vector<std::uint32_t> touched, best;
    int sweeps = 0;
    bool changed = true;
    while (changed && sweeps < options.max_iterations) {
        changed = false;
        ++sweeps;
        detail::shuffle(order, rng);
        for (Vertex v : order) {
            for (std::uint32_t e = a.begin(v); e < a.end(v); ++e) {
                const Vertex u = a.targets[e];
                if (u == v) continue;
                const std::uint32_t l = label[u];
                if (!seen[l]) {
                    seen[l] = 1;
                    touched.push_back(l);
                }
                weight_of[l] += weighted ? a.weight(e) : 1.0;
            }
            if (!touched.empty()) {
                double top = -1;
                for (std::uint32_t l : touched) top = std::max(top, weight_of[l]);
                best.clear();
                bool keep = false;
                for (std::uint32_t l : touched) {
                    if (weight_of[l] == top) {
                        best.push_back(l);
                        keep = keep || l == label[v];
                    }
                }
                if (!keep) {
                    // Touched labels come in row order: sort so the draw depends only on the seed.
                    std::sort(best.begin(), best.end());
                    label[v] = best[detail::uniform_below(rng, best.size())];
                    changed = true;
                }
            }
            for (std::uint32_t l : touched) {
                weight_of[l] = 0;
                seen[l] = 0;
            }
            touched.clear();
        }
    }
    Partition p = detail::finish_partition(undirected, label, 1.0, weighted);
    p.iterations = sweeps;
    p.converged = !changed;
    return p;
}

}  // namespace liaison::analysis
