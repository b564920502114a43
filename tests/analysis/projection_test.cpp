// Projections of a property graph to a Csr.
#include <doctest/doctest.h>

#include <set>
#include <tuple>

#include "liaison/analysis/projection.hpp"
#include "liaison/core/error.hpp"
#include "small_graph.hpp"

using namespace liaison;
using namespace liaison::analysis;

namespace {

// The projection's edges as (source id, target id, weight), for readable comparisons.
std::set<std::tuple<std::string, std::string, double>> ties(const Projection& p) {
    std::set<std::tuple<std::string, std::string, double>> out;
    for (const WeightedEdge& e : p.graph.edges())
        out.insert({p.ids[e.source], p.ids[e.target], e.weight});
    return out;
}

}  // namespace

TEST_CASE("the default projection: every node, every edge, undirected, parallel edges merged") {
    const PropertyGraph g = fixtures::small_graph();
    Projection p = project(g);
    CHECK(p.graph.node_count() == 7);
    CHECK_FALSE(p.graph.directed());
    CHECK_FALSE(p.graph.weighted());
    CHECK(p.graph.edge_count() == 9);  // the two person-a — person-c meetings are one tie
    CHECK(p.ids[0] == "person-a");
    for (Vertex v = 0; v < p.graph.node_count(); ++v) {
        CHECK(p.graph.origins()[v] == v);
        CHECK(p.vertex_of[v] == v);
    }
}

TEST_CASE("labels and edge types select nodes and edges") {
    const PropertyGraph g = fixtures::small_graph();
    ProjectionOptions o;
    o.labels = {"Person"};
    o.edge_types = {"MET_WITH"};
    o.weight = WeightMode::Count;
    Projection p = project(g, o);
    CHECK(p.ids == std::vector<std::string>{"person-a", "person-b", "person-c"});
    CHECK(ties(p) == std::set<std::tuple<std::string, std::string, double>>{
                         {"person-a", "person-b", 1.0}, {"person-a", "person-c", 2.0}});
    CHECK(p.vertex_of[*g.find_id("ga-91")] == kNoVertex);
    CHECK_THROWS_WITH_AS(p.vertex(g, *g.find_id("ga-91")),
                         doctest::Contains("not in the projection"), LookupError);
}

TEST_CASE("a time window keeps what holds in it; partial dates cover their period") {
    const PropertyGraph g = fixtures::small_graph();
    ProjectionOptions o;
    o.window.from = Date::parse("2025");
    o.window.to = Date::parse("2025-11");
    Projection p = project(g, o);
    // ga-91 (2023) is out, and the 2023 meeting; the countries are undated and no dated tie in
    // the window touches them, so they and their undated REPRESENTS ties are out (window.hpp).
    CHECK(p.vertex_of[*g.find_id("ga-91")] == kNoVertex);
    CHECK(p.vertex_of[*g.find_id("country-x")] == kNoVertex);
    CHECK(p.graph.edge_count() == 4);  // a-c, a/b/c-ga93
    o.keep_undated = false;
    CHECK(project(g, o).graph.edge_count() == 4);  // the undated meeting takes ga-93's dates
    o.window.from = Date::parse("2023");
    o.window.to = Date::parse("2023");
    o.edge_types = {"MET_WITH"};
    CHECK(project(g, o).graph.edge_count() == 1);
}

TEST_CASE("direction: symmetric relations read both ways") {
    const PropertyGraph g = fixtures::small_graph();
    ProjectionOptions o;
    o.edge_types = {"MET_WITH", "ATTENDED"};
    o.direction = ProjectionDirection::Directed;
    Projection d = project(g, o);
    CHECK(d.graph.directed());
    const Vertex a = d.vertex(g, *g.find_id("person-a"));
    const Vertex b = d.vertex(g, *g.find_id("person-b"));
    const Vertex ga91 = d.vertex(g, *g.find_id("ga-91"));
    CHECK(d.graph.out().find(a, b) != UINT32_MAX);
    CHECK(d.graph.out().find(b, a) != UINT32_MAX);
    CHECK(d.graph.out().find(a, ga91) != UINT32_MAX);
    CHECK(d.graph.out().find(ga91, a) == UINT32_MAX);
    o.direction = ProjectionDirection::Reversed;
    Projection r = project(g, o);
    CHECK(r.graph.out().find(ga91, a) != UINT32_MAX);
    CHECK(r.graph.out().find(a, ga91) == UINT32_MAX);
    CHECK(r.graph.edge_count() == d.graph.edge_count());
}

TEST_CASE("weights: a numeric property, a default, and a clear error otherwise") {
    const PropertyGraph g = fixtures::small_graph();
    ProjectionOptions o;
    o.edge_types = {"REPRESENTS", "MET_WITH"};
    o.weight = WeightMode::Property;
    o.weight_property = "strength";
    Projection p = project(g, o);
    CHECK(ties(p).count({"person-b", "country-x", 2.5}) == 1);
    CHECK(ties(p).count({"person-a", "person-c", 2.0}) == 1);  // two meetings, default 1 each
    o.parallel = ParallelEdges::Max;
    CHECK(ties(project(g, o)).count({"person-a", "person-c", 1.0}) == 1);
    o.weight_property = "score";
    CHECK_THROWS_WITH_AS(project(g, o),
                         doctest::Contains("person-a -[REPRESENTS]-> country-y is high"),
                         ArgumentError);
    o.weight_property = "";
    CHECK_THROWS_WITH_AS(project(g, o), doctest::Contains("weight_property"), ArgumentError);
}

TEST_CASE("a bipartite fold links people who attended the same event") {
    const PropertyGraph g = fixtures::small_graph();
    ProjectionOptions o;
    o.fold_via = "Event";
    o.edge_types = {"ATTENDED"};
    o.labels = {"Person"};
    o.weight = WeightMode::Count;
    Projection p = project(g, o);
    CHECK(p.ids == std::vector<std::string>{"person-a", "person-b", "person-c"});
    CHECK(ties(p) ==
          std::set<std::tuple<std::string, std::string, double>>{{"person-a", "person-b", 2.0},
                                                                 {"person-a", "person-c", 1.0},
                                                                 {"person-b", "person-c", 1.0}});
    SUBCASE("with a window only the events in it count") {
        o.window.from = o.window.to = Date::parse("2023");
        CHECK(ties(project(g, o)) == std::set<std::tuple<std::string, std::string, double>>{
                                         {"person-a", "person-b", 1.0}});
    }
    SUBCASE("the evidence names the shared events") {
        LinkEvidence ev = explain_link(g, o, *g.find_id("person-a"), *g.find_id("person-b"));
        CHECK(ev.via == std::vector<NodeIndex>{*g.find_id("ga-91"), *g.find_id("ga-93")});
        CHECK(ev.edges.size() == 4);
    }
    SUBCASE("a directed fold is refused") {
        o.direction = ProjectionDirection::Directed;
        CHECK_THROWS_WITH_AS(project(g, o), doctest::Contains("fold"), ArgumentError);
    }
}

TEST_CASE("explain_link lists the edges behind a tie") {
    const PropertyGraph g = fixtures::small_graph();
    LinkEvidence ev = explain_link(g, {}, *g.find_id("person-a"), *g.find_id("person-c"));
    CHECK(ev.edges == std::vector<EdgeIndex>{1, 2});
    CHECK(ev.via.empty());
}

TEST_CASE("unknown labels and types are errors listing the known ones") {
    const PropertyGraph g = fixtures::small_graph();
    ProjectionOptions o;
    o.labels = {"Persn"};
    CHECK_THROWS_WITH_AS(project(g, o), doctest::Contains("'Persn' (labels: Country, Event"),
                         ArgumentError);
    o.labels.clear();
    o.edge_types = {"MET"};
    CHECK_THROWS_WITH_AS(project(g, o), doctest::Contains("unknown edge type 'MET'"),
                         ArgumentError);
}

TEST_CASE("an empty graph projects to an empty Csr") {
    Projection p = project(PropertyGraph{});
    CHECK(p.graph.node_count() == 0);
    CHECK(p.ids.empty());
}
