#pragma once
// What property_graph.cpp and lazy_base.cpp (a graph's eager and lazy parts) share.
#include <cstdint>
#include <vector>

#include "liaison/model/property_graph.hpp"

namespace liaison::detail {

// Revisions are unique across all graphs of the process.
std::uint64_t next_revision();

extern const std::vector<NodeIndex> kNoNodes;
extern const std::vector<EdgeIndex> kNoEdges;

// Adds n to a sorted list of nodes once; while a graph is built nodes come in index order, so
// this is an append, and only a replaced node lands inside a list.
void insert_sorted(std::vector<NodeIndex>& list, NodeIndex n);
void erase_sorted(std::vector<NodeIndex>& list, NodeIndex n);

}  // namespace liaison::detail
