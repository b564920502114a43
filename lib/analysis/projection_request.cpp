// Named projection options to ProjectionOptions (projection_request.hpp).
#include "liaison/analysis/projection_request.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "liaison/analysis/window.hpp"
#include "liaison/core/error.hpp"

namespace liaison::analysis {

const std::vector<std::string>& direction_names() {
    static const std::vector<std::string> names{"undirected", "directed", "reversed"};
    return names;
}

ProjectionOptions projection_options(const PropertyGraph& g, const ProjectionRequest& r,
                                     std::string_view prefix) {
    auto field = [&](const char* name) { return fmt::format("{}{}", prefix, name); };
    ProjectionOptions o;
    o.labels = r.labels;
    o.edge_types = r.types;
    o.window = window_from_bounds(g, r.from, r.to, field("from"), field("to"));
    if (r.window.from && (!o.window.from || *r.window.from > *o.window.from))
        o.window.from = r.window.from;
    if (r.window.to && (!o.window.to || *r.window.to < *o.window.to)) o.window.to = r.window.to;
    o.keep_undated = r.keep_undated;
    if (r.direction == "directed")
        o.direction = ProjectionDirection::Directed;
    else if (r.direction == "reversed")
        o.direction = ProjectionDirection::Reversed;
    else if (r.direction == "undirected" || r.direction.empty())
        o.direction = ProjectionDirection::Undirected;
    else
        throw ArgumentError(fmt::format("{}: '{}' is not a direction; expected {}",
                                        field("direction"), r.direction,
                                        fmt::join(direction_names(), ", ")));
    o.fold_via = r.fold;
    if (r.weight == "none") {
        o.weight = WeightMode::None;
    } else if (r.weight == "count") {
        o.weight = WeightMode::Count;
    } else if (!r.weight.empty()) {
        o.weight = WeightMode::Property;
        o.weight_property = r.weight;
    } else if (!r.fold.empty()) {
        o.weight = WeightMode::Count;  // a fold is naturally weighted by shared nodes
    }
    if (!r.fold.empty() && o.direction != ProjectionDirection::Undirected)
        throw ArgumentError(fmt::format("{}: a fold gives an undirected projection; leave {} out",
                                        field("fold"), field("direction")));
    if (!r.fold.empty() && o.weight == WeightMode::Property)
        throw ArgumentError(fmt::format(
            "{}: a fold is weighted by shared nodes ({} count) or not at all, not by a property",
            field("fold"), field("weight")));
    return o;
}

Projection project(const PropertyGraph& g, const ProjectionRequest& r, std::string_view prefix) {
    return project(g, projection_options(g, r, prefix));
}

}  // namespace liaison::analysis
