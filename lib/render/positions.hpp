#pragma once
// Node positions from a Graphviz layout of the whole graph, unstyled, for exports that carry a
// layout (GEXF's viz:position) so the receiving tool opens the network laid out.
#include <array>
#include <vector>

#include "liaison/model/property_graph.hpp"
#include "liaison/render/render.hpp"

namespace liaison::render {

// One (x, y) in points per node index, y growing upwards as in Graphviz. Every node and edge
// counts, read undirected. Throws RenderError when Graphviz fails.
std::vector<std::array<double, 2>> layout_positions(const PropertyGraph& g, Layout engine);

}  // namespace liaison::render
