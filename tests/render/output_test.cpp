// Structure of the rendered outputs: DOT carries the style, SVG holds every name as text, PNG and
// PDF are valid and non-trivial, HTML is self-contained.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <regex>

#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/render/render.hpp"
#include "render/drawing.hpp"

using namespace liaison;
using namespace liaison::render;

namespace {

const PropertyGraph& fixture() {
    static const PropertyGraph g = read_graph_file(LIAISON_TEST_DATA "/render/small.json");
    return g;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// Graphviz writes some characters as numeric references (&#45; for '-'); decode them.
std::string xml_unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&') {
            std::size_t semi = s.find(';', i);
            std::string ent = s.substr(i + 1, semi - i - 1);
            std::uint32_t cp = 0;
            if (ent == "amp")
                cp = '&';
            else if (ent == "lt")
                cp = '<';
            else if (ent == "gt")
                cp = '>';
            else if (ent == "quot")
                cp = '"';
            else if (ent == "apos")
                cp = '\'';
            else if (ent.size() > 1 && ent[0] == '#')
                cp = static_cast<std::uint32_t>(ent[1] == 'x'
                                                    ? std::stoul(ent.substr(2), nullptr, 16)
                                                    : std::stoul(ent.substr(1)));
            if (cp > 0 && cp < 0x80) {
                out += static_cast<char>(cp);
                i = semi;
                continue;
            }
            if (cp == 10) {
                out += '\n';
                i = semi;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

std::uint32_t be32(const std::string& s, std::size_t at) {
    auto b = [&](std::size_t i) {
        return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + i]));
    };
    return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

RenderOutput draw(const std::vector<Format>& formats, RenderOptions options = {}) {
    return liaison::render::render(fixture(), options, formats);
}

}  // namespace

TEST_CASE("DOT carries the style attributes") {
    RenderOutput out = draw({Format::Dot});
    const std::string& dot = out.data[0];
    const Style s = default_style();
    CHECK(contains(dot, "fontname=\"Noto Sans Arabic,"));
    CHECK(contains(dot, "shape=ellipse"));        // Person
    CHECK(contains(dot, "shape=doubleoctagon"));  // Country
    CHECK(contains(dot, "shape=octagon"));        // Event
    CHECK(contains(dot, "fillcolor=\"" + s.node_style({"Person"}).fill + "\""));
    CHECK(contains(dot, "color=\"" + s.edge_style("MET_WITH").color + "\""));
    CHECK(contains(dot, "style=dashed"));  // ATTENDED
    CHECK(contains(dot, "dir=none"));      // symmetric MET_WITH
    CHECK(contains(dot, "overlap=prism"));
    CHECK(contains(dot, "id=\"node-abdellatif-hammouchi\""));
    CHECK(contains(dot, "pos="));  // laid out
    // Bilingual labels: English line, then Arabic line, never one mixed line.
    CHECK(contains(dot, "Abdellatif Hammouchi\\nعبد اللطيف حموشي"));
    // The most central node gets the largest font.
    std::smatch m;
    REQUIRE(std::regex_search(
        dot, m, std::regex("\"?abdellatif-hammouchi\"?\\s*\\[[^\\]]*fontsize=([0-9.]+)")));
    CHECK(std::stod(m[1]) == doctest::Approx(s.max_font));
}

TEST_CASE("SVG contains every node's names as text, with the font named") {
    RenderOutput out = draw({Format::Svg});
    std::string svg = xml_unescape(out.data[0]);
    CHECK(contains(svg, "<svg"));
    CHECK(contains(svg, "font-family=\"Noto Sans Arabic,"));
    CHECK(contains(svg, "<text"));
    for (const Node& n : fixture().nodes()) {
        CAPTURE(n.id);
        if (!n.names.en.empty()) CHECK(contains(svg, n.names.en));
        if (!n.names.ar.empty()) CHECK(contains(svg, n.names.ar));
        CHECK(contains(svg, "id=\"node-" + n.id + "\""));
    }
    // Title and legend are in the drawing.
    CHECK(contains(svg, fixture().graph_label));
    CHECK(contains(svg, "Node size: degree"));
    CHECK(contains(svg, "met with"));
}

TEST_CASE("PNG and PDF are valid and non-trivial") {
    RenderOptions options;
    options.dpi = 48;
    RenderOutput out = draw({Format::Png, Format::Pdf}, options);
    const std::string& png = out.data[0];
    REQUIRE(png.size() > 10000);
    CHECK(png.substr(0, 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    CHECK(png.substr(12, 4) == "IHDR");
    std::uint32_t width = be32(png, 16), height = be32(png, 20);
    CHECK(width > 300);
    CHECK(height > 200);
    CHECK(contains(png, "IEND"));
    RenderOptions sharper = options;
    sharper.dpi = 96;
    CHECK(be32(draw({Format::Png}, sharper).data[0], 16) > width * 3 / 2);  // --dpi scales

    const std::string& pdf = out.data[1];
    CHECK(pdf.size() > 10000);
    CHECK(pdf.substr(0, 5) == "%PDF-");
    CHECK(contains(pdf.substr(pdf.size() - 32), "%%EOF"));
    CHECK(contains(pdf, "NotoSansArabic"));  // the font is embedded
}

// A browser draws an SVG's viewBox into its width and height: when Graphviz scales the drawing
// (at any resolution but 72 dpi) without scaling the viewBox, the far quarter is cut off.
TEST_CASE("SVG's size agrees with its viewBox whatever the PNG's dpi") {
    for (double dpi : {96.0, 150.0}) {
        CAPTURE(dpi);
        RenderOptions options;
        options.dpi = dpi;
        RenderOutput out = draw({Format::Svg, Format::Png, Format::Html, Format::Dot}, options);
        std::smatch m;
        const std::regex header(
            R"re(<svg width="(\d+)pt" height="(\d+)pt"\s+viewBox="0\.00 0\.00 ([\d.]+) ([\d.]+)")re");
        for (std::size_t i : {std::size_t{0}, std::size_t{2}}) {
            REQUIRE(std::regex_search(out.data[i], m, header));
            CHECK(std::abs(std::stod(m[1]) - std::stod(m[3])) <= 1.0);
            CHECK(std::abs(std::stod(m[2]) - std::stod(m[4])) <= 1.0);
            CHECK(contains(out.data[i], "transform=\"scale(1 1) "));
        }
        // The PNG keeps its resolution: the same drawing, dpi/72 pixels per point.
        const double viewbox_width = std::stod(m[3]);
        CHECK(std::abs(be32(out.data[1], 16) - viewbox_width * dpi / 72) <= 2.0);
        // The layout carries no resolution, so `dot -Tsvg` on it is not cropped either.
        CHECK_FALSE(contains(out.data[3], "dpi="));
    }
}

TEST_CASE("views, options and their effect on the drawing") {
    SUBCASE("ego view defaults to twopi rooted at the ego") {
        RenderOptions o;
        o.view.ego = "Hammouchi";
        RenderOutput out = draw({Format::Dot}, o);
        CHECK(out.layout == Layout::Twopi);
        CHECK(contains(out.data[0], "root=\"abdellatif-hammouchi\""));
        CHECK(contains(describe_output(fixture(), o, out),
                       "ego network of Abdellatif Hammouchi (1 hop)"));
    }
    SUBCASE("no edge labels") {
        RenderOptions o;
        o.legend = false;  // the legend names relations too
        CHECK(contains(draw({Format::Dot}, o).data[0], "label=\"met with"));
        o.edge_labels = EdgeLabels::None;  // the tooltip keeps it
        CHECK_FALSE(contains(draw({Format::Dot}, o).data[0], "label=\"met with"));
    }
    SUBCASE("clusters by country switch to a layout that draws them") {
        RenderOptions o;
        o.group_by = GroupBy::Country;
        o.layout = Layout::Sfdp;
        RenderOutput out = draw({Format::Dot}, o);
        CHECK(out.layout == Layout::Fdp);
        CHECK_FALSE(out.warnings.empty());
        CHECK(contains(out.data[0], "subgraph cluster_morocco"));
    }
    SUBCASE("community fill") {
        RenderOptions o;
        o.community.assign(fixture().node_count(), 3);
        CHECK(contains(draw({Format::Dot}, o).data[0], o.style.community_color(3)));
    }
    SUBCASE("max nodes is reported") {
        RenderOptions o;
        o.view.max_nodes = 5;
        RenderOutput out = draw({Format::Svg}, o);
        CHECK(out.view.nodes.size() == 5);
        std::string text = describe_output(fixture(), o, out);
        CHECK(contains(text, "kept the 5 most central of 14 entities by degree"));
        CHECK(contains(xml_unescape(out.data[0]), "Showing the 5 most central of 14 entities"));
    }
    SUBCASE("max lines keeps the heaviest lines and says what it left out") {
        PropertyGraph g = fixture();
        const Edge last = g.edge(static_cast<EdgeIndex>(g.edge_count() - 1));
        g.add_edge(last);  // a line of three ties, the heaviest
        g.add_edge(last);
        RenderOptions o;
        RenderOutput all = liaison::render::render(g, o, {Format::Dot});
        std::vector<DrawnEdge> lines = draw_edges(g, all.view.edges, true);
        REQUIRE(lines.size() == all.drawn_edges);
        REQUIRE(lines.size() > 3);
        std::vector<std::size_t> ties;
        for (const DrawnEdge& d : lines) ties.push_back(d.members.size());
        std::stable_sort(ties.begin(), ties.end(), std::greater<>());
        REQUIRE(ties[0] == 3);
        o.max_lines = 1;
        RenderOutput out = liaison::render::render(g, o, {Format::Dot});
        CHECK(out.drawn_edges == 1);
        CHECK(out.dropped_lines == lines.size() - 1);
        CHECK(out.dropped_line_ties == all.view.edges.size() - 3);
        CHECK(contains(out.data[0], "×3"));  // the merged line is the one kept
        CHECK(contains(describe_output(g, o, out),
                       fmt::format("drew the 1 heaviest of {} lines", lines.size())));
        CHECK_FALSE(contains(describe_output(g, {}, all), "heaviest"));
    }
    SUBCASE("every layout engine runs") {
        for (Layout l : {Layout::Sfdp, Layout::Neato, Layout::Fdp, Layout::Twopi, Layout::Circo,
                         Layout::Dot}) {
            RenderOptions o;
            o.layout = l;
            std::string name = layout_name(l);
            CAPTURE(name);
            CHECK(contains(xml_unescape(draw({Format::Svg}, o).data[0]), "id=\"node-morocco\""));
        }
    }
    SUBCASE("an empty view is an error, not an empty picture") {
        RenderOptions o;
        o.view.window.from = Date::parse("1800");
        o.view.window.to = Date::parse("1801");
        CHECK_THROWS_AS(draw({Format::Svg}, o), ArgumentError);
    }
}

TEST_CASE("HTML is one self-contained page") {
    RenderOutput out = draw({Format::Html});
    const std::string& html = out.data[0];
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(html, "<svg"));
    CHECK(contains(html, "id=\"liaison-data\""));
    CHECK(contains(html, "عبد اللطيف حموشي"));
    CHECK_FALSE(contains(html, "http://cdn"));
    CHECK_FALSE(contains(html, "src=\"http"));
    CHECK_FALSE(contains(html, "<script src"));
    // The quotes travel with the page.
    CHECK(contains(html, fixture().edge(0).sources.front().quote));
}

TEST_CASE("format and layout names") {
    CHECK(format_of_path("out/a.PNG") == Format::Png);
    CHECK(format_of_path("a.gv") == Format::Dot);
    CHECK(format_of_path("dir.v2/a") == std::nullopt);
    CHECK(parse_format("html") == Format::Html);
    CHECK(parse_layout("twopi") == Layout::Twopi);
    CHECK_FALSE(parse_layout("gd"));
}
