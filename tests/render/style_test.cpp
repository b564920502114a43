#include <doctest/doctest.h>

#include "liaison/core/error.hpp"
#include "liaison/render/style.hpp"

using namespace liaison;
using namespace liaison::render;

TEST_CASE("default style: each built-in label has its own shape and fill") {
    Style s = default_style();
    CHECK(s.node_style({"Person"}).shape == "ellipse");
    CHECK(s.node_style({"Agency"}).shape == "box");
    CHECK(s.node_style({"Event"}).shape == "octagon");
    CHECK(s.node_style({"Person"}).fill != s.node_style({"Agency"}).fill);
    // The first label with a style wins; unknown labels fall back to other_node.
    CHECK(s.node_style({"Unknown", "Country"}).shape == "doubleoctagon");
    CHECK(s.node_style({"Unknown"}).shape == s.other_node.shape);
    CHECK(s.edge_style("ATTENDED").line == "dashed");
    CHECK(s.edge_style("SIGNED_MOU").line == "bold");
    CHECK(s.edge_style("NOT_A_TYPE").color == s.other_edge.color);
    CHECK(s.community_color(0) != s.community_color(1));
    CHECK(s.community_color(s.palette.size()) == s.community_color(0));
}

TEST_CASE("style file overrides only what it names") {
    Style s = apply_style_json(default_style(), R"({
        "font": "Noto Sans",
        "max_font": 30,
        "nodes": {"Person": {"fill": "#ff0000"}, "Vessel": {"shape": "box", "glyph": ""}},
        "edges": {"MET_WITH": {"line": "dotted", "width": 2.5}, "*": {"color": "black"}},
        "palette": ["#111111", "#222222"]
    })",
                               "style.json");
    CHECK(s.font == "Noto Sans");
    CHECK(s.max_font == 30);
    CHECK(s.node_style({"Person"}).fill == "#ff0000");
    CHECK(s.node_style({"Person"}).shape == "ellipse");  // untouched
    CHECK(s.node_style({"Vessel"}).shape == "box");
    CHECK(s.edge_style("MET_WITH").line == "dotted");
    CHECK(s.edge_style("MET_WITH").width == doctest::Approx(2.5));
    CHECK(s.edge_style("MET_WITH").color == default_style().edge_style("MET_WITH").color);
    CHECK(s.other_edge.color == "black");
    CHECK(s.palette.size() == 2);
}

TEST_CASE("style file errors name the key") {
    auto message = [](const char* json) {
        try {
            apply_style_json(default_style(), json, "s.json");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message(R"({"colour": "red"})").find("colour") != std::string::npos);
    CHECK(message(R"({"edges": {"MET_WITH": {"line": "wavy"}}})").find("edges.MET_WITH.line") !=
          std::string::npos);
    CHECK(message(R"({"nodes": {"Person": {"size": 3}}})").find("nodes.Person.size") !=
          std::string::npos);
    CHECK(message(R"({"min_font": 40, "max_font": 20})").find("min_font") != std::string::npos);
    CHECK(message("[1, 2").find("invalid JSON") != std::string::npos);
    CHECK(message(R"({"palette": []})").find("palette") != std::string::npos);
}
