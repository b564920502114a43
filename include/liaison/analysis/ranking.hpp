#pragma once
/// @file
/// Orders vertices for reports: by score descending, then by id, so rankings are stable.
#include <span>
#include <string>
#include <vector>

#include "liaison/analysis/csr.hpp"

namespace liaison::analysis {

/// Vertices sorted by score descending, ties by ids[v] ascending (by vertex when ids is empty).
/// NaN scores sort last. `top` > 0 keeps only the first `top`. O(n log n).
std::vector<Vertex> ranking(std::span<const double> scores, std::span<const std::string> ids = {},
                            std::size_t top = 0);

}  // namespace liaison::analysis
