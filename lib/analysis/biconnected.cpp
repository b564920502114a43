// Articulation points and bridges by one iterative depth-first search (structure.hpp).
#include <algorithm>

#include "liaison/analysis/structure.hpp"

namespace liaison::analysis {

namespace {

struct CutResult {
    std::vector<Vertex> points;
    std::vector<std::pair<Vertex, Vertex>> bridges;
};

CutResult find_cuts(const Csr& directed_or_not) {
    const Csr g = symmetrized(directed_or_not);
    const Vertex n = g.node_count();
    Adjacency a = g.out();
    constexpr std::uint32_t kUnseen = UINT32_MAX;
    std::vector<std::uint32_t> disc(n, kUnseen), low(n, 0);
    std::vector<char> is_cut(n, 0);
    struct Frame {
        Vertex v;
        Vertex parent;
        std::uint32_t via;   // slot of parent → v in parent's row
        std::uint32_t next;  // next slot of v's row
    };
    std::vector<Frame> calls;
    CutResult result;
    std::uint32_t counter = 0;
    for (Vertex root = 0; root < n; ++root) {
        if (disc[root] != kUnseen) continue;
        disc[root] = low[root] = counter++;
        calls.push_back({root, kNoVertex, 0, a.begin(root)});
        std::uint32_t root_children = 0;
        while (!calls.empty()) {
            Frame& f = calls.back();
            const Vertex v = f.v;
            if (f.next < a.end(v)) {
                const std::uint32_t slot = f.next++;
                const Vertex w = a.targets[slot];
                // Entries are merged, so the parent appears once in v's row: skipping it skips
                // exactly the tree edge (parallel copies are handled by the multiplicity below).
                if (w == v || w == f.parent) continue;
                if (disc[w] == kUnseen) {
                    disc[w] = low[w] = counter++;
                    if (v == root) ++root_children;
                    calls.push_back({w, v, slot, a.begin(w)});  // invalidates f
                } else {
                    low[v] = std::min(low[v], disc[w]);
                }
                continue;
            }
            const Frame done = f;
            calls.pop_back();
            if (done.parent == kNoVertex) continue;
            const Vertex p = done.parent;
            low[p] = std::min(low[p], low[v]);
            if (p != root && low[v] >= disc[p]) is_cut[p] = 1;
            if (low[v] > disc[p] && a.count(done.via) == 1)
                result.bridges.emplace_back(std::min(p, v), std::max(p, v));
        }
        if (root_children > 1) is_cut[root] = 1;
    }
    for (Vertex v = 0; v < n; ++v) {
        if (is_cut[v]) result.points.push_back(v);
    }
    std::sort(result.bridges.begin(), result.bridges.end());
    return result;
}

}  // namespace

std::vector<Vertex> articulation_points(const Csr& g) { return find_cuts(g).points; }

std::vector<std::pair<Vertex, Vertex>> bridges(const Csr& g) { return find_cuts(g).bridges; }

}  // namespace liaison::analysis
