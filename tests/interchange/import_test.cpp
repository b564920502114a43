// Importing what other tools write, and reporting bad rows with file:line:column.
#include <doctest/doctest.h>

#include "liaison/core/error.hpp"
#include "liaison/interchange/interchange.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;

namespace {

std::string problems_of(Format f, const std::string& text, bool strict = false) {
    try {
        import_text(f, {"in", text}, {strict});
    } catch (const ImportError& e) {
        return e.what();
    }
    return "imported";
}

}  // namespace

TEST_CASE("import: GraphML from another tool (undirected, defaults, non-slug ids, labels)") {
    const char* text = R"(<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="name" attr.type="string"/>
  <key id="d1" for="edge" attr.name="weight" attr.type="double"><default>1.0</default></key>
  <key id="d2" for="edge" attr.name="label" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="Alice Smith"><data key="d0">Alice Smith</data></node>
    <node id="n1"><data key="d0">عبد اللطيف حموشي</data></node>
    <node id="n2"/>
    <edge source="Alice Smith" target="n1"><data key="d2">KNOWS</data></edge>
    <edge source="Alice Smith" target="n1"><data key="d1">2.5</data></edge>
  </graph>
</graphml>)";
    ImportResult r = import_text(Format::GraphML, {"foreign.graphml", text});
    const PropertyGraph& g = r.graph;
    REQUIRE(g.node_count() == 3);
    REQUIRE(g.edge_count() == 2);
    const Node& alice = g.node(*g.find_id("alice-smith"));
    CHECK(alice.names.en == "Alice Smith");
    CHECK(alice.properties.get("original_id")->as_string() == "Alice Smith");
    CHECK(alice.labels == std::vector<std::string>{"Entity"});
    CHECK(g.node(*g.find_id("n1")).names.ar == "عبد اللطيف حموشي");
    CHECK(g.node(*g.find_id("n2")).names.en == "n2");
    CHECK(g.type_name(g.edge(0)) == "KNOWS");
    CHECK(g.is_symmetric(g.edge(0)));
    CHECK(g.edge(0).properties.get("weight")->as_float() == 1.0);
    CHECK(g.type_name(g.edge(1)) == "LINKED_TO");
    CHECK(g.edge(1).properties.get("weight")->as_float() == 2.5);
    REQUIRE(r.notes.size() == 1);
    CHECK(r.notes[0].find("foreign.graphml:7: node id 'Alice Smith' is not a slug") == 0);
}

TEST_CASE("import: Neo4j CSV headers (ID spaces, labels, typed columns, arrays)") {
    std::vector<NamedText> files = {
        {"people.csv",
         "personId:ID(Person),name,:LABEL,born:date,tags:string[],score:float,n:int[]\n"
         "p1,\"Smith, Alice\",Person,1970-01-02,a;b,1.5,1;2\n"
         "p2,حموشي,Person;Official,1966,,,\n"},
        {"knows.csv",
         ":START_ID(Person),:END_ID(Person),:TYPE,since:int,:IGNORE\n"
         "p1,p2,KNOWS,2019,x\n"}};
    PropertyGraph g = import_csv(files).graph;
    REQUIRE(g.node_count() == 2);
    const Node& p1 = g.node(*g.find_id("p1"));
    CHECK(p1.names.en == "Smith, Alice");
    CHECK(p1.properties.get("born")->as_date().to_string() == "1970-01-02");
    CHECK(p1.properties.get("tags")->as_list() == ValueList{Value("a"), Value("b")});
    CHECK(p1.properties.get("n")->as_list() == ValueList{Value(1), Value(2)});
    CHECK(p1.properties.get("score")->as_float() == 1.5);
    const Node& p2 = g.node(*g.find_id("p2"));
    CHECK(p2.labels == std::vector<std::string>{"Person", "Official"});
    CHECK(p2.names.ar == "حموشي");
    CHECK_FALSE(p2.properties.contains("tags"));  // empty cell: no value
    REQUIRE(g.edge_count() == 1);
    CHECK(g.edge(0).properties.get("since")->as_int() == 2019);
    CHECK_FALSE(g.is_symmetric(g.edge(0)));
}

TEST_CASE("import: every bad CSV row is reported with file:line:column, and nothing imported") {
    std::vector<NamedText> files = {
        {"nodes.csv",
         "id:ID,:LABEL,born:date,n:int\n"
         "a,Person,2023-02-30,1\n"  // impossible date (line 2, column 10)
         "b,Person,2020\n"          // too few fields
         "c,Bad-Label,,1\n"         // a label that is not a word
         "d,Person,,x\n"            // an integer that is not
         "e,Person,,2\n"},
        {"edges.csv",
         ":START_ID,:END_ID,:TYPE\n"
         "e,zzz,MET_WITH\n"}};  // unknown node
    std::string all;
    try {
        import_csv(files);
    } catch (const ImportError& e) {
        all = e.what();
        CHECK(e.problems().size() == 5);
    }
    CHECK(all.find("nodes.csv:2:10: column 'born': '2023-02-30' is not a date") !=
          std::string::npos);
    CHECK(all.find("nodes.csv:3:1: expected 4 fields, found 3") != std::string::npos);
    CHECK(all.find("nodes.csv:4:1: node 'c': label 'Bad-Label' is not a word") !=
          std::string::npos);
    CHECK(all.find("nodes.csv:5:11: column 'n': 'x' is not an integer") != std::string::npos);
    CHECK(all.find("edges.csv:2:1: edge refers to unknown node 'zzz'") != std::string::npos);
    CHECK(all.find("5 problems; nothing was imported") != std::string::npos);

    // --strict: the first problem only.
    try {
        import_csv(files, {true});
        FAIL("expected an ImportError");
    } catch (const ImportError& e) {
        CHECK(e.problems().size() == 1);
        CHECK(std::string(e.what()) ==
              "nodes.csv:2:10: column 'born': '2023-02-30' is not a date (YYYY, YYYY-MM or "
              "YYYY-MM-DD)");
    }
}

TEST_CASE("import: DOT through cgraph, with its errors captured") {
    const char* text =
        "graph net {\n  a -- b [label=MET_WITH];\n  b -- c;\n"
        "  \"Vienna, Austria\" [label=\"Vienna\"];\n}\n";
    PropertyGraph g = import_text(Format::Dot, {"in.dot", text}).graph;
    CHECK(g.graph_id == "net");
    CHECK(g.node_count() == 4);
    CHECK(g.node(*g.find_id("vienna-austria")).names.en == "Vienna");
    REQUIRE(g.edge_count() == 2);
    CHECK(g.edges_of_type("MET_WITH").size() == 1);
    const Edge& linked = g.edge(g.edges_of_type("LINKED_TO").at(0));
    CHECK(g.is_symmetric(linked));  // an undirected graph's edges

    std::string err = problems_of(Format::Dot, "digraph {\n a -> b;\n c -> ;\n}\n");
    // cgraph reports the line its parser was on when it failed.
    CHECK(err.find("in:4: DOT: syntax error in line 4 near ';'") == 0);
}

TEST_CASE("import: text that is not UTF-8 is refused with its position, in every text format") {
    // Found by the importers fuzzer: cgraph took the byte 0xFF into a node id, and the network
    // then could not be written and read back.
    for (Format f : {Format::Dot, Format::EdgeList, Format::NodeLink, Format::Csv}) {
        std::string err = problems_of(f, "a b\nc \xFF\n");
        CHECK_MESSAGE(err == "in:2:3: invalid UTF-8 (byte 0xFF); expected UTF-8 text", err);
    }
}

TEST_CASE("import: NUL bytes are refused with their position, in every text format") {
    // Found by the importers fuzzer: an edge list with NUL bytes was imported, written with
    // \u0000 escapes, and the strict reader then refused the file.
    for (Format f : {Format::Dot, Format::EdgeList, Format::NodeLink, Format::Csv}) {
        std::string err = problems_of(f, std::string("a b\nc d\0e\n", 10));
        CHECK_MESSAGE(err == "in:2:4: NUL byte; expected text without NUL characters", err);
    }
    // The writer refuses such text too, whatever produced it.
    PropertyGraph g;
    Node n;
    n.id = "a";
    n.names.en = std::string("x\0y", 3);
    g.add_node(n);
    CHECK_THROWS_AS(write_graph_json(g), ArgumentError);
}

TEST_CASE("import: NetworkX node-link JSON with numeric ids, and its bad values positioned") {
    const char* text = R"({"directed": false, "multigraph": false, "graph": {},
"nodes": [{"id": 1, "label": "One"},
          {"id": "b", "color": "red", "date": "2023-13"}],
"links": [{"source": 1, "target": "b", "weight": 3}]})";
    std::string err = problems_of(Format::NodeLink, text);
    CHECK(err.find("in:3:11: node 'b': date: '2023-13' is not a date (YYYY, YYYY-MM or "
                   "YYYY-MM-DD)\nin:4:11: edge refers to unknown node 'b'") == 0);

    std::string good = text;
    good.replace(good.find("2023-13"), 7, "2023-12");
    PropertyGraph g = import_text(Format::NodeLink, {"in", good}).graph;
    CHECK(g.node(*g.find_id("1")).names.en == "One");
    CHECK(g.node(*g.find_id("b")).properties.get("color")->as_string() == "red");
    CHECK(g.edge(0).properties.get("weight")->as_int() == 3);
}

TEST_CASE("import: malformed XML and JSON name the line") {
    std::string xml = problems_of(Format::GraphML, "<graphml>\n<graph>\n<node id='a'>\n</graph>");
    CAPTURE(xml);
    CHECK(xml.find("in:4:9: XML: Opening and ending tag mismatch: node line 3 and graph") == 0);
    std::string json = problems_of(Format::NodeLink, "{\"nodes\": [\n{\"id\": 1,}\n]}");
    CHECK(json == "in:2:10: not valid JSON");
    std::string undeclared = problems_of(
        Format::GraphML,
        "<graphml><graph>\n<node id='a'><data key='k9'>x</data></node></graph></graphml>");
    CHECK(undeclared == "in:2: <data> refers to undeclared key 'k9'");
}

TEST_CASE("import: plain edge lists with comments, types and lone nodes") {
    const char* text = "# who met whom\na b MET_WITH\nb\tc\n\nd  # alone\na b MET_WITH x y\n";
    std::string err = problems_of(Format::EdgeList, text);
    CHECK(err == "in:6:14: expected SOURCE TARGET [TYPE], found 5 fields");
    PropertyGraph g =
        import_text(Format::EdgeList, {"in", "# who met whom\na b MET_WITH\nb\tc\n\nd  # alone\n"})
            .graph;
    CHECK(g.node_count() == 4);
    CHECK(g.edge_count() == 2);
    CHECK(g.type_name(g.edge(1)) == "LINKED_TO");
}

TEST_CASE("import: formats are recognised by name and by content") {
    CHECK(format_of_path("x/net.GraphML") == Format::GraphML);
    CHECK(format_of_path("net.cy.json") == Format::Cytoscape);
    CHECK(format_of_path("net.nodelink.json") == Format::NodeLink);
    CHECK_FALSE(format_of_path("net.json"));
    CHECK(parse_format("networkx") == Format::NodeLink);
    // Native, node-link and Cytoscape JSON told apart by their shape.
    PropertyGraph g =
        import_text(Format::Native, {"x", R"({"elements": {"nodes": [{"data": {"id": "a"}}]}})"})
            .graph;
    CHECK(g.node_count() == 1);
}
