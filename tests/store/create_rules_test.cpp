// A new database is held to the native format's rules (lib/io/graph_rules.cpp) without a JSON
// round trip: each rule that round trip used to catch is still caught on create, for both stores,
// with the binary store's message naming the entity and the field, and nothing is written.
#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <functional>
#include <limits>

#include "liaison/core/error.hpp"
#include "liaison/store/database.hpp"
#include "store_fixtures.hpp"

using namespace liaison;
using store_test::person;
using store_test::ScratchDir;

namespace {

// A graph of two people (a, b), one document ("doc") and an edge a -KNOWS-> b, changed by
// `change_node` (on a), `change_edge` and `change_graph` before they are added.
PropertyGraph graph_with(const std::function<void(Node&)>& change_node,
                         const std::function<void(Edge&)>& change_edge = {},
                         const std::function<void(PropertyGraph&)>& change_graph = {}) {
    PropertyGraph g;
    Document d;
    d.id = "doc";
    g.documents()[d.id] = d;
    if (change_graph) change_graph(g);
    Node a = person("a");
    if (change_node) change_node(a);
    g.add_node(a);
    g.add_node(person("b"));
    Edge e;
    e.source = 0;
    e.target = 1;
    e.type = g.relations().declare({"KNOWS", false, "", ""});
    if (change_edge) change_edge(e);
    g.add_edge(e);
    return g;
}

// The binary store's message (what() without the file), after checking that the JSON store
// refuses the graph too (`json_too`) and that no .liaison file was written.
std::string refusal(const PropertyGraph& g, bool json_too = true) {
    ScratchDir dir("create-rules");
    std::string message, json_message;
    try {
        Database::create(dir.file("x.liaison"), g);
    } catch (const InputError& e) {
        message = e.message();
    }
    try {
        Database::create(dir.file("x.json"), g);
    } catch (const Error& e) {
        json_message = e.what();
    }
    if (json_too) {
        CHECK_FALSE(json_message.empty());
        CHECK_FALSE(std::filesystem::exists(dir.file("x.json")));
    }
    CHECK_FALSE(std::filesystem::exists(dir.file("x.liaison")));
    return message;
}

}  // namespace

TEST_CASE("create: a graph keeping every rule is written and reads back") {
    ScratchDir dir("create-rules");
    PropertyGraph g = graph_with([](Node& n) {
        n.sources = {Source("doc", "words", 0, 5)};
        n.properties.set("list", Value(ValueList{Value(1), Value("x")}));
    });
    Database::create(dir.file("x.liaison"), g);
    CHECK(write_graph_json(read_graph_file(dir.file("x.liaison"))) == write_graph_json(g));
}

TEST_CASE("create: references, dates and time spans") {
    CHECK(refusal(graph_with([](Node& n) { n.sources = {Source("missing-doc", "words")}; })) ==
          "node 'a', sources[0]: source names document 'missing-doc', which is not in "
          "graph.metadata.liaison.documents");
    CHECK(refusal(graph_with([](Node& n) {
              n.time.date = Date{2023, 2, 30};
          })) ==
          "node 'a', date: year 2023, month 2, day 30 is not a calendar date; expected YYYY, "
          "YYYY-MM or YYYY-MM-DD with a year from 1 to 9999");
    CHECK(refusal(graph_with([](Node& n) {
              n.time.start = Date{0, 0, 0};
          })) ==
          "node 'a', start: year 0, month 0, day 0 is not a calendar date; expected YYYY, "
          "YYYY-MM or YYYY-MM-DD with a year from 1 to 9999");
    CHECK(refusal(graph_with([](Node& n) {
              n.time.date = Date::parse("2020");
              n.time.end = Date::parse("2021");
          })) == "node 'a', date: both 'date' and 'start'/'end'; expected one or the other");
    CHECK(refusal(graph_with({}, [](Edge& e) {
              e.time.start = Date::parse("2021-03");
              e.time.end = Date::parse("2021-02");
          })) == "edge 0 ('a' -[KNOWS]-> 'b'), end: 'end' 2021-02 is before 'start' 2021-03");
    CHECK(refusal(graph_with({}, {},
                             [](PropertyGraph& g) {
                                 g.documents()["doc"].date = Date{2021, 13, 0};
                             })) ==
          "document 'doc', date: year 2021, month 13, day 0 is not a calendar date; "
          "expected YYYY, YYYY-MM or YYYY-MM-DD with a year from 1 to 9999");
    // (The JSON store keeps an empty document id; the binary base never held one.)
    CHECK(refusal(graph_with({}, {}, [](PropertyGraph& g) { g.documents()[""] = Document{}; }),
                  false) == "document '', id: an empty document id; expected a non-empty id");
}

TEST_CASE("create: sources") {
    CHECK(refusal(graph_with([](Node& n) { n.sources = {Source("doc", "")}; })) ==
          "node 'a', sources[0].quote: expected a non-empty quote");
    CHECK(refusal(
              graph_with({},
                         [](Edge& e) {
                             e.sources = {Source("doc", "w"), Source("doc", "w", 3, std::nullopt)};
                         })) ==
          "edge 0 ('a' -[KNOWS]-> 'b'), sources[1].start: a source offset alone; "
          "expected both 'start' and 'end' or neither");
    CHECK(refusal(graph_with([](Node& n) { n.sources = {Source("doc", "w", -1, 2)}; })) ==
          "node 'a', sources[0].start: -1; expected a non-negative integer");
    CHECK(refusal(graph_with([](Node& n) { n.sources = {Source("doc", "w", 5, 2)}; })) ==
          "node 'a', sources[0].end: source 'end' 2 is before 'start' 5");
}

TEST_CASE("create: labels, names, text and property values") {
    CHECK(refusal(graph_with([](Node& n) { n.labels = {"Bad-Label"}; })) ==
          "node 'a', labels: label 'Bad-Label'; expected a string matching "
          "^[A-Za-z_][A-Za-z0-9_]*$");
    CHECK(refusal(graph_with([](Node& n) {
              n.names.aliases = {"x", ""};
          })) == "node 'a', aliases: an empty alias; expected a non-empty string");
    CHECK(refusal(graph_with([](Node& n) { n.names.ar = "\xD8"; })) ==
          "node 'a', names.ar: invalid UTF-8 (byte 0xD8); expected UTF-8 text");
    CHECK(refusal(graph_with([](Node& n) { n.names.en = std::string("a\0b", 3); })) ==
          "node 'a', names.en: a NUL character; expected text without NUL");
    CHECK(refusal(graph_with({},
                             [](Edge& e) {
                                 e.properties.set("score",
                                                  Value(std::numeric_limits<double>::quiet_NaN()));
                             })) ==
          "edge 0 ('a' -[KNOWS]-> 'b'), properties.score: a non-finite float (NaN or "
          "infinity); expected a finite number");
    CHECK(refusal(
              graph_with({},
                         [](Edge& e) {
                             e.properties.set("tags", Value(ValueList{Value("ok"), Value("\xFF")}));
                         })) ==
          "edge 0 ('a' -[KNOWS]-> 'b'), properties.tags[1]: invalid UTF-8 (byte 0xFF); "
          "expected UTF-8 text");
    CHECK(refusal(graph_with([](Node& n) {
              n.properties.set("nested", Value(ValueList{Value(ValueList{Value(1)})}));
          })) == "node 'a', properties.nested: a property list can only hold simple values");
    CHECK(refusal(graph_with([](Node& n) {
              n.properties.set("born", Value(Date{1990, 2, 31}));
          })) ==
          "node 'a', properties.born: year 1990, month 2, day 31 is not a calendar date; "
          "expected YYYY, YYYY-MM or YYYY-MM-DD with a year from 1 to 9999");
    CHECK(refusal(graph_with({}, {}, [](PropertyGraph& g) { g.graph_label = "\xC3"; })) ==
          "graph, label: invalid UTF-8 (byte 0xC3); expected UTF-8 text");
}
