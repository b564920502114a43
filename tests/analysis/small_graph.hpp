#pragma once
// A small property graph for projection and time tests (no real people: ids are roles).
//
//   person-a —MET_WITH— person-b          2023-11-29
//   person-a —MET_WITH— person-c  ×2      one dated 2025-11-25, one undated with event ga-93
//   person-a, person-b —ATTENDED→ ga-91   (Event 2023-11-28 .. 2023-12-01)
//   person-a, person-b, person-c —ATTENDED→ ga-93   (Event 2025-11-24 .. 2025-11-27)
//   person-b —REPRESENTS→ country-x       undated, strength 2.5
//   person-a —REPRESENTS→ country-y       undated, score "high" (not a number)
#include "liaison/core/date.hpp"
#include "liaison/model/property_graph.hpp"

namespace fixtures {

inline liaison::PropertyGraph small_graph() {
    using namespace liaison;
    PropertyGraph g;
    auto node = [&](const char* id, const char* label, const char* start = nullptr,
                    const char* end = nullptr) {
        Node n;
        n.id = id;
        n.labels = {label};
        n.names.en = id;
        if (start) n.time.start = Date::parse(start);
        if (end) n.time.end = Date::parse(end);
        return g.add_node(n);
    };
    NodeIndex a = node("person-a", "Person");
    NodeIndex b = node("person-b", "Person");
    NodeIndex c = node("person-c", "Person");
    NodeIndex ga91 = node("ga-91", "Event", "2023-11-28", "2023-12-01");
    NodeIndex ga93 = node("ga-93", "Event", "2025-11-24", "2025-11-27");
    NodeIndex x = node("country-x", "Country");
    NodeIndex y = node("country-y", "Country");
    auto edge = [&](NodeIndex s, const char* type, NodeIndex t, const char* date = nullptr) {
        Edge e;
        e.type = g.relation(type);
        e.source = s;
        e.target = t;
        if (date) e.time.date = Date::parse(date);
        return e;
    };
    g.add_edge(edge(a, "MET_WITH", b, "2023-11-29"));
    g.add_edge(edge(a, "MET_WITH", c, "2025-11-25"));
    Edge undated = edge(a, "MET_WITH", c);
    undated.properties.set("event", Value("ga-93"));
    g.add_edge(undated);
    g.add_edge(edge(a, "ATTENDED", ga91));
    g.add_edge(edge(b, "ATTENDED", ga91));
    g.add_edge(edge(a, "ATTENDED", ga93));
    g.add_edge(edge(b, "ATTENDED", ga93));
    g.add_edge(edge(c, "ATTENDED", ga93));
    Edge rep_b = edge(b, "REPRESENTS", x);
    rep_b.properties.set("strength", Value(2.5));
    g.add_edge(rep_b);
    Edge rep_a = edge(a, "REPRESENTS", y);
    rep_a.properties.set("score", Value("high"));
    g.add_edge(rep_a);
    return g;
}

}  // namespace fixtures
