// Modularity against NetworkX; Louvain, Leiden and label propagation against igraph's modularity
// (within 1 %) and the invariants of a partition.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "fixtures.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/analysis/error.hpp"
#include "liaison/analysis/structure.hpp"
#include "liaison/core/error.hpp"

using namespace liaison::analysis;

namespace {

// A valid partition: one label per vertex, labels 0..count-1 all used, canonical order.
void check_valid(const Partition& p, Vertex n) {
    REQUIRE(p.membership.size() == n);
    std::vector<std::size_t> size(p.count, 0);
    for (std::uint32_t c : p.membership) {
        REQUIRE(c < p.count);
        ++size[c];
    }
    for (std::size_t s : size) CHECK(s > 0);
    CHECK(std::is_sorted(size.rbegin(), size.rend()));  // largest first
}

// igraph's modularity over seeds ("mean" or "best") over seeds 0..99, from the fixture.
double igraph_modularity(const fixtures::Fixture& f, bool weighted, const char* resolution,
                         const char* algorithm, const char* statistic) {
    return f
        .reference()["igraph"][weighted ? "weighted" : "unweighted"][resolution][algorithm]
                    [statistic]
        .GetDouble();
}

constexpr int kSeeds = 100;  // as SEEDS in the fixture script

}  // namespace

TEST_CASE("modularity matches NetworkX on every fixture graph") {
    for (const std::string& name : fixtures::all_names()) {
        CAPTURE(name);
        const fixtures::Fixture f = fixtures::load(name);
        const Csr g = f.csr();
        const std::vector<std::uint32_t> part = f.list("partition");
        CHECK(modularity(g, part, {1.0, false}) ==
              doctest::Approx(f.number("modularity")).epsilon(1e-12));
        CHECK(modularity(g, part, {0.5, false}) ==
              doctest::Approx(f.number("modularity_resolution_0.5")).epsilon(1e-12));
        if (f.has("modularity_weighted"))
            CHECK(modularity(g, part, {1.0, true}) ==
                  doctest::Approx(f.number("modularity_weighted")).epsilon(1e-12));
    }
}

TEST_CASE("Louvain and Leiden reach igraph's modularity within 1 %") {
    // Randomized methods vary run to run (igraph's own runs spread by several percent on the
    // random graphs), so we compare like with like: the mean and the best over a hundred seeds.
    for (const std::string& name : fixtures::all_names()) {
        const fixtures::Fixture f = fixtures::load(name);
        const Csr g = f.csr();
        const Csr undirected = symmetrized(g);
        for (bool weighted : {false, true}) {
            if (weighted && !f.weighted) continue;
            for (const char* res : {"1.0", "0.5"}) {
                const double gamma = std::stod(res);
                CAPTURE(name);
                CAPTURE(weighted);
                CAPTURE(gamma);
                for (const std::string method : {"louvain", "leiden"}) {
                    CAPTURE(method);
                    double sum = 0, best = -1;
                    for (std::uint64_t seed = 0; seed < kSeeds; ++seed) {
                        Partition p = method == "louvain" ? louvain(g, {gamma, seed, weighted})
                                                          : leiden(g, {gamma, seed, weighted});
                        check_valid(p, g.node_count());
                        // The reported modularity is that of the returned partition.
                        CHECK(p.modularity == doctest::Approx(modularity(undirected, p.membership,
                                                                         {gamma, weighted})));
                        sum += p.modularity;
                        best = std::max(best, p.modularity);
                    }
                    const double mean = sum / kSeeds;
                    const double peer_mean =
                        igraph_modularity(f, weighted, res, method.c_str(), "mean");
                    const double peer_best =
                        igraph_modularity(f, weighted, res, method.c_str(), "best");
                    CHECK(mean >= peer_mean - 0.01 * std::abs(peer_mean) - 1e-12);
                    CHECK(best >= peer_best - 0.01 * std::abs(peer_best) - 1e-12);
                    CHECK(best <= 1.0);
                }
            }
        }
    }
}

TEST_CASE("Leiden communities are connected") {
    for (const char* name : {"karate", "lesmis", "weighted", "seed"}) {
        const fixtures::Fixture f = fixtures::load(name);
        const Csr g = f.csr();
        Partition p = leiden(g, {1.0, 7, true});
        // Each community induces a connected subgraph.
        for (std::uint32_t c = 0; c < p.count; ++c) {
            std::vector<WeightedEdge> inside;
            for (const WeightedEdge& e : g.edges()) {
                if (p.membership[e.source] == c && p.membership[e.target] == c) inside.push_back(e);
            }
            Components parts = weak_components(Csr::from_edges(g.node_count(), inside));
            std::set<std::uint32_t> seen;
            for (Vertex v = 0; v < g.node_count(); ++v) {
                if (p.membership[v] == c) seen.insert(parts.component[v]);
            }
            CHECK_MESSAGE(seen.size() == 1, name, " community ", c, " is split");
        }
    }
}

TEST_CASE("community detection finds two cliques joined by one edge") {
    //  0-1-2-3 complete, 4-5-6-7 complete, 3 — 4
    std::vector<WeightedEdge> edges;
    for (Vertex a = 0; a < 4; ++a) {
        for (Vertex b = a + 1; b < 4; ++b) {
            edges.push_back({a, b});
            edges.push_back({a + 4, b + 4});
        }
    }
    edges.push_back({3, 4});
    Csr g = Csr::from_edges(8, edges);
    const std::vector<std::uint32_t> expected{0, 0, 0, 0, 1, 1, 1, 1};
    for (std::uint64_t seed = 0; seed < 5; ++seed) {
        CHECK(louvain(g, {.seed = seed}).membership == expected);
        CHECK(leiden(g, {.seed = seed}).membership == expected);
        CHECK(label_propagation(g, {.seed = seed}).membership == expected);
    }
    Partition p = louvain(g);
    CHECK(p.modularity == doctest::Approx(modularity(g, expected)));
    CHECK(p.count == 2);
}

TEST_CASE("label propagation gives a valid partition with sensible modularity") {
    for (const char* name : {"karate", "lesmis", "florentine", "disconnected", "seed"}) {
        const fixtures::Fixture f = fixtures::load(name);
        const Csr g = f.csr();
        Partition p = label_propagation(g, {.seed = 3});
        CAPTURE(name);
        check_valid(p, g.node_count());
        CHECK(p.converged);
        CHECK(p.modularity > 0.1);
        // Communities never span components.
        Components parts = weak_components(g);
        for (Vertex v = 0; v < g.node_count(); ++v) {
            for (Vertex u : g.out().neighbors(v)) {
                if (p.membership[u] == p.membership[v])
                    CHECK(parts.component[u] == parts.component[v]);
            }
        }
        CHECK(label_propagation(g, {.seed = 3}).membership == p.membership);
    }
}

TEST_CASE("community edge cases") {
    SUBCASE("empty graph") {
        Csr g = Csr::from_edges(0, std::vector<WeightedEdge>{});
        CHECK(louvain(g).count == 0);
        CHECK(leiden(g).count == 0);
        CHECK(label_propagation(g).count == 0);
        CHECK(modularity(g, std::vector<std::uint32_t>{}) == 0.0);
    }
    SUBCASE("one vertex, isolated vertices") {
        Csr g = Csr::from_edges(3, std::vector<WeightedEdge>{});
        CHECK(louvain(g).count == 3);
        CHECK(leiden(g).count == 3);
        CHECK(label_propagation(g).count == 3);
    }
    SUBCASE("self-loops count in modularity as NetworkX counts them") {
        const fixtures::Fixture f = fixtures::load("loops");
        CHECK(f.csr().has_self_loops());
        Partition p = leiden(f.csr());
        CHECK(p.modularity > 0.2);
    }
    SUBCASE("negative weights are rejected, bad options name the parameter") {
        Csr g = Csr::from_edges(2, std::vector<WeightedEdge>{{0, 1, -1.0}}, {false, true});
        CHECK_THROWS_WITH_AS(louvain(g), doctest::Contains("non-negative"), AnalysisError);
        CHECK_THROWS_AS(leiden(g), AnalysisError);
        CHECK_NOTHROW(louvain(g, {.weighted = false}));
        CHECK_THROWS_WITH_AS(louvain(g, {.resolution = -1}), doctest::Contains("resolution"),
                             liaison::ArgumentError);
        CHECK_THROWS_WITH_AS(leiden(g, {.randomness = 0}), doctest::Contains("randomness"),
                             liaison::ArgumentError);
        CHECK_THROWS_WITH_AS(modularity(g, std::vector<std::uint32_t>{0}),
                             doctest::Contains("membership"), liaison::ArgumentError);
    }
    SUBCASE("zero-weight edges are allowed and add nothing") {
        Csr g =
            Csr::from_edges(3, std::vector<WeightedEdge>{{0, 1, 0.0}, {1, 2, 1.0}}, {false, true});
        CHECK(modularity(g, std::vector<std::uint32_t>{0, 1, 1}) == doctest::Approx(0.0));
        CHECK_NOTHROW(leiden(g));
    }
}

TEST_CASE("canonical_partition numbers by size, then smallest member") {
    Partition p = canonical_partition(std::vector<std::uint32_t>{7, 3, 3, 9, 7, 3});
    CHECK(p.membership == std::vector<std::uint32_t>{1, 0, 0, 2, 1, 0});
    CHECK(p.count == 3);
}
