#include "analysis/internal/graph_filter.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "liaison/core/error.hpp"

namespace liaison::analysis::detail {

GraphFilter::GraphFilter(const PropertyGraph& g, const std::vector<std::string>& labels,
                         const std::vector<std::string>& edge_types, const TimeWindow& window,
                         bool keep_undated, const std::string& via_label)
    : node_ok_(g.node_count(), labels.empty() ? 1 : 0), edge_ok_(g.edge_count(), 1) {
    // nodes_with_label, not labels(): listing the labels loads a lazy graph, so only the
    // error message pays for it.
    auto choose = [&](const std::string& label, bool keep) {
        if (g.nodes_with_label(label).empty())
            throw ArgumentError(fmt::format("analysis: no node has the label '{}' (labels: {})",
                                            label, fmt::join(g.labels(), ", ")));
        if (keep)
            for (NodeIndex n : g.nodes_with_label(label)) node_ok_[n] = 1;
    };
    for (const std::string& label : labels) choose(label, true);
    if (!via_label.empty()) choose(via_label, !labels.empty());
    if (!edge_types.empty()) {
        std::vector<char> type_ok(g.relations().size(), 0);
        for (const std::string& type : edge_types) {
            auto id = g.relations().find(type);
            if (!id) {
                std::vector<std::string> names;
                for (const RelationType& r : g.relations().all()) names.push_back(r.name);
                throw ArgumentError(fmt::format("analysis: unknown edge type '{}' (types: {})",
                                                type, fmt::join(names, ", ")));
            }
            type_ok[*id] = 1;
        }
        for (EdgeIndex e = 0; e < g.edge_count(); ++e) edge_ok_[e] = type_ok[g.edge_ends(e).type];
    }
    if (window.unbounded()) return;
    // Candidates for the window rule: chosen types between chosen nodes.
    std::vector<char> candidates(g.edge_count(), 0);
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        const EdgeEnds ed = g.edge_ends(e);
        candidates[e] = edge_ok_[e] && node_ok_[ed.source] && node_ok_[ed.target];
    }
    const WindowFilter in(g, window, keep_undated, &candidates);
    for (NodeIndex n = 0; n < g.node_count(); ++n) node_ok_[n] = node_ok_[n] && in.node(n);
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) edge_ok_[e] = edge_ok_[e] && in.edge(e);
}

}  // namespace liaison::analysis::detail
