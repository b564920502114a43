// Lexer and parser: what they accept, and the line, column and expectation of their errors.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>

#include "liaison/query/error.hpp"
#include "query/lexer/lexer.hpp"
#include "query/parser/parser.hpp"

using namespace liaison::query;

namespace {

QueryError error_of(const std::string& text) {
    try {
        parse_query(text);
    } catch (const QueryError& e) {
        return e;
    }
    FAIL("expected a syntax error for: " << text);
    throw;
}

}  // namespace

TEST_CASE("lexer: tokens, escapes and comments") {
    auto t = tokenize("MATCH (n:`odd name`) // comment\nRETURN 'a\\'b', 0x1F, 1.5e3, $p");
    REQUIRE(t.size() == 15);  // ... '$p' and End
    CHECK(t[4].text == "odd name");
    CHECK(t[4].quoted);
    CHECK(t[7].kind == TokenKind::String);
    CHECK(t[7].text == "a'b");
    CHECK(t[9].kind == TokenKind::Integer);
    CHECK(t[11].kind == TokenKind::Float);
    CHECK(t[13].kind == TokenKind::Parameter);
    CHECK(t[13].text == "p");
    CHECK(t[14].kind == TokenKind::End);
}

TEST_CASE("lexer: unterminated string names its position") {
    try {
        tokenize("RETURN\n  'abc");
        FAIL("no error");
    } catch (const QueryError& e) {
        CHECK(e.stage() == Stage::Lexer);
        CHECK(e.line() == 2);
        CHECK(e.column() == 3);
        CHECK(std::string(e.what()).find("unterminated string") != std::string::npos);
    }
}

TEST_CASE("parser: clauses, patterns and expressions") {
    auto q = parse_query(
        "MATCH p = (a:Person {name: $n})-[r:MET_WITH|SIGNED_MOU*1..3]-(b) "
        "WHERE b.name STARTS WITH 'A' AND NOT a = b "
        "WITH a, count(DISTINCT b) AS c ORDER BY c DESC LIMIT 5 "
        "RETURN a.name AS name, c, CASE WHEN c > 2 THEN 'many' ELSE 'few' END AS size");
    REQUIRE(q.parts.size() == 1);
    const auto& clauses = q.parts[0].clauses;
    REQUIRE(clauses.size() == 3);
    const auto& part = clauses[0].pattern[0];
    CHECK(part.path_var == "p");
    CHECK(part.nodes.size() == 2);
    CHECK(part.rels[0].types.size() == 2);
    CHECK(part.rels[0].var_length);
    CHECK(*part.rels[0].min_hops == 1);
    CHECK(*part.rels[0].max_hops == 3);
    CHECK(clauses[1].projection.items[1].alias == "c");
    CHECK(clauses[1].projection.order[0].descending);
    CHECK(clauses[2].projection.items.size() == 3);
}

TEST_CASE("parser: a column without alias is named by its text") {
    auto q = parse_query("RETURN n.name,  count( * )");
    const auto& items = q.parts[0].clauses[0].projection.items;
    CHECK(items[0].alias == "n.name");
    CHECK(items[1].alias == "count( * )");
}

TEST_CASE("parser: errors say where and what was expected") {
    auto e = error_of("MATCH (n\nRETURN n");
    CHECK(e.stage() == Stage::Parser);
    CHECK(e.category() == "SyntaxError");
    CHECK(e.line() == 2);
    CHECK(e.column() == 1);
    CHECK(std::string(e.what()).find("expected ')' but found 'RETURN'") != std::string::npos);

    auto e2 = error_of("RETURN 1 +");
    CHECK(std::string(e2.what()).find("expected an expression") != std::string::npos);
    auto e3 = error_of("MATCH (a)-[:T*]->(b) RETURN 9223372036854775808");
    CHECK(e3.code() == "IntegerOverflow");
}

TEST_CASE("parser: malformed inputs throw QueryError and never crash") {
    const char* inputs[] = {"",
                            "(",
                            ")",
                            "MATCH",
                            "MATCH ()-[",
                            "RETURN [",
                            "RETURN {a:",
                            "RETURN CASE",
                            "UNWIND [1] AS",
                            "MATCH (a)<-->(b) RETURN",
                            "RETURN $",
                            "CREATE (a)-[:T]-",
                            "RETURN 'x",
                            "/* never closed",
                            "RETURN 1 1",
                            "WITH * RETURN",
                            "MATCH p = shortestPath(",
                            "RETURN [x IN"};
    for (const char* text : inputs) {
        CAPTURE(text);
        CHECK_THROWS_AS(parse_query(text), QueryError);
    }
}

TEST_CASE("parser: randomly damaged queries fail cleanly (a small, seeded fuzz)") {
    const std::string seeds[] = {
        "MATCH (a:Person {name: 'x'})-[r:MET_WITH*1..2]->(b) WHERE a.x > 1 RETURN a, count(*)",
        "UNWIND [1, 2, {a: [3]}] AS x WITH x ORDER BY x DESC SKIP 1 LIMIT 2 RETURN x",
        "MATCH p = shortestPath((a)-[*]-(b)) RETURN [n IN nodes(p) | n.name], CASE WHEN 1 THEN 2 "
        "END",
        "CREATE (a)-[:T {k: $p}]->(b) MERGE (c) ON CREATE SET c.x = 1 RETURN reduce(s = 0, x IN "
        "[1] | s + x)"};
    const std::string alphabet = "()[]{}<>-:.,*|$'\"`=!+/%^ \n0123456789azAZ_ WHERE RETURN";
    std::uint64_t state = 12345;
    auto next = [&]() {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::size_t>(state >> 33);
    };
    int errors = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string text = seeds[next() % 4];
        int edits = 1 + static_cast<int>(next() % 4);
        for (int k = 0; k < edits && !text.empty(); ++k) {
            std::size_t at = next() % text.size();
            switch (next() % 3) {
                case 0:
                    text.erase(at, 1 + next() % 3);
                    break;
                case 1:
                    text.insert(at, 1, alphabet[next() % alphabet.size()]);
                    break;
                default:
                    text[at] = alphabet[next() % alphabet.size()];
            }
        }
        try {
            parse_query(text);
        } catch (const QueryError& e) {
            ++errors;
            CHECK(e.line() >= 1);
        }
    }
    CHECK(errors > 1000);
}

TEST_CASE("parser: deep nesting is an error, not a stack overflow") {
    std::string deep = "RETURN " + std::string(100000, '(') + "1" + std::string(100000, ')');
    CHECK_THROWS_AS(parse_query(deep), QueryError);
    std::string minus = "RETURN " + std::string(100000, '-') + "1";
    CHECK_THROWS_AS(parse_query(minus), QueryError);
    CHECK_NOTHROW(parse_query("RETURN ((((1))))"));
}
