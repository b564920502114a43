#include "analysis/csr.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <fmt/format.h>

#include "core/error.hpp"

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

}  // namespace

Csr Csr::from_edges(Vertex node_count, std::span<const WeightedEdge> edges,
                    const CsrOptions& options) {
    if (node_count == kNoVertex) throw ArgumentError("analysis: node_count too large");
    std::vector<Entry> entries;
    entries.reserve(options.directed ? edges.size() : 2 * edges.size());
    for (std::size_t i = 0; i < edges.size(); ++i) {
        const WeightedEdge& e = edges[i];
        if (e.source >= node_count || e.target >= node_count)
            throw ArgumentError(
                fmt::format("analysis: edge {} ({} -> {}) has an endpoint outside "
                            "0..{}",
                            i, e.source, e.target, node_count - 1));
        double w = options.weighted ? e.weight : 1.0;
        if (!std::isfinite(w))
            throw ArgumentError(fmt::format("analysis: weight of edge {} ({} -> {}) is not finite",
                                            i, e.source, e.target));
        entries.push_back({e.source, e.target, w, 1});
        if (!options.directed && e.source != e.target)
            entries.push_back({e.target, e.source, w, 1});
    }
    Csr g;
    g.n_ = node_count;
    g.directed_ = options.directed;
    g.weighted_ = options.weighted;
    Rows out = build_rows(node_count, entries, options.weighted, options.parallel, false);
    for (const Entry& e : entries) {
        if (e.source == e.target) ++g.self_loops_;
    }
    g.edge_count_ = options.directed ? entries.size() : (entries.size() + g.self_loops_) / 2;
    g.out_offsets_ = std::move(out.offsets);
    g.out_targets_ = std::move(out.targets);
    g.out_weights_ = std::move(out.weights);
    g.out_count_ = std::move(out.count);
    if (options.directed) {
        // Transpose the merged entries, so in-rows agree with out-rows entry by entry.
        for (Entry& e : entries) std::swap(e.source, e.target);
        Rows in = build_rows(node_count, entries, options.weighted, options.parallel, false);
        g.in_offsets_ = std::move(in.offsets);
        g.in_targets_ = std::move(in.targets);
        g.in_weights_ = std::move(in.weights);
        g.in_count_ = std::move(in.count);
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
