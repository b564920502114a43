// Registry results mapped back to a property graph's nodes (registry.hpp).
#include "liaison/analysis/registry.hpp"

namespace liaison::analysis {

std::vector<double> node_scores(const PropertyGraph& g, std::string_view measure,
                                const ProjectionRequest& projection, const OptionValues& given,
                                std::string_view field) {
    const AlgorithmInfo& info = find_algorithm(AlgorithmKind::Measure, measure, field);
    const AlgorithmOptions options = validate_options(info, given, field);
    const Projection p = project(g, projection);
    const Scores s = info.measure(p.graph, options);
    std::vector<double> out(g.node_count(), 0.0);
    for (Vertex v = 0; v < p.graph.node_count(); ++v) out[p.graph.origins()[v]] = s.value[v];
    return out;
}

std::vector<int> node_communities(const PropertyGraph& g, std::string_view algorithm,
                                  const ProjectionRequest& projection, const OptionValues& given,
                                  std::string_view field) {
    const AlgorithmInfo& info = find_algorithm(AlgorithmKind::Communities, algorithm, field);
    const AlgorithmOptions options = validate_options(info, given, field);
    const Projection p = project(g, projection);
    const Partition part = info.partition(p.graph, options);
    std::vector<int> out(g.node_count(), -1);
    for (Vertex v = 0; v < p.graph.node_count(); ++v)
        out[p.graph.origins()[v]] = static_cast<int>(part.membership[v]);
    return out;
}

}  // namespace liaison::analysis
