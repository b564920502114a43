#include "render/scores.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "liaison/analysis/registry.hpp"

namespace liaison::render {

std::vector<std::string> available_scores() {
    return analysis::algorithm_names(analysis::AlgorithmKind::Measure);
}

std::string score_names() { return fmt::format("{}", fmt::join(available_scores(), ", ")); }

std::vector<double> node_scores(const PropertyGraph& g, const std::string& name,
                                const std::string& field) {
    // A drawing counts the ties it draws: its degree is the number of ties at an entity,
    // parallel ones each (the registry's degree on the projection weighted by the count), as
    // the drawing's summary and `ego` count them. The other measures read the network plain.
    analysis::ProjectionRequest whole;
    if (name == "degree") whole.weight = "count";
    return analysis::node_scores(g, name, whole, {}, field);
}

std::vector<int> communities(const PropertyGraph& g, std::uint64_t seed) {
    return analysis::node_communities(g, analysis::default_community_algorithm(), {},
                                      {{"seed", static_cast<std::int64_t>(seed)}});
}

}  // namespace liaison::render
