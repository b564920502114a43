// The registry of measures and community algorithms: names, options, defaults, validation.
#include <doctest/doctest.h>

#include "liaison/analysis/projection.hpp"
#include "liaison/analysis/registry.hpp"
#include "liaison/core/error.hpp"
#include "small_graph.hpp"

using namespace liaison;
using namespace liaison::analysis;

namespace {

Csr small_csr(WeightMode weight = WeightMode::None) {
    ProjectionOptions o;
    o.weight = weight;
    o.edge_types = {"MET_WITH", "ATTENDED"};
    return project(fixtures::small_graph(), o).graph;
}

}  // namespace

TEST_CASE("registry: unknown names get the nearest name and the list") {
    CHECK(find_algorithm(AlgorithmKind::Measure, "pagerank").title == "PageRank");
    CHECK(find_algorithm(AlgorithmKind::Communities, "labelprop").name == "label_propagation");
    CHECK_THROWS_WITH_AS(find_algorithm(AlgorithmKind::Measure, "pagerenk", "--by"),
                         doctest::Contains("--by: unknown measure 'pagerenk' (did you mean "
                                           "'pagerank'?); known: degree, betweenness"),
                         ArgumentError);
    CHECK_THROWS_WITH_AS(find_algorithm(AlgorithmKind::Communities, "pagerank", "algorithm"),
                         doctest::Contains("unknown community algorithm 'pagerank'"),
                         ArgumentError);
    // Nothing near: no suggestion, still the list.
    try {
        find_algorithm(AlgorithmKind::Measure, "xyzzyxyzzy");
        FAIL("no error");
    } catch (const ArgumentError& e) {
        CHECK(std::string(e.what()).find("did you mean") == std::string::npos);
        CHECK(std::string(e.what()).find("katz") != std::string::npos);
    }
    // Names are unique across the table, aliases included.
    std::vector<std::string> seen;
    for (const AlgorithmInfo& a : algorithms()) {
        for (const std::string& n : a.aliases) seen.push_back(n);
        seen.push_back(a.name);
        CHECK_FALSE(a.definition.empty());
        CHECK(static_cast<bool>(a.measure) == (a.kind == AlgorithmKind::Measure));
        CHECK(static_cast<bool>(a.partition) == (a.kind == AlgorithmKind::Communities));
    }
    std::sort(seen.begin(), seen.end());
    CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end());
    CHECK(default_community_algorithm() == "leiden");
}

TEST_CASE("registry: defaults are filled in, the NetworkX ones") {
    const AlgorithmInfo& pr = find_algorithm(AlgorithmKind::Measure, "pagerank");
    AlgorithmOptions o = validate_options(pr, {});
    CHECK(o.number("damping") == 0.85);
    CHECK(o.flag("weighted"));
    const AlgorithmInfo& bt = find_algorithm(AlgorithmKind::Measure, "betweenness");
    CHECK(validate_options(bt, {}).flag("normalized"));
    CHECK(validate_options(bt, {}).integer("samples") == 0);
    const AlgorithmInfo& katz = find_algorithm(AlgorithmKind::Measure, "katz");
    CHECK(validate_options(katz, {}).number("alpha") == 0.1);
    const AlgorithmInfo& deg = find_algorithm(AlgorithmKind::Measure, "degree");
    CHECK(validate_options(deg, {}).choice("mode") == "total");
    CHECK_FALSE(validate_options(deg, {}).flag("normalized"));
    const AlgorithmInfo& leiden = find_algorithm(AlgorithmKind::Communities, "leiden");
    CHECK(validate_options(leiden, {}).number("resolution") == 1.0);
    CHECK(validate_options(leiden, {}).integer("seed") == 0);
    // Given values replace the defaults; an integer fits a number option.
    CHECK(validate_options(pr, {{"damping", std::int64_t{0}}}).number("damping") == 0.0);
    CHECK(validate_options(katz, {{"beta", std::int64_t{2}}}).number("beta") == 2.0);
    CHECK(validate_options(bt, {{"samples", 5.0}}).integer("samples") == 5);
}

TEST_CASE("registry: options are checked for name, type and range") {
    const AlgorithmInfo& pr = find_algorithm(AlgorithmKind::Measure, "pagerank");
    CHECK_THROWS_WITH_AS(validate_options(pr, {{"dampng", 0.9}}, "CALL liaison.pagerank"),
                         doctest::Contains("CALL liaison.pagerank: pagerank takes no option "
                                           "'dampng' (did you mean 'damping'?); its options: "
                                           "damping, tolerance"),
                         ArgumentError);
    CHECK_THROWS_WITH_AS(validate_options(pr, {{"damping", 1.0}}),
                         doctest::Contains("pagerank option 'damping' must be a number in [0, "
                                           "1), not 1"),
                         ArgumentError);
    CHECK_THROWS_WITH_AS(validate_options(pr, {{"damping", std::string("high")}}),
                         doctest::Contains("must be a number in [0, 1), not high"), ArgumentError);
    CHECK_THROWS_WITH_AS(validate_options(pr, {{"max_iterations", 2.5}}),
                         doctest::Contains("'max_iterations' must be a whole number >= 1"),
                         ArgumentError);
    const AlgorithmInfo& bt = find_algorithm(AlgorithmKind::Measure, "betweenness");
    CHECK_THROWS_WITH_AS(validate_options(bt, {{"samples", std::int64_t{-1}}}),
                         doctest::Contains("'samples' must be a whole number >= 0, not -1"),
                         ArgumentError);
    CHECK_THROWS_WITH_AS(validate_options(bt, {{"normalized", std::int64_t{1}}}),
                         doctest::Contains("'normalized' must be true or false"), ArgumentError);
    const AlgorithmInfo& deg = find_algorithm(AlgorithmKind::Measure, "degree");
    CHECK_THROWS_WITH_AS(validate_options(deg, {{"mode", std::string("sideways")}}),
                         doctest::Contains("'mode' must be one of total, in, out, not sideways"),
                         ArgumentError);
    const AlgorithmInfo& katz = find_algorithm(AlgorithmKind::Measure, "katz");
    CHECK_THROWS_WITH_AS(validate_options(katz, {{"alpha", 0.0}}),
                         doctest::Contains("'alpha' must be a number > 0"), ArgumentError);
    const AlgorithmInfo& core = find_algorithm(AlgorithmKind::Measure, "core");
    CHECK_THROWS_WITH_AS(validate_options(core, {{"weighted", true}}),
                         doctest::Contains("core takes no option 'weighted'; its options: none"),
                         ArgumentError);
    const AlgorithmInfo& lp = find_algorithm(AlgorithmKind::Communities, "label_propagation");
    CHECK_THROWS_WITH_AS(validate_options(lp, {{"resolution", 1.0}}),
                         doctest::Contains("label_propagation takes no option 'resolution'"),
                         ArgumentError);
}

TEST_CASE("registry: option values from text") {
    const AlgorithmInfo& pr = find_algorithm(AlgorithmKind::Measure, "pagerank");
    CHECK(std::get<double>(parse_option_text(pr, "damping", "0.9")) == 0.9);
    CHECK(std::get<bool>(parse_option_text(pr, "weighted", "false")) == false);
    CHECK(std::get<std::int64_t>(parse_option_text(pr, "max_iterations", "50")) == 50);
    CHECK_THROWS_WITH_AS(parse_option_text(pr, "damping", "0.9x", "--damping"),
                         doctest::Contains("--damping: pagerank option 'damping' must be a number "
                                           "in [0, 1), not '0.9x'"),
                         ArgumentError);
    CHECK_THROWS_WITH_AS(parse_option_text(pr, "alpha", "0.1", "--alpha"),
                         doctest::Contains("--alpha: pagerank takes no option 'alpha'"),
                         ArgumentError);
}

TEST_CASE("registry: a name runs the library's function with the registry's defaults") {
    const Csr g = small_csr();
    CHECK(run_measure(g, "pagerank").value == page_rank(g).value);
    CHECK(run_measure(g, "betweenness").value == betweenness(g).value);
    CHECK(run_measure(g, "katz", {{"alpha", 0.05}}).value == katz(g, {.alpha = 0.05}).value);
    CHECK(run_measure(g, "degree", {{"normalized", true}}).value ==
          degree(g, {.normalized = true}).value);
    CHECK(run_communities(g, "labelprop", {{"seed", std::int64_t{3}}}).membership ==
          label_propagation(g, {.seed = 3}).membership);
    // A weighted projection weights every measure, unless the option says not to.
    const Csr w = small_csr(WeightMode::Count);
    CHECK(run_measure(w, "degree").value == degree(w, {.weighted = true}).value);
    CHECK(run_measure(w, "degree", {{"weighted", false}}).value == degree(w).value);
    CHECK(run_measure(w, "degree").value != run_measure(w, "degree", {{"weighted", false}}).value);
    // Every registered algorithm runs and gives one result per vertex.
    for (const AlgorithmInfo& a : algorithms()) {
        if (a.kind == AlgorithmKind::Measure)
            CHECK_MESSAGE(run_measure(g, a.name).value.size() == g.node_count(), a.name);
        else
            CHECK_MESSAGE(run_communities(g, a.name).membership.size() == g.node_count(), a.name);
    }
}

TEST_CASE("registry: scores and communities per node of a property graph") {
    const PropertyGraph g = fixtures::small_graph();
    ProjectionRequest people;
    people.labels = {"Person"};
    std::vector<double> s = node_scores(g, "degree", people);
    REQUIRE(s.size() == g.node_count());
    CHECK(s[*g.find_id("person-a")] == 2);  // met b and c
    CHECK(s[*g.find_id("ga-91")] == 0);     // left out of the projection
    std::vector<int> c = node_communities(g, "louvain", people);
    CHECK(c[*g.find_id("ga-91")] == -1);
    CHECK(c[*g.find_id("person-a")] >= 0);
    CHECK_THROWS_WITH_AS(node_scores(g, "size", {}, {}, "--size-by"),
                         doctest::Contains("--size-by: unknown measure 'size'"), ArgumentError);
}
