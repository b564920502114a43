// The function table (one entry per function, resolved once by the binder) and the bound tree
// (built beside the parsed one, which binding leaves as parsed).
#include <doctest/doctest.h>

#include <cctype>
#include <set>
#include <string>

#include "liaison/query/query.hpp"
#include "query/binder/binder.hpp"
#include "query/executor/functions.hpp"
#include "query/parser/parser.hpp"

using namespace liaison;
using query::FunctionDef;

namespace {

std::string error_of(PropertyGraph& g, const std::string& text) {
    try {
        query::execute(g, text);
    } catch (const query::QueryError& e) {
        return e.category() + "/" + e.code() + (e.compile_time() ? " compile" : " runtime");
    }
    return "";
}

query::Value scalar(PropertyGraph& g, const std::string& text) {
    query::QueryResult r = query::execute(g, text);
    REQUIRE(r.rows.size() == 1);
    return r.rows[0][0];
}

}  // namespace

TEST_CASE("each function is one entry: lower-case name, arity, argument types, code") {
    std::set<std::string> seen;
    for (const char* name : {"count", "toUpper", "DATE.TRUNCATE", "liaison.named", "coalesce"}) {
        const FunctionDef* f = query::find_function(name);
        REQUIRE(f != nullptr);
        CHECK(f == query::find_function(f->name));  // any case finds the same entry
    }
    CHECK(query::find_function("nosuch") == nullptr);
    CHECK(query::find_function("toupper ") == nullptr);
    CHECK(&query::count_function() == query::find_function("COUNT"));
    CHECK((query::find_function("rand")->flags & FunctionDef::kVolatile) != 0);
    CHECK(query::find_function("sum")->is_aggregate());
    const bool size_callable = query::find_function("size")->call != nullptr;
    CHECK(size_callable);
    // The last declared argument type covers the rest: replace(s, from, to) takes strings.
    const FunctionDef& replace = *query::find_function("replace");
    CHECK(replace.accepts(2) == replace.accepts(0));
    CHECK((replace.accepts(2) & query::types::kInt) == 0);
    // Aggregates have no code to call: the Aggregate operator computes them.
    for (const char* name : {"sum", "avg", "collect", "stdevp", "percentilecont"}) {
        const bool callable = query::find_function(name)->call != nullptr;
        CHECK(!callable);
    }
}

TEST_CASE("the binder resolves a call to its entry and leaves the parsed tree as it was") {
    const std::string text = "MATCH (a) WITH a, toUpper('x') AS u RETURN *";
    query::ast::Query parsed = query::parse_query(text);
    query::BoundQuery first = query::bind(parsed, text);
    // RETURN * is expanded in the bound tree only: the parsed one still says *.
    const query::ast::Projection& star = parsed.parts[0].clauses[2].projection;
    CHECK(star.star);
    CHECK(star.items.empty());
    const query::bound::Projection& bound_star = first.tree.parts[0].clauses[2].projection;
    CHECK(bound_star.items.size() == 2);
    const query::bound::Expr& call = *first.tree.parts[0].clauses[1].projection.items[1].expr;
    CHECK(call.function == query::find_function("toupper"));
    // So binding the same tree again gives the same query.
    query::BoundQuery second = query::bind(parsed, text);
    CHECK(second.columns == first.columns);
    CHECK(second.slot_count == first.slot_count);
}

TEST_CASE("argument types known before running are checked against the table") {
    PropertyGraph g;
    const std::string compile = "SyntaxError/InvalidArgumentType compile";
    CHECK(error_of(g, "RETURN toUpper(1)") == compile);
    CHECK(error_of(g, "RETURN substring('abc', 'b')") == compile);
    CHECK(error_of(g, "MATCH (n) RETURN size(n)") == compile);
    CHECK(error_of(g, "MATCH ()-[r]->() RETURN labels(r)") == compile);
    CHECK(error_of(g, "WITH 'a' AS s RETURN keys(s)") == compile);
    CHECK(error_of(g, "MATCH p = (n)-->() RETURN length(n)") == compile);
    // Null fits any argument; what is known only when running is checked then.
    CHECK(error_of(g, "RETURN toUpper(null), substring('abc', null)").empty());
    CHECK(error_of(g, "UNWIND [1] AS x RETURN toUpper(x)") ==
          "TypeError/InvalidArgumentType runtime");
    CHECK(error_of(g, "RETURN nosuch(1)") == "SyntaxError/UnknownFunction compile");
    CHECK(error_of(g, "RETURN left('a')") == "SyntaxError/InvalidNumberOfArguments compile");
}

TEST_CASE("calls run through the entry: null in, many arguments, aggregates") {
    PropertyGraph g;
    CHECK(scalar(g, "RETURN replace(null, 'a', 'b')").is_null());
    CHECK(scalar(g, "RETURN size(range(1, 3))").as_int() == 3);
    CHECK(scalar(g, "RETURN coalesce(null, null, null, null, null, 6)").as_int() == 6);
    CHECK(scalar(g, "RETURN ToUpper('côte')").as_string() == "CÔTE");
    CHECK(scalar(g, "RETURN date.truncate('month', date('2024-05-17')) = date('2024-05-01')")
              .as_bool());
    CHECK(scalar(g, "UNWIND [3, 1, 2] AS x RETURN percentileDisc(x, 0.5)").as_int() == 2);
    CHECK(scalar(g, "UNWIND [1, 1, 2] AS x RETURN count(DISTINCT x) + count(*)").as_int() == 5);
}
