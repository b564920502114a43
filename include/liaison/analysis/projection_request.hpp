#pragma once
/// @file
/// A projection as the outside world names it — the CLI's flags, a report spec's fields, a
/// query procedure's config map — turned into ProjectionOptions in one place, so `--direction`,
/// `"direction"` and `{direction: …}` accept the same words and a window the same texts.
#include <string>
#include <string_view>
#include <vector>

#include "liaison/analysis/projection.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::analysis {

struct ProjectionRequest {
    std::vector<std::string> labels;  ///< nodes carrying one of these (empty: all)
    std::vector<std::string> types;   ///< edges of these types (empty: all)
    std::string from, to;             ///< window bounds, window texts (window.hpp); empty: open
    TimeWindow window;  ///< a window already parsed (e.g. a query's date values); met with from/to
    bool keep_undated = true;  ///< undated ties are timeless facts (drop them with false)
    std::string direction = "undirected";  ///< undirected, directed or reversed
    /// "" (unweighted; a fold: by shared nodes), "none", "count" (parallel ties), or a numeric
    /// edge property
    std::string weight;
    std::string fold;  ///< a label folded away (e.g. "Event"); weighted by shared nodes
};

/// The words `direction` accepts.
const std::vector<std::string>& direction_names();

/// Checks the request and builds the options; window bounds resolve against `g` (entities).
/// Throws ArgumentError naming the field ("--direction", "direction") for a bad value.
ProjectionOptions projection_options(const PropertyGraph& g, const ProjectionRequest& r,
                                     std::string_view prefix = "--");

/// project(g, projection_options(g, r)).
Projection project(const PropertyGraph& g, const ProjectionRequest& r,
                   std::string_view prefix = "--");

}  // namespace liaison::analysis
