// Breadth-first levels and Brandes betweenness on hop counts (kernels.hpp). A level is one
// sparse product of the frontier with the in-edge matrix (a^T): the frontier's path counts
// flow to the next level. The backward pass of betweenness multiplies each level's
// (1 + delta) / sigma by a itself, summing over successors.
#include <numeric>

#include "analysis/internal/random.hpp"
#include "kernels.hpp"

namespace liaison::dist {

namespace {

// One search from `source`: levels (local indices, ascending) and, per vertex, depth and sigma.
// depth and sigma must be -1 and 0 everywhere on entry.
std::vector<std::vector<Index>> search(const Graph& g, Index source, std::vector<double>& depth,
                                       std::vector<double>& sigma) {
    std::vector<std::vector<Index>> levels(1);
    if (source >= g.offset && source < g.offset + g.local) {
        const Index s = source - g.offset;
        depth[static_cast<std::size_t>(s)] = 0;
        sigma[static_cast<std::size_t>(s)] = 1;
        levels[0].push_back(s);
    }
    std::vector<Index> index;
    std::vector<double> value;
    for (std::size_t d = 0;; ++d) {
        std::vector<double> counts;
        counts.reserve(levels[d].size());
        for (Index v : levels[d]) counts.push_back(sigma[static_cast<std::size_t>(v)]);
        times_sparse(g.in_matrix(), sparse_of(g, levels[d], counts), index, value);
        std::vector<Index> next;
        for (std::size_t k = 0; k < index.size(); ++k) {
            const std::size_t w = static_cast<std::size_t>(index[k]);
            if (depth[w] >= 0) continue;
            depth[w] = static_cast<double>(d + 1);
            sigma[w] = value[k];
            next.push_back(index[k]);
        }
        if (sum_all(g.comm, static_cast<Index>(next.size())) == 0) break;
        levels.push_back(std::move(next));
    }
    return levels;
}

}  // namespace

std::vector<double> bfs_levels(const Graph& g, Index source) {
    std::vector<double> depth(static_cast<std::size_t>(g.local), -1.0);
    std::vector<double> sigma(static_cast<std::size_t>(g.local), 0.0);
    search(g, source, depth, sigma);
    return depth;
}

std::vector<Index> betweenness_sources(Index n, const BetweennessOptions& options) {
    std::vector<Index> sources(static_cast<std::size_t>(n));
    std::iota(sources.begin(), sources.end(), Index{0});
    if (options.samples == 0) return sources;
    // The partial shuffle of liaison's betweenness, so a sample names the same sources at any
    // rank count and as `liaison rank --samples K --seed S`.
    analysis::detail::Rng rng(options.seed);
    const std::uint64_t count = static_cast<std::uint64_t>(n);
    for (std::uint64_t i = 0; i < options.samples; ++i)
        std::swap(sources[i], sources[i + analysis::detail::uniform_below(rng, count - i)]);
    sources.resize(options.samples);
    return sources;
}

std::vector<double> betweenness(const Graph& g, const BetweennessOptions& options) {
    if (g.weighted)
        throw InputError(
            "betweenness: liaison-dist counts hops only and this graph is weighted; rerun with "
            "--unweighted");
    if (options.samples > static_cast<std::uint64_t>(g.n))
        throw InputError("betweenness: --samples must be at most the number of vertices (" +
                         std::to_string(g.n) + "), got " + std::to_string(options.samples));
    const std::size_t m = static_cast<std::size_t>(g.local);
    std::vector<double> depth(m, -1.0), sigma(m, 0.0), delta(m, 0.0), acc(m, 0.0);
    std::vector<Index> index;
    std::vector<double> value;
    for (Index s : betweenness_sources(g.n, options)) {
        const std::vector<std::vector<Index>> levels = search(g, s, depth, sigma);
        for (std::size_t d = levels.size() - 1; d >= 1; --d) {
            std::vector<double> ratio;
            ratio.reserve(levels[d].size());
            for (Index w : levels[d]) {
                const std::size_t i = static_cast<std::size_t>(w);
                ratio.push_back((1.0 + delta[i]) / sigma[i]);
            }
            times_sparse(g.a, sparse_of(g, levels[d], ratio), index, value);
            for (std::size_t k = 0; k < index.size(); ++k) {
                const std::size_t v = static_cast<std::size_t>(index[k]);
                if (depth[v] == static_cast<double>(d - 1)) delta[v] = sigma[v] * value[k];
            }
        }
        for (std::size_t d = 0; d < levels.size(); ++d) {
            for (Index v : levels[d]) {
                const std::size_t i = static_cast<std::size_t>(v);
                if (d > 0) acc[i] += delta[i];
                depth[i] = -1;
                sigma[i] = 0;
                delta[i] = 0;
            }
        }
    }
    // liaison's normalisation: 1 / ((n - 1)(n - 2)), times n / k for a sample of k sources.
    const double n = static_cast<double>(g.n);
    double scale = 1.0;
    if (n > 2) scale = 1.0 / ((n - 1) * (n - 2));
    if (options.samples > 0) scale *= n / options.samples;
    if (scale != 1.0)
        for (double& x : acc) x *= scale;
    return acc;
}

}  // namespace liaison::dist
