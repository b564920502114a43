// What makes the whole-network diagram readable in a briefing: a legend of what is drawn in plain
// words, one look per relation type, parallel ties merged with their count, edge labels only where
// they fit, and a PDF fitted to a paper size.
#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "liaison/io/native_format.hpp"
#include "liaison/render/render.hpp"
#include "render/drawing.hpp"

using namespace liaison;
using namespace liaison::render;

namespace {

const PropertyGraph& small() {
    static const PropertyGraph g = read_graph_file(LIAISON_TEST_DATA "/render/small.json");
    return g;
}
const PropertyGraph& seed() {
    static const PropertyGraph g =
        read_graph_file(LIAISON_SOURCE_DIR "/graphs/morocco-interpol.json");
    return g;
}
const PropertyGraph& parallel() {
    static const PropertyGraph g = read_graph_file(LIAISON_TEST_DATA "/render/parallel.json");
    return g;
}

// The text a reader sees in an SVG: every <text> element's content, entities decoded.
std::string svg_text(const std::string& svg) {
    static const std::regex text("<text[^>]*>([^<]*)</text>");
    std::string out;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text); it != std::sregex_iterator();
         ++it)
        out += (*it)[1].str() + "\n";
    return std::regex_replace(out, std::regex("&#45;"), "-");
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++n;
    return n;
}

// The first page's /MediaBox as width and height in points.
std::pair<int, int> media_box(const std::string& pdf) {
    std::smatch m;
    REQUIRE(std::regex_search(pdf, m, std::regex(R"(/MediaBox \[ 0 0 (\d+) (\d+) \])")));
    return {std::stoi(m[1]), std::stoi(m[2])};
}

RenderOutput draw(const PropertyGraph& g, const RenderOptions& o, const std::vector<Format>& f) {
    return liaison::render::render(g, o, f);
}

}  // namespace

TEST_CASE("the legend names what is drawn, in words, without Graphviz shape names") {
    RenderOptions o;
    o.view.types = {"MET_WITH"};
    o.view.labels = {"Person", "Country"};
    const std::string text = svg_text(draw(small(), o, {Format::Svg}).data[0]);
    CHECK(contains(text, "met with"));
    CHECK(contains(text, "Person"));
    for (const char* absent : {"hosted", "attended", "Event", "Agency"}) {
        CAPTURE(absent);
        CHECK_FALSE(contains(text, absent));
    }
    for (const char* shape : {"ellipse", "doubleoctagon", "invhouse", "octagon", "hexagon", "note",
                              "house", "tab", "box"}) {
        CAPTURE(shape);
        CHECK_FALSE(std::regex_search(text, std::regex(std::string("\\b") + shape + "\\b")));
    }
}

TEST_CASE("every relation type drawn has its own colour and dash") {
    const PropertyGraph& g = seed();
    std::vector<EdgeIndex> all(g.edge_count());
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) all[e] = e;
    const std::vector<DrawnEdge> drawn = draw_edges(g, all, true);
    const std::vector<EdgeStyle> lines = line_styles(g, default_style(), drawn);
    std::set<RelationId> types;
    for (const DrawnEdge& d : drawn) types.insert(d.type);
    REQUIRE(types.size() > 20);  // the seed draws about 30 types, most without a style of their own
    std::set<std::pair<std::string, std::string>> looks;
    for (RelationId t : types) looks.emplace(lines[t].color, lines[t].line);
    CHECK(looks.size() == types.size());
    // Types with a style of their own keep it.
    auto met = g.relations().find("MET_WITH");
    REQUIRE(met);
    CHECK(lines[*met].color == default_style().edge_style("MET_WITH").color);
}

TEST_CASE("parallel ties of one type are one line carrying their count") {
    RenderOptions o;
    RenderOutput out = draw(parallel(), o, {Format::Svg});
    CHECK(out.drawn_edges == 1);
    const std::string text = svg_text(out.data[0]);
    CHECK(contains(text, "met with \u00D73"));
    CHECK(contains(text, "2025-11-24 \u2013 2025-11-27"));  // the span of the three
    o.edge_labels = EdgeLabels::None;                       // the count stays in the tooltip
    const std::string svg = draw(parallel(), o, {Format::Svg}).data[0];
    CHECK_FALSE(contains(svg_text(svg), "\u00D73"));
    CHECK(contains(svg, "xlink:title=\"met with \u00D73"));
    o.merge_parallel = false;
    CHECK(draw(parallel(), o, {Format::Svg}).drawn_edges == 3);
}

TEST_CASE("edge labels: auto leaves a dense drawing to the counts of merged lines") {
    RenderOptions o;
    o.legend = false;
    RenderOutput dense = draw(seed(), o, {Format::Dot});
    REQUIRE(dense.drawn_edges > 40);
    const std::size_t merged = dense.view.edges.size() - dense.drawn_edges;
    // Only edges with a label get a font colour.
    CHECK(count(dense.data[0], "fontcolor=") <= merged);
    o.edge_labels = EdgeLabels::All;
    CHECK(count(draw(seed(), o, {Format::Dot}).data[0], "fontcolor=") == dense.drawn_edges);
    o.edge_labels = EdgeLabels::Auto;  // a small view keeps its labels
    o.view.event = "interpol-ga-91";
    RenderOutput event = draw(seed(), o, {Format::Dot});
    REQUIRE(event.drawn_edges <= 40);
    CHECK(count(event.data[0], "fontcolor=") == event.drawn_edges);
}

TEST_CASE("an event view's dates are the event's own, not a founding date") {
    RenderOptions o;
    o.view.event = "interpol-ga-91";
    const std::string text = svg_text(draw(seed(), o, {Format::Svg}).data[0]);
    CHECK(contains(text, "2023-11-28 \u2013 2023-12-01"));
    CHECK_FALSE(contains(text, "1923"));
}

TEST_CASE("--page fits the PDF to a paper, landscape when the drawing is wider") {
    CHECK(parse_page("A4") == Page::A4);
    CHECK(parse_page("letter") == Page::Letter);
    CHECK_FALSE(parse_page("A5"));
    RenderOptions o;
    o.page = Page::A4;
    RenderOutput out = draw(small(), o, {Format::Pdf, Format::Svg});
    std::smatch m;
    REQUIRE(std::regex_search(out.data[1], m, std::regex(R"(width="(\d+)pt" height="(\d+)pt")")));
    const bool wide = std::stoi(m[1]) > std::stoi(m[2]);
    auto [w, h] = media_box(out.data[0]);
    CHECK(std::abs((wide ? w : h) - 842) <= 1);
    CHECK(std::abs((wide ? h : w) - 595) <= 1);
    o.page = Page::Letter;
    o.view.ego = "Hammouchi";
    auto [lw, lh] = media_box(draw(small(), o, {Format::Pdf}).data[0]);
    CHECK(std::min(lw, lh) == 612);
    CHECK(std::max(lw, lh) == 792);
    o.page = Page::Drawing;  // without a page, the PDF is the drawing's size
    auto [dw, dh] = media_box(draw(small(), o, {Format::Pdf}).data[0]);
    CHECK(std::max(dw, dh) > 900);  // the ego drawing at 96 dpi is larger than any of the papers
}
