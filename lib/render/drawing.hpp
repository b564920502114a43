#pragma once
// Internal to lib/render: turning a view into a styled cgraph graph.
#include <string>
#include <vector>

#include "liaison/render/render.hpp"
#include "render/graphviz.hpp"

namespace liaison::render {

// One line of the drawing: a single edge, or parallel edges of one type merged.
struct DrawnEdge {
    NodeIndex source = kNoIndex;
    NodeIndex target = kNoIndex;
    RelationId type = 0;
    std::vector<EdgeIndex> members;  // the graph's edges it stands for, in index order
    double weight = 0;               // sum of members' "weight" property (1 when absent)
};

// Groups parallel edges (same ends, same type; either order for a symmetric type) when `merge`.
std::vector<DrawnEdge> draw_edges(const PropertyGraph& g, const std::vector<EdgeIndex>& edges,
                                  bool merge);

// A line style per relation id: the style's own for the types drawn, except that types without
// one, or whose style repeats an earlier drawn type's, get an unused colour and dash; so every
// type drawn looks different (up to 36 of them).
std::vector<EdgeStyle> line_styles(const PropertyGraph& g, const Style& style,
                                   const std::vector<DrawnEdge>& edges);

// Everything the builder needs, resolved once.
struct DrawingInput {
    const PropertyGraph& graph;
    const RenderOptions& options;
    const View& view;
    const std::vector<DrawnEdge>& edges;
    const std::vector<double>& scores;  // by node index
    Layout layout;
    std::vector<EdgeStyle> lines;  // by relation id (line_styles)
};

// Element ids in the drawing (and in the SVG): "node-<id>", "edge-<k>" (k indexes DrawnEdges).
std::string node_element_id(const Node& n);
std::string edge_element_id(std::size_t k);

// Builds the styled graph: nodes, edges, clusters, title and legend.
void build_drawing(gv::Graph& out, const DrawingInput& in);

// The title, time window, what the view shows and the legend, as a Graphviz HTML-like label.
std::string legend_label(const DrawingInput& in);

// Text escaped for an HTML-like label (&, <, >, ").
std::string html_escape(std::string_view text);

}  // namespace liaison::render
