// The planner's seeks and pushed-down filters, and shortest paths, on small graphs: a seek by id
// (inline or in WHERE) must give the rows of the scan it replaces, and shortest paths their
// known lengths.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "liaison/query/query.hpp"

using namespace liaison;
using query::execute;

namespace {

// prefix + number, appended in steps (GCC 12 -Wrestrict misfires on "n" + std::to_string(i)).
std::string name(const char* prefix, int i, int j = -1) {
    std::string out = prefix;
    out += std::to_string(i);
    if (j >= 0) {
        out += '-';
        out += std::to_string(j);
    }
    return out;
}

Node person(std::string id, std::string label = "Person") {
    Node n;
    n.id = std::move(id);
    n.labels = {std::move(label)};
    return n;
}

void link(PropertyGraph& g, NodeIndex s, const char* type, NodeIndex t) {
    Edge e;
    e.source = s;
    e.target = t;
    e.type = g.relation(type);
    g.add_edge(std::move(e));
}

// 40 nodes (30 Person, 10 Org) with a deterministic tangle of KNOWS and MEMBER_OF edges,
// including a self-loop and parallel edges, so that isomorphism and direction matter.
PropertyGraph tangle() {
    PropertyGraph g;
    for (int i = 0; i < 40; ++i) g.add_node(person(name("n", i), i < 30 ? "Person" : "Org"));
    std::uint32_t x = 12345;
    for (int k = 0; k < 120; ++k) {
        x = x * 1103515245u + 12345u;
        auto s = static_cast<NodeIndex>((x >> 8) % 30);
        x = x * 1103515245u + 12345u;
        auto t = static_cast<NodeIndex>((x >> 8) % 40);
        link(g, s, t < 30 ? "KNOWS" : "MEMBER_OF", t);
    }
    link(g, 3, "KNOWS", 3);
    link(g, 4, "KNOWS", 5);
    link(g, 4, "KNOWS", 5);
    return g;
}

std::int64_t count_of(const PropertyGraph& g, const std::string& q, const std::string& id) {
    auto r = execute(g, q, {{"id", id}});
    REQUIRE(r.rows.size() == 1);
    return r.rows[0][0].as_int();
}

std::int64_t shortest(const PropertyGraph& g, const std::string& pattern, const std::string& a,
                      const std::string& b) {
    auto r = execute(g, "MATCH p = " + pattern + " RETURN length(p)", {{"a", a}, {"b", b}});
    if (r.rows.empty()) return -1;
    REQUIRE(r.rows.size() == 1);
    return r.rows[0][0].as_int();
}

}  // namespace

TEST_CASE("EXPLAIN shows a seek by id for inline ids and for WHERE equalities") {
    const PropertyGraph g = tangle();
    for (const char* q :
         {"EXPLAIN MATCH (a:Person {id: $id})--()--(c) RETURN count(DISTINCT c)",
          "EXPLAIN MATCH (a:Person)--(b)--(c) WHERE a.id = $id RETURN count(DISTINCT c)",
          "EXPLAIN MATCH (c)--(b)--(a:Person) WHERE $id = a.id RETURN count(DISTINCT c)",
          "EXPLAIN MATCH (c)<--(b)<--(a) WHERE c.id <> 'n1' AND a.id = 'n2' RETURN c"}) {
        CAPTURE(q);
        auto r = execute(g, q, {{"id", std::string("n1")}});
        CHECK(r.plan.find("start a by id") != std::string::npos);
    }
    // Other conjuncts are checked inside the match, next to the seek.
    auto r = execute(g, "EXPLAIN MATCH (a)-->(b) WHERE a.id = 'n1' AND b.id <> 'n2' RETURN b");
    CHECK(r.plan.find("where a.id = 'n1' AND b.id <> 'n2'") != std::string::npos);
    CHECK(r.plan.find("Filter") == std::string::npos);
    // An OR is no seek.
    auto s = execute(g, "EXPLAIN MATCH (a:Person) WHERE a.id = 'n1' OR a.id = 'n2' RETURN a");
    CHECK(s.plan.find("by label Person") != std::string::npos);
    auto sp = execute(g,
                      "EXPLAIN MATCH p = shortestPath((a)-[*]-(b)) WHERE a.id = 'n1' AND "
                      "b.id = 'n2' RETURN p");
    CHECK(sp.plan.find("ShortestPath (p)  ends by id") != std::string::npos);
}

TEST_CASE("the plan of docs/query.md") {
    const PropertyGraph g = tangle();
    auto r = execute(g,
                     "EXPLAIN MATCH (c)--(b)--(a:Person) WHERE a.id = $id "
                     "RETURN count(DISTINCT c)");
    CHECK(r.plan ==
          "Aggregate count(DISTINCT c)\n"
          "  Match (c)--(b)--(a:Person)  start a by id  where a.id = $id\n"
          "    Once\n");
}

TEST_CASE("a count of nodes is read from the graph and equals the scan's") {
    // Each form the count store serves, beside a form of the same question it does not.
    const std::vector<std::pair<std::string, std::string>> pairs = {
        {"MATCH (n) RETURN count(n)", "MATCH (n) WITH n RETURN count(n)"},
        {"MATCH (n) RETURN count(*)", "MATCH (n) WITH n RETURN count(*)"},
        {"MATCH () RETURN count(*) AS c", "MATCH (n) RETURN count(DISTINCT n) AS c"},
        {"MATCH (n:Person) RETURN count(n)", "MATCH (n) WHERE n:Person RETURN count(n)"},
        {"MATCH (n:Org) RETURN COUNT(n) AS orgs", "MATCH (n) WHERE n:Org RETURN count(n) AS orgs"},
        {"MATCH (n:Nobody) RETURN count(n)", "MATCH (n) WHERE n:Nobody RETURN count(n)"},
    };
    const auto counts = [&](PropertyGraph& g, std::int64_t nodes, std::int64_t persons) {
        for (const auto& [fast, scan] : pairs) {
            CAPTURE(fast);
            const auto a = execute(std::as_const(g), fast), b = execute(std::as_const(g), scan);
            CHECK(a.columns == b.columns);
            REQUIRE(a.rows.size() == 1);
            REQUIRE(b.rows.size() == 1);
            CHECK(a.rows[0][0].as_int() == b.rows[0][0].as_int());
            CHECK(execute(g, "EXPLAIN " + fast).plan.find("NodeCountFromCountStore") !=
                  std::string::npos);
            CHECK(execute(g, "EXPLAIN " + scan).plan.find("NodeCountFromCountStore") ==
                  std::string::npos);
        }
        CHECK(execute(std::as_const(g), "MATCH (n) RETURN count(n)").rows[0][0].as_int() == nodes);
        CHECK(execute(std::as_const(g), "MATCH (n:Person) RETURN count(*)").rows[0][0].as_int() ==
              persons);
    };
    PropertyGraph g = tangle();
    counts(g, 40, 30);
    execute(g, "CREATE (:Person {id: 'new'}), (:Org {id: 'new-org'})");
    execute(g, "MATCH (n {id: 'n3'}) DETACH DELETE n");
    counts(g, 41, 30);
    PropertyGraph empty;
    counts(empty, 0, 0);
    // Questions that only look alike are planned as before.
    for (const char* q :
         {"MATCH (n) RETURN count(n.id)", "MATCH (n) RETURN count(n), 1",
          "OPTIONAL MATCH (n) RETURN count(n)", "MATCH (n:Person:Org) RETURN count(n)",
          "MATCH (n {id: 'n1'}) RETURN count(n)", "MATCH (n)-->() RETURN count(n)",
          "MATCH (n) RETURN count(n) AS c ORDER BY c", "MATCH (n), (m) RETURN count(n)",
          "MATCH (n) RETURN count(n) LIMIT 0", "MATCH p = (n) RETURN count(n)"}) {
        CAPTURE(q);
        CHECK(execute(g, std::string("EXPLAIN ") + q).plan.find("NodeCountFromCountStore") ==
              std::string::npos);
    }
    CHECK(execute(std::as_const(g), "MATCH (n) RETURN count(n) LIMIT 0").rows.empty());
}

TEST_CASE("a seek gives the rows of the scan it replaces, in every form") {
    const PropertyGraph g = tangle();
    // `a.id + '' = $id` is no seek: the scan of all Person nodes, filtered.
    const std::vector<std::pair<std::string, std::vector<std::string>>> forms = {
        {"MATCH (a:Person)--()--(c) WHERE a.id + '' = $id RETURN count(DISTINCT c)",
         {"MATCH (a:Person {id: $id})--()--(c) RETURN count(DISTINCT c)",
          "MATCH (a:Person)--(b)--(c) WHERE a.id = $id RETURN count(DISTINCT c)",
          "MATCH (c)--(b)--(a:Person) WHERE a.id = $id RETURN count(DISTINCT c)",
          "MATCH (a:Person)--()--(c) WHERE a.id = $id WITH DISTINCT c RETURN count(c)",
          "MATCH (a:Person)--()--(c) WHERE a.id = $id WITH c RETURN count(DISTINCT c)"}},
        {"MATCH (a:Person)-->()-->(c) WHERE a.id + '' = $id RETURN count(DISTINCT c)",
         {"MATCH (a:Person {id: $id})-->()-->(c) RETURN count(DISTINCT c)",
          "MATCH (c)<--(b)<--(a:Person) WHERE a.id = $id RETURN count(DISTINCT c)"}},
        {"MATCH (a:Person)--(b)--(c) WHERE a.id + '' = $id RETURN count(*)",
         {"MATCH (a:Person {id: $id})--(b)--(c) RETURN count(*)",
          "MATCH (c)--(b)--(a) WHERE a.id = $id AND a:Person RETURN count(*)"}},
        {"MATCH (a)-[:KNOWS]->(b) WHERE a.id + '' = $id RETURN count(*)",
         {"MATCH (a {id: $id})-[:KNOWS]->(b) RETURN count(*)",
          "MATCH (b)<-[:KNOWS]-(a) WHERE a.id = $id RETURN count(*)"}},
        {"MATCH (a)--(b), (b)--(c) WHERE a.id + '' = $id AND c.id <> 'n7' RETURN count(*)",
         {"MATCH (a)--(b), (b)--(c) WHERE a.id = $id AND c.id <> 'n7' RETURN count(*)",
          "MATCH (b)--(c), (a)--(b) WHERE c.id <> 'n7' AND a.id = $id RETURN count(*)"}},
    };
    for (int i = 0; i < 40; ++i) {
        std::string id = name("n", i);
        for (const auto& [scan, seeks] : forms) {
            std::int64_t want = count_of(g, scan, id);
            for (const auto& q : seeks) {
                CAPTURE(q);
                CAPTURE(id);
                CHECK(count_of(g, q, id) == want);
            }
        }
    }
}

TEST_CASE("relationship isomorphism and nulls hold with a seek") {
    PropertyGraph g;
    auto a = g.add_node(person("a"));
    auto b = g.add_node(person("b"));
    link(g, a, "KNOWS", b);
    // One edge cannot be walked twice: no 2-hop path from a.
    CHECK(count_of(g, "MATCH (x {id: $id})--()--(c) RETURN count(*)", "a") == 0);
    CHECK(count_of(g, "MATCH (x)--()--(c) WHERE x.id = $id RETURN count(*)", "a") == 0);
    // Across the parts of one MATCH too.
    CHECK(count_of(g, "MATCH (x)--(y), (y)--(z) WHERE x.id = $id RETURN count(*)", "a") == 0);
    // ... but not across two MATCH clauses.
    CHECK(count_of(g, "MATCH (x)--(y) WHERE x.id = $id MATCH (y)--(z) RETURN count(*)", "a") == 1);
    // Nothing equals null, nor a number.
    CHECK(execute(g, "MATCH (x) WHERE x.id = null RETURN x").rows.empty());
    CHECK(execute(g, "MATCH (x {id: 1}) RETURN x").rows.empty());
    CHECK(execute(g, "MATCH (x) WHERE x.id = $v RETURN x", {{"v", query::Value()}}).rows.empty());
    CHECK(execute(g, "MATCH (x) WHERE x.id = 'nobody' RETURN x").rows.empty());
    // OPTIONAL MATCH keeps its row when the seek finds nothing.
    auto r = execute(g, "OPTIONAL MATCH (x) WHERE x.id = 'nobody' RETURN x");
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][0].is_null());
}

TEST_CASE("a stored id property disables the seek and still matches") {
    PropertyGraph g;
    Node n = person("slug");
    n.properties.set("id", liaison::Value(std::string("stored")));
    g.add_node(std::move(n));
    auto e = execute(g, "EXPLAIN MATCH (x) WHERE x.id = 'stored' RETURN x");
    CHECK(e.plan.find("by id") == std::string::npos);
    CHECK(execute(g, "MATCH (x) WHERE x.id = 'stored' RETURN x").rows.size() == 1);
    CHECK(execute(g, "MATCH (x {id: 'stored'}) RETURN x").rows.size() == 1);
    CHECK(execute(g, "MATCH (x {id: 'slug'}) RETURN x").rows.empty());
}

TEST_CASE("a name equality seeks through the name index and matches exactly") {
    PropertyGraph g;
    auto named = [&](const char* id, const char* en, const char* ar) {
        Node n = person(id);
        n.names.en = en;
        n.names.ar = ar;
        n.names.aliases = {"Alias"};
        return g.add_node(std::move(n));
    };
    auto a = named("a", "Ali", "");
    auto b = named("b", "ALI", "");
    auto c = named("c", "", "علي");
    link(g, a, "KNOWS", b);
    link(g, c, "KNOWS", a);
    auto e = execute(g, "EXPLAIN MATCH (x)--(y) WHERE x.name = $n RETURN y");
    CHECK(e.plan.find("start x by name") != std::string::npos);
    for (const char* n : {"Ali", "ALI", "ali", "علي", "Alias", "nobody"}) {
        CAPTURE(n);
        std::string v = n;
        auto scan = execute(g, "MATCH (x)--(y) WHERE x.name + '' = $n RETURN count(*)", {{"n", v}});
        auto inl = execute(g, "MATCH (x {name: $n})--(y) RETURN count(*)", {{"n", v}});
        auto where = execute(g, "MATCH (y)--(x) WHERE x.name = $n RETURN count(*)", {{"n", v}});
        CHECK(inl.rows[0][0] == scan.rows[0][0]);
        CHECK(where.rows[0][0] == scan.rows[0][0]);
    }
}

TEST_CASE("the seek sees a stored id written by the previous query") {
    PropertyGraph g;
    g.add_node(person("p1"));
    CHECK(execute(std::as_const(g), "MATCH (x {id: 'p1'}) RETURN x").rows.size() == 1);
    execute(g, "MATCH (x) SET x.id = 'other'");
    CHECK(execute(std::as_const(g), "MATCH (x {id: 'p1'}) RETURN x").rows.empty());
    CHECK(execute(std::as_const(g), "MATCH (x {id: 'other'}) RETURN x").rows.size() == 1);
}

TEST_CASE("shortestPath on a grid and a chain has the known lengths") {
    // A 6x6 grid of undirected-walkable KNOWS edges pointing right and down, and a chain
    // c0 -> c1 -> ... -> c9 with a LIKES shortcut c0 -> c9.
    PropertyGraph g;
    auto at = [](int r, int c) { return static_cast<NodeIndex>(r * 6 + c); };
    for (int r = 0; r < 6; ++r)
        for (int c = 0; c < 6; ++c) g.add_node(person(name("g", r, c)));
    for (int r = 0; r < 6; ++r)
        for (int c = 0; c < 6; ++c) {
            if (c + 1 < 6) link(g, at(r, c), "KNOWS", at(r, c + 1));
            if (r + 1 < 6) link(g, at(r, c), "KNOWS", at(r + 1, c));
        }
    NodeIndex first = 0;
    for (int i = 0; i < 10; ++i) {
        NodeIndex n = g.add_node(person(name("c", i)));
        if (i == 0) first = n;
        if (i > 0) link(g, n - 1, "KNOWS", n);
    }
    link(g, first, "LIKES", first + 9);
    g.add_node(person("alone"));

    const std::string any = "shortestPath((a {id: $a})-[*]-(b {id: $b}))";
    const std::string out = "shortestPath((a {id: $a})-[*]->(b {id: $b}))";
    const std::string in = "shortestPath((a {id: $a})<-[*]-(b {id: $b}))";
    const std::string knows = "shortestPath((a {id: $a})-[:KNOWS*]-(b {id: $b}))";
    const std::string short5 = "shortestPath((a {id: $a})-[*..5]-(b {id: $b}))";
    for (int r1 = 0; r1 < 6; ++r1)
        for (int c1 = 0; c1 < 6; ++c1)
            for (int r2 = 0; r2 < 6; r2 += 5)
                for (int c2 = 0; c2 < 6; c2 += 2) {
                    std::string a = name("g", r1, c1);
                    std::string b = name("g", r2, c2);
                    CAPTURE(a);
                    CAPTURE(b);
                    std::int64_t manhattan = std::abs(r1 - r2) + std::abs(c1 - c2);
                    bool down_right = r2 >= r1 && c2 >= c1;
                    if (a == b) {
                        CHECK(shortest(g, any, a, b) == -1);
                        continue;
                    }
                    CHECK(shortest(g, any, a, b) == manhattan);
                    CHECK(shortest(g, out, a, b) == (down_right ? manhattan : -1));
                    CHECK(shortest(g, in, b, a) == (down_right ? manhattan : -1));
                    CHECK(shortest(g, short5, a, b) == (manhattan <= 5 ? manhattan : -1));
                    // allShortestPaths: C(|dr| + |dc|, |dr|) monotone lattice paths.
                    std::int64_t dr = std::abs(r1 - r2), dc = std::abs(c1 - c2), paths = 1;
                    for (std::int64_t i = 1; i <= dr; ++i) paths = paths * (dc + i) / i;
                    auto all = execute(g,
                                       "MATCH p = allShortestPaths((a {id: $a})-[*]-(b {id: $b})) "
                                       "RETURN count(p), min(length(p)), max(length(p))",
                                       {{"a", a}, {"b", b}});
                    CHECK(all.rows[0][0].as_int() == paths);
                    CHECK(all.rows[0][1].as_int() == manhattan);
                    CHECK(all.rows[0][2].as_int() == manhattan);
                    auto dir = execute(g,
                                       "MATCH p = allShortestPaths((a {id: $a})<-[*]-(b {id: $b})) "
                                       "RETURN count(p)",
                                       {{"a", b}, {"b", a}});
                    CHECK(dir.rows[0][0].as_int() == (down_right ? paths : 0));
                    // WHERE ends give the same as inline ones.
                    auto w = execute(g,
                                     "MATCH p = shortestPath((x)-[*]-(y)) WHERE x.id = $a AND "
                                     "y.id = $b RETURN length(p)",
                                     {{"a", a}, {"b", b}});
                    REQUIRE(w.rows.size() == 1);
                    CHECK(w.rows[0][0].as_int() == manhattan);
                }
    CHECK(shortest(g, any, "c0", "c9") == 1);
    CHECK(shortest(g, knows, "c0", "c9") == 9);
    CHECK(shortest(g, knows, "c9", "c2") == 7);
    // An unknown last node: one search from the first, a path to each node reached.
    auto each = execute(g,
                        "MATCH p = shortestPath((a {id: 'c0'})-[:KNOWS*]->(b)) "
                        "RETURN count(p), max(length(p))");
    CHECK(each.rows[0][0].as_int() == 9);
    CHECK(each.rows[0][1].as_int() == 9);
    // Parallel edges are distinct paths.
    link(g, first + 3, "KNOWS", first + 4);
    CHECK(
        execute(g, "MATCH p = allShortestPaths((a {id: 'c1'})-[:KNOWS*]->(b {id: 'c6'})) RETURN p")
            .rows.size() == 2);
    CHECK(shortest(g, any, "c0", "g0-0") == -1);
    CHECK(shortest(g, any, "alone", "c3") == -1);
    CHECK(shortest(g, any, "c0", "nobody") == -1);

    // The path is a real one: consecutive relationships join its nodes, from a to b.
    auto p = execute(g,
                     "MATCH p = shortestPath((a {id: 'g0-0'})-[*]-(b {id: 'g5-5'})) "
                     "RETURN [n IN nodes(p) | n.id], size(relationships(p))");
    REQUIRE(p.rows.size() == 1);
    const auto& ids = p.rows[0][0].as_list();
    REQUIRE(ids.size() == 11);
    CHECK(ids.front().as_string() == "g0-0");
    CHECK(ids.back().as_string() == "g5-5");
    CHECK(p.rows[0][1].as_int() == 10);
    // One path for shortestPath, all of them for allShortestPaths (C(4,2) = 6 on a 3x3 corner).
    CHECK(execute(g, "MATCH p = allShortestPaths((a {id: 'g0-0'})-[*]-(b {id: 'g2-2'})) RETURN p")
              .rows.size() == 6);
    CHECK(execute(g, "MATCH p = shortestPath((a {id: 'g0-0'})-[*]-(b {id: 'g2-2'})) RETURN p")
              .rows.size() == 1);
    // Bound ends from an earlier MATCH take the same search.
    auto bound = execute(g,
                         "MATCH (a {id: 'c1'}), (b {id: 'c8'}) "
                         "MATCH p = shortestPath((a)-[:KNOWS*]->(b)) RETURN length(p)");
    REQUIRE(bound.rows.size() == 1);
    CHECK(bound.rows[0][0].as_int() == 7);
}
