#pragma once
// Internal: the bridge from a spec's names (measures, algorithms, projection flags) to
// lib/analysis calls, shared by the rankings, communities and diagram sections.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/centrality.hpp"
#include "analysis/community.hpp"
#include "analysis/projection.hpp"
#include "report/spec.hpp"

namespace liaison::report::detail {

analysis::ProjectionOptions projection_options(const ProjectionSpec& p);
// "122 entities and 201 ties (Person, Agency only; MET_WITH only; 2025; read undirected; …)".
std::string describe_projection(const analysis::Projection& p, const ProjectionSpec& spec);

// A centrality measure by name (degree, betweenness, closeness, harmonic, eigenvector, pagerank,
// katz), with lib/analysis defaults; weighted when the projection has weights.
analysis::Scores measure(const analysis::Csr& g, const std::string& name);
// Decimals a measure is shown with: 0 for unweighted degree, 4 otherwise.
int measure_decimals(const std::string& name, bool weighted);
// One line defining the measure, for the reader.
std::string measure_definition(const std::string& name);

// Communities by name (louvain, leiden, label_propagation).
analysis::Partition detect_communities(const analysis::Csr& g, const std::string& algorithm,
                                       double resolution, std::uint64_t seed);
std::string algorithm_title(const std::string& algorithm);  // "Louvain"

}  // namespace liaison::report::detail
