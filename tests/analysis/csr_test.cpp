// The Csr: construction from edge lists, merging, self-loops, errors.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "liaison/analysis/csr.hpp"
#include "liaison/core/error.hpp"

using namespace liaison::analysis;

TEST_CASE("an undirected Csr stores each edge in both rows, sorted") {
    //   0 — 1
    //   | /
    //   2    3 (isolated)
    std::vector<WeightedEdge> edges{{1, 0}, {2, 0}, {1, 2}};
    Csr g = Csr::from_edges(4, edges);
    CHECK(g.node_count() == 4);
    CHECK(g.edge_count() == 3);
    CHECK_FALSE(g.directed());
    CHECK_FALSE(g.weighted());
    Adjacency a = g.out();
    CHECK(std::vector<Vertex>(a.neighbors(0).begin(), a.neighbors(0).end()) ==
          std::vector<Vertex>{1, 2});
    CHECK(a.degree(3) == 0);
    CHECK(a.find(2, 1) != UINT32_MAX);
    CHECK(a.find(0, 3) == UINT32_MAX);
    CHECK(a.weight(a.find(0, 1)) == 1.0);
    CHECK(g.in().targets.data() == g.out().targets.data());
}

TEST_CASE("a directed Csr keeps out-rows and in-rows") {
    Csr g = Csr::from_edges(3, std::vector<WeightedEdge>{{0, 1, 2.5}, {2, 1, 1.0}, {1, 0, 4.0}},
                            {true, true});
    CHECK(g.edge_count() == 3);
    CHECK(g.out().degree(1) == 1);
    CHECK(g.in().degree(1) == 2);
    CHECK(g.in().weight(g.in().find(1, 0)) == 2.5);  // in-row of 1 holds 0 → 1
    CHECK(g.min_weight() == 1.0);
}

TEST_CASE("parallel edges merge by the chosen rule and remember their number") {
    std::vector<WeightedEdge> edges{{0, 1, 2.0}, {1, 0, 5.0}, {0, 1, 3.0}};
    SUBCASE("sum") {
        Csr g = Csr::from_edges(2, edges, {false, true, ParallelEdges::Sum});
        CHECK(g.edge_count() == 1);
        CHECK(g.has_parallel_edges());
        CHECK(g.out().weight(0) == 10.0);
        CHECK(g.out().count(0) == 3);
    }
    SUBCASE("min and max") {
        CHECK(Csr::from_edges(2, edges, {false, true, ParallelEdges::Min}).out().weight(0) == 2.0);
        CHECK(Csr::from_edges(2, edges, {false, true, ParallelEdges::Max}).out().weight(0) == 5.0);
    }
    SUBCASE("directed: opposite arcs are not parallel") {
        Csr g = Csr::from_edges(2, edges, {true, true, ParallelEdges::Sum});
        CHECK(g.edge_count() == 2);
        CHECK(g.out().weight(g.out().find(0, 1)) == 5.0);
    }
}

TEST_CASE("self-loops are stored once in their row") {
    Csr g = Csr::from_edges(2, std::vector<WeightedEdge>{{0, 0}, {0, 1}});
    CHECK(g.has_self_loops());
    CHECK(g.edge_count() == 2);
    CHECK(g.out().degree(0) == 2);
    CHECK(g.edges().size() == 2);
}

TEST_CASE("symmetrized: the underlying undirected graph") {
    Csr d = Csr::from_edges(3, std::vector<WeightedEdge>{{0, 1, 1.0}, {1, 0, 2.0}, {1, 2, 4.0}},
                            {true, true});
    Csr u = symmetrized(d);
    CHECK_FALSE(u.directed());
    CHECK(u.edge_count() == 2);
    CHECK(u.out().weight(u.out().find(0, 1)) == 3.0);
    CHECK(u.out().count(u.out().find(0, 1)) == 1);  // a reciprocal pair is one tie
    CHECK(u.out().weight(u.out().find(2, 1)) == 4.0);
}

TEST_CASE("bad edge lists are rejected naming the edge") {
    CHECK_THROWS_WITH_AS(Csr::from_edges(2, std::vector<WeightedEdge>{{0, 2}}),
                         doctest::Contains("edge 0"), liaison::ArgumentError);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_THROWS_WITH_AS(Csr::from_edges(2, std::vector<WeightedEdge>{{0, 1, nan}}, {false, true}),
                         doctest::Contains("not finite"), liaison::ArgumentError);
    // Unweighted builds ignore the weight field.
    CHECK_NOTHROW(Csr::from_edges(2, std::vector<WeightedEdge>{{0, 1, nan}}));
}

TEST_CASE("the empty graph") {
    Csr g = Csr::from_edges(0, std::vector<WeightedEdge>{});
    CHECK(g.node_count() == 0);
    CHECK(g.edge_count() == 0);
    CHECK(g.edges().empty());
    CHECK(std::isinf(g.min_weight()));
}
