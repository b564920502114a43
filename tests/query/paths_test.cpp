// Quantified path patterns and subqueries against what liaison already had: on the seed network
// a quantified group finds exactly the paths of the equivalent variable-length relationship
// (from either end of the pattern), COUNT { } agrees with pattern comprehensions, and the
// repetition limit of QueryLimits holds.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "liaison/io/native_format.hpp"
#include "liaison/query/error.hpp"
#include "liaison/query/query.hpp"

using namespace liaison;
using query::execute;
using query::QueryLimits;

namespace {

const PropertyGraph& seed() {
    static const PropertyGraph g =
        read_graph_file(std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json");
    return g;
}

// Each row's path as the ids of its relationships' ends and its relationship indexes, so two
// queries compare path by path.
std::multiset<std::string> paths(const PropertyGraph& g, const std::string& text) {
    query::QueryResult r = execute(g, text);
    std::multiset<std::string> out;
    for (const auto& row : r.rows) {
        REQUIRE(row[0].kind() == Value::Kind::Path);
        const GraphPath& p = row[0].as_path();
        std::string s = g.node(p.nodes.front()).id;
        for (std::size_t i = 0; i < p.rels.size(); ++i) {
            s += " -" + std::to_string(p.rels[i]) + "- ";
            s += g.node(p.nodes[i + 1]).id;
        }
        out.insert(s);
    }
    return out;
}

std::string error_of(const PropertyGraph& g, const std::string& text, QueryLimits limits = {}) {
    try {
        execute(g, text, {}, limits);
    } catch (const query::QueryError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a quantified group finds the paths of the variable-length relationship") {
    const PropertyGraph& g = seed();
    auto group = paths(g, "MATCH p = (a)((x)-[:MET_WITH]-(y)){1,3}(b) RETURN p");
    auto star = paths(g, "MATCH p = (a)-[:MET_WITH*1..3]-(b) RETURN p");
    CHECK(group.size() == 2060);
    CHECK(group == star);
    // Every relationship type, directed, and a quantified relationship.
    auto any = paths(g, "MATCH p = (a)((x)-->(y)){2,3}(b) RETURN p");
    CHECK(any == paths(g, "MATCH p = (a)-[*2..3]->(b) RETURN p"));
    CHECK(any == paths(g, "MATCH p = (a)-->{2,3}(b) RETURN p"));
    CHECK(!any.empty());
}

TEST_CASE("a group matched from the node after it gives the same paths and lists") {
    const PropertyGraph& g = seed();
    // Anchored at the end, the planner walks the group backward.
    std::string tail =
        "MATCH p = (a)((x)-[r]-(y)){1,2}(b {id: 'ethiopian-federal-police'}) RETURN p";
    std::string head =
        "MATCH p = (a)((x)-[r]-(y)){1,2}(b) WHERE b.id = 'ethiopian-federal-police' RETURN p";
    auto backward = paths(g, tail);
    CHECK(backward == paths(g,
                            "MATCH p = (a)-[*1..2]-(b {id: 'ethiopian-federal-police'}) "
                            "RETURN p"));
    CHECK(backward == paths(g, head));
    CHECK(!backward.empty());
    // The group's lists follow the pattern's order whichever end the match starts from.
    auto r = execute(g,
                     "MATCH p = (a)((x)-[r]-(y)){2}(b {id: 'ethiopian-federal-police'}) "
                     "RETURN nodes(p)[0..2] = x AND nodes(p)[1..3] = y AND relationships(p) = r "
                     "AS same, count(*) AS n");
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][0] == Value(true));
    CHECK(r.rows[0][1].as_int() > 0);
}

TEST_CASE("the group's WHERE filters each repetition") {
    const PropertyGraph& g = seed();
    // Meetings only: a group restricted to MET_WITH by a WHERE on the type finds the MET_WITH
    // paths.
    auto where = paths(g,
                       "MATCH p = (a:Person)((x)-[r]-(y) WHERE type(r) = 'MET_WITH'){1,2}(b) "
                       "RETURN p");
    CHECK(where == paths(g, "MATCH p = (a:Person)-[:MET_WITH*1..2]-(b) RETURN p"));
}

TEST_CASE("COUNT { } counts what a pattern comprehension lists") {
    const PropertyGraph& g = seed();
    auto r = execute(g,
                     "MATCH (p:Person) WITH p, COUNT { (p)-[:MET_WITH]-() } AS c, "
                     "size([(p)-[:MET_WITH]-(q) | q]) AS s, "
                     "COUNT { MATCH (p)-[:MET_WITH]-(q) RETURN q } AS full "
                     "RETURN count(*) AS people, sum(c) AS total, all(x IN collect([c, s, full]) "
                     "WHERE x[0] = x[1] AND x[1] = x[2]) AS same");
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][1].as_int() > 40);
    CHECK(r.rows[0][2] == Value(true));
}

TEST_CASE("the repetition limit bounds unbounded quantifiers") {
    PropertyGraph g;
    execute(g, "CREATE (:N {k: 0})-[:T]->(:N {k: 1})-[:T]->(:N {k: 2})-[:T]->(:N {k: 3})");
    QueryLimits two;
    two.max_quantifier = 2;
    // Within the limit, + and {1,} stop where the graph does.
    CHECK(execute(g, "MATCH (a {k: 1})((x)-[:T]->(y))+(b) RETURN count(*)", {}, two).rows[0][0] ==
          Value(std::int64_t{2}));
    CHECK(
        execute(g, "MATCH (a {k: 0})((x)-[:T]->(y)){1,2}(b) RETURN count(*)", {}, two).rows[0][0] ==
        Value(std::int64_t{2}));
    // A path that would repeat a third time is an error, not a silent cut.
    CHECK(error_of(g, "MATCH (a {k: 0})((x)-[:T]->(y))+(b) RETURN count(*)", two) ==
          "query executor error: a quantified path would repeat more than 2 times (the limit of "
          "QueryLimits::max_quantifier): give the quantifier an upper bound, such as {1,5} "
          "(ResourceError)");
    CHECK(error_of(g, "MATCH (a {k: 0})-[:T]->+(b) RETURN count(*)", two) ==
          "query executor error: a quantified path would repeat more than 2 times (the limit of "
          "QueryLimits::max_quantifier): give the quantifier an upper bound, such as {1,5} "
          "(ResourceError)");
    CHECK(error_of(g, "MATCH (a {k: 0})((x)-[:T]->(y)){1,3}(b) RETURN count(*)", two) ==
          "query executor error: the quantifier's upper bound 3 is above the limit of 2 "
          "repetitions (QueryLimits::max_quantifier) (ResourceError)");
    // 0 lifts the limit: trail semantics still end every search.
    QueryLimits none;
    none.max_quantifier = 0;
    CHECK(execute(g, "MATCH (a {k: 0})((x)-[:T]->(y))+(b) RETURN count(*)", {}, none).rows[0][0] ==
          Value(std::int64_t{3}));
    // On a cycle an unbounded group ends too (no relationship twice).
    execute(g, "MATCH (a {k: 3}), (b {k: 0}) CREATE (a)-[:T]->(b)");
    CHECK(execute(g, "MATCH (a {k: 0})((x)-[:T]->(y))+(b) RETURN count(*)", {}, none).rows[0][0] ==
          Value(std::int64_t{4}));
}

TEST_CASE("a missing parameter fails before the query runs") {
    PropertyGraph g;
    execute(g, "CREATE (:N)");
    // Even where no row would read it.
    CHECK(error_of(g, "MATCH (n:Missing) RETURN n.k = $x") ==
          "query binder error at line 1, column 32: parameter $x was not given "
          "(ParameterMissing)");
}
