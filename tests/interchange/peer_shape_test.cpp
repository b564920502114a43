// Exports shaped for other tools: symmetric relations as undirected edges of a mixed graph
// (GraphML, GEXF), GEXF 1.2 and 1.3 with viz styling and spells, Cytoscape's NetworkX keys; and
// our importers read each of these back.
#include <doctest/doctest.h>

#include <string>

#include "liaison/interchange/interchange.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;

namespace {

PropertyGraph small() { return read_graph_file(LIAISON_TEST_DATA "/interchange/small.json"); }

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

std::size_t symmetric_edges(const PropertyGraph& g) {
    std::size_t n = 0;
    for (const Edge& e : g.edges()) n += g.is_symmetric(e) ? 1 : 0;
    return n;
}

PropertyGraph back(Format f, const std::string& text) {
    return import_text(f, {"exported", text}).graph;
}

}  // namespace

TEST_CASE("peers: symmetric relations are undirected edges of a mixed graph") {
    PropertyGraph g = small();
    const std::size_t symmetric = symmetric_edges(g);  // two MET_WITH, one TALKED_WITH
    REQUIRE(symmetric == 3);
    std::string graphml = export_text(g, Format::GraphML);
    CHECK(count(graphml, "edgedefault=\"directed\"") == 1);
    CHECK(count(graphml, " directed=\"false\"") == symmetric);
    std::string gexf = export_text(g, Format::Gexf);
    CHECK(count(gexf, "defaultedgetype=\"directed\"") == 1);
    CHECK(count(gexf, " type=\"undirected\"") == symmetric);

    ExportOptions directed;
    directed.mixed = false;
    CHECK(count(export_text(g, Format::GraphML, directed), "directed=\"false\"") == 0);
    CHECK(count(export_text(g, Format::Gexf, directed), "type=\"undirected\"") == 0);
    for (Format f : {Format::GraphML, Format::Gexf}) {
        CAPTURE(format_name(f));
        CHECK(write_graph_json(back(f, export_text(g, f))) == write_graph_json(g));
        CHECK(write_graph_json(back(f, export_text(g, f, directed))) == write_graph_json(g));
    }
}

TEST_CASE("peers: a graph of symmetric relations only is written undirected") {
    PropertyGraph g;
    Node n;
    n.labels = {"Person"};
    n.id = "a";
    NodeIndex a = g.add_node(n);
    n.id = "b";
    NodeIndex b = g.add_node(n);
    Edge e;
    e.source = a;
    e.target = b;
    e.type = *g.relations().find("MET_WITH");
    g.add_edge(e);
    std::string graphml = export_text(g, Format::GraphML);
    CHECK(count(graphml, "edgedefault=\"undirected\"") == 1);
    CHECK(count(graphml, "directed=\"false\"") == 0);
    CHECK(count(export_text(g, Format::Gexf), "defaultedgetype=\"undirected\"") == 1);
    for (Format f : {Format::GraphML, Format::Gexf})
        CHECK(write_graph_json(back(f, export_text(g, f))) == write_graph_json(g));
}

TEST_CASE("peers: foreign mixed GEXF and GraphML make symmetric relation types") {
    const std::string gexf =
        R"(<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="directed">
<nodes><node id="a" label="A"><spells><spell start="2020-01-02" end="2020-03-04"/></spells></node>
<node id="b" label="B"/></nodes>
<edges><edge source="a" target="b" label="KNOWS" type="undirected"/>
<edge source="a" target="b" label="CALLED"/></edges></graph></gexf>)";
    PropertyGraph g = back(Format::Gexf, gexf);
    CHECK(g.relations().get(*g.relations().find("KNOWS")).symmetric);
    CHECK_FALSE(g.relations().get(*g.relations().find("CALLED")).symmetric);
    const Node& a = g.node(*g.find_id("a"));
    REQUIRE(a.time.start);
    CHECK(a.time.start->to_string() == "2020-01-02");
    CHECK(a.time.end->to_string() == "2020-03-04");

    const std::string graphml =
        R"(<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="t" for="edge" attr.name="label" attr.type="string"/>
<graph edgedefault="directed"><node id="a"/><node id="b"/>
<edge source="a" target="b" directed="false"><data key="t">KNOWS</data></edge>
<edge source="a" target="b"><data key="t">CALLED</data></edge></graph></graphml>)";
    PropertyGraph h = back(Format::GraphML, graphml);
    CHECK(h.relations().get(*h.relations().find("KNOWS")).symmetric);
    CHECK_FALSE(h.relations().get(*h.relations().find("CALLED")).symmetric);
}

TEST_CASE("peers: GEXF 1.2 by default, 1.3 on request, with viz and spells") {
    PropertyGraph g = small();
    std::string v12 = export_text(g, Format::Gexf);
    CHECK(count(v12, "xmlns=\"http://www.gexf.net/1.2draft\"") == 1);
    CHECK(count(v12, "version=\"1.2\"") == 1);
    CHECK(count(v12, "<viz:") == 0);  // styling only when given
    // ga-93 has a start and an end; four edges are dated.
    CHECK(count(v12, "<spells><spell start=\"2025-11-24\" end=\"2025-11-27\"/></spells>") == 2);

    ExportOptions o;
    o.gexf_version = GexfVersion::V1_3;
    for (NodeIndex i = 0; i < g.node_count(); ++i)
        o.node_looks.push_back({0x1f4e9c, 5.0 + i, std::array<double, 2>{10.0 * i, -2.5}});
    o.edge_colours.assign(g.edge_count(), 0xc77800);
    std::string v13 = export_text(g, Format::Gexf, o);
    CHECK(count(v13, "xmlns=\"http://gexf.net/1.3\"") == 1);
    CHECK(count(v13, "<viz:color r=\"31\" g=\"78\" b=\"156\"/>") == g.node_count());
    CHECK(count(v13, "<viz:color r=\"199\" g=\"120\" b=\"0\"/>") == g.edge_count());
    CHECK(count(v13, "<viz:position x=\"10\" y=\"-2.5\" z=\"0\"/>") == 1);
    CHECK(count(v13, "<viz:size value=\"5\"/>") == 1);
    // Styling is for the receiving tool: our importer reads the same graph back.
    CHECK(write_graph_json(back(Format::Gexf, v13)) == write_graph_json(g));
}

TEST_CASE("peers: Cytoscape JSON carries NetworkX's value, key and multigraph members") {
    PropertyGraph g = small();
    std::string cy = export_text(g, Format::Cytoscape);
    CHECK(count(cy, "\"multigraph\": true") == 1);
    CHECK(count(cy, "\"value\":\"hammouchi\"") == 1);
    CHECK(count(cy, "\"key\":\"visit-1\"") == 1);
    PropertyGraph r = back(Format::Native, cy);  // told apart by its shape
    CHECK(r.node(*r.find_id("hammouchi")).properties.get("value") == nullptr);
    CHECK(write_graph_json(r) == write_graph_json(g));
}
