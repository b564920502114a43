// The one window grammar (dates, partial dates, ranges, entities) and the one window rule.
#include <doctest/doctest.h>

#include "liaison/analysis/projection_request.hpp"
#include "liaison/analysis/window.hpp"
#include "liaison/core/error.hpp"
#include "small_graph.hpp"

using namespace liaison;
using namespace liaison::analysis;

namespace {

// "2023..2025", "2023..", "..2025": the window as written.
std::string text(const TimeWindow& w) {
    return (w.from ? w.from->to_string() : "") + ".." + (w.to ? w.to->to_string() : "");
}

std::vector<std::string> kept_nodes(const PropertyGraph& g, const WindowFilter& f) {
    std::vector<std::string> out;
    for (NodeIndex n = 0; n < g.node_count(); ++n)
        if (f.node(n)) out.push_back(g.node(n).id);
    return out;
}

std::vector<EdgeIndex> kept_edges(const PropertyGraph& g, const WindowFilter& f) {
    std::vector<EdgeIndex> out;
    for (EdgeIndex e = 0; e < g.edge_count(); ++e)
        if (f.edge(e)) out.push_back(e);
    return out;
}

}  // namespace

TEST_CASE("window texts: dates, partial dates and ranges with open ends") {
    auto year = parse_dates("2025", "--from");
    REQUIRE(year);
    CHECK(year->from->to_string() == "2025");
    CHECK(year->to->to_string() == "2025");
    CHECK(parse_dates("2025-11", "f")->to->last_day() == Date::parse("2025-11-30")->first_day());
    CHECK(parse_dates("2025-11-24", "f")->from->to_string() == "2025-11-24");
    auto range = parse_dates("2023..2025-06", "f");
    CHECK(range->from->to_string() == "2023");
    CHECK(range->to->to_string() == "2025-06");
    CHECK_FALSE(parse_dates("2023-11..", "f")->to);
    CHECK_FALSE(parse_dates("..2025", "f")->from);
    // Not written like a date: possibly an entity, for the caller to resolve.
    CHECK_FALSE(parse_dates("interpol-ga-93", "f"));
    CHECK_FALSE(parse_dates("", "f"));
}

TEST_CASE("bad window texts name the field and say what was expected") {
    CHECK_THROWS_WITH_AS(parse_dates("2025-13", "--from"),
                         doctest::Contains("--from: '2025-13' is not a window: '2025-13' is not a "
                                           "calendar date; expected a date (2025"),
                         ArgumentError);
    CHECK_THROWS_WITH_AS(parse_dates("2025..2023", "sections[1].before"),
                         doctest::Contains("sections[1].before: '2025..2023' is not a window: it "
                                           "ends before it starts"),
                         ArgumentError);
    CHECK_THROWS_WITH_AS(parse_dates("..", "--to"), doctest::Contains("both ends are open"),
                         ArgumentError);
    CHECK_THROWS_WITH_AS(parse_dates("2023-02-30..", "x"),
                         doctest::Contains("'2023-02-30' is not a calendar date"), ArgumentError);
    // The non-throwing form says only whether it is a date or a range.
    CHECK_FALSE(parse_window(std::string_view("2025..2023")));
    CHECK(parse_window(std::string_view("2025")));
}

TEST_CASE("an entity names the window of its dates; a bound takes its start or end") {
    const PropertyGraph g = fixtures::small_graph();
    CHECK(text(parse_window(g, "ga-93", "--from")) == "2025-11-24..2025-11-27");
    CHECK(text(parse_window(g, "2023", "--from")) == "2023..2023");
    CHECK(text(window_from_bounds(g, "ga-91", "ga-93")) == "2023-11-28..2025-11-27");
    CHECK(text(window_from_bounds(g, "2023..2024", "")) == "2023..");
    CHECK(text(window_from_bounds(g, "", "2023..2024")) == "..2024");
    CHECK_THROWS_WITH_AS(parse_window(g, "person-a", "--from"),
                         doctest::Contains("--from: 'person-a' names person-a, which has no date"),
                         ArgumentError);
    CHECK_THROWS_WITH_AS(parse_window(g, "nobody at all", "--to"),
                         doctest::Contains("--to: 'nobody at all' is neither a date"),
                         ArgumentError);
    CHECK_THROWS_WITH_AS(window_from_bounds(g, "ga-93", "ga-91"),
                         doctest::Contains("--to: the window ends (2023-12-01) before it starts"),
                         ArgumentError);
    // Without a network (a report spec), dates and ranges only.
    CHECK(text(window_from_bounds("2024", "2025")) == "2024..2025");
    CHECK_THROWS_WITH_AS(window_from_bounds("ga-93", "", "from"),
                         doctest::Contains("from: 'ga-93' is not a window"), ArgumentError);
}

TEST_CASE("the window rule: ties by their own or their event's date, entities by activity") {
    PropertyGraph g = fixtures::small_graph();
    SUBCASE("2025: the assembly, the people active at it, the meetings dated by it") {
        WindowFilter in(g, *parse_window(std::string_view("2025")), true);
        // The countries are undated and only undated ties touch them: not in the window.
        CHECK(kept_nodes(g, in) ==
              std::vector<std::string>{"person-a", "person-b", "person-c", "ga-93"});
        // The dated meeting, the undated one at ga-93 (its dates), the three attendances.
        CHECK(kept_edges(g, in) == std::vector<EdgeIndex>{1, 2, 5, 6, 7});
    }
    SUBCASE("2023: c had no dated tie then") {
        WindowFilter in(g, *parse_window(std::string_view("2023")), true);
        CHECK(kept_nodes(g, in) == std::vector<std::string>{"person-a", "person-b", "ga-91"});
        CHECK(kept_edges(g, in) == std::vector<EdgeIndex>{0, 3, 4});
    }
    SUBCASE("undated ties count between entities in the window unless dropped") {
        Edge knows;
        knows.type = g.relation("KNOWS");
        knows.source = *g.find_id("person-a");
        knows.target = *g.find_id("person-b");
        const EdgeIndex e = g.add_edge(knows);
        const TimeWindow w = *parse_window(std::string_view("2023"));
        CHECK(WindowFilter(g, w, true).edge(e));
        CHECK_FALSE(WindowFilter(g, w, false).edge(e));
        // In 2025 person-b is active too (it attended ga-93), so the tie holds then as well.
        CHECK(WindowFilter(g, *parse_window(std::string_view("2025")), true).edge(e));
    }
    SUBCASE("only candidate ties make an entity active") {
        std::vector<char> met(g.edge_count(), 0);
        for (EdgeIndex e = 0; e < g.edge_count(); ++e)
            met[e] = g.type_name(g.edge(e)) == "MET_WITH";
        WindowFilter in(g, *parse_window(std::string_view("2025")), true, &met);
        CHECK(kept_nodes(g, in) == std::vector<std::string>{"person-a", "person-c", "ga-93"});
    }
    SUBCASE("an unbounded window keeps everything") {
        WindowFilter in(g, TimeWindow{}, false);
        CHECK(kept_edges(g, in).size() == g.edge_count());
    }
}

TEST_CASE("a projection request: the window's texts, the direction's words, the fold's rules") {
    const PropertyGraph g = fixtures::small_graph();
    ProjectionRequest r;
    r.from = "ga-93";
    ProjectionOptions o = projection_options(g, r);
    CHECK(text(o.window) == "2025-11-24..");
    CHECK(project(g, r).ids ==
          std::vector<std::string>{"person-a", "person-b", "person-c", "ga-93"});
    r.direction = "sideways";
    CHECK_THROWS_WITH_AS(projection_options(g, r),
                         doctest::Contains("--direction: 'sideways' is not a direction; expected "
                                           "undirected, directed, reversed"),
                         ArgumentError);
    r.direction = "directed";
    r.fold = "Event";
    CHECK_THROWS_WITH_AS(projection_options(g, r, ""),
                         doctest::Contains("fold: a fold gives an undirected projection"),
                         ArgumentError);
    r.direction = "undirected";
    CHECK(projection_options(g, r).weight == WeightMode::Count);  // a fold counts shared nodes
    r.weight = "none";
    CHECK(projection_options(g, r).weight == WeightMode::None);
    r.from = "2025-02-29";
    CHECK_THROWS_WITH_AS(projection_options(g, r),
                         doctest::Contains("--from: '2025-02-29' is not a window"), ArgumentError);
}
