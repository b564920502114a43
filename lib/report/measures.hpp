#pragma once
// Internal: a spec's projection and names, handed to the analysis request layer
// (liaison/analysis/registry.hpp, projection_request.hpp), shared by the rankings,
// communities and diagram sections.
#include <cstdint>
#include <string>
#include <vector>

#include "liaison/analysis/centrality.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/analysis/projection.hpp"
#include "liaison/analysis/projection_request.hpp"
#include "liaison/report/spec.hpp"

namespace liaison::report::detail {

analysis::ProjectionRequest projection_request(const ProjectionSpec& p);
// "122 entities and 201 ties (Person, Agency only; MET_WITH only; 2025; read undirected; …)".
std::string describe_projection(const analysis::Projection& p, const ProjectionSpec& spec);

// Decimals a measure is shown with: 0 for counts (unweighted degree, core), 4 otherwise.
int measure_decimals(const std::string& name, bool weighted);

// Communities by name with the section's resolution (when the algorithm takes one) and seed.
analysis::Partition detect_communities(const analysis::Csr& g, const std::string& algorithm,
                                       double resolution, std::uint64_t seed);

}  // namespace liaison::report::detail
