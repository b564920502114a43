#pragma once
// Which nodes and edges of a property graph an analysis sees: labels, edge types, a window.
#include <string>
#include <vector>

#include "core/date.hpp"
#include "model/property_graph.hpp"

namespace liaison::analysis::detail {

class GraphFilter {
public:
    // Throws ArgumentError naming an unknown label or edge type (with the known ones).
    GraphFilter(const PropertyGraph& g, const std::vector<std::string>& labels,
                const std::vector<std::string>& edge_types, const TimeWindow& window,
                bool keep_undated);
    // A node carrying one of the labels (any when none given) whose own time, if any, meets the
    // window.
    bool node(NodeIndex n) const { return node_ok_[n] != 0; }
    // An edge of a chosen type whose effective time is in the window (ends not checked).
    bool edge(EdgeIndex e) const;

private:
    const PropertyGraph& g_;
    std::vector<char> node_ok_;
    std::vector<char> type_ok_;  // by RelationId; empty: every type
    TimeWindow window_;
    bool keep_undated_;
};

}  // namespace liaison::analysis::detail
