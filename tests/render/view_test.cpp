#include <doctest/doctest.h>

#include <algorithm>

#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/render/view.hpp"

using namespace liaison;
using namespace liaison::render;

namespace {

TimeSpan on(const char* date) { return TimeSpan{Date::parse(date), std::nullopt, std::nullopt}; }

//   d ─MET_WITH 2020─ b ─ATTENDED 2024-05─▶ ev (2024-05-01..03)
//                     ║ MET_WITH 2025-01-10, MET_WITH 2024-05-02 (event=ev)
//   c ◀─REPRESENTS─ ag ◀─HEADS─ a ─ATTENDED─▶ ev
PropertyGraph hand_graph() {
    PropertyGraph g;
    auto node = [&](const char* id, const char* label, const char* en, const char* ar) {
        Node n;
        n.id = id;
        n.labels = {label};
        n.names.en = en;
        n.names.ar = ar;
        return g.add_node(std::move(n));
    };
    NodeIndex a = node("a", "Person", "Person A", "الشخص أ");
    NodeIndex b = node("b", "Person", "Person B", "الشخص ب");
    NodeIndex ag = node("ag", "Agency", "Agency", "الجهاز");
    NodeIndex c = node("c", "Country", "Country", "الدولة");
    g.replace_node(c, [&] {
        Node n = g.node(c);
        n.properties.set("iso3", "MAR");
        return n;
    }());
    NodeIndex ev = node("ev", "Event", "Event", "الحدث");
    g.replace_node(ev, [&] {
        Node n = g.node(ev);
        n.time.start = Date::parse("2024-05-01");
        n.time.end = Date::parse("2024-05-03");
        return n;
    }());
    NodeIndex d = node("d", "Person", "Person D", "الشخص د");
    auto edge = [&](NodeIndex s, const char* type, NodeIndex t, TimeSpan time = {}) {
        Edge e;
        e.source = s;
        e.target = t;
        e.type = g.relation(type);
        e.time = time;
        return g.add_edge(std::move(e));
    };
    edge(a, "MET_WITH", b, on("2025-01-10"));
    EdgeIndex during = edge(a, "MET_WITH", b, on("2024-05-02"));
    Edge tagged = g.edge(during);
    tagged.properties.set("event", "ev");
    g.replace_edge(during, tagged);
    edge(a, "HEADS", ag);
    edge(ag, "REPRESENTS", c);
    edge(b, "ATTENDED", ev, on("2024-05"));
    edge(a, "ATTENDED", ev);
    edge(d, "MET_WITH", b, on("2020"));
    return g;
}

std::vector<std::string> ids(const PropertyGraph& g, const std::vector<NodeIndex>& nodes) {
    std::vector<std::string> out;
    for (NodeIndex n : nodes) out.push_back(g.node(n).id);
    std::sort(out.begin(), out.end());
    return out;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("views of a hand-checked graph") {
    PropertyGraph g = hand_graph();
    ViewSpec spec;

    SUBCASE("whole network") {
        View v = select_view(g, spec, {});
        CHECK(v.nodes.size() == 6);
        CHECK(v.edges.size() == 7);
        CHECK(v.description == "whole network");
    }
    SUBCASE("ego, one and two hops; direction ignored") {
        spec.ego = "a";
        CHECK(ids(g, select_view(g, spec, {}).nodes) == Ids{"a", "ag", "b", "ev"});
        spec.hops = 2;
        View v = select_view(g, spec, {});
        CHECK(ids(g, v.nodes) == Ids{"a", "ag", "b", "c", "d", "ev"});
        REQUIRE(v.focus);
        CHECK(g.node(*v.focus).id == "a");
    }
    SUBCASE("ego by an Arabic name") {
        spec.ego = "الشخص د";
        CHECK(ids(g, select_view(g, spec, {}).nodes) == Ids{"b", "d"});
    }
    SUBCASE("event: participants and the ties that belong to it") {
        spec.event = "ev";
        View v = select_view(g, spec, {});
        CHECK(ids(g, v.nodes) == Ids{"a", "b", "ev"});
        // Both ATTENDED edges and the meeting during the event; not the 2025 meeting.
        CHECK(v.edges.size() == 3);
        for (EdgeIndex e : v.edges) CHECK(g.edge(e).time.to_string() != "2025-01-10");
    }
    SUBCASE("time window") {
        spec.window.from = Date::parse("2024");
        spec.window.to = Date::parse("2024-12");
        View v = select_view(g, spec, {});
        CHECK(ids(g, v.nodes) == Ids{"a", "b", "ev"});
        // The 2024 meeting, b's attendance, and a's undated attendance between kept nodes.
        CHECK(v.edges.size() == 3);
    }
    SUBCASE("projection by labels and types") {
        spec.labels = {"Person"};
        spec.types = {"MET_WITH"};
        View v = select_view(g, spec, {});
        CHECK(ids(g, v.nodes) == Ids{"a", "b", "d"});
        CHECK(v.edges.size() == 3);
    }
    SUBCASE("max nodes keeps the most central and says what it dropped") {
        spec.max_nodes = 2;
        View v = select_view(g, spec, {});
        CHECK(ids(g, v.nodes) == Ids{"a", "b"});  // degree 4 and 4
        CHECK(v.candidates == 6);
        CHECK(v.dropped.size() == 4);
        CHECK(v.edges.size() == 2);
        CHECK(v.dropped_edges == 5);
    }
    SUBCASE("max nodes keeps the focus even when it is not central") {
        spec.ego = "d";
        spec.hops = 3;
        spec.max_nodes = 2;
        View v = select_view(g, spec, {});
        CHECK(ids(g, v.nodes) == Ids{"a", "d"});  // d (focus), then a (degree 4, first by id)
    }
    SUBCASE("explicit centrality decides the cap") {
        spec.max_nodes = 1;
        std::vector<double> score(g.node_count(), 0.0);
        score[*g.find_id("c")] = 9;
        CHECK(ids(g, select_view(g, spec, score).nodes) == Ids{"c"});
    }
    SUBCASE("bad arguments") {
        spec.labels = {"Vessel"};
        CHECK_THROWS_AS(select_view(g, spec, {}), ArgumentError);
        spec.labels.clear();
        spec.types = {"NO_SUCH_TYPE"};
        CHECK_THROWS_AS(select_view(g, spec, {}), ArgumentError);
        spec.types.clear();
        spec.ego = "nobody at all";
        CHECK_THROWS_AS(select_view(g, spec, {}), LookupError);
    }
}

TEST_CASE("degree counts each incident edge once") {
    PropertyGraph g = hand_graph();
    std::vector<double> d = degree_scores(g);
    CHECK(d[*g.find_id("a")] == 4);
    CHECK(d[*g.find_id("b")] == 4);
    CHECK(d[*g.find_id("c")] == 1);
}

TEST_CASE("grouping by country follows the country property or outgoing ties") {
    PropertyGraph g = hand_graph();
    View v = select_view(g, {}, {});
    std::vector<std::string> groups = group_nodes(g, v, GroupBy::Country, {});
    auto group_of = [&](const char* id) {
        auto it = std::find(v.nodes.begin(), v.nodes.end(), *g.find_id(id));
        return groups[static_cast<std::size_t>(it - v.nodes.begin())];
    };
    CHECK(group_of("c") == "c");
    CHECK(group_of("ag") == "c");  // REPRESENTS c
    CHECK(group_of("a") == "c");   // HEADS ag, which REPRESENTS c
    CHECK(group_of("b") == "");
    std::vector<int> community(g.node_count(), 1);
    community[*g.find_id("d")] = -1;
    std::vector<std::string> by_community = group_nodes(g, v, GroupBy::Community, community);
    CHECK(std::count(by_community.begin(), by_community.end(), "community 1") == 5);
}

TEST_CASE("views of the render fixture") {
    PropertyGraph g = read_graph_file(LIAISON_TEST_DATA "/render/small.json");
    ViewSpec spec;
    spec.ego = "حموشي";
    View v = select_view(g, spec, {});
    REQUIRE(v.focus);
    CHECK(g.node(*v.focus).id == "abdellatif-hammouchi");
    CHECK(v.nodes.size() > 5);
    spec.ego.clear();
    spec.event = "interpol-ga-93";
    v = select_view(g, spec, {});
    CHECK(std::find(v.nodes.begin(), v.nodes.end(), *g.find_id("marrakech")) != v.nodes.end());
}
