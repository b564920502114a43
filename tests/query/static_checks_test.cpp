// openCypher's compile-time checks (literal operands of the wrong type, path variables reused
// inside their pattern, size() of a pattern) and procedure calls with declared signatures.
#include <doctest/doctest.h>

#include <string>

#include "liaison/query/query.hpp"
#include "query/executor/procedures.hpp"

using namespace liaison;
using query::execute;
using query::QueryError;

namespace {

// The category, code and stage of the error a query raises; "" when it succeeds.
std::string error_of(PropertyGraph& g, const std::string& text,
                     const query::ValueMap& params = {}) {
    try {
        execute(g, text, params);
    } catch (const QueryError& e) {
        return e.category() + "/" + e.code() + (e.compile_time() ? " compile" : " runtime");
    }
    return "";
}

}  // namespace

TEST_CASE("a literal that is never a boolean is refused by NOT, AND, OR and XOR before running") {
    PropertyGraph g;
    const std::string want = "SyntaxError/InvalidArgumentType compile";
    CHECK(error_of(g, "RETURN NOT 0") == want);
    CHECK(error_of(g, "RETURN 123 AND true") == want);
    CHECK(error_of(g, "RETURN null OR [null]") == want);
    CHECK(error_of(g, "RETURN false XOR {x: []}") == want);
    CHECK(error_of(g, "RETURN 'foo' AND true") == want);
    CHECK(error_of(g, "RETURN null AND true, NOT null, true XOR false").empty());
    // A value only known when running is checked then.
    CHECK(error_of(g, "WITH 1 AS x RETURN x AND true") == "TypeError/InvalidArgumentType runtime");
}

TEST_CASE("IN refuses a literal that is not a list, size() a pattern, a path its own name") {
    PropertyGraph g;
    CHECK(error_of(g, "RETURN 1 IN 123") == "SyntaxError/InvalidArgumentType compile");
    CHECK(error_of(g, "RETURN 1 IN {x: []}") == "SyntaxError/InvalidArgumentType compile");
    CHECK(error_of(g, "RETURN 1 IN null, 1 IN [1]").empty());
    CHECK(error_of(g, "MATCH (a) RETURN size((a)-->())") == "SyntaxError/UnexpectedSyntax compile");
    CHECK(error_of(g, "MATCH p = (p)-->() RETURN p") == "SyntaxError/VariableAlreadyBound compile");
    CHECK(error_of(g, "MATCH p = ()-[p*]->() RETURN p") ==
          "SyntaxError/VariableAlreadyBound compile");
    CHECK(error_of(g, "RETURN range(0, 1.5)") == "ArgumentError/InvalidArgumentType runtime");
}

TEST_CASE("values known from literals have no properties and no arithmetic but +") {
    PropertyGraph g;
    CHECK(error_of(g, "WITH 123 AS x RETURN x.num") == "TypeError/InvalidArgumentType compile");
    CHECK(error_of(g, "WITH [1, true] AS x RETURN x.num") ==
          "TypeError/InvalidArgumentType compile");
    CHECK(error_of(g, "WITH {num: 1} AS x, null AS y RETURN x.num, y.num").empty());
    CHECK(error_of(g, "RETURN none(x IN ['a', 'b'] WHERE x % 2 = 0)") ==
          "SyntaxError/InvalidArgumentType compile");
    CHECK(error_of(g, "RETURN any(x IN [true] WHERE x * 2 = 0)") ==
          "SyntaxError/InvalidArgumentType compile");
    CHECK(error_of(g, "RETURN all(x IN ['a', 1] WHERE x + 'b' = 'ab')").empty());
    CHECK(error_of(g, "RETURN [x IN [1, 2] | x % 2]").empty());
}

TEST_CASE("clauses and functions refuse what can never fit them before running") {
    PropertyGraph g;
    CHECK(error_of(g, "RETURN 1 AS a UNION RETURN 2 AS a UNION ALL RETURN 3 AS a") ==
          "SyntaxError/InvalidClauseComposition compile");
    CHECK(error_of(g, "RETURN 1 AS a UNION ALL RETURN 2 AS a UNION ALL RETURN 3 AS a").empty());
    CHECK(error_of(g, "MATCH (r) RETURN type(r)") == "SyntaxError/InvalidArgumentType compile");
    CHECK(error_of(g, "MATCH p = (a)-->(b) RETURN size(p)") ==
          "SyntaxError/InvalidArgumentType compile");
    CHECK(error_of(g, "MATCH p = (a)-->(b) RETURN labels(p)") ==
          "SyntaxError/InvalidArgumentType compile");
    CHECK(error_of(g, "RETURN properties('x')") == "SyntaxError/InvalidArgumentType compile");
    CHECK(error_of(g, "MATCH () DELETE 1 + 1") == "SyntaxError/InvalidArgumentType compile");
    CHECK(error_of(g, "MATCH (n) DELETE n:Person") == "SyntaxError/InvalidDelete compile");
    CHECK(error_of(g, "MATCH (a) MERGE (a)") == "SyntaxError/VariableAlreadyBound compile");
    CHECK(error_of(g, "MATCH (a) MERGE (a)-[:R]->(b) RETURN b").empty());
}

TEST_CASE("a pattern is a predicate, not a value; WHERE wants a boolean") {
    PropertyGraph g;
    const std::string want = "SyntaxError/UnexpectedSyntax compile";
    CHECK(error_of(g, "MATCH (n) RETURN (n)-[]->()") == want);
    CHECK(error_of(g, "MATCH (n) WITH (n)-->() AS x RETURN x") == want);
    CHECK(error_of(g, "MATCH (n) SET n.p = head(nodes(head((n)-->()))).foo") == want);
    CHECK(error_of(g, "MATCH (n) WHERE NOT (n)-->() RETURN n, exists((n)-->()) AS e").empty());
    CHECK(error_of(g, "MATCH (n) WHERE (n) RETURN n") == "SyntaxError/InvalidArgumentType compile");
}

TEST_CASE("ORDER BY after an aggregating WITH; label tests on relationships") {
    PropertyGraph g;
    execute(g, "CREATE (:A {n: 1})-[:T]->(:A {n: 2})");
    CHECK(error_of(g,
                   "MATCH (a:A) WITH a.n % 2 AS m, min(a.n) AS lo ORDER BY sum(a.n) "
                   "RETURN m") == "SyntaxError/UndefinedVariable compile");
    CHECK(error_of(g,
                   "MATCH (a:A) WITH a.n % 2 AS m, sum(a.n) AS s ORDER BY sum(a.n) "
                   "RETURN m")
              .empty());
    auto r = execute(g, "MATCH ()-[r]->() RETURN r:T, r:U, r:T:T");
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][0].as_bool());
    CHECK_FALSE(r.rows[0][1].as_bool());
    CHECK(r.rows[0][2].as_bool());
}

TEST_CASE("MERGE refuses a null property value while running") {
    PropertyGraph g;
    CHECK(error_of(g, "MERGE ({num: null})") == "SemanticError/MergeReadOwnWrites runtime");
    CHECK(error_of(g, "CREATE (a), (b) MERGE (a)-[:X {num: null}]->(b)") ==
          "SemanticError/MergeReadOwnWrites runtime");
    CHECK(g.node_count() == 0);
    CHECK(error_of(g, "MERGE ({num: 1})").empty());
}

TEST_CASE("EXISTS { MATCH … WHERE … RETURN … } is the existence of a row") {
    PropertyGraph g;
    execute(g, "CREATE (:A {p: 1})-[:R]->(:B {p: 1}), (:C)");
    auto r = execute(g,
                     "MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WHERE m.p = n.p RETURN m } "
                     "RETURN labels(n)[0]");
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][0].as_string() == "A");
    CHECK(
        execute(g, "MATCH (n) WHERE EXISTS { MATCH (n)-->() RETURN true } RETURN n").rows.size() ==
        1);
    // A whole subquery: an aggregating RETURN always has its one row, and WITH filters.
    CHECK(execute(g, "MATCH (n) WHERE EXISTS { MATCH (n)-->() RETURN count(*) } RETURN n")
              .rows.size() == 3);
    CHECK(execute(g,
                  "MATCH (n) WHERE EXISTS { MATCH (n)-->(m) WITH m WHERE m.p = 1 RETURN m } "
                  "RETURN n")
              .rows.size() == 1);
    CHECK(error_of(g, "MATCH (n) WHERE EXISTS { MATCH (n)-->(m) SET m.p = 2 } RETURN n") ==
          "SyntaxError/InvalidClauseComposition compile");
}

TEST_CASE("procedures with a signature: arity, argument types, implicit arguments, void calls") {
    PropertyGraph g;
    execute(g, "CREATE (), ()");
    query::Procedure echo;
    echo.info = {"test.echo", {"in"}, {"out"}, 1, {"INTEGER"}};
    echo.run = [](query::ExecContext&, const std::vector<query::Value>& args) {
        return std::vector<query::ValueMap>{{{"out", args[0]}}};
    };
    query::register_procedure(echo);
    query::Procedure nothing;
    nothing.info = {"test.nothing", {}, {}, 0, {}};
    nothing.run = [](query::ExecContext&, const std::vector<query::Value>&) {
        return std::vector<query::ValueMap>{};
    };
    query::register_procedure(nothing);

    CHECK(error_of(g, "CALL test.echo()") == "SyntaxError/InvalidNumberOfArguments compile");
    CHECK(error_of(g, "CALL test.echo(true)") == "SyntaxError/InvalidArgumentType compile");
    CHECK(error_of(g, "CALL test.echo YIELD out RETURN out") ==
          "SyntaxError/InvalidArgumentPassingMode compile");
    CHECK(error_of(g, "CALL test.echo(1) RETURN 1") == "SyntaxError/UndefinedVariable compile");
    CHECK(error_of(g, "CALL test.echo(1) YIELD * RETURN out") ==
          "SyntaxError/UnexpectedSyntax compile");
    auto r = execute(g, "CALL test.echo", {{"in", query::Value(7)}});
    REQUIRE(r.rows.size() == 1);
    CHECK(r.rows[0][0].as_int() == 7);
    // A void procedure keeps the rows it is given and returns none when standing alone.
    CHECK(execute(g, "MATCH (n) CALL test.nothing() RETURN n").rows.size() == 2);
    CHECK(execute(g, "CALL test.nothing()").rows.empty());
    query::unregister_procedure("test.echo");
    CHECK(error_of(g, "CALL test.echo(1)") == "ProcedureError/ProcedureNotFound compile");
    query::unregister_procedure("test.nothing");
}
