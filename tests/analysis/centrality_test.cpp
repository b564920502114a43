// Centrality measures against NetworkX (fixtures) and hand-checked graphs.
#include <doctest/doctest.h>

#include <cmath>
#include <numeric>

#include "fixtures.hpp"
#include "liaison/analysis/centrality.hpp"
#include "liaison/analysis/error.hpp"
#include "liaison/analysis/ranking.hpp"
#include "liaison/core/error.hpp"

using namespace liaison::analysis;

namespace {

constexpr double kTolerance = 1e-9;  // deterministic measures: equal to the peer's up to this

void expect(const fixtures::Fixture& f, const char* key, const Scores& s) {
    if (!f.has(key)) return;
    const double diff = fixtures::max_difference(s.value, f.values(key));
    CHECK_MESSAGE(diff <= kTolerance, f.name, " ", key, ": max difference ", diff);
    CHECK_MESSAGE(s.converged, f.name, " ", key, " did not converge");
}

Csr make(Vertex n, std::vector<WeightedEdge> edges, bool directed = false, bool weighted = false) {
    return Csr::from_edges(n, edges, {directed, weighted, ParallelEdges::Sum});
}

}  // namespace

TEST_CASE("centrality matches NetworkX on every fixture graph") {
    for (const std::string& name : fixtures::all_names()) {
        CAPTURE(name);
        const fixtures::Fixture f = fixtures::load(name);
        const Csr g = f.csr();
        expect(f, "degree", degree(g, {DegreeMode::Total, false, false}));
        expect(f, "degree_weighted", degree(g, {DegreeMode::Total, true, false}));
        expect(f, "in_degree", degree(g, {DegreeMode::In, false, false}));
        expect(f, "in_degree_weighted", degree(g, {DegreeMode::In, true, false}));
        expect(f, "out_degree", degree(g, {DegreeMode::Out, false, false}));
        expect(f, "out_degree_weighted", degree(g, {DegreeMode::Out, true, false}));
        expect(f, "degree_centrality", degree(g, {DegreeMode::Total, false, true}));

        expect(f, "betweenness", betweenness(g, {.weighted = false}));
        expect(f, "betweenness_weighted", betweenness(g, {.weighted = true}));
        expect(f, "betweenness_raw", betweenness(g, {.weighted = false, .normalized = false}));
        expect(f, "betweenness_endpoints", betweenness(g, {.weighted = false, .endpoints = true}));

        expect(f, "closeness", closeness(g, {.weighted = false}));
        expect(f, "closeness_weighted", closeness(g, {.weighted = true}));
        expect(f, "closeness_plain", closeness(g, {.weighted = false, .wf_improved = false}));
        expect(f, "harmonic", harmonic(g, {.weighted = false}));
        expect(f, "harmonic_weighted", harmonic(g, {.weighted = true}));

        expect(f, "eigenvector", eigenvector(g, {.weighted = false, .tolerance = 1e-13}));
        expect(f, "eigenvector_weighted", eigenvector(g, {.weighted = true, .tolerance = 1e-13}));
        expect(f, "pagerank", page_rank(g, {.tolerance = 1e-13, .weighted = false}));
        expect(f, "pagerank_weighted", page_rank(g, {.tolerance = 1e-13, .weighted = true}));
        PageRankOptions personal{.tolerance = 1e-13, .weighted = false};
        personal.personalization = f.values("pagerank_personalization");
        expect(f, "pagerank_personalized", page_rank(g, personal));
        expect(f, "katz",
               katz(g, {.alpha = f.number("katz_alpha"), .weighted = false, .tolerance = 1e-14}));
    }
}

TEST_CASE("betweenness on a hand-checked path and star") {
    // 0 - 1 - 2 - 3: vertex 1 lies on the paths 0-2 and 0-3 (2 of the 3 pairs it is not an end
    // of), vertex 2 on 0-3 and 1-3.
    Csr path = make(4, {{0, 1}, {1, 2}, {2, 3}});
    Scores raw = betweenness(path, {.normalized = false});
    CHECK(raw.value == std::vector<double>{0, 2, 2, 0});
    Scores norm = betweenness(path);
    CHECK(norm.value[1] == doctest::Approx(2.0 / 3.0).epsilon(1e-12));
    // Directed 0 → 1 → 2: only the pair (0, 2) passes through 1.
    Csr chain = make(3, {{0, 1}, {1, 2}}, true);
    CHECK(betweenness(chain, {.normalized = false}).value == std::vector<double>{0, 1, 0});
    // Two shortest paths 0-1-3 and 0-2-3 share the pair's credit.
    Csr square = make(4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}});
    CHECK(betweenness(square, {.normalized = false}).value ==
          std::vector<double>{0.5, 0.5, 0.5, 0.5});
}

TEST_CASE("sampled betweenness") {
    const fixtures::Fixture f = fixtures::load("karate");
    const Csr g = f.csr();
    SUBCASE("every vertex as a source is the exact value") {
        Scores all = betweenness(g, {.weighted = false, .samples = g.node_count(), .seed = 5});
        CHECK(fixtures::max_difference(all.value, f.values("betweenness")) < 1e-12);
    }
    SUBCASE("the same seed gives the same estimate, another seed another one") {
        Scores a = betweenness(g, {.weighted = false, .samples = 10, .seed = 1});
        Scores b = betweenness(g, {.weighted = false, .samples = 10, .seed = 1});
        Scores c = betweenness(g, {.weighted = false, .samples = 10, .seed = 2});
        CHECK(a.value == b.value);
        CHECK(a.value != c.value);
        // The hub 0 stays on top of the estimate: it brokers almost half of all paths.
        CHECK(ranking(a.value).front() == 0);
    }
    SUBCASE("more samples than vertices is an error naming the option") {
        CHECK_THROWS_WITH_AS(betweenness(g, {.samples = 35}),
                             doctest::Contains("betweenness samples"), liaison::ArgumentError);
    }
}

TEST_CASE("centrality edge cases") {
    SUBCASE("empty graph") {
        Csr g = make(0, {});
        CHECK(degree(g).value.empty());
        CHECK(betweenness(g).value.empty());
        CHECK(closeness(g).value.empty());
        CHECK(page_rank(g).value.empty());
        CHECK(eigenvector(g).value.empty());
        CHECK(katz(g).value.empty());
    }
    SUBCASE("one vertex") {
        Csr g = make(1, {});
        CHECK(degree(g, {.normalized = true}).value == std::vector<double>{1.0});
        CHECK(betweenness(g).value == std::vector<double>{0.0});
        CHECK(closeness(g).value == std::vector<double>{0.0});
        CHECK(harmonic(g).value == std::vector<double>{0.0});
        CHECK(page_rank(g).value[0] == doctest::Approx(1.0));
        CHECK(eigenvector(g).value[0] == doctest::Approx(1.0));
    }
    SUBCASE("self-loop counts twice in undirected degree, once each way when directed") {
        CHECK(degree(make(2, {{0, 0}, {0, 1}})).value == std::vector<double>{3, 1});
        Csr d = make(2, {{0, 0}, {0, 1}}, true);
        CHECK(degree(d, {DegreeMode::Out}).value == std::vector<double>{2, 0});
        CHECK(degree(d, {DegreeMode::In}).value == std::vector<double>{1, 1});
        CHECK(degree(d).value == std::vector<double>{3, 1});
    }
    SUBCASE("parallel edges merge: weights add, the count stays one neighbour") {
        Csr g = make(2, {{0, 1, 2.0}, {1, 0, 3.0}}, false, true);
        CHECK(g.edge_count() == 1);
        CHECK(degree(g).value == std::vector<double>{1, 1});
        CHECK(degree(g, {.weighted = true}).value == std::vector<double>{5, 5});
    }
    SUBCASE("zero and negative weights are rejected where they make no sense") {
        Csr zero = make(3, {{0, 1, 0.0}, {1, 2, 1.0}}, false, true);
        Csr negative = make(3, {{0, 1, -1.0}, {1, 2, 1.0}}, false, true);
        CHECK_THROWS_WITH_AS(betweenness(zero), doctest::Contains("positive edge weights"),
                             AnalysisError);
        CHECK_THROWS_AS(closeness(negative), AnalysisError);
        CHECK_THROWS_AS(harmonic(zero), AnalysisError);
        CHECK_THROWS_WITH_AS(page_rank(negative), doctest::Contains("non-negative"), AnalysisError);
        CHECK_THROWS_AS(eigenvector(negative), AnalysisError);
        // Unweighted runs ignore the weights, and PageRank takes a zero weight (a dead end).
        CHECK_NOTHROW(betweenness(zero, {.weighted = false}));
        Scores pr = page_rank(zero);
        CHECK(std::accumulate(pr.value.begin(), pr.value.end(), 0.0) == doctest::Approx(1.0));
    }
    SUBCASE("options are validated naming the parameter") {
        Csr g = make(2, {{0, 1}});
        CHECK_THROWS_WITH_AS(page_rank(g, {.damping = 1.0}), doctest::Contains("damping"),
                             liaison::ArgumentError);
        PageRankOptions bad;
        bad.personalization = {1.0};
        CHECK_THROWS_WITH_AS(page_rank(g, bad), doctest::Contains("personalization"),
                             liaison::ArgumentError);
        CHECK_THROWS_WITH_AS(eigenvector(g, {.tolerance = 0}), doctest::Contains("tolerance"),
                             liaison::ArgumentError);
    }
    SUBCASE("katz diverges when alpha is too large, and says so") {
        Csr triangle = make(3, {{0, 1}, {1, 2}, {2, 0}});
        Scores k = katz(triangle, {.alpha = 0.9, .max_iterations = 5000});
        CHECK_FALSE(k.converged);
    }
}

TEST_CASE("page rank sums to one and dangling vertices hand their rank on") {
    // 0 → 1 → 2, 2 dangling: without the dangling rule rank would leak.
    Csr g = make(3, {{0, 1}, {1, 2}}, true);
    Scores pr = page_rank(g);
    CHECK(std::accumulate(pr.value.begin(), pr.value.end(), 0.0) == doctest::Approx(1.0));
    CHECK(pr.value[2] > pr.value[1]);
    CHECK(pr.value[1] > pr.value[0]);
}

TEST_CASE("ranking sorts by score descending, then by id") {
    std::vector<double> scores{0.5, 0.9, 0.5, std::nan(""), 0.1};
    std::vector<std::string> ids{"zed", "amy", "bob", "nan", "cat"};
    CHECK(ranking(scores, ids) == std::vector<Vertex>{1, 2, 0, 4, 3});
    CHECK(ranking(scores, ids, 2) == std::vector<Vertex>{1, 2});
    CHECK(ranking(scores) == std::vector<Vertex>{1, 0, 2, 4, 3});
}
