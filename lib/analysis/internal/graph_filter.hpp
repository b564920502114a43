#pragma once
// Which nodes and edges of a property graph an analysis sees: labels, edge types, a window.
#include <string>
#include <vector>

#include "liaison/analysis/window.hpp"
#include "liaison/core/date.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::analysis::detail {

class GraphFilter {
public:
    // Throws ArgumentError naming an unknown label or edge type (with the known ones).
    // `via_label` (a fold's) counts as chosen too, so ties to the via-nodes make their other
    // ends active in the window.
    GraphFilter(const PropertyGraph& g, const std::vector<std::string>& labels,
                const std::vector<std::string>& edge_types, const TimeWindow& window,
                bool keep_undated, const std::string& via_label = {});
    // A node carrying one of the labels (any when none given) that is in the window.
    bool node(NodeIndex n) const { return node_ok_[n] != 0; }
    // An edge of a chosen type that holds in the window (ends' labels not checked).
    bool edge(EdgeIndex e) const { return edge_ok_[e] != 0; }

private:
    std::vector<char> node_ok_;
    std::vector<char> edge_ok_;
};

}  // namespace liaison::analysis::detail
