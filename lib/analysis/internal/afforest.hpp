#pragma once
// Connected components by Afforest (Sutton, Ben-Nun and Bar 2018, as in the GAP benchmark
// suite): union-find on a parent array with lock-free linking and path compression, sampling a
// few neighbours per vertex first so the giant component is found cheaply and then skipped.
#include <cstdint>
#include <vector>

#include "liaison/analysis/csr.hpp"

namespace liaison::analysis::detail {

// A label per vertex, equal for exactly the vertices of one weakly connected component (each
// label is a vertex of its component).
std::vector<std::uint32_t> afforest(const Csr& g);

}  // namespace liaison::analysis::detail
