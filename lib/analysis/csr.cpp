#include "liaison/analysis/csr.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include <fmt/format.h>

#include "analysis/internal/parallel.hpp"
#include "liaison/core/error.hpp"

namespace liaison::analysis {

std::uint32_t Adjacency::find(Vertex u, Vertex v) const {
    auto row = neighbors(u);
    auto it = std::lower_bound(row.begin(), row.end(), v);
    if (it == row.end() || *it != v) return UINT32_MAX;
    return offsets[u] + static_cast<std::uint32_t>(it - row.begin());
}

namespace {

struct Entry {
    Vertex source;
    Vertex target;
    double weight;
    std::uint32_t count;
};

double merge_weight(double a, double b, ParallelEdges how) {
    switch (how) {
        case ParallelEdges::Sum:
            return a + b;
        case ParallelEdges::Min:
            return std::min(a, b);
        case ParallelEdges::Max:
            return std::max(a, b);
    }
    return a;
}

struct Rows {
    std::vector<std::uint32_t> offsets;
    std::vector<Vertex> targets;
    std::vector<double> weights;
    std::vector<std::uint32_t> count;
};

// Sorts entries by (source, target), merges equal pairs, and lays them out as rows.
Rows build_rows(Vertex n, std::vector<Entry>& entries, bool weighted, ParallelEdges how,
                bool count_max) {
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return a.source != b.source ? a.source < b.source : a.target < b.target;
    });
    Rows rows;
    rows.offsets.assign(static_cast<std::size_t>(n) + 1, 0);
    bool any_parallel = false;
    std::size_t out = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (out > 0 && entries[out - 1].source == entries[i].source &&
            entries[out - 1].target == entries[i].target) {
            Entry& e = entries[out - 1];
            e.weight = merge_weight(e.weight, entries[i].weight, how);
            e.count = count_max ? std::max(e.count, entries[i].count) : e.count + entries[i].count;
            any_parallel = any_parallel || e.count > 1;
        } else {
            any_parallel = any_parallel || entries[i].count > 1;
            entries[out++] = entries[i];
        }
    }
    entries.resize(out);
    if (out >= std::numeric_limits<std::uint32_t>::max())
        throw ArgumentError("analysis: graph too large for 32-bit offsets");
    rows.targets.reserve(out);
    if (weighted) rows.weights.reserve(out);
    if (any_parallel) rows.count.reserve(out);
    for (const Entry& e : entries) {
        ++rows.offsets[e.source + 1];
        rows.targets.push_back(e.target);
        if (weighted) rows.weights.push_back(e.weight);
        if (any_parallel) rows.count.push_back(e.count);
    }
    std::partial_sum(rows.offsets.begin(), rows.offsets.end(), rows.offsets.begin());
    return rows;
}

// Rows laid out by two counting sorts: the arcs are scattered into buckets by target, then the
// buckets are read in ascending target order and scattered by source. So each row comes out
// sorted, with parallel edges in input order, without sorting anything (two linear passes beat a
// comparison sort of every row). Then parallel edges are merged and the rows packed with 32-bit
// offsets.
struct Staged {
    std::vector<std::size_t> start;
    std::vector<std::uint32_t> offsets;
    std::vector<Vertex> targets;
    std::vector<double> weights;
    std::vector<std::uint32_t> count;

    Staged(const std::vector<std::size_t>& starts, bool weighted)
        : start(starts), targets(starts.back()), weights(weighted ? starts.back() : 0) {}

    void merge(ParallelEdges how) {
        const std::int64_t n = static_cast<std::int64_t>(start.size()) - 1;
        const bool parallel = detail::threads_for(targets.size()) > 1;
        const bool weighted = !weights.empty();
        bool any_parallel = false;
        for (std::int64_t u = 0; u < n && !any_parallel; ++u) {
            const Vertex* row = targets.data() + start[u];
            const std::size_t size = start[u + 1] - start[u];
            for (std::size_t i = 1; i < size; ++i) {
                if (row[i] == row[i - 1]) {
                    any_parallel = true;
                    break;
                }
            }
        }
        std::vector<std::size_t> length(static_cast<std::size_t>(n));
        for (std::int64_t u = 0; u < n; ++u) length[u] = start[u + 1] - start[u];
        if (any_parallel) {
            count.assign(targets.size(), 1);
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 1024) if (parallel)
#else
            (void)parallel;
#endif
            for (std::int64_t u = 0; u < n; ++u) {
                const std::size_t b = start[u];
                std::size_t out = 0;
                for (std::size_t i = 0; i < length[u]; ++i) {
                    if (out > 0 && targets[b + out - 1] == targets[b + i]) {
                        if (weighted)
                            weights[b + out - 1] =
                                merge_weight(weights[b + out - 1], weights[b + i], how);
                        ++count[b + out - 1];
                    } else {
                        targets[b + out] = targets[b + i];
                        if (weighted) weights[b + out] = weights[b + i];
                        ++out;
                    }
                }
                length[u] = out;
            }
        }
        std::size_t total = 0;
        for (std::size_t l : length) total += l;
        if (total >= std::numeric_limits<std::uint32_t>::max())
            throw ArgumentError("analysis: graph too large for 32-bit offsets");
        offsets.assign(static_cast<std::size_t>(n) + 1, 0);
        for (std::int64_t u = 0; u < n; ++u)
            offsets[u + 1] = offsets[u] + static_cast<std::uint32_t>(length[u]);
        if (!any_parallel) return;  // rows already packed where they lie
        for (std::int64_t u = 0; u < n; ++u) {
            const std::size_t from = start[u];
            const std::size_t to = offsets[u];
            for (std::size_t i = 0; i < length[u]; ++i) {
                targets[to + i] = targets[from + i];
                if (weighted) weights[to + i] = weights[from + i];
                count[to + i] = count[from + i];
            }
        }
        targets.resize(total);
        if (weighted) weights.resize(total);
        count.resize(total);
    }
};

}  // namespace

Csr Csr::from_edges(Vertex node_count, std::span<const WeightedEdge> edges,
                    const CsrOptions& options) {
    if (node_count == kNoVertex) throw ArgumentError("analysis: node_count too large");
    const bool weighted = options.weighted;
    const bool directed = options.directed;
    const Vertex n = node_count;
    // Arc s -> t for every edge, and t -> s too when undirected (a self-loop once). `start`
    // counts arcs by source (the rows), `bucket` by target.
    std::vector<std::size_t> start(static_cast<std::size_t>(n) + 1, 0);
    std::vector<std::size_t> bucket(directed ? static_cast<std::size_t>(n) + 1 : 0, 0);
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const WeightedEdge& e = edges[i];
        if (e.source >= n || e.target >= n)
            throw ArgumentError(
                fmt::format("analysis: edge {} ({} -> {}) has an endpoint outside "
                            "0..{}",
                            i, e.source, e.target, n - 1));
        if (weighted && !std::isfinite(e.weight))
            throw ArgumentError(fmt::format("analysis: weight of edge {} ({} -> {}) is not finite",
                                            i, e.source, e.target));
        ++start[e.source + 1];
        if (directed)
            ++bucket[e.target + 1];
        else if (e.source != e.target)
            ++start[e.target + 1];
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    if (directed)
        std::partial_sum(bucket.begin(), bucket.end(), bucket.begin());
    else
        bucket = start;  // undirected arcs are symmetric: as many by target as by source
    Staged rows(start, weighted);
    {
        // First pass: the source of each arc into its target's bucket, in input order.
        std::vector<Vertex> from(start.back());
        std::vector<double> from_weight(weighted ? start.back() : 0);
        std::vector<std::size_t> pos(bucket.begin(), bucket.end() - 1);
        for (const WeightedEdge& e : edges) {
            std::size_t p = pos[e.target]++;
            from[p] = e.source;
            if (weighted) from_weight[p] = e.weight;
            if (directed || e.source == e.target) continue;
            p = pos[e.source]++;
            from[p] = e.target;
            if (weighted) from_weight[p] = e.weight;
        }
        // Second pass: buckets in ascending target order append to the source rows.
        pos.assign(start.begin(), start.end() - 1);
        for (Vertex t = 0; t < n; ++t) {
            for (std::size_t i = bucket[t]; i < bucket[t + 1]; ++i) {
                const std::size_t p = pos[from[i]]++;
                rows.targets[p] = t;
                if (weighted) rows.weights[p] = from_weight[i];
            }
        }
    }
    rows.merge(options.parallel);
    Csr g;
    g.n_ = n;
    g.directed_ = directed;
    g.weighted_ = weighted;
    g.out_offsets_ = std::move(rows.offsets);
    g.out_targets_ = std::move(rows.targets);
    g.out_weights_ = std::move(rows.weights);
    g.out_count_ = std::move(rows.count);
    const Adjacency merged = g.out();
    for (Vertex u = 0; u < n; ++u) {
        if (merged.find(u, u) != UINT32_MAX) ++g.self_loops_;
    }
    const std::size_t entries = g.out_targets_.size();
    g.edge_count_ = directed ? entries : (entries + g.self_loops_) / 2;
    if (directed) {
        // Transpose the merged rows by counting sort: scanning sources in ascending order fills
        // each in-row already sorted, entry by entry as the out-rows.
        g.in_offsets_.assign(static_cast<std::size_t>(n) + 1, 0);
        for (Vertex v : g.out_targets_) ++g.in_offsets_[v + 1];
        std::partial_sum(g.in_offsets_.begin(), g.in_offsets_.end(), g.in_offsets_.begin());
        g.in_targets_.resize(entries);
        if (weighted) g.in_weights_.resize(entries);
        if (!g.out_count_.empty()) g.in_count_.resize(entries);
        std::vector<std::uint32_t> pos(g.in_offsets_.begin(), g.in_offsets_.end() - 1);
        for (Vertex u = 0; u < n; ++u) {
            for (std::uint32_t s = g.out_offsets_[u]; s < g.out_offsets_[u + 1]; ++s) {
                const std::uint32_t p = pos[g.out_targets_[s]]++;
                g.in_targets_[p] = u;
                if (weighted) g.in_weights_[p] = g.out_weights_[s];
                if (!g.out_count_.empty()) g.in_count_[p] = g.out_count_[s];
            }
        }
    }
    return g;
}

double Csr::min_weight() const {
    if (out_targets_.empty()) return std::numeric_limits<double>::infinity();
    if (out_weights_.empty()) return 1.0;
    return *std::min_element(out_weights_.begin(), out_weights_.end());
}

Adjacency Csr::out() const {
    return Adjacency{out_offsets_, out_targets_, out_weights_, out_count_};
}

Adjacency Csr::in() const {
    if (!directed_) return out();
    return Adjacency{in_offsets_, in_targets_, in_weights_, in_count_};
}

void Csr::set_origins(std::vector<std::uint32_t> origins) {
    if (origins.size() != n_)
        throw ArgumentError("analysis: origins must have one entry per vertex");
    origins_ = std::move(origins);
}

std::vector<WeightedEdge> Csr::edges() const {
    std::vector<WeightedEdge> list;
    list.reserve(edge_count_);
    Adjacency a = out();
    for (Vertex u = 0; u < n_; ++u) {
        for (std::uint32_t s = a.begin(u); s < a.end(u); ++s) {
            if (!directed_ && a.targets[s] < u) continue;
            list.push_back({u, a.targets[s], a.weight(s)});
        }
    }
    return list;
}

Csr symmetrized(const Csr& g, ParallelEdges parallel) {
    if (!g.directed()) return g;
    // Each arc becomes the undirected pair (min, max). A pair reached from both directions merges
    // its weights with `parallel` but keeps the larger multiplicity: u→v and v→u are one tie.
    std::vector<Entry> entries;
    Adjacency a = g.out();
    for (Vertex u = 0; u < g.node_count(); ++u) {
        for (std::uint32_t s = a.begin(u); s < a.end(u); ++s) {
            Vertex v = a.targets[s];
            entries.push_back({std::min(u, v), std::max(u, v), a.weight(s), a.count(s)});
        }
    }
    build_rows(g.node_count(), entries, g.weighted(), parallel, true);  // merges in place
    std::vector<Entry> both;
    both.reserve(2 * entries.size());
    std::size_t loops = 0;
    for (const Entry& e : entries) {
        both.push_back(e);
        if (e.source != e.target)
            both.push_back({e.target, e.source, e.weight, e.count});
        else
            ++loops;
    }
    Rows rows = build_rows(g.node_count(), both, g.weighted(), parallel, true);
    Csr result;
    result.n_ = g.node_count();
    result.directed_ = false;
    result.weighted_ = g.weighted_;
    result.edge_count_ = entries.size();
    result.self_loops_ = loops;
    result.out_offsets_ = std::move(rows.offsets);
    result.out_targets_ = std::move(rows.targets);
    result.out_weights_ = std::move(rows.weights);
    result.out_count_ = std::move(rows.count);
    result.origins_ = g.origins_;
    return result;
}

}  // namespace liaison::analysis
