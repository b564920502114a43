// Shortest paths, all shortest paths and ego networks against NetworkX.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>

#include "fixtures.hpp"
#include "liaison/analysis/error.hpp"
#include "liaison/analysis/paths.hpp"
#include "liaison/core/error.hpp"

using namespace liaison::analysis;

namespace {

// A path is a real path: consecutive vertices adjacent, of the given length.
void check_path(const Csr& g, const std::vector<Vertex>& path, double length, bool weighted) {
    double total = 0;
    for (std::size_t i = 0; i + 1 < path.size(); ++i) {
        const std::uint32_t slot = g.out().find(path[i], path[i + 1]);
        REQUIRE(slot != UINT32_MAX);
        total += weighted ? g.out().weight(slot) : 1.0;
    }
    CHECK(total == doctest::Approx(length));
}

}  // namespace

TEST_CASE("paths match NetworkX on every fixture graph") {
    for (const std::string& name : fixtures::all_names()) {
        CAPTURE(name);
        const fixtures::Fixture f = fixtures::load(name);
        const Csr g = f.csr();
        const Vertex t = g.node_count() - 1;
        for (bool weighted : {false, true}) {
            if (weighted && !f.weighted) continue;
            const std::string suffix = weighted ? "_weighted" : "";
            const std::vector<double> expected = f.values(("sssp" + suffix).c_str());
            CHECK(fixtures::max_difference(shortest_path_lengths(g, 0, {weighted}), expected) <
                  1e-12);
            Path p = shortest_path(g, 0, t, {weighted});
            AllPaths all = all_shortest_paths(g, 0, t, {weighted});
            CHECK(all.paths == f.lists(("all_shortest_paths" + suffix).c_str()));
            if (std::isinf(expected[t])) {
                CHECK(p.vertices.empty());
                CHECK(all.paths.empty());
            } else {
                CHECK(p.length == doctest::Approx(expected[t]));
                REQUIRE(p.vertices.size() >= 1);
                CHECK(p.vertices.front() == 0);
                CHECK(p.vertices.back() == t);
                check_path(g, p.vertices, p.length, weighted);
                // The chosen path is one of all of them.
                CHECK(std::find(all.paths.begin(), all.paths.end(), p.vertices) != all.paths.end());
            }
        }
        Ego out = ego_network(g, 0, {2, EgoDirection::Out});
        std::vector<Vertex> sorted = out.vertices;
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == f.list("ego_out"));
        Ego both = ego_network(g, 0, {2, EgoDirection::Both});
        sorted = both.vertices;
        std::sort(sorted.begin(), sorted.end());
        CHECK(sorted == f.list("ego_both"));
        CHECK(std::is_sorted(both.hops.begin(), both.hops.end()));
    }
}

TEST_CASE("paths on hand-checked graphs") {
    //  0 - 1 - 3      two equal paths 0→3; the weighted one prefers 0-2-3 (1 + 1 < 1 + 5)
    //   \ 2 /
    Csr g = Csr::from_edges(
        5, std::vector<WeightedEdge>{{0, 1, 1.0}, {1, 3, 5.0}, {0, 2, 1.0}, {2, 3, 1.0}},
        {false, true});
    AllPaths all = all_shortest_paths(g, 0, 3);
    CHECK(all.paths == std::vector<std::vector<Vertex>>{{0, 1, 3}, {0, 2, 3}});
    CHECK(all.length == 2);
    CHECK(shortest_path(g, 0, 3).vertices == std::vector<Vertex>{0, 1, 3});  // smallest first
    CHECK(shortest_path(g, 0, 3, {true}).vertices == std::vector<Vertex>{0, 2, 3});
    CHECK(shortest_path(g, 0, 0).vertices == std::vector<Vertex>{0});
    CHECK(shortest_path(g, 0, 4).vertices.empty());  // 4 is isolated
    CHECK(std::isinf(shortest_path(g, 0, 4).length));
    CHECK(all_shortest_paths(g, 0, 0).paths == std::vector<std::vector<Vertex>>{{0}});
    CHECK(all_shortest_paths(g, 0, 3, {.limit = 1}).truncated);
    Ego ego = ego_network(g, 1, {1});
    CHECK(ego.vertices == std::vector<Vertex>{1, 0, 3});
    CHECK(ego.hops == std::vector<std::uint32_t>{0, 1, 1});
    CHECK(ego_network(g, 1, {0}).vertices == std::vector<Vertex>{1});
}

TEST_CASE("path edge cases") {
    Csr g = Csr::from_edges(2, std::vector<WeightedEdge>{{0, 1, -2.0}}, {true, true});
    CHECK_THROWS_WITH_AS(shortest_path(g, 0, 5), doctest::Contains("to must be a vertex"),
                         liaison::ArgumentError);
    CHECK_THROWS_AS(shortest_path(g, 0, 1, {true}), AnalysisError);
    CHECK(shortest_path(g, 0, 1).length == 1);
    CHECK(shortest_path(g, 1, 0).vertices.empty());  // direction is followed
    CHECK(ego_network(g, 1, {1, EgoDirection::In}).vertices == std::vector<Vertex>{1, 0});
    CHECK(ego_network(g, 1, {1, EgoDirection::Out}).vertices == std::vector<Vertex>{1});
    Csr empty = Csr::from_edges(0, std::vector<WeightedEdge>{});
    CHECK_THROWS_AS(ego_network(empty, 0), liaison::ArgumentError);
}
