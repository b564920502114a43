#pragma once
// A count for tests: elements examined or moved while the label and name indexes of property
// graphs were maintained (by this thread). Building a graph of N nodes must cost O(N) of them,
// however many nodes share a label or a name.
#include <cstdint>

namespace liaison::detail {

std::uint64_t index_steps();

}  // namespace liaison::detail
