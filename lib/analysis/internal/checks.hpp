#pragma once
// Input checks shared by the algorithms: they run before any work and name what is wrong.
#include <span>
#include <string_view>

#include "liaison/analysis/csr.hpp"

namespace liaison::analysis::detail {

// Throws AnalysisError when a weighted graph has an edge weighing <= 0 (shortest paths).
void require_positive_weights(const Csr& g, std::string_view algorithm);
// Throws AnalysisError when a weighted graph has an edge weighing < 0 (spectral, communities).
void require_nonnegative_weights(const Csr& g, std::string_view algorithm);
// Throws ArgumentError when `v` is not a vertex of g; `what` names the parameter.
void require_vertex(const Csr& g, Vertex v, std::string_view what);
// Throws ArgumentError unless the vector is empty or has one finite, >= 0 entry per vertex with a
// positive sum.
void require_distribution(const Csr& g, std::span<const double> p, std::string_view what);

}  // namespace liaison::analysis::detail
