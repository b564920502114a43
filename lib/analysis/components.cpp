// Connected components, strongly connected components and core numbers (structure.hpp).
#include <algorithm>

#include "analysis/community.hpp"
#include "analysis/structure.hpp"

namespace liaison::analysis {

namespace {

Components from_labels(const std::vector<std::uint32_t>& labels) {
    Partition p = canonical_partition(labels);
    return Components{std::move(p.membership), p.count};
}

}  // namespace

Components weak_components(const Csr& g) {
    const Vertex n = g.node_count();
    std::vector<std::uint32_t> label(n, UINT32_MAX);
    std::vector<Vertex> queue;
    Adjacency out = g.out();
    Adjacency in = g.in();
    for (Vertex root = 0; root < n; ++root) {
        if (label[root] != UINT32_MAX) continue;
        label[root] = root;
        queue.assign(1, root);
        for (std::size_t head = 0; head < queue.size(); ++head) {
            const Vertex u = queue[head];
            for (const Adjacency* side : {&out, &in}) {
                for (Vertex v : side->neighbors(u)) {
                    if (label[v] == UINT32_MAX) {
                        label[v] = root;
                        queue.push_back(v);
                    }
                }
                if (!g.directed()) break;  // in-rows are the out-rows
            }
        }
    }
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

std::vector<std::uint32_t> core_numbers(const Csr& g) {
    // Batagelj-Zaversnik bucket algorithm. Directed graphs use in + out rows, so a reciprocal
    // pair counts twice, as in NetworkX.
    const Vertex n = g.node_count();
    Adjacency out = g.out();
    Adjacency in = g.in();
    std::vector<const Adjacency*> sides{&out};
    if (g.directed()) sides.push_back(&in);
    std::vector<std::uint32_t> deg(n, 0);
    std::uint32_t max_deg = 0;
    for (Vertex v = 0; v < n; ++v) {
        for (const Adjacency* side : sides) {
            for (Vertex u : side->neighbors(v)) deg[v] += u != v;
        }
        max_deg = std::max(max_deg, deg[v]);
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
    for (std::uint32_t i = 0; i < n; ++i) {
        const Vertex v = vert[i];
        for (const Adjacency* side : sides) {
            for (Vertex u : side->neighbors(v)) {
                if (u == v || deg[u] <= deg[v]) continue;
                // Move u to the front of its bin, then shrink its degree by one.
                const std::uint32_t du = deg[u];
                const std::uint32_t pu = pos[u];
                const std::uint32_t pw = bin[du];
                const Vertex w = vert[pw];
                if (u != w) {
                    pos[u] = pw;
                    vert[pu] = w;
                    pos[w] = pu;
                    vert[pw] = u;
                }
                ++bin[du];
                --deg[u];
            }
        }
    }
    return deg;
}

}  // namespace liaison::analysis
