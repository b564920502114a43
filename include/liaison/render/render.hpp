#pragma once
/// @file
/// Rendering a network: a view of it, styled, laid out by Graphviz and written as SVG, PNG, PDF,
/// DOT, or a self-contained interactive HTML page.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liaison/model/property_graph.hpp"
#include "liaison/render/style.hpp"
#include "liaison/render/view.hpp"

namespace liaison::render {

enum class Format { Svg, Png, Pdf, Dot, Html };
enum class Layout { Sfdp, Neato, Fdp, Twopi, Circo, Dot };
// Relation names and dates on lines: Auto writes them only when the drawing has few lines (and
// otherwise just the ×N of merged lines), All always, None never.
enum class EdgeLabels { Auto, All, None };
// The PDF's page: the drawing's own size, or a paper the drawing is fitted to (landscape when
// the drawing is wider than tall).
enum class Page { Drawing, A4, A3, Letter };

std::optional<Format> parse_format(std::string_view name);    // "svg", "png", "pdf", "dot", "html"
std::optional<Format> format_of_path(std::string_view path);  // by extension (.htm too)
const char* format_name(Format f);
std::optional<Layout> parse_layout(std::string_view name);  // sfdp, neato, fdp, twopi, circo, dot
const char* layout_name(Layout l);
std::optional<EdgeLabels> parse_edge_labels(std::string_view name);  // auto, all, none
std::optional<Page> parse_page(std::string_view name);               // A4, A3, letter (any case)
// Width and height in points of a page in portrait; {0, 0} for Page::Drawing.
std::pair<double, double> page_points(Page page);
// Graphviz engines that draw subgraph clusters (the others ignore them).
bool draws_clusters(Layout l);

struct RenderOptions {
    ViewSpec view;
    // Default: twopi (radial, the ego at the centre) for an ego view; fdp when clusters are asked
    // for; sfdp otherwise.
    std::optional<Layout> layout;
    GroupBy group_by = GroupBy::None;
    EdgeLabels edge_labels = EdgeLabels::Auto;
    bool merge_parallel = true;  // parallel edges of one type become one, wider edge
    // At most this many lines (after merging), the heaviest by ties (0: all). Graphviz's time
    // grows with the lines, and beyond a few thousand a drawing shows a smear, not ties.
    std::size_t max_lines = 0;
    bool legend = true;
    double dpi = 96;            // PNG resolution
    Page page = Page::Drawing;  // PDF only
    std::string title;          // empty: the graph's label, else its id
    // Node size: a score per node index with its name for the legend; empty means degree.
    std::string size_by = "degree";
    std::vector<double> size_scores;
    // Fill by community: a community number per node index (negative: none); empty keeps the
    // label colours.
    std::vector<int> community;
    Style style = default_style();
};

struct RenderOutput {
    View view;
    Layout layout = Layout::Sfdp;
    std::size_t drawn_edges = 0;        // after merging parallel edges (and max_lines)
    std::size_t dropped_lines = 0;      // lines over max_lines, the lightest
    std::size_t dropped_line_ties = 0;  // the ties those lines stood for
    std::vector<std::string> data;      // one per requested format, in order
    std::vector<std::string> warnings;  // Graphviz's messages and fallbacks taken
};

/// Selects the view, styles it, lays it out once and renders every requested format.
/// Throws LookupError (unknown entity), ArgumentError (bad options), RenderError (Graphviz).
RenderOutput render(const PropertyGraph& g, const RenderOptions& options,
                    const std::vector<Format>& formats);

/// One paragraph saying what the drawing kept and dropped, e.g. "ego network of …: 12 nodes,
/// 30 edges; kept the 300 most central of 5000 nodes by degree, dropped 4700 (…) and 12000 edges".
std::string describe_output(const PropertyGraph& g, const RenderOptions& options,
                            const RenderOutput& out);

}  // namespace liaison::render
