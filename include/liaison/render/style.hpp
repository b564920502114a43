#pragma once
// How a drawing looks: node labels map to a shape, colours and a glyph; relation types map to a
// colour and a line style. Defaults suit the shipped networks; a JSON style file overrides any
// part.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/core/error.hpp"

namespace liaison::render {

// A drawing cannot be made (an unknown layout engine, a Graphviz failure, a bad style file).
class RenderError : public Error {
public:
    explicit RenderError(const std::string& message) : Error("render: " + message) {}
};

struct NodeStyle {
    std::string shape = "ellipse";  // a Graphviz shape name
    std::string fill = "#eeeeee";   // fill colour (by label; replaced by the community colour)
    std::string border = "#555555";
    std::string glyph;  // an icon-like character shown before the English name
};

struct EdgeStyle {
    std::string color = "#666666";
    std::string line = "solid";  // solid, dashed, dotted or bold
    double width = 1.2;          // pen width in points for weight 1
};

struct Style {
    // Arabic first; Latin from Noto Sans (Noto Sans Arabic has no Latin letters, and browsers
    // would otherwise fall back to a serif face for the English lines of an SVG).
    std::string font = "Noto Sans Arabic,Noto Sans,sans-serif";
    std::string background = "white";
    std::map<std::string, NodeStyle, std::less<>> labels;     // by node label
    NodeStyle other_node;                                     // labels without a style
    std::map<std::string, EdgeStyle, std::less<>> relations;  // by relation type
    EdgeStyle other_edge;
    std::vector<std::string> palette;  // community fill colours, reused cyclically
    double min_font = 11.0;            // font size of the least central node
    double max_font = 24.0;            // font size of the most central node
    double edge_font = 9.0;
    double title_font = 22.0;

    // The style of a node with these labels: the first label that has one, else other_node.
    const NodeStyle& node_style(const std::vector<std::string>& node_labels) const;
    const EdgeStyle& edge_style(std::string_view relation) const;
    const std::string& community_color(std::size_t community) const;
};

// The built-in style (see docs/render.md for the table).
Style default_style();

// Applies a JSON style file on top of `base`. The file may set any subset of:
//   {"font": "...", "background": "...", "min_font": 11, "max_font": 24, "edge_font": 9,
//    "title_font": 22, "palette": ["#..", ...],
//    "nodes": {"Person": {"shape": "ellipse", "fill": "#..", "border": "#..", "glyph": "♟"},
//              "*": {...}},
//    "edges": {"MET_WITH": {"color": "#..", "line": "dashed", "width": 2.0}, "*": {...}}}
// Unknown keys and invalid values throw InputError naming "file: key".
Style apply_style_json(Style base, std::string_view json_text, const std::string& name);

bool is_line_style(std::string_view line);  // solid, dashed, dotted, bold

}  // namespace liaison::render
