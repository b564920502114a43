#include "analysis/internal/checks.hpp"

#include <cmath>

#include <fmt/format.h>

#include "liaison/analysis/error.hpp"

namespace liaison::analysis::detail {

namespace {

template <typename Bad>
void check_weights(const Csr& g, std::string_view algorithm, std::string_view need, Bad bad) {
    if (!g.weighted()) return;
    Adjacency a = g.out();
    for (Vertex u = 0; u < g.node_count(); ++u) {
        for (std::uint32_t s = a.begin(u); s < a.end(u); ++s) {
            if (bad(a.weight(s)))
                throw AnalysisError(fmt::format(
                    "{} needs {} edge weights, but the edge {} -> {} weighs {} (drop the weight or "
                    "filter such edges out)",
                    algorithm, need, u, a.targets[s], a.weight(s)));
        }
    }
}

}  // namespace

void require_positive_weights(const Csr& g, std::string_view algorithm) {
    check_weights(g, algorithm, "positive", [](double w) { return !(w > 0); });
}

void require_nonnegative_weights(const Csr& g, std::string_view algorithm) {
    check_weights(g, algorithm, "non-negative", [](double w) { return !(w >= 0); });
}

void require_vertex(const Csr& g, Vertex v, std::string_view what) {
    if (v >= g.node_count())
        throw ArgumentError(fmt::format("analysis: {} must be a vertex (0..{}), got {}", what,
                                        static_cast<long long>(g.node_count()) - 1, v));
}

void require_distribution(const Csr& g, std::span<const double> p, std::string_view what) {
    if (p.empty()) return;
    if (p.size() != g.node_count())
        throw ArgumentError(fmt::format("analysis: {} must have one entry per vertex ({}), got {}",
                                        what, g.node_count(), p.size()));
    double sum = 0;
    for (double x : p) {
        if (!std::isfinite(x) || x < 0)
            throw ArgumentError(fmt::format("analysis: {} entries must be finite and >= 0", what));
        sum += x;
    }
    if (!(sum > 0)) throw ArgumentError(fmt::format("analysis: {} must have a positive sum", what));
}

}  // namespace liaison::analysis::detail
