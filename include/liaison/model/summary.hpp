#pragma once
// A network at a glance: what `liaison stats` prints and reports open with.
#include <map>
#include <optional>
#include <string>

#include "liaison/core/date.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison {

struct GraphSummary {
    std::size_t nodes = 0;
    std::size_t edges = 0;
    std::map<std::string, std::size_t> nodes_by_label;  // a node with two labels counts twice
    std::map<std::string, std::size_t> edges_by_type;
    // Density of the simple undirected graph underneath: distinct linked pairs (self-loops and
    // parallel edges ignored, symmetric or not) over n(n-1)/2; 0 for fewer than two nodes.
    double density = 0.0;
    std::size_t linked_pairs = 0;
    std::size_t components = 0;  // weakly connected, isolated nodes included
    std::size_t largest_component = 0;
    std::optional<Date> earliest;  // over every dated node and edge
    std::optional<Date> latest;
    std::size_t documents = 0;
    std::size_t sources = 0;  // quotes cited, over nodes and edges
};

GraphSummary summarize(const PropertyGraph& g);

}  // namespace liaison
