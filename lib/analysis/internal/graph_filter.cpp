#include "analysis/internal/graph_filter.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "analysis/time_slices.hpp"
#include "core/error.hpp"

namespace liaison::analysis::detail {

GraphFilter::GraphFilter(const PropertyGraph& g, const std::vector<std::string>& labels,
                         const std::vector<std::string>& edge_types, const TimeWindow& window,
                         bool keep_undated)
    : g_(g),
      node_ok_(g.node_count(), labels.empty() ? 1 : 0),
      window_(window),
      keep_undated_(keep_undated) {
    const std::vector<std::string> known = g.labels();
    for (const std::string& label : labels) {
        if (std::find(known.begin(), known.end(), label) == known.end())
            throw ArgumentError(fmt::format("analysis: no node has the label '{}' (labels: {})",
                                            label, fmt::join(known, ", ")));
        for (NodeIndex n : g.nodes_with_label(label)) node_ok_[n] = 1;
    }
    if (!edge_types.empty()) {
        type_ok_.assign(g.relations().size(), 0);
        for (const std::string& type : edge_types) {
            auto id = g.relations().find(type);
            if (!id) {
                std::vector<std::string> names;
                for (const RelationType& r : g.relations().all()) names.push_back(r.name);
                throw ArgumentError(fmt::format("analysis: unknown edge type '{}' (types: {})",
                                                type, fmt::join(names, ", ")));
            }
            type_ok_[*id] = 1;
        }
    }
    if (!window.unbounded()) {
        for (NodeIndex n = 0; n < g.node_count(); ++n) {
            const TimeSpan& t = g.node(n).time;
            // Undated entities are timeless; a dated one (an Event) must meet the window.
            if (node_ok_[n] && !t.empty() && !in_window(t, window, true)) node_ok_[n] = 0;
        }
    }
}

bool GraphFilter::edge(EdgeIndex e) const {
    const Edge& ed = g_.edge(e);
    if (!type_ok_.empty() && !type_ok_[ed.type]) return false;
    if (window_.unbounded()) return true;
    return in_window(effective_time(g_, e), window_, keep_undated_);
}

}  // namespace liaison::analysis::detail
