// Components, cores, cut vertices and edges, clustering, density and diameter against NetworkX.
#include <doctest/doctest.h>

#include <algorithm>

#include "fixtures.hpp"
#include "liaison/analysis/error.hpp"
#include "liaison/analysis/structure.hpp"

using namespace liaison::analysis;

namespace {

std::vector<std::vector<std::uint32_t>> groups(const Components& c) {
    std::vector<std::vector<std::uint32_t>> out(c.count);
    for (Vertex v = 0; v < c.component.size(); ++v) out[c.component[v]].push_back(v);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<double> as_double(const std::vector<std::uint32_t>& v) { return {v.begin(), v.end()}; }

}  // namespace

TEST_CASE("structure matches NetworkX on every fixture graph") {
    for (const std::string& name : fixtures::all_names()) {
        CAPTURE(name);
        const fixtures::Fixture f = fixtures::load(name);
        const Csr g = f.csr();
        CHECK(groups(weak_components(g)) == f.lists("weak_components"));
        CHECK(groups(strong_components(g)) == f.lists("strong_components"));
        CHECK(as_double(core_numbers(g)) == f.values("core_number"));
        CHECK(articulation_points(g) == f.list("articulation_points"));
        std::vector<std::vector<std::uint32_t>> cut;
        for (auto [u, v] : bridges(g)) cut.push_back({u, v});
        CHECK(cut == f.lists("bridges"));
        CHECK(fixtures::max_difference(clustering(g), f.values("clustering")) < 1e-12);
        if (f.has("clustering_weighted"))
            CHECK(fixtures::max_difference(clustering(g, {.weighted = true}),
                                           f.values("clustering_weighted")) < 1e-12);
        CHECK(average_clustering(g) == doctest::Approx(f.number("average_clustering")));
        CHECK(transitivity(g) == doctest::Approx(f.number("transitivity")).epsilon(1e-12));
        CHECK(density(g) == doctest::Approx(f.number("density")).epsilon(1e-12));
        if (f.has("diameter")) {
            CHECK(diameter(g).value == f.number("diameter"));
        } else {
            CHECK_THROWS_WITH_AS(diameter(g), doctest::Contains("diameter is infinite"),
                                 AnalysisError);
            CHECK(diameter(g, {.ignore_unreachable = true}).value >= 1);
        }
        if (f.has("diameter_weighted"))
            CHECK(diameter(g, {.weighted = true}).value ==
                  doctest::Approx(f.number("diameter_weighted")));
    }
}

TEST_CASE("k-core: members of the k-core have at least k neighbours inside it") {
    for (const char* name : {"karate", "lesmis", "seed"}) {
        const fixtures::Fixture f = fixtures::load(name);
        const Csr g = f.csr();
        const std::vector<std::uint32_t> core = core_numbers(g);
        const std::uint32_t top = *std::max_element(core.begin(), core.end());
        for (std::uint32_t k = 0; k <= top; ++k) {
            for (Vertex v = 0; v < g.node_count(); ++v) {
                if (core[v] < k) continue;
                std::uint32_t inside = 0;
                for (Vertex u : g.out().neighbors(v)) inside += u != v && core[u] >= k;
                CHECK(inside >= k);
            }
        }
    }
}

TEST_CASE("cut vertices and bridges on hand-checked graphs") {
    // 0 - 1 - 2 = 3 (2 and 3 joined twice), 1 - 4 - 5 - 1 (a triangle)
    std::vector<WeightedEdge> edges{{0, 1}, {1, 2}, {2, 3}, {3, 2}, {1, 4}, {4, 5}, {5, 1}};
    Csr g = Csr::from_edges(6, edges);
    CHECK(articulation_points(g) == std::vector<Vertex>{1, 2});
    CHECK(bridges(g) == std::vector<std::pair<Vertex, Vertex>>{{0, 1}, {1, 2}});
    // Directed: the underlying undirected graph; a reciprocal pair is still one tie.
    Csr d = Csr::from_edges(3, std::vector<WeightedEdge>{{0, 1}, {1, 0}, {1, 2}}, {true});
    CHECK(bridges(d) == std::vector<std::pair<Vertex, Vertex>>{{0, 1}, {1, 2}});
    CHECK(articulation_points(d) == std::vector<Vertex>{1});
}

TEST_CASE("structure edge cases") {
    SUBCASE("empty graph") {
        Csr g = Csr::from_edges(0, std::vector<WeightedEdge>{});
        CHECK(weak_components(g).count == 0);
        CHECK(core_numbers(g).empty());
        CHECK(density(g) == 0);
        CHECK(diameter(g).value == 0);
        CHECK(transitivity(g) == 0);
        CHECK(average_clustering(g) == 0);
    }
    SUBCASE("one vertex with a self-loop") {
        Csr g = Csr::from_edges(1, std::vector<WeightedEdge>{{0, 0}});
        CHECK(core_numbers(g) == std::vector<std::uint32_t>{0});
        CHECK(clustering(g) == std::vector<double>{0});
        CHECK(bridges(g).empty());
        CHECK(density(g) == 0);
        CHECK(diameter(g).value == 0);
        CHECK(strong_components(g).count == 1);
    }
    SUBCASE("directed components") {
        // 0 → 1 → 2 → 0, 2 → 3: one strong component of three, and 3 alone.
        Csr g =
            Csr::from_edges(4, std::vector<WeightedEdge>{{0, 1}, {1, 2}, {2, 0}, {2, 3}}, {true});
        CHECK(strong_components(g).component == std::vector<std::uint32_t>{0, 0, 0, 1});
        CHECK(weak_components(g).count == 1);
        CHECK_THROWS_AS(diameter(g), AnalysisError);
    }
    SUBCASE("weighted diameter refuses non-positive lengths") {
        Csr g = Csr::from_edges(2, std::vector<WeightedEdge>{{0, 1, 0.0}}, {false, true});
        CHECK_THROWS_WITH_AS(diameter(g, {.weighted = true}), doctest::Contains("positive"),
                             AnalysisError);
        CHECK(diameter(g).value == 1);
    }
}
