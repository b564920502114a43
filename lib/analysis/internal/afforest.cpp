#include "analysis/internal/afforest.hpp"

#include <algorithm>
#include <atomic>

#include "analysis/internal/parallel.hpp"

namespace liaison::analysis::detail {

namespace {

using Label = std::uint32_t;

Label load(Label& x) { return std::atomic_ref<Label>(x).load(std::memory_order_relaxed); }

// Joins the trees of u and v, always hanging the larger root under the smaller; the
// compare-and-swap makes concurrent links safe. Inlined: it runs once or more per vertex.
[[gnu::always_inline]] inline void link(Vertex u, Vertex v, Label* comp) {
    Label p1 = load(comp[u]);
    Label p2 = load(comp[v]);
    while (p1 != p2) {
        const Label high = std::max(p1, p2);
        const Label low = std::min(p1, p2);
        Label p_high = load(comp[high]);
        if (p_high == low) break;
        if (p_high == high && std::atomic_ref<Label>(comp[high])
                                  .compare_exchange_strong(p_high, low, std::memory_order_relaxed))
            break;
        p1 = load(comp[load(comp[high])]);
        p2 = load(comp[low]);
    }
}

void compress(std::vector<Label>& comp, bool parallel) {
    const std::int64_t n = static_cast<std::int64_t>(comp.size());
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 16384) if (parallel)
#else
    (void)parallel;
#endif
    for (std::int64_t v = 0; v < n; ++v) {
        while (load(comp[v]) != load(comp[load(comp[v])]))
            std::atomic_ref<Label>(comp[v]).store(load(comp[load(comp[v])]),
                                                  std::memory_order_relaxed);
    }
}

// The label most vertices carry, estimated from a fixed sample (deterministic).
Label most_frequent(const std::vector<Label>& comp) {
    constexpr std::size_t kSamples = 1024;
    std::vector<Label> sample;
    sample.reserve(kSamples);
    std::uint64_t state = 0x9e3779b97f4a7c15ULL;
    for (std::size_t i = 0; i < kSamples; ++i) {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        sample.push_back(comp[(state >> 33) % comp.size()]);
    }
    std::sort(sample.begin(), sample.end());
    Label best = sample[0];
    std::size_t best_run = 0;
    for (std::size_t i = 0; i < sample.size();) {
        std::size_t j = i;
        while (j < sample.size() && sample[j] == sample[i]) ++j;
        if (j - i > best_run) {
            best_run = j - i;
            best = sample[i];
        }
        i = j;
    }
    return best;
}

}  // namespace

std::vector<std::uint32_t> afforest(const Csr& g) {
    const Vertex n = g.node_count();
    std::vector<Label> comp(n);
    for (Vertex v = 0; v < n; ++v) comp[v] = v;
    if (n == 0) return comp;
    const Adjacency a = g.out();
    const bool parallel = threads_for(a.targets.size()) > 1;
    const std::int64_t count = n;
    const std::uint32_t* offsets = a.offsets.data();
    const Vertex* targets = a.targets.data();
    // A directed graph keeps each arc in one row only, so every arc must be linked: the
    // sampling shortcut below needs both directions in the rows.
    const std::uint32_t rounds = g.directed() ? 0 : 2;
    for (std::uint32_t r = 0; r < rounds; ++r) {
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 16384) if (parallel)
#endif
        for (std::int64_t v = 0; v < count; ++v) {
            if (offsets[v] + r < offsets[v + 1])
                link(static_cast<Vertex>(v), targets[offsets[v] + r], comp.data());
        }
        compress(comp, parallel);
    }
    // Vertices of the (likely) giant component need no more work: any edge from it to another
    // vertex is also in that vertex's row.
    const Label giant = rounds > 0 ? most_frequent(comp) : kNoVertex;
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 16384) if (parallel)
#endif
    for (std::int64_t v = 0; v < count; ++v) {
        if (load(comp[v]) == giant) continue;
        for (std::uint32_t e = offsets[v] + rounds; e < offsets[v + 1]; ++e)
            link(static_cast<Vertex>(v), targets[e], comp.data());
    }
    compress(comp, parallel);
    return comp;
}

}  // namespace liaison::analysis::detail
