#pragma once
// The weighted undirected graph that Louvain and Leiden move vertices on, level after level:
// rows without self-loops, each vertex's self-loop weight apart, and degrees with the loop twice.
#include <cstdint>
#include <vector>

#include "liaison/analysis/csr.hpp"

namespace liaison::analysis::detail {

struct LevelGraph {
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> targets;
    std::vector<double> weights;
    std::vector<double> loop;    // self-loop weight (counted once)
    std::vector<double> degree;  // row weights + 2 * loop
    double total = 0;            // sum of degrees (2m)

    std::uint32_t size() const { return static_cast<std::uint32_t>(loop.size()); }
};

// From an undirected Csr; weighted = false counts each entry as 1.
LevelGraph level_graph(const Csr& undirected, bool weighted);
// Communities as vertices: entries between communities summed, inside ones become the loop.
// `community` has values < count.
LevelGraph aggregate(const LevelGraph& g, const std::vector<std::uint32_t>& community,
                     std::uint32_t count);
// Relabels any labels to 0..k-1 in order of first appearance; returns k.
std::uint32_t compact_labels(std::vector<std::uint32_t>& labels);

}  // namespace liaison::analysis::detail
