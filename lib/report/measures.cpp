// Spec names to lib/analysis calls (measures.hpp).
#include "report/measures.hpp"

#include <fmt/format.h>

#include "liaison/analysis/registry.hpp"
#include "liaison/core/error.hpp"

namespace liaison::report::detail {

analysis::ProjectionRequest projection_request(const ProjectionSpec& p) {
    analysis::ProjectionRequest r;
    r.labels = p.labels;
    r.types = p.edge_types;
    r.window = p.window;
    r.keep_undated = p.keep_undated;
    r.direction = p.direction;
    r.weight = p.weight == "property" ? p.weight_property : p.weight == "none" ? "" : p.weight;
    r.fold = p.fold_via;
    return r;
}

std::string describe_projection(const analysis::Projection& p, const ProjectionSpec& spec) {
    std::vector<std::string> parts;
    if (!spec.labels.empty()) parts.push_back(fmt::format("{} only", fmt::join(spec.labels, ", ")));
    if (!spec.edge_types.empty())
        parts.push_back(fmt::format("ties of type {}", fmt::join(spec.edge_types, ", ")));
    if (!spec.window.unbounded())
        parts.push_back(fmt::format("in {}{}", spec.window.to_string(),
                                    spec.keep_undated ? " (undated ties kept)" : ""));
    if (!spec.fold_via.empty())
        parts.push_back(fmt::format("entities linked when they share a {}", spec.fold_via));
    parts.push_back("read " + spec.direction);
    if (!spec.fold_via.empty() && spec.weight != "property")
        parts.push_back(fmt::format("weighted by the number of shared {} nodes", spec.fold_via));
    else if (spec.weight == "count")
        parts.push_back("weighted by the number of parallel ties");
    if (spec.weight == "property")
        parts.push_back(fmt::format("weighted by the property '{}'", spec.weight_property));
    return fmt::format("{} entities and {} distinct links ({})", p.graph.node_count(),
                       p.graph.edge_count(), fmt::join(parts, "; "));
}

int measure_decimals(const std::string& name, bool weighted) {
    const auto& info = analysis::find_algorithm(analysis::AlgorithmKind::Measure, name, "measures");
    return info.counts && !weighted ? 0 : 4;
}

analysis::Partition detect_communities(const analysis::Csr& g, const std::string& algorithm,
                                       double resolution, std::uint64_t seed) {
    using namespace analysis;
    const AlgorithmInfo& info = find_algorithm(AlgorithmKind::Communities, algorithm, "algorithm");
    OptionValues options{{"seed", static_cast<std::int64_t>(seed)}};
    for (const OptionSpec& o : info.options)
        if (o.name == "resolution") options.emplace_back("resolution", resolution);
    return run_communities(g, info.name, options, "algorithm");
}

}  // namespace liaison::report::detail
