// Spec names to lib/analysis calls (measures.hpp).
#include "report/measures.hpp"

#include <fmt/format.h>

#include "core/error.hpp"

namespace liaison::report::detail {

analysis::ProjectionOptions projection_options(const ProjectionSpec& p) {
    analysis::ProjectionOptions o;
    o.labels = p.labels;
    o.edge_types = p.edge_types;
    o.window = p.window;
    o.keep_undated = p.keep_undated;
    o.direction = p.direction == "directed"   ? analysis::ProjectionDirection::Directed
                  : p.direction == "reversed" ? analysis::ProjectionDirection::Reversed
                                              : analysis::ProjectionDirection::Undirected;
    o.weight = p.weight == "count"      ? analysis::WeightMode::Count
               : p.weight == "property" ? analysis::WeightMode::Property
                                        : analysis::WeightMode::None;
    o.weight_property = p.weight_property;
    o.fold_via = p.fold_via;
    return o;
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
    if (spec.weight == "count") parts.push_back("weighted by the number of parallel ties");
    if (spec.weight == "property")
        parts.push_back(fmt::format("weighted by the property '{}'", spec.weight_property));
    return fmt::format("{} entities and {} distinct links ({})", p.graph.node_count(),
                       p.graph.edge_count(), fmt::join(parts, "; "));
}

analysis::Scores measure(const analysis::Csr& g, const std::string& name) {
    using namespace analysis;
    if (name == "degree") {
        DegreeOptions o;
        o.weighted = g.weighted();
        return degree(g, o);
    }
    if (name == "betweenness") return betweenness(g);
    if (name == "closeness") return closeness(g);
    if (name == "harmonic") return harmonic(g);
    if (name == "eigenvector") return eigenvector(g);
    if (name == "pagerank") return page_rank(g);
    if (name == "katz") return katz(g);
    throw ArgumentError(fmt::format("measures: unknown measure '{}'", name));
}

int measure_decimals(const std::string& name, bool weighted) {
    return name == "degree" && !weighted ? 0 : 4;
}

std::string measure_definition(const std::string& name) {
    if (name == "degree") return "degree: the number of distinct neighbours";
    if (name == "betweenness")
        return "betweenness: the share of shortest paths between other entities that pass "
               "through it (normalised)";
    if (name == "closeness") return "closeness: how near it is to every entity it reaches";
    if (name == "harmonic") return "harmonic: the sum of 1 / distance to every other entity";
    if (name == "eigenvector")
        return "eigenvector: tied to entities that are themselves central (unit length)";
    if (name == "pagerank") return "pagerank: PageRank with damping 0.85 (the scores sum to 1)";
    if (name == "katz") return "katz: Katz centrality, alpha 0.1 (unit length)";
    return name;
}

analysis::Partition detect_communities(const analysis::Csr& g, const std::string& algorithm,
                                       double resolution, std::uint64_t seed) {
    using namespace analysis;
    if (algorithm == "leiden") {
        LeidenOptions o;
        o.resolution = resolution;
        o.seed = seed;
        return leiden(g, o);
    }
    if (algorithm == "label_propagation") {
        LabelPropagationOptions o;
        o.seed = seed;
        Partition p = label_propagation(g, o);
        p.modularity = modularity(g, p.membership);
        return p;
    }
    if (algorithm != "louvain")
        throw ArgumentError(fmt::format("algorithm: unknown algorithm '{}'", algorithm));
    LouvainOptions o;
    o.resolution = resolution;
    o.seed = seed;
    return louvain(g, o);
}

std::string algorithm_title(const std::string& algorithm) {
    if (algorithm == "leiden") return "Leiden";
    if (algorithm == "label_propagation") return "Label propagation";
    return "Louvain";
}

}  // namespace liaison::report::detail
