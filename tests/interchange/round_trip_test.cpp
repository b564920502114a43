// Every exporter's output read back by our own importer keeps what the format can carry.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "liaison/interchange/interchange.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;

namespace {

PropertyGraph small() { return read_graph_file(LIAISON_TEST_DATA "/interchange/small.json"); }
PropertyGraph seed() { return read_graph_file(LIAISON_SOURCE_DIR "/graphs/morocco-interpol.json"); }

PropertyGraph back(const PropertyGraph& g, Format f) {
    if (f == Format::Csv) {
        std::vector<NamedText> texts;
        for (auto& file : export_csv(g)) texts.push_back({file.name, file.content});
        return import_csv(texts).graph;
    }
    return import_text(f, {"exported", export_text(g, f)}).graph;
}

// Drops properties a format cannot type (mixed kinds, nulls) from both sides of a comparison.
PropertyGraph without(PropertyGraph g, const std::vector<std::string>& keys) {
    for (NodeIndex i = 0; i < g.node_count(); ++i) {
        Node n = g.node(i);
        for (const auto& k : keys) n.properties.erase(k);
        g.replace_node(i, n);
    }
    for (EdgeIndex i = 0; i < g.edge_count(); ++i) {
        Edge e = g.edge(i);
        for (const auto& k : keys) e.properties.erase(k);
        g.replace_edge(i, e);
    }
    return g;
}

using Triple = std::tuple<std::string, std::string, std::string>;
// Edge lists carry no direction for relation types they do not know: compare unordered pairs.
std::multiset<Triple> triples(const PropertyGraph& g) {
    std::multiset<Triple> out;
    for (const Edge& e : g.edges()) {
        std::string s = g.node(e.source).id, t = g.node(e.target).id;
        if (t < s) std::swap(s, t);
        out.insert({s, t, g.type_name(e)});
    }
    return out;
}

std::set<std::string> ids(const PropertyGraph& g) {
    std::set<std::string> out;
    for (const Node& n : g.nodes()) out.insert(n.id);
    return out;
}

}  // namespace

TEST_CASE("round trip: GraphML, GEXF, node-link, Cytoscape and DOT keep everything") {
    for (Format f :
         {Format::GraphML, Format::Gexf, Format::NodeLink, Format::Cytoscape, Format::Dot}) {
        CAPTURE(format_name(f));
        for (const PropertyGraph& g : {small(), seed()}) {
            PropertyGraph r = back(g, f);
            CHECK(r.node_count() == g.node_count());
            CHECK(r.edge_count() == g.edge_count());
            // Canonical text equal: ids, labels, names, aliases, typed properties, dates,
            // sources, documents, relation types, graph id and label.
            CHECK(write_graph_json(r) == write_graph_json(g));
        }
    }
}

TEST_CASE("round trip: CSV keeps everything but values of mixed kinds and nulls") {
    PropertyGraph g = small();
    PropertyGraph r = back(g, Format::Csv);
    // Mixed kinds are written as their JSON text and come back as strings; nulls are empty cells.
    const Node& h = r.node(*r.find_id("hammouchi"));
    CHECK(h.properties.get("mixed")->as_string() == R"([1,"two",{"date":"2025-11-24"}])");
    CHECK(h.properties.get("nothing") == nullptr);
    CHECK(h.properties.get("born")->as_date().to_string() == "1966");
    CHECK(h.properties.get("roles")->as_list().size() == 2);
    CHECK(h.properties.get("type")->as_string() == "reserved-name property");
    r.graph_id = g.graph_id;  // CSV has no place for the graph's id and label
    r.graph_label = g.graph_label;
    std::vector<std::string> lossy = {"mixed", "nothing", "nights"};
    CHECK(write_graph_json(without(r, lossy)) == write_graph_json(without(g, lossy)));

    PropertyGraph s = seed();
    PropertyGraph rs = back(s, Format::Csv);
    rs.graph_id = s.graph_id;
    rs.graph_label = s.graph_label;
    CHECK(write_graph_json(rs) == write_graph_json(s));
}

TEST_CASE("round trip: edge lists keep ids, edges with their types, and isolated nodes") {
    for (const PropertyGraph& g : {small(), seed()}) {
        PropertyGraph r = back(g, Format::EdgeList);
        CHECK(ids(r) == ids(g));
        CHECK(r.edge_count() == g.edge_count());
        CHECK(triples(r) == triples(g));
    }
    PropertyGraph r = back(small(), Format::EdgeList);
    CHECK(r.find_id("lonely"));  // isolated: written as a lone id
    CHECK(r.node(*r.find_id("lonely")).labels == std::vector<std::string>{"Entity"});
}

TEST_CASE("round trip: parallel, symmetric and self-loop edges survive each format") {
    PropertyGraph g = small();
    for (Format f : {Format::GraphML, Format::Gexf, Format::NodeLink, Format::Cytoscape,
                     Format::Dot, Format::Csv, Format::EdgeList}) {
        CAPTURE(format_name(f));
        PropertyGraph r = back(g, f);
        CHECK(r.edges_of_type("MET_WITH").size() == 2);
        CHECK(r.edges_of_type("VISITED").size() == 2);
        CHECK(r.edges_of_type("PART_OF").size() == 1);
        if (f != Format::EdgeList) {
            CHECK(r.is_symmetric(r.edge(r.edges_of_type("TALKED_WITH").at(0))));
            CHECK(r.relations().get(*r.relations().find("VISITED")).ar == "زار");
        }
    }
}

TEST_CASE("round trip: temporal properties travel as ISO text typed by name, in every format") {
    const char* text = R"({"graph": {"nodes": {
  "a": {"metadata": {"labels": ["Event"], "names": {"en": "A"},
        "properties": {"at": {"datetime": "2015-07-21T21:40+02:00[Europe/Stockholm]"},
                       "opens": {"localtime": "09:30"}, "call": {"time": "21:40:32.142+01:00"},
                       "local": {"localdatetime": "2015-07-21T21:40"},
                       "lasted": {"duration": "PT1H30M"}, "day": {"date": "2015-07-21"}}}},
  "b": {"metadata": {"labels": ["Event"], "names": {"en": "B"},
        "properties": {"at": {"datetime": "2016-01-01T00:00Z"}, "lasted": {"duration": "P1D"}}}}},
  "edges": [{"source": "a", "target": "b", "relation": "MET_WITH",
             "metadata": {"properties": {"when": {"datetime": "2015-07-22T08:00-04:00"}}}}]}})";
    PropertyGraph g = parse_graph_json(text, "temporal.json");
    for (Format f : {Format::GraphML, Format::Gexf, Format::NodeLink, Format::Cytoscape,
                     Format::Dot, Format::Csv}) {
        CAPTURE(format_name(f));
        PropertyGraph r = back(g, f);
        if (f == Format::Csv) r.graph_id = g.graph_id, r.graph_label = g.graph_label;
        CHECK(write_graph_json(r) == write_graph_json(g));
    }
    // Text, not the native format's JSON object, in the files themselves.
    std::string graphml = export_text(g, Format::GraphML);
    CHECK(graphml.find(">2015-07-21T21:40+02:00[Europe/Stockholm]</data>") != std::string::npos);
    CHECK(graphml.find("liaison:type=\"datetime\"") != std::string::npos);
    CHECK(graphml.find(">PT1H30M</data>") != std::string::npos);
    CHECK(export_text(g, Format::Gexf).find("value=\"09:30\"") != std::string::npos);
    std::string nodes_csv;
    for (auto& file : export_csv(g))
        if (file.name == "nodes.csv") nodes_csv = file.content;
    CHECK(nodes_csv.find("at:datetime") != std::string::npos);
    CHECK(nodes_csv.find("lasted:duration") != std::string::npos);
    CHECK(nodes_csv.find("2015-07-21T21:40+02:00[Europe/Stockholm]") != std::string::npos);
}
