// Connected components, strongly connected components and core numbers (structure.hpp).
#include <algorithm>

#include "analysis/community.hpp"
#include "analysis/internal/afforest.hpp"
#include "analysis/structure.hpp"

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

// The Batagelj-Zaversnik peeling over the given rows (one side, or out- and in-rows of a
// directed graph), on raw arrays: vertices sit in `vert` sorted by current degree, bin[d] is
// where degree d starts, pos[v] is v's place.
template <int Sides>
std::vector<std::uint32_t> peel(Vertex n, const Adjacency (&sides)[Sides]) {
    std::vector<std::uint32_t> deg(n, 0);
    std::uint32_t max_deg = 0;
    for (Vertex v = 0; v < n; ++v) {
        std::uint32_t d = 0;
        for (const Adjacency& side : sides) {
            // Rows hold each neighbour once: only a self-loop is not a neighbour.
            d += side.degree(v) - (side.find(v, v) != UINT32_MAX ? 1 : 0);
        }
        deg[v] = d;
        max_deg = std::max(max_deg, d);
    }
    std::vector<std::uint32_t> bin(static_cast<std::size_t>(max_deg) + 1, 0);
    for (Vertex v = 0; v < n; ++v) ++bin[deg[v]];
    std::uint32_t start = 0;
    for (std::uint32_t& b : bin) {
        const std::uint32_t count = b;
        b = start;
        start += count;
    }
    std::vector<Vertex> vert(n);
    std::vector<std::uint32_t> pos(n);
    for (Vertex v = 0; v < n; ++v) {
        pos[v] = bin[deg[v]]++;
        vert[pos[v]] = v;
    }
    for (std::uint32_t d = max_deg; d > 0; --d) bin[d] = bin[d - 1];
    if (!bin.empty()) bin[0] = 0;
    std::uint32_t* dg = deg.data();
    std::uint32_t* ps = pos.data();
    Vertex* vt = vert.data();
    std::uint32_t* bn = bin.data();
    for (std::uint32_t i = 0; i < n; ++i) {
        const Vertex v = vt[i];
        const std::uint32_t dv = dg[v];
        for (const Adjacency& side : sides) {
            const Vertex* targets = side.targets.data();
            for (std::uint32_t e = side.offsets[v]; e < side.offsets[v + 1]; ++e) {
                const Vertex u = targets[e];
                const std::uint32_t du = dg[u];
                if (du <= dv) continue;  // also skips a self-loop
                // Move u to the front of its bin, then shrink its degree by one.
                const std::uint32_t pu = ps[u];
                const std::uint32_t pw = bn[du];
                const Vertex w = vt[pw];
                if (u != w) {
                    ps[u] = pw;
                    vt[pu] = w;
                    ps[w] = pu;
                    vt[pw] = u;
                }
                ++bn[du];
                dg[u] = du - 1;
            }
        }
    }
    return deg;
}

}  // namespace

std::vector<std::uint32_t> core_numbers(const Csr& g) {
    // Batagelj-Zaversnik bucket algorithm. Directed graphs use in + out rows, so a reciprocal
    // pair counts twice, as in NetworkX.
    if (!g.directed()) {
        const Adjacency sides[1] = {g.out()};
        return peel<1>(g.node_count(), sides);
    }
    const Adjacency sides[2] = {g.out(), g.in()};
    return peel<2>(g.node_count(), sides);
}

}  // namespace liaison::analysis
