// Effective edge times, windows, slices and the difference between two slices.
#include <doctest/doctest.h>

#include "liaison/analysis/time_slices.hpp"
#include "liaison/analysis/window.hpp"
#include "liaison/core/error.hpp"
#include "small_graph.hpp"

using namespace liaison;
using namespace liaison::analysis;

namespace {

std::vector<std::string> names(const PropertyGraph& g, const std::vector<NodeIndex>& nodes) {
    std::vector<std::string> out;
    for (NodeIndex n : nodes) out.push_back(g.node(n).id);
    return out;
}

std::vector<std::string> names(const PropertyGraph& g, const std::vector<Tie>& ties) {
    std::vector<std::string> out;
    for (const Tie& t : ties)
        out.push_back(g.node(t.source).id + " " + g.relations().get(t.type).name + " " +
                      g.node(t.target).id + " x" + std::to_string(t.edges.size()));
    return out;
}

}  // namespace

TEST_CASE("an edge's effective time: its own, an Event end's, or its event property's") {
    const PropertyGraph g = fixtures::small_graph();
    CHECK(effective_time(g, 0).to_string() == "2023-11-29");
    CHECK(effective_time(g, 2).to_string() == "2025-11-24 .. 2025-11-27");  // event: ga-93
    CHECK(effective_time(g, 3).to_string() == "2023-11-28 .. 2023-12-01");  // ATTENDED ga-91
    CHECK(effective_time(g, 8).empty());                                    // REPRESENTS
}

TEST_CASE("parse_window understands single dates and ranges") {
    auto w = parse_window("2025-11");
    REQUIRE(w);
    CHECK(w->from->to_string() == "2025-11");
    CHECK(w->to->to_string() == "2025-11");
    w = parse_window("2023..2025-06");
    REQUIRE(w);
    CHECK(w->from->to_string() == "2023");
    CHECK(w->to->to_string() == "2025-06");
    w = parse_window("..2024");
    REQUIRE(w);
    CHECK_FALSE(w->from);
    CHECK(parse_window("2025..2023") == std::nullopt);
    CHECK(parse_window("2023-02-30") == std::nullopt);
    CHECK(parse_window("..") == std::nullopt);
    CHECK(parse_window("soon") == std::nullopt);
    CHECK(in_window({}, *parse_window("2023"), true));
    CHECK_FALSE(in_window({}, *parse_window("2023"), false));
}

TEST_CASE("a slice holds the edges of its window and the entities they touch") {
    const PropertyGraph g = fixtures::small_graph();
    Slice s = time_slice(g, *parse_window("2023"));
    CHECK(s.edges == std::vector<EdgeIndex>{0, 3, 4});
    CHECK(names(g, s.nodes) == std::vector<std::string>{"person-a", "person-b", "ga-91"});
    SliceOptions keep;
    keep.keep_undated = true;
    // The undated REPRESENTS ties reach countries that have no dated tie in 2023: still out.
    CHECK(time_slice(g, *parse_window("2023"), keep).edges.size() == 3);
    SliceOptions people;
    people.labels = {"Person"};
    CHECK(time_slice(g, *parse_window("2025"), people).edges == std::vector<EdgeIndex>{1, 2});
}

TEST_CASE("the difference between two assemblies: ties formed and lost, entities new and gone") {
    const PropertyGraph g = fixtures::small_graph();
    SliceDiff d = diff_slices(g, *parse_window("2023"), *parse_window("2025"));
    CHECK(names(g, d.formed) ==
          std::vector<std::string>{"person-a ATTENDED ga-93 x1", "person-a MET_WITH person-c x2",
                                   "person-b ATTENDED ga-93 x1", "person-c ATTENDED ga-93 x1"});
    CHECK(names(g, d.lost) == std::vector<std::string>{"person-a ATTENDED ga-91 x1",
                                                       "person-a MET_WITH person-b x1",
                                                       "person-b ATTENDED ga-91 x1"});
    CHECK(d.kept.empty());
    CHECK(names(g, d.entered) == std::vector<std::string>{"ga-93", "person-c"});
    CHECK(names(g, d.left) == std::vector<std::string>{"ga-91"});
    SUBCASE("undated facts count only between entities in the window") {
        SliceOptions keep;
        keep.keep_undated = true;
        SliceDiff k = diff_slices(g, *parse_window("2023"), *parse_window("2025"), keep);
        CHECK(k.formed.size() == d.formed.size());
        CHECK(k.kept.empty());  // the countries are in neither window
    }
    SUBCASE("a slice against itself changes nothing") {
        SliceDiff same = diff_slices(g, *parse_window("2025"), *parse_window("2025"));
        CHECK(same.formed.empty());
        CHECK(same.lost.empty());
        CHECK(same.kept.size() == 4);
    }
    SUBCASE("unknown types are errors") {
        SliceOptions bad;
        bad.edge_types = {"NOPE"};
        CHECK_THROWS_AS(diff_slices(g, {}, {}, bad), ArgumentError);
    }
}
