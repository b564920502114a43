#include "render/scores.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "render/view.hpp"

namespace liaison::render {

std::vector<std::string> available_scores() { return {"degree"}; }

std::string score_names() { return fmt::format("{}", fmt::join(available_scores(), ", ")); }

std::vector<double> node_scores(const PropertyGraph& g, const std::string& name) {
    if (name == "degree") return degree_scores(g);
    throw ArgumentError(fmt::format("--size-by: unknown score '{}' (available: {})", name,
                                    score_names()));
}

std::vector<int> communities(const PropertyGraph&) {
    throw ArgumentError("communities need lib/analysis, which this build does not include");
}

}  // namespace liaison::render
