// Connected components, strongly connected components and core numbers (structure.hpp).
#include <algorithm>

#include "analysis/internal/afforest.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/analysis/structure.hpp"

namespace liaison::analysis {

namespace {

Components from_labels(const std::vector<std::uint32_t>& labels) {
    Partition p = canonical_partition(labels);
    return Components{std::move(p.membership), p.count};
}

}  // namespace

Components weak_components(const Csr& g) {
    std::vector<std::uint32_t> label = detail::afforest(g);
    return from_labels(label);
}

Components strong_components(const Csr& g) {
    if (!g.directed()) return weak_components(g);
    const Vertex n = g.node_count();
    constexpr std::uint32_t kUnseen = UINT32_MAX;
    std::vector<std::uint32_t> index(n, kUnseen), low(n, 0), label(n, kUnseen);
    std::vector<char> on_stack(n, 0);
    std::vector<Vertex> stack;
    struct Frame {
        Vertex v;
        std::uint32_t next;  // next entry of v's row to look at
    };
    std::vector<Frame> calls;
    Adjacency a = g.out();
    std::uint32_t counter = 0;
    auto enter = [&](Vertex v) {
        index[v] = low[v] = counter++;
        stack.push_back(v);
        on_stack[v] = 1;
        calls.push_back({v, a.begin(v)});
    };
    for (Vertex root = 0; root < n; ++root) {
        if (index[root] != kUnseen) continue;
        enter(root);
        while (!calls.empty()) {
            Frame& f = calls.back();
            const Vertex v = f.v;
            if (f.next < a.end(v)) {
                const Vertex w = a.targets[f.next++];
                if (index[w] == kUnseen) {
                    enter(w);  // invalidates f
                } else if (on_stack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            calls.pop_back();
            if (low[v] == index[v]) {
                Vertex w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = 0;
                    label[w] = v;
                } while (w != v);
            }
            if (!calls.empty()) {
                const Vertex parent = calls.back().v;
                low[parent] = std::min(low[parent], low[v]);
            }
        }
    }
    return from_labels(label);
}

namespace {

// Peeling by levels (as ParK, Dasari et al. 2014): at level k, every vertex left with degree k
// is removed, and each removal lowers its neighbours' degrees, which may bring them down to k
// and remove them in the same level. A removed vertex keeps k as its degree: its core number.
// The rows are one side, or out- and in-rows of a directed graph. Unlike Batagelj-Zaversnik's
// bucket moves (four random accesses per decrement), a decrement here touches one counter, and
// the scan for each level only walks the vertices still in the graph: a vertex is scanned at
// most core-number + 1 times, so the whole is O(n + m).
template <int Sides>
std::vector<std::uint32_t> peel(Vertex n, const Adjacency (&sides)[Sides], bool self_loops) {
    std::vector<std::uint32_t> deg(n, 0);
    for (Vertex v = 0; v < n; ++v) {
        std::uint32_t d = 0;
        for (const Adjacency& side : sides) {
            // Rows hold each neighbour once: only a self-loop is not a neighbour.
            d += side.degree(v) - (self_loops && side.find(v, v) != UINT32_MAX ? 1 : 0);
        }
        deg[v] = d;
    }
    std::vector<Vertex> active(n);
    std::vector<Vertex> removed;
    removed.reserve(n);
    for (Vertex v = 0; v < n; ++v) active[v] = v;
    std::uint32_t* dg = deg.data();
    for (std::uint32_t k = 0; !active.empty(); ++k) {
        std::size_t kept = 0;
        const std::size_t first = removed.size();
        for (const Vertex v : active) {
            // Degree below k: removed during the last level (no vertex left has less than k).
            if (dg[v] < k) continue;
            if (dg[v] == k)
                removed.push_back(v);
            else
                active[kept++] = v;
        }
        active.resize(kept);
        for (std::size_t i = first; i < removed.size(); ++i) {
            const Vertex v = removed[i];
            for (const Adjacency& side : sides) {
                const Vertex* targets = side.targets.data();
                const std::uint32_t end = side.offsets[v + 1];
                for (std::uint32_t e = side.offsets[v]; e < end; ++e) {
                    const Vertex u = targets[e];
                    if (dg[u] <= k) continue;  // removed, due this level, or a self-loop
                    if (--dg[u] == k) removed.push_back(u);
                }
            }
        }
    }
    return deg;
}

}  // namespace

std::vector<std::uint32_t> core_numbers(const Csr& g) {
    // Directed graphs use in + out rows, so a reciprocal pair counts twice, as in NetworkX.
    if (!g.directed()) {
        const Adjacency sides[1] = {g.out()};
        return peel<1>(g.node_count(), sides, g.has_self_loops());
    }
    const Adjacency sides[2] = {g.out(), g.in()};
    return peel<2>(g.node_count(), sides, g.has_self_loops());
}

}  // namespace liaison::analysis
