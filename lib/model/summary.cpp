#include "liaison/model/summary.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_set>

namespace liaison {

namespace {

NodeIndex find_root(std::vector<NodeIndex>& parent, NodeIndex x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
}

void widen(GraphSummary& s, const TimeSpan& t) {
    for (const auto& d : {t.date, t.start, t.end}) {
        if (!d) continue;
        if (!s.earliest || d->first_day() < s.earliest->first_day()) s.earliest = d;
        if (!s.latest || d->last_day() > s.latest->last_day()) s.latest = d;
    }
}

}  // namespace

GraphSummary summarize(const PropertyGraph& g) {
    GraphSummary s;
    s.nodes = g.node_count();
    s.edges = g.edge_count();
    s.documents = g.documents().size();
    for (const Node& n : g.nodes()) {
        for (const auto& l : n.labels) ++s.nodes_by_label[l];
        widen(s, n.time);
        s.sources += n.sources.size();
    }
    std::vector<NodeIndex> parent(g.node_count());
    std::iota(parent.begin(), parent.end(), 0);
    std::unordered_set<std::uint64_t> pairs;
    for (const Edge& e : g.edges()) {
        ++s.edges_by_type[g.type_name(e)];
        widen(s, e.time);
        s.sources += e.sources.size();
        if (e.source == e.target) continue;
        auto [a, b] = std::minmax(e.source, e.target);
        pairs.insert(static_cast<std::uint64_t>(a) << 32 | b);
        NodeIndex ra = find_root(parent, a), rb = find_root(parent, b);
        if (ra != rb) parent[ra] = rb;
    }
    s.linked_pairs = pairs.size();
    if (s.nodes >= 2)
        s.density = static_cast<double>(s.linked_pairs) /
                    (static_cast<double>(s.nodes) * static_cast<double>(s.nodes - 1) / 2.0);
    std::vector<std::size_t> size(g.node_count(), 0);
    for (NodeIndex n = 0; n < g.node_count(); ++n) ++size[find_root(parent, n)];
    for (std::size_t c : size) {
        if (c == 0) continue;
        ++s.components;
        s.largest_component = std::max(s.largest_component, c);
    }
    return s;
}

}  // namespace liaison
