// Time slices and their differences (time_slices.hpp).
#include "liaison/analysis/time_slices.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <tuple>

#include "analysis/internal/graph_filter.hpp"

namespace liaison::analysis {

Slice time_slice(const PropertyGraph& g, const TimeWindow& window, const SliceOptions& options) {
    // Labels and types choose the candidate ties; the window rule then decides which hold.
    detail::GraphFilter filter(g, options.labels, options.edge_types, window, options.keep_undated);
    Slice slice;
    std::vector<char> touched(g.node_count(), 0);
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        const Edge& ed = g.edge(e);
        if (!filter.edge(e) || !filter.node(ed.source) || !filter.node(ed.target)) continue;
        slice.edges.push_back(e);
        touched[ed.source] = touched[ed.target] = 1;
    }
    for (NodeIndex n = 0; n < g.node_count(); ++n) {
        if (touched[n]) slice.nodes.push_back(n);
    }
    return slice;
}

namespace {

using TieKey = std::tuple<NodeIndex, NodeIndex, RelationId>;

std::map<TieKey, std::vector<EdgeIndex>> ties_of(const PropertyGraph& g, const Slice& s) {
    std::map<TieKey, std::vector<EdgeIndex>> ties;
    for (EdgeIndex e : s.edges) {
        const Edge& ed = g.edge(e);
        NodeIndex a = ed.source, b = ed.target;
        if (g.is_symmetric(ed) && b < a) std::swap(a, b);
        ties[{a, b, ed.type}].push_back(e);
    }
    return ties;
}

void sort_ties(const PropertyGraph& g, std::vector<Tie>& ties) {
    std::sort(ties.begin(), ties.end(), [&](const Tie& x, const Tie& y) {
        return std::forward_as_tuple(g.node(x.source).id, g.node(x.target).id,
                                     g.relations().get(x.type).name) <
               std::forward_as_tuple(g.node(y.source).id, g.node(y.target).id,
                                     g.relations().get(y.type).name);
    });
}

}  // namespace

SliceDiff diff_slices(const PropertyGraph& g, const TimeWindow& before, const TimeWindow& after,
                      const SliceOptions& options) {
    const Slice a = time_slice(g, before, options);
    const Slice b = time_slice(g, after, options);
    const auto ties_a = ties_of(g, a);
    const auto ties_b = ties_of(g, b);
    SliceDiff diff;
    auto tie = [](const TieKey& k, const std::vector<EdgeIndex>& edges) {
        return Tie{std::get<0>(k), std::get<1>(k), std::get<2>(k), edges};
    };
    for (const auto& [key, edges] : ties_b) {
        (ties_a.count(key) ? diff.kept : diff.formed).push_back(tie(key, edges));
    }
    for (const auto& [key, edges] : ties_a) {
        if (!ties_b.count(key)) diff.lost.push_back(tie(key, edges));
    }
    sort_ties(g, diff.formed);
    sort_ties(g, diff.lost);
    sort_ties(g, diff.kept);
    std::set_difference(b.nodes.begin(), b.nodes.end(), a.nodes.begin(), a.nodes.end(),
                        std::back_inserter(diff.entered));
    std::set_difference(a.nodes.begin(), a.nodes.end(), b.nodes.begin(), b.nodes.end(),
                        std::back_inserter(diff.left));
    auto by_id = [&](NodeIndex x, NodeIndex y) { return g.node(x).id < g.node(y).id; };
    std::sort(diff.entered.begin(), diff.entered.end(), by_id);
    std::sort(diff.left.begin(), diff.left.end(), by_id);
    return diff;
}

}  // namespace liaison::analysis
