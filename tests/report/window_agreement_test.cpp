// One window, one meaning: on the seed network, rank's projection, render's view and a report's
// rankings section keep the same entities and ties for the same window (window.hpp's rule).
#include <doctest/doctest.h>

#include <set>

#include "liaison/analysis/projection_request.hpp"
#include "liaison/analysis/window.hpp"
#include "liaison/render/view.hpp"
#include "report_fixtures.hpp"

using namespace liaison;
using namespace report_fixtures;

namespace {

using Ids = std::set<std::string>;
using Pairs = std::set<std::pair<std::string, std::string>>;

std::pair<std::string, std::string> pair_of(const std::string& a, const std::string& b) {
    return a < b ? std::make_pair(a, b) : std::make_pair(b, a);
}

void check_window(const std::string& from, const std::string& to, bool keep_undated) {
    CAPTURE(from);
    CAPTURE(to);
    CAPTURE(keep_undated);
    const PropertyGraph& g = seed();
    // rank: the projection the CLI's flags ask for.
    analysis::ProjectionRequest request;
    request.from = from;
    request.to = to;
    request.keep_undated = keep_undated;
    const analysis::Projection p = analysis::project(g, request);
    Ids ranked(p.ids.begin(), p.ids.end());
    Pairs links;
    for (const analysis::WeightedEdge& e : p.graph.edges())
        links.insert(pair_of(p.ids[e.source], p.ids[e.target]));

    // render: the view of the same window.
    render::ViewSpec spec;
    spec.window = analysis::window_from_bounds(g, from, to);
    spec.keep_undated = keep_undated;
    const render::View v = render::select_view(g, spec, {});
    Ids drawn;
    for (NodeIndex n : v.nodes) drawn.insert(g.node(n).id);
    Pairs lines;
    for (EdgeIndex e : v.edges)
        lines.insert(pair_of(g.node(g.edge(e).source).id, g.node(g.edge(e).target).id));

    // report: a rankings section listing every entity of its projection.
    report::SectionSpec s = section(report::SectionKind::Rankings);
    s.projection.window = spec.window;
    s.projection.keep_undated = keep_undated;
    s.measures = {"degree"};
    s.top = 100000;
    const report::Report r = build(spec_of({s}));
    Ids reported;
    for (const auto& row : tables(find_section(r, "s1-rankings")).front()->rows)
        reported.insert(row.at(1).id);

    REQUIRE(ranked.size() > 5);
    CHECK(ranked.size() < g.node_count());  // the window leaves something out
    CHECK(drawn == ranked);
    CHECK(reported == ranked);
    CHECK(lines == links);
}

}  // namespace

TEST_CASE("rank, render and report keep the same entities and ties for a window") {
    check_window("2025", "2025", true);
    check_window("2023", "2023", false);
    check_window("interpol-ga-93", "interpol-ga-93", true);  // an event names its dates
    check_window("2023-11..", "", true);
}

TEST_CASE("a report spec's window texts mean what the command line's do") {
    const std::string text =
        "{\"inputs\": [\"x.json\"], \"sections\": [{\"type\": \"rankings\", \"from\": "
        "\"2023..2024\", \"to\": \"2025-11\"}, {\"type\": \"change\", \"before\": \"2023\", "
        "\"after\": \"2025-11-24..2025-11-27\"}]}";
    const report::ReportSpec spec = report::parse_spec(text, "s.json", ".");
    const TimeWindow& w = spec.sections[0].projection.window;
    CHECK(w.from->to_string() == "2023");  // a range's start
    CHECK(w.to->to_string() == "2025-11");
    CHECK(spec.sections[1].after->from->to_string() == "2025-11-24");
    const TimeWindow cli = analysis::window_from_bounds(seed(), "2023..2024", "2025-11");
    CHECK(cli.from == w.from);
    CHECK(cli.to == w.to);
}
