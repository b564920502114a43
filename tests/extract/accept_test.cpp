// Accepting reviewed candidates: which facts go in, what they keep, and how they meet a database.
#include <doctest/doctest.h>

#include <string>

#include "liaison/core/error.hpp"
#include "liaison/extract/accept.hpp"
#include "liaison/extract/review.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;
using namespace liaison::extract;

namespace {

PropertyGraph candidates() {
    return read_graph_file(LIAISON_TEST_DATA "/extract/review/r01-rabat-finland.candidates.json");
}

PropertyGraph seed() { return read_graph_file(LIAISON_SOURCE_DIR "/graphs/morocco-interpol.json"); }

void set(PropertyGraph& g, const std::string& id, Review r) { decide(g, find_fact(g, id), r); }

}  // namespace

TEST_CASE("accept: accepted facts and the ends they need; pending and rejected counted") {
    PropertyGraph g = candidates();
    set(g, "c1", Review::Accepted);
    set(g, "c4", Review::Rejected);
    set(g, "finland", Review::Accepted);
    AcceptPlan p = plan_accept(g, "r01");
    CHECK(p.counts.edges == 1);
    CHECK(p.counts.nodes == 3);  // the two ends of c1, and Finland
    CHECK(p.counts.pending_edges == 2);
    CHECK(p.counts.rejected_edges == 1);
    CHECK(p.counts.pending_nodes == 3);  // fin-police, rabat, dgsn
    const Edge& e = p.facts.edge(0);
    CHECK(e.id == "c1");
    CHECK_FALSE(e.properties.contains("review"));
    CHECK(e.properties.get("rule")->as_string() == "frame.active");
    CHECK(e.properties.get("confidence")->as_float() == doctest::Approx(0.9));
    REQUIRE(e.sources.size() == 1);
    CHECK(e.sources[0].start == 9);
    CHECK(p.facts.documents().count("r01-rabat-finland") == 1);
    for (const Node& n : p.facts.nodes()) CHECK_FALSE(n.properties.contains("review"));
}

TEST_CASE("accept: an accepted edge with a rejected end names both") {
    PropertyGraph g = candidates();
    set(g, "fin-police", Review::Rejected);
    set(g, "c2", Review::Accepted);
    CHECK_THROWS_WITH_AS(
        plan_accept(g, "r01.json"),
        doctest::Contains("edge 'c2' (HEADS) is accepted but its end 'fin-police'"), InputError);
}

TEST_CASE("accept: entities meet the database as merge matches them") {
    PropertyGraph g = candidates();
    set(g, "c1", Review::Accepted);
    AcceptPlan p = plan_accept(g, "r01");
    MergeResult r = merge_accepted(seed(), p, "r01", "seed");
    REQUIRE(r.complete());
    bool hammouchi = false;
    for (const auto& m : r.report.matched)
        hammouchi |= m.incoming_id == "bd-alltyf-hmwshy" && m.base_id == "abdellatif-hammouchi";
    CHECK(hammouchi);
    CHECK(r.report.added_nodes == std::vector<std::string>{"finnish-police-commissioner"});
    CHECK(r.graph.documents().count("r01-rabat-finland") == 1);
}

TEST_CASE("accept: an ambiguous match in the file stops the commit, a decision settles it") {
    PropertyGraph g = candidates();
    NodeIndex h = *g.find_id("bd-alltyf-hmwshy");
    Node n = g.node(h);
    n.properties.set("match", "ambiguous");
    n.properties.set("match_ids",
                     Value(ValueList{Value("abdellatif-hammouchi"), Value("morocco")}));
    g.replace_node(h, n);
    set(g, "c1", Review::Accepted);
    MergeResult r = merge_accepted(seed(), plan_accept(g, "r01"), "r01", "seed");
    CHECK_FALSE(r.complete());
    REQUIRE(r.report.ambiguous.size() == 1);
    CHECK(r.report.ambiguous[0].incoming_id == "bd-alltyf-hmwshy");
    CHECK(r.report.ambiguous[0].candidates.size() == 2);

    edit_fact(g, find_fact(g, "bd-alltyf-hmwshy"), {.match = "abdellatif-hammouchi"});
    MergeResult settled = merge_accepted(seed(), plan_accept(g, "r01"), "r01", "seed");
    CHECK(settled.complete());

    edit_fact(g, find_fact(g, "bd-alltyf-hmwshy"), {.match = "no-such-entity"});
    CHECK_THROWS_WITH_AS(merge_accepted(seed(), plan_accept(g, "r01"), "r01", "seed"),
                         doctest::Contains("'no-such-entity', which the database does not hold"),
                         InputError);
}
