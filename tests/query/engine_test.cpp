// The query engine on a small liaison graph: names as properties, symmetric relations,
// name lookup, the planner's choice of start, writes and their rollback, errors.
#include <doctest/doctest.h>

#include <string>

#include "liaison/query/query.hpp"

using namespace liaison;
using query::execute;
using query::QueryError;

namespace {

// hammouchi --MET_WITH (symmetric, 2025-11-25)--> banyan
// hammouchi --ATTENDED--> ga93 <--ATTENDED-- banyan ; hammouchi --HEADS--> dgsn
PropertyGraph small_graph() {
    PropertyGraph g;
    auto node = [&](std::string id, std::string label, std::string en, std::string ar,
                    std::vector<std::string> aliases = {}) {
        Node n;
        n.id = std::move(id);
        n.labels = {std::move(label)};
        n.names.en = std::move(en);
        n.names.ar = std::move(ar);
        n.names.aliases = std::move(aliases);
        return g.add_node(std::move(n));
    };
    auto h = node("abdellatif-hammouchi", "Person", "Abdellatif Hammouchi", "عبد اللطيف حموشي",
                  {"الحموشي"});
    auto b = node("abdulmajeed-al-banyan", "Person", "Abdulmajeed Al-Banyan", "");
    auto ga = node("interpol-ga-93", "Event", "93rd Interpol General Assembly", "");
    auto dgsn = node("dgsn", "Agency", "", "المديرية العامة للأمن الوطني");
    auto edge = [&](NodeIndex s, const char* type, NodeIndex t, const char* date = nullptr) {
        Edge e;
        e.source = s;
        e.target = t;
        e.type = g.relation(type);
        if (date) e.time.date = Date::parse(date);
        g.add_edge(std::move(e));
    };
    edge(h, "MET_WITH", b, "2025-11-25");
    edge(h, "ATTENDED", ga);
    edge(b, "ATTENDED", ga);
    edge(h, "HEADS", dgsn);
    return g;
}

std::vector<std::string> column(const query::QueryResult& r, std::size_t c = 0) {
    std::vector<std::string> out;
    for (const auto& row : r.rows) out.push_back(r.display(row[c]));
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("names are properties: name, name_en, name_ar, aliases, id") {
    const PropertyGraph g = small_graph();
    auto r = execute(g, "MATCH (a:Agency) RETURN a.name, a.name_en, a.name_ar, a.id");
    REQUIRE(r.rows.size() == 1);
    CHECK(r.display(r.rows[0][0]) == "المديرية العامة للأمن الوطني");  // Arabic when no English
    CHECK(r.rows[0][1].is_null());
    CHECK(r.display(r.rows[0][3]) == "dgsn");
}

TEST_CASE("a symmetric relation is read in both directions, an asymmetric one is not") {
    const PropertyGraph g = small_graph();
    CHECK(column(
              execute(g, "MATCH (b {id: 'abdulmajeed-al-banyan'})-[:MET_WITH]->(x) RETURN x.id")) ==
          std::vector<std::string>{"abdellatif-hammouchi"});
    CHECK(
        column(execute(g, "MATCH (a {id: 'abdellatif-hammouchi'})-[:MET_WITH]->(x) RETURN x.id")) ==
        std::vector<std::string>{"abdulmajeed-al-banyan"});
    CHECK(execute(g, "MATCH (d:Agency)-[:HEADS]->(x) RETURN x").rows.empty());
    CHECK(execute(g, "MATCH (d:Agency)<-[:HEADS]-(x) RETURN x").rows.size() == 1);
}

TEST_CASE("liaison.named finds an entity by any spelling, Arabic folded") {
    const PropertyGraph g = small_graph();
    for (const char* name : {"الحموشي", "حموشي", "Abdellatif Hammouchi", "abdellatif hammouchi"}) {
        CAPTURE(name);
        auto r = execute(g, "MATCH (p) WHERE liaison.named(p, $n) RETURN p.id",
                         {{"n", std::string(name)}});
        CHECK(column(r) == std::vector<std::string>{"abdellatif-hammouchi"});
    }
}

TEST_CASE("two hops, shortest paths, aggregation and dates as dates") {
    const PropertyGraph g = small_graph();
    auto r = execute(g,
                     "MATCH (a:Person)-[:ATTENDED]->(e:Event)<-[:ATTENDED]-(b:Person) "
                     "WHERE a.id < b.id RETURN e.name, count(*) AS pairs");
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][1] == query::Value(std::int64_t{1}));
    auto p = execute(g,
                     "MATCH (a {id: 'dgsn'}), (b {id: 'interpol-ga-93'}), "
                     "p = shortestPath((a)-[*]-(b)) RETURN length(p)");
    REQUIRE(p.rows.size() == 1);
    CHECK(p.rows[0][0] == query::Value(std::int64_t{2}));
    auto d = execute(
        g, "MATCH ()-[m:MET_WITH]-() WHERE m.date >= date('2025-11') RETURN DISTINCT m.date");
    REQUIRE(d.rows.size() == 1);
    CHECK(d.display(d.rows[0][0]) == "2025-11-25");
    CHECK(execute(g, "MATCH ()-[m:MET_WITH]-() WHERE m.date < '2025' RETURN m").rows.empty());
}

TEST_CASE("EXPLAIN shows the start chosen by selectivity, whichever way the pattern is written") {
    const PropertyGraph g = small_graph();
    auto a = execute(g, "EXPLAIN MATCH (p:Person)-[:HEADS]->(x {id: 'dgsn'}) RETURN p");
    auto b = execute(g, "EXPLAIN MATCH (x {id: 'dgsn'})<-[:HEADS]-(p:Person) RETURN p");
    CHECK(a.explain_only);
    CHECK(a.plan.find("start x by id") != std::string::npos);
    CHECK(b.plan.find("start x by id") != std::string::npos);
    auto c = execute(g, "EXPLAIN MATCH (p:Person)-[:HEADS]->(x:Agency) RETURN p");
    CHECK(c.plan.find("start x by label Agency (1 nodes)") != std::string::npos);
    auto prof = execute(g, "PROFILE MATCH (p:Person) RETURN p.name");
    CHECK(prof.rows.size() == 2);
    CHECK(prof.plan.find("rows: 2") != std::string::npos);
}

TEST_CASE("writes update the graph; a failing query leaves it unchanged") {
    PropertyGraph g = small_graph();
    auto r = execute(g, "CREATE (:Topic {title: 'training'})-[:DISCUSSED_AT]->(:Event) RETURN 1");
    CHECK(r.stats.nodes_created == 2);
    CHECK(r.stats.relationships_created == 1);
    CHECK(g.node_count() == 6);
    CHECK_THROWS_AS(execute(g, "CREATE (:Topic) WITH 1 AS x RETURN 1 / 0"), QueryError);
    CHECK(g.node_count() == 6);
    execute(g, "MATCH (t:Topic) DETACH DELETE t");
    CHECK(g.node_count() == 5);
    CHECK_THROWS_AS(execute(std::as_const(g), "CREATE ()"), QueryError);
}

TEST_CASE("binder errors name the variable, the line and the column") {
    const PropertyGraph g = small_graph();
    try {
        execute(g, "MATCH (a)\nRETURN b");
        FAIL("no error");
    } catch (const QueryError& e) {
        CHECK(e.stage() == query::Stage::Binder);
        CHECK(e.code() == "UndefinedVariable");
        CHECK(e.line() == 2);
        CHECK(e.column() == 8);
    }
}
