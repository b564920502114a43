#include <doctest/doctest.h>

#include "liaison/core/error.hpp"
#include "liaison/model/property_graph.hpp"
#include "liaison/model/summary.hpp"

using namespace liaison;

namespace {
Node make(const char* id, const char* label) {
    Node n;
    n.id = id;
    n.labels = {label};
    n.names.en = id;
    return n;
}
}  // namespace

//   a —MET_WITH— b      (symmetric, stored once)
//   a —HOSTED→ e, b —ATTENDED→ e, b —ATTENDED→ e (two parallel edges)
TEST_CASE("property graph: nodes, edges, symmetric and parallel edges") {
    PropertyGraph g;
    NodeIndex a = g.add_node(make("a", "Person"));
    NodeIndex b = g.add_node(make("b", "Person"));
    NodeIndex e = g.add_node(make("e", "Event"));
    Edge met;
    met.type = g.relation("MET_WITH");
    met.source = a;
    met.target = b;
    g.add_edge(met);
    Edge hosted{"", {}, g.relation("HOSTED"), {}, a, e, {}};
    g.add_edge(hosted);
    Edge att{"", {}, g.relation("ATTENDED"), {}, b, e, {}};
    g.add_edge(att);
    g.add_edge(att);

    CHECK(g.node_count() == 3);
    CHECK(g.edge_count() == 4);
    CHECK(g.nodes_with_label("Person").size() == 2);
    CHECK(g.nodes_with_label("Nothing").empty());
    CHECK(g.edges_of_type("ATTENDED").size() == 2);
    CHECK(g.is_symmetric(g.edge(0)));

    SUBCASE("a symmetric edge reads in both directions") {
        CHECK(g.out_edges(a).size() == 2);  // MET_WITH, HOSTED
        CHECK(g.out_edges(b).size() == 3);  // MET_WITH (read backwards), 2 × ATTENDED
        CHECK(g.in_edges(a).size() == 1);   // MET_WITH
        int both = 0;
        g.for_each_incident(b, Direction::Both, [&](EdgeIndex, NodeIndex) { ++both; });
        CHECK(both == 3);
        int at_e = 0;
        g.for_each_incident(e, Direction::Both, [&](EdgeIndex, NodeIndex) { ++at_e; });
        CHECK(at_e == 3);
    }
    SUBCASE("duplicate and malformed ids are refused") {
        CHECK_THROWS_AS(g.add_node(make("a", "Person")), ArgumentError);
        CHECK_THROWS_AS(g.add_node(make("Bad Id", "Person")), ArgumentError);
    }
    SUBCASE("removing a node removes its edges and renumbers") {
        g.remove_node(a);
        CHECK(g.node_count() == 2);
        CHECK(g.edge_count() == 2);
        CHECK(g.find_id("b") == NodeIndex{0});
        CHECK(g.out_edges(0).size() == 2);
        CHECK(g.find_name("a").empty());
    }
    SUBCASE("summary") {
        GraphSummary s = summarize(g);
        CHECK(s.nodes == 3);
        CHECK(s.linked_pairs == 3);
        CHECK(s.density == doctest::Approx(1.0));
        CHECK(s.components == 1);
        CHECK(s.nodes_by_label.at("Person") == 2);
        CHECK(s.edges_by_type.at("ATTENDED") == 2);
    }
}

TEST_CASE("relation types keep their declared direction") {
    PropertyGraph g;
    CHECK_THROWS_AS(g.relations().declare({"MET_WITH", false, "", "", false}), ArgumentError);
    auto id = g.relations().declare({"CONGRATULATED", false, "هنأ", "congratulated", false});
    CHECK(g.relations().get(id).en == "congratulated");
    CHECK_FALSE(g.relations().get(id).builtin);
}
