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
    const std::vector<EdgeIndex>* list = nullptr;  // the graph's own list, or null: scratch
    std::vector<EdgeIndex> scratch;  // a lazy graph's list, built from its base's runs
    std::size_t pos = 0;
    bool second = false;  // Both: walking the in-list

    void reset(const PropertyGraph& g, std::uint32_t n, Direction d) {
        from = n, dir = d, pos = 0, second = false;
        open(g, d == Direction::In ? Direction::In : Direction::Out);
    }
    bool next(const PropertyGraph& g, std::uint32_t& e, std::uint32_t& m) {
        for (;;) {
            const std::vector<EdgeIndex>& items = list ? *list : scratch;
            if (pos < items.size()) {
                e = items[pos++];
                // Ends and type only: walking never needs the edge's content.
                const EdgeEnds ed = g.edge_ends(e);
                if (second) {
                    // Already seen in the out-list: n's own edges and symmetric ones.
                    if (ed.source == from || g.relations().get(ed.type).symmetric) continue;
                    m = ed.source;
                    return true;
                }
                m = ed.source == from ? ed.target : ed.source;
                return true;
            }
            if (dir != Direction::Both || second) return false;
            second = true, pos = 0;
            open(g, Direction::In);
        }
    }

private:
    // The list is held by pointer only when it is the graph's: a walk may be copied or moved
    // (vectors of walks grow), which would leave a pointer to its own scratch dangling.
    void open(const PropertyGraph& g, Direction d) {
        const std::vector<EdgeIndex>& l = g.incident_edges(from, d, scratch);
        list = &l == &scratch ? nullptr : &l;
    }
};

}  // namespace liaison::query
