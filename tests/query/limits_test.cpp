// The engine's limits: expression depth (every stage recurses over the tree the parser accepts),
// clause count, and the governor's time limit and memory budget.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "liaison/io/native_format.hpp"
#include "liaison/query/query.hpp"

using namespace liaison;
using query::execute;
using query::QueryError;
using query::QueryLimits;

namespace {

std::string repeat(const std::string& first, const std::string& each, int times) {
    std::string s = first;
    for (int i = 0; i < times; ++i) s += each;
    return s;
}

// The error a query ends with ("" when it succeeds).
std::string error_of(const PropertyGraph& g, const std::string& text, QueryLimits limits = {}) {
    try {
        execute(g, text, {}, limits);
    } catch (const QueryError& e) {
        return e.code() + ": " + e.what();
    }
    return "";
}

const PropertyGraph& seed() {
    static const PropertyGraph g =
        read_graph_file(std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json");
    return g;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("deep expressions are refused by the parser with the limit and a position") {
    const PropertyGraph g;
    const std::string limit = "expression nested too deeply (limit 1000)";
    const std::string deep[] = {
        repeat("RETURN 1", " + 1", 20000),
        repeat("RETURN true", " AND true", 30000),
        repeat("RETURN 2", " * 1 - 1 + 1", 7000),
        repeat("RETURN {a: 1}", ".a", 20000),
        repeat("RETURN [1]", "[0]", 20000),
        repeat("RETURN null", " IS NULL", 20000),
        repeat("RETURN 'x'", " STARTS WITH 'x'", 20000),
        repeat("MATCH (n) WHERE n.x", " OR n.x", 20000) + " RETURN n",
        // Nesting and chains add up: 390 lists around a chain of 700 terms.
        "RETURN " + std::string(390, '[') + repeat("1", " + 1", 700) + std::string(390, ']'),
    };
    for (const auto& q : deep) {
        CAPTURE(q.substr(0, 40));
        std::string e = error_of(g, q);
        CHECK(e.find("NestingTooDeep") == 0);
        CHECK(e.find("at line 1, column") != std::string::npos);
    }
    CHECK(error_of(g, repeat("RETURN 1", " + 1", 20000)).find(limit) != std::string::npos);
    // Nesting by parentheses, lists, maps, NOT, unary minus, CASE: the parser's own recursion.
    const std::string nested[] = {
        "RETURN " + std::string(5000, '(') + "1" + std::string(5000, ')'),
        "RETURN " + std::string(5000, '[') + std::string(5000, ']'),
        repeat("RETURN ", "{a: ", 5000) + "1" + std::string(5000, '}'),
        repeat("RETURN ", "NOT ", 30000) + "true",
        repeat("RETURN ", "- ", 30000) + "1",
        repeat("RETURN ", "CASE WHEN true THEN ", 5000) + "1" + repeat("", " END", 5000),
        repeat("RETURN ", "size(", 5000) + "[]" + std::string(5000, ')'),
        repeat("RETURN ", "[x IN ", 5000) + "[]" + repeat("", " | x]", 5000),
    };
    for (const auto& q : nested) {
        CAPTURE(q.substr(0, 40));
        CHECK(error_of(g, q).find("NestingTooDeep") == 0);
    }
}

TEST_CASE("expressions at the depth limit bind, plan and evaluate") {
    const PropertyGraph g;
    // 1000 terms: a left-deep tree 1000 levels high, evaluated recursively.
    auto r = execute(g, repeat("RETURN 1", " + 1", 999) + " AS n");
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][0] == query::Value(std::int64_t{1000}));
    auto w = execute(g, repeat("UNWIND [1, 2] AS x WITH x WHERE x = 1", " OR x = 1", 400) +
                            " RETURN count(*) AS c");
    CHECK(w.rows[0][0] == query::Value(std::int64_t{1}));
    auto n = execute(g, "RETURN " + std::string(390, '[') + std::string(390, ']') + " AS l");
    CHECK(n.rows.size() == 1);
}

TEST_CASE("values nest at most 1000 deep") {
    const PropertyGraph g;
    const char* deep[] = {
        "RETURN size(reduce(l = [], x IN range(1, 100000) | [l])) AS n",
        "RETURN size(reduce(m = {}, x IN range(1, 100000) | {m: m})) AS n",
        "RETURN size(reduce(l = [], x IN range(1, 100000) | [y IN [l] | y])) AS n",
        "RETURN size(reduce(l = [], x IN range(1, 100000) | 1 + [l])) AS n",
    };
    for (const char* q : deep) {
        CAPTURE(q);
        CHECK(error_of(g, q).find("ValueTooDeep") == 0);
    }
    auto r =
        execute(g, "WITH reduce(l = [], x IN range(1, 999) | [l]) AS l RETURN l, l = l AS same");
    CHECK(r.rows[0][1] == query::Value(true));
    CHECK(r.text(r.rows[0][0]).size() == 2 * 1000);
}

TEST_CASE("shortest paths as long as the graph are rebuilt without recursion") {
    PropertyGraph g;
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        Node node;
        node.id = "c" + std::to_string(i);
        node.labels = {"Place"};
        node.names.en = node.id;
        g.add_node(std::move(node));
        if (i > 0) {
            Edge e;
            e.source = static_cast<NodeIndex>(i - 1);
            e.target = static_cast<NodeIndex>(i);
            e.type = g.relation("NEXT");
            g.add_edge(std::move(e));
        }
    }
    const std::string ends = "(a {id: 'c0'})-[*]-(b {id: 'c99999'})";
    const std::string ends2 = "(a {id: 'c0'})-[*2..]-(b {id: 'c99999'})";  // the general search
    for (const std::string& q : {"MATCH p = shortestPath(" + ends + ") RETURN length(p)",
                                 "MATCH p = allShortestPaths(" + ends + ") RETURN length(p)",
                                 "MATCH p = shortestPath(" + ends2 + ") RETURN length(p)",
                                 "MATCH p = allShortestPaths(" + ends2 + ") RETURN length(p)"}) {
        CAPTURE(q);
        auto r = execute(g, q);
        REQUIRE(r.rows.size() == 1);
        CHECK(r.rows[0][0] == query::Value(std::int64_t{n - 1}));
    }
}

TEST_CASE("long queries: many clauses are refused, long UNIONs and patterns run") {
    const PropertyGraph g;
    CHECK(error_of(g, repeat("WITH 1 AS x", " WITH x", 1000) + " RETURN x").find("QueryTooLong") ==
          0);
    auto w = execute(g, repeat("WITH 1 AS x", " WITH x + 1 AS x", 900) + " RETURN x");
    CHECK(w.rows[0][0] == query::Value(std::int64_t{901}));
    auto u = execute(g, repeat("RETURN 1 AS x", " UNION RETURN 1 AS x", 2000));
    CHECK(u.rows.size() == 1);
    auto p = execute(g, repeat("MATCH (a)", "-->()", 2000) + " RETURN count(*) AS c");
    CHECK(p.rows[0][0] == query::Value(std::int64_t{0}));
}

TEST_CASE("regular expressions on long texts neither recurse nor backtrack") {
    const PropertyGraph g;
    auto r = execute(g, "RETURN '" + std::string(30000, 'x') + "' =~ '(x|y)*' AS m");
    CHECK(r.rows[0][0] == query::Value(true));
    auto t0 = std::chrono::steady_clock::now();
    auto h = execute(g, "RETURN '" + std::string(30000, 'a') + "!' =~ '(a+)+$' AS m");
    CHECK(h.rows[0][0] == query::Value(false));
    CHECK(seconds_since(t0) < 2);
}

TEST_CASE("the governor ends a query at its time limit") {
    QueryLimits limits;
    limits.timeout_seconds = 0.5;
    const char* slow[] = {
        "MATCH (a)-[*]-(b) RETURN count(*)",              // unbounded var-length paths
        "MATCH (a)-[*60]-(b) RETURN count(*)",            // a 60-hop pattern
        "MATCH (a), (b), (c), (d), (e) RETURN count(*)",  // 122^5 rows
    };
    for (const char* q : slow) {
        CAPTURE(q);
        auto t0 = std::chrono::steady_clock::now();
        std::string e = error_of(seed(), q, limits);
        CHECK(e.find("TimeLimitExceeded") == 0);
        CHECK(e.find("query exceeded its time limit of 0.5 s") != std::string::npos);
        CHECK(seconds_since(t0) < 1.5);
    }
}

TEST_CASE("the governor ends a query at its memory budget") {
    QueryLimits limits;
    limits.max_memory = std::uint64_t{64} << 20;
    limits.timeout_seconds = 20;
    const char* big[] = {
        "UNWIND range(1, 1000000000) AS x RETURN count(x)",
        "RETURN size(reduce(s = 'x', i IN range(1, 40) | s + s))",
        "RETURN size(reduce(l = [1], i IN range(1, 40) | l + l))",
        "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b RETURN collect([a, b])",
        "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b RETURN a, b ORDER BY a DESC",
        "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b RETURN DISTINCT [a, b, 'x']",
        "UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b RETURN a, b",
    };
    for (const char* q : big) {
        CAPTURE(q);
        std::string e = error_of(seed(), q, limits);
        CHECK(e.find("MemoryLimitExceeded") == 0);
        CHECK(e.find("query exceeded its memory budget of 64 MiB") != std::string::npos);
    }
    // Within the budget, the same shapes answer.
    auto r = execute(seed(), "UNWIND range(1, 300) AS a UNWIND range(1, 300) AS b RETURN count(*)",
                     {}, limits);
    CHECK(r.rows[0][0] == query::Value(std::int64_t{90000}));
}

TEST_CASE("variable-length matching streams: the first paths come at once") {
    QueryLimits limits;
    limits.timeout_seconds = 5;
    auto t0 = std::chrono::steady_clock::now();
    auto r = execute(seed(), "MATCH p = (a)-[*]-(b) RETURN length(p) AS n LIMIT 5", {}, limits);
    CHECK(r.rows.size() == 5);
    CHECK(seconds_since(t0) < 2);
}
