#pragma once
// Internal to lib/render: the self-contained interactive HTML page (render --format html).
#include <string>
#include <vector>

#include "render/drawing.hpp"

namespace liaison::render {

// One HTML file holding the laid-out SVG, the view's data as JSON (names, aliases, labels,
// properties, dates, sources with their documents) and the viewer's script and styles. It loads
// nothing from the network. The SVG's elements carry ids node-<id> and edge-<k> (k indexes
// `edges`), which the data uses as keys.
std::string html_page(const PropertyGraph& g, const View& view, const std::vector<DrawnEdge>& edges,
                      const std::string& svg, const RenderOptions& options);

// The viewer's script and stylesheet (viewer_assets.cpp).
extern const char* const kViewerScript;
extern const char* const kViewerStyle;

}  // namespace liaison::render
