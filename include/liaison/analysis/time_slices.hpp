#pragma once
// Time on the property graph: when an edge holds, a slice of the graph at a window, and the
// difference between two slices (ties formed and lost, entities new and gone).
#include <string>
#include <vector>

#include "liaison/analysis/window.hpp"
#include "liaison/core/date.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::analysis {

struct SliceOptions {
    std::vector<std::string> labels{};      // both ends must carry one of these; empty: any
    std::vector<std::string> edge_types{};  // empty: any
    bool keep_undated = false;  // undated ties count (between entities in the window) when true
};

struct Slice {
    std::vector<EdgeIndex> edges;  // edges in the window, in index order
    std::vector<NodeIndex> nodes;  // their endpoints, in index order
};
// The edges holding in `window` (by the window rule of window.hpp) and the entities they touch.
// Throws ArgumentError for an unknown label or edge type. O(n + m).
Slice time_slice(const PropertyGraph& g, const TimeWindow& window,
                 const SliceOptions& options = {});

// A tie: the edges of one type between two entities (a symmetric type's ends in index order).
struct Tie {
    NodeIndex source = kNoIndex;
    NodeIndex target = kNoIndex;
    RelationId type = 0;
    std::vector<EdgeIndex> edges;  // the edges of this tie in the slice where it holds
};

struct SliceDiff {
    std::vector<Tie> formed;         // in `after`, not in `before`
    std::vector<Tie> lost;           // in `before`, not in `after`
    std::vector<Tie> kept;           // in both (edges from `after`)
    std::vector<NodeIndex> entered;  // entities in `after`'s slice only
    std::vector<NodeIndex> left;     // entities in `before`'s slice only
};
// Compares two slices tie by tie: (source, target, type), parallel edges forming one tie. Ties
// ordered by source id, target id, type name. O((n + m) log m).
SliceDiff diff_slices(const PropertyGraph& g, const TimeWindow& before, const TimeWindow& after,
                      const SliceOptions& options = {});

}  // namespace liaison::analysis
