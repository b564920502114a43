// Degrees and core numbers (kernels.hpp): row sums of the matrix and of its transpose, and
// peeling by levels where each round's removals lower their neighbours' degrees through one
// sparse product.
#include <algorithm>
#include <limits>
#include <tuple>

#include "kernels.hpp"

namespace liaison::dist {

namespace {

// The matrix without its diagonal, every entry 1: distinct neighbours.
Matrix neighbours(const Matrix& m) {
    Matrix p = m;
    p.Apply([](double) { return 1.0; });
    p.PruneI([](const auto& e) { return std::get<0>(e) == std::get<1>(e); });
    return p;
}

std::vector<double> row_sums(const Graph& g, const Matrix& m) {
    return local_of(
        times(m, dense_of(g, std::vector<double>(static_cast<std::size_t>(g.local), 1.0))));
}

}  // namespace

std::vector<double> degree(const Graph& g, DegreeMode mode) {
    std::vector<double> out = row_sums(g, g.a);
    if (!g.directed) {
        // An undirected self-loop meets its vertex twice.
        Matrix loops = g.a;
        loops.PruneI([](const auto& e) { return std::get<0>(e) != std::get<1>(e); });
        const std::vector<double> twice = row_sums(g, loops);
        for (std::size_t i = 0; i < out.size(); ++i) out[i] += twice[i];
        return out;
    }
    if (mode == DegreeMode::Out) return out;
    std::vector<double> in = row_sums(g, g.at);
    if (mode == DegreeMode::In) return in;
    for (std::size_t i = 0; i < out.size(); ++i) out[i] += in[i];
    return out;
}

std::vector<double> core_numbers(const Graph& g) {
    const std::size_t m = static_cast<std::size_t>(g.local);
    const Matrix p = neighbours(g.a);
    Matrix pt(g.grid);
    if (g.directed) pt = neighbours(g.at);
    std::vector<double> deg = row_sums(g, p);
    if (g.directed) {
        const std::vector<double> in = row_sums(g, pt);
        for (std::size_t i = 0; i < m; ++i) deg[i] += in[i];
    }
    std::vector<double> core(m, 0.0);
    std::vector<char> active(m, 1);
    Index remaining = g.n;
    double k = 0;
    std::vector<Index> index;
    std::vector<double> value;
    while (remaining > 0) {
        std::vector<Index> peeled;
        for (std::size_t i = 0; i < m; ++i) {
            if (active[i] && deg[i] <= k) {
                peeled.push_back(static_cast<Index>(i));
                active[i] = 0;
                core[i] = k;
            }
        }
        const Index count = sum_all(g.comm, static_cast<Index>(peeled.size()));
        if (count == 0) {
            // Nobody left at this level: the next level is the smallest degree left.
            double low = std::numeric_limits<double>::infinity();
            for (std::size_t i = 0; i < m; ++i)
                if (active[i]) low = std::min(low, deg[i]);
            MPI_Allreduce(&low, &k, 1, MPI_DOUBLE, MPI_MIN, g.comm);
            continue;
        }
        remaining -= count;
        const SparseVec removed = sparse_of(g, peeled, std::vector<double>(peeled.size(), 1.0));
        std::vector<const Matrix*> sides{&p};
        if (g.directed) sides.push_back(&pt);
        for (const Matrix* side : sides) {
            times_sparse(*side, removed, index, value);
            for (std::size_t j = 0; j < index.size(); ++j) {
                const std::size_t i = static_cast<std::size_t>(index[j]);
                if (active[i]) deg[i] -= value[j];
            }
        }
    }
    return core;
}

}  // namespace liaison::dist
