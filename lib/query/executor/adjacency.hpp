#pragma once
// Walking a node's incident edges without allocating (the matcher and the shortest-path search
// take one edge at a time instead of copying the adjacency list).
#include <cstdint>
#include <vector>

#include "liaison/model/property_graph.hpp"

namespace liaison::query {

// The incident edges of one node in one direction with the node at the other end; Both visits
// each edge once, as PropertyGraph::for_each_incident does.
struct EdgeWalk {
    std::uint32_t from = 0;
    Direction dir = Direction::Both;
    const std::vector<EdgeIndex>* list = nullptr;
    std::size_t pos = 0;
    bool second = false;  // Both: walking the in-list

    void reset(const PropertyGraph& g, std::uint32_t n, Direction d) {
        from = n, dir = d, pos = 0, second = false;
        list = d == Direction::In ? &g.in_edges(n) : &g.out_edges(n);
    }
    bool next(const PropertyGraph& g, std::uint32_t& e, std::uint32_t& m) {
        for (;;) {
            if (pos < list->size()) {
                e = (*list)[pos++];
                const Edge& ed = g.edge(e);
                if (second) {
                    // Already seen in the out-list: n's own edges and symmetric ones.
                    if (ed.source == from || g.is_symmetric(ed)) continue;
                    m = ed.source;
                    return true;
                }
                m = ed.source == from ? ed.target : ed.source;
                return true;
            }
            if (dir != Direction::Both || second) return false;
            second = true, pos = 0, list = &g.in_edges(from);
        }
    }
};

}  // namespace liaison::query
