#include "analysis/internal/triangles.hpp"

#include <algorithm>

#include "analysis/internal/parallel.hpp"

namespace liaison::analysis::detail {

namespace {

// The oriented graph in rank space: vertices renumbered by ascending (degree, id), and each
// edge kept in the row of its lower-ranked end. Renumbering puts the hubs, which fill most
// oriented rows, in one dense id range, so the marks they hit stay in cache.
struct Oriented {
    std::vector<Vertex> rank;  // rank of each original vertex
    std::vector<std::uint32_t> offsets;
    std::vector<Vertex> targets;
};

Oriented orient(const Adjacency& a, bool parallel) {
    const Vertex n = a.size();
    Oriented o;
    // Counting sort by degree; ascending ids within a degree (stable), so ties break by id.
    std::uint32_t max_degree = 0;
    for (Vertex u = 0; u < n; ++u) max_degree = std::max(max_degree, a.degree(u));
    std::vector<std::uint32_t> first(static_cast<std::size_t>(max_degree) + 2, 0);
    for (Vertex u = 0; u < n; ++u) ++first[a.degree(u) + 1];
    for (std::size_t d = 1; d < first.size(); ++d) first[d] += first[d - 1];
    o.rank.resize(n);
    std::vector<Vertex> by_rank(n);
    for (Vertex u = 0; u < n; ++u) {
        o.rank[u] = first[a.degree(u)]++;
        by_rank[o.rank[u]] = u;
    }
    const std::int64_t count = n;
    o.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 1024) if (parallel)
#else
    (void)parallel;
#endif
    for (std::int64_t r = 0; r < count; ++r) {
        std::uint32_t k = 0;
        for (Vertex v : a.neighbors(by_rank[r])) k += o.rank[v] > r;
        o.offsets[r + 1] = k;
    }
    for (std::int64_t r = 0; r < count; ++r) o.offsets[r + 1] += o.offsets[r];
    o.targets.resize(o.offsets[n]);
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 1024) if (parallel)
#endif
    for (std::int64_t r = 0; r < count; ++r) {
        std::uint32_t out = o.offsets[r];
        for (Vertex v : a.neighbors(by_rank[r])) {
            if (o.rank[v] > r) o.targets[out++] = o.rank[v];
        }
    }
    return o;
}

// For each vertex u (in rank space) with its oriented row marked in a per-thread byte array,
// calls visit(thread, u, mark). Dynamic schedule: the work per vertex is very uneven on skewed
// graphs.
template <typename Visit>
void each_marked_row(const Oriented& o, bool parallel, Visit visit) {
    const std::int64_t n = static_cast<std::int64_t>(o.offsets.size()) - 1;
    const std::uint32_t* off = o.offsets.data();
    const Vertex* tgt = o.targets.data();
#ifdef _OPENMP
#pragma omp parallel if (parallel)
#endif
    {
        std::vector<std::uint8_t> marks(static_cast<std::size_t>(n), 0);
        const std::uint8_t* mark = marks.data();
        const std::size_t thread = static_cast<std::size_t>(thread_id());
#ifdef _OPENMP
#pragma omp for schedule(dynamic, 64)
#endif
        for (std::int64_t u = 0; u < n; ++u) {
            if (off[u + 1] - off[u] < 2) continue;
            for (std::uint32_t e = off[u]; e < off[u + 1]; ++e) marks[tgt[e]] = 1;
            visit(thread, static_cast<Vertex>(u), mark);
            for (std::uint32_t e = off[u]; e < off[u + 1]; ++e) marks[tgt[e]] = 0;
        }
    }
}

}  // namespace

std::vector<std::uint64_t> triangles_per_vertex(const Adjacency& a) {
    const std::size_t n = a.size();
    const int threads = threads_for(a.targets.size());
    const Oriented o = orient(a, threads > 1);
    // One count array per thread, summed at the end (integers: the order does not matter).
    std::vector<std::vector<std::uint64_t>> partial(static_cast<std::size_t>(threads));
    for (auto& p : partial) p.assign(n, 0);
    const std::uint32_t* off = o.offsets.data();
    const Vertex* tgt = o.targets.data();
    each_marked_row(o, threads > 1, [&](std::size_t thread, Vertex u, const std::uint8_t* mark) {
        std::uint64_t* t = partial[thread].data();
        std::uint64_t at_u = 0;
        for (std::uint32_t e = off[u]; e < off[u + 1]; ++e) {
            const Vertex v = tgt[e];
            std::uint64_t at_v = 0;
            for (std::uint32_t f = off[v]; f < off[v + 1]; ++f) {
                const std::uint64_t hit = mark[tgt[f]];  // branch-free, as in triangle_count
                at_v += hit;
                t[tgt[f]] += hit;
            }
            t[v] += at_v;
            at_u += at_v;
        }
        t[u] += at_u;
    });
    std::vector<std::uint64_t> total(n, 0);  // back from rank space
    for (const std::vector<std::uint64_t>& t : partial) {
        for (std::size_t v = 0; v < n; ++v) total[v] += t[o.rank[v]];
    }
    return total;
}

std::uint64_t triangle_count(const Adjacency& a) {
    const int threads = threads_for(a.targets.size());
    const Oriented o = orient(a, threads > 1);
    struct alignas(64) Counter {  // a cache line each: no false sharing between threads
        std::uint64_t value = 0;
    };
    std::vector<Counter> partial(static_cast<std::size_t>(threads));
    const std::uint32_t* off = o.offsets.data();
    const Vertex* tgt = o.targets.data();
    each_marked_row(o, threads > 1, [&](std::size_t thread, Vertex u, const std::uint8_t* mark) {
        std::uint64_t found = 0;  // branch-free: most looks miss, unpredictably
        for (std::uint32_t e = off[u]; e < off[u + 1]; ++e) {
            const Vertex v = tgt[e];
            for (std::uint32_t f = off[v]; f < off[v + 1]; ++f) found += mark[tgt[f]];
        }
        partial[thread].value += found;
    });
    std::uint64_t total = 0;
    for (const Counter& t : partial) total += t.value;
    return total;
}

}  // namespace liaison::analysis::detail
