// FOREACH, LOAD CSV, ORDER BY … NULLS FIRST/LAST, isEmpty, elementId, and the forms of Neo4j's
// Cypher that are refused as "not supported" at their position.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "liaison/io/native_format.hpp"
#include "liaison/query/query.hpp"

namespace fs = std::filesystem;
using namespace liaison;

namespace {

std::string csv_dir() { return std::string(LIAISON_SOURCE_DIR) + "/tests/data/csv/"; }

// The rows as text, cells joined by " | ", rows by "\n".
std::string rows(const query::QueryResult& r) {
    std::string out;
    for (const auto& row : r.rows) {
        if (!out.empty()) out += "\n";
        for (std::size_t i = 0; i < row.size(); ++i) out += (i ? " | " : "") + r.text(row[i]);
    }
    return out;
}

std::string run(PropertyGraph& g, const std::string& text, const ValueMap& params = {}) {
    return rows(query::execute(g, text, params));
}

std::string error_of(PropertyGraph& g, const std::string& text, const ValueMap& params = {}) {
    try {
        query::execute(g, text, params);
    } catch (const Error& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("FOREACH runs its updates per element and lets rows through") {
    PropertyGraph g;
    CHECK(run(g, "FOREACH (x IN [1, 2, 3] | CREATE (:N {v: x})) RETURN 1 AS one") == "1");
    CHECK(run(g, "MATCH (n:N) RETURN n.v ORDER BY n.v") == "1\n2\n3");
    // Later elements see earlier writes: MERGE of a repeated value creates one node.
    run(g, "FOREACH (x IN ['a', 'b', 'a'] | MERGE (:M {k: x}))");
    CHECK(run(g, "MATCH (m:M) RETURN count(*)") == "2");
    // SET and REMOVE on bound variables, nested FOREACH with both variables.
    run(g, "MATCH (n:N) FOREACH (t IN ['x', 'y'] | SET n.tag = t)");
    CHECK(run(g, "MATCH (n:N) RETURN collect(DISTINCT n.tag)") == "['y']");
    run(g, "FOREACH (i IN range(1, 2) | FOREACH (j IN range(1, 3) | CREATE (:P {i: i, j: j})))");
    CHECK(run(g, "MATCH (p:P) RETURN count(*), sum(p.i * 10 + p.j)") == "6 | 102");
    run(g, "MATCH (n:N) WITH collect(n) AS ns FOREACH (n IN ns | REMOVE n.tag)");
    CHECK(run(g, "MATCH (n:N) WHERE n.tag IS NOT NULL RETURN count(*)") == "0");
    // Rows pass unchanged, one per input row; a null list runs nothing.
    CHECK(run(g, "UNWIND [1, 2] AS r FOREACH (x IN null | CREATE (:Q)) RETURN r") == "1\n2");
    CHECK(run(g, "MATCH (q:Q) RETURN count(*)") == "0");
    // DELETE inside, along a path.
    run(g, "CREATE p = (:C)-[:T]->(:C)-[:T]->(:C) FOREACH (n IN nodes(p) | DETACH DELETE n)");
    CHECK(run(g, "MATCH (c:C) RETURN count(*)") == "0");
    // The variable is scoped to the body.
    CHECK(error_of(g, "FOREACH (x IN [1] | CREATE (:N {v: x})) RETURN x") ==
          "query binder error at line 1, column 48: variable 'x' is not defined (SyntaxError)");
    CHECK(error_of(g, "FOREACH (x IN [1] | MATCH (n) SET n.v = x)") ==
          "query parser error at line 1, column 21: FOREACH may contain only CREATE, MERGE, SET, "
          "REMOVE, DELETE and FOREACH (SyntaxError)");
    CHECK(error_of(g, "FOREACH (x IN 5 | CREATE ())") ==
          "query executor error: FOREACH expects a list, got INTEGER (TypeError)");
    auto plan = query::execute(g, "EXPLAIN FOREACH (x IN [1] | CREATE (:N))").plan;
    CHECK(plan.find("Foreach x in [1]") != std::string::npos);
    CHECK(plan.find("Create") != std::string::npos);
}

TEST_CASE("LOAD CSV reads RFC 4180 files as lists or maps of strings") {
    PropertyGraph g;
    std::string people = csv_dir() + "people.csv";
    ValueMap p{{"f", people}};
    // As lists: the header is a record too; an empty unquoted field is null, "" is empty text.
    CHECK(run(g, "LOAD CSV FROM $f AS r RETURN size(r), r[0], r[3]", p) ==
          "4 | 'name' | 'age'\n"
          "4 | 'Abdellatif Hammouchi' | null\n"
          "4 | 'Jürgen Stock' | '60'\n"
          "4 | 'Valdecy Urquiza' | null");
    // As maps, with quoted commas, doubled quotes, a line break inside quotes, Arabic.
    CHECK(run(g,
              "LOAD CSV WITH HEADERS FROM $f AS r RETURN r.name_ar, r.note, linenumber(), "
              "file() = $f",
              p) ==
          "'عبد اللطيف الحموشي' | 'Director General, DGSN' | 2 | true\n"
          "'يورغن شتوك' | 'said \"welcome\"\nto Marrakech' | 3 | true\n"
          "null | '' | 5 | true");
    CHECK(run(g, "LOAD CSV FROM $f AS r RETURN linenumber() AS l SKIP 1 LIMIT 1", p) == "2");
    // file: URLs, FIELDTERMINATOR, CRLF line ends.
    CHECK(run(g, "LOAD CSV WITH HEADERS FROM 'file://" + csv_dir() +
                     "semicolon.csv' AS r FIELDTERMINATOR ';' RETURN r.city, r.country") ==
          "'Vienna' | 'Austria'\n'Marrakech; Morocco' | 'Morocco'");
    // Creating from the rows: one node per record, in one query.
    run(g,
        "LOAD CSV WITH HEADERS FROM $f AS r CREATE (:Person {name: r.name, age: toInteger(r.age)})",
        p);
    CHECK(run(g, "MATCH (x:Person) RETURN x.name, x.age ORDER BY x.name") ==
          "'Abdellatif Hammouchi' | null\n'Jürgen Stock' | 60\n'Valdecy Urquiza' | null");
    // Each input row reads the file again.
    CHECK(run(g, "UNWIND [1, 2] AS k LOAD CSV WITH HEADERS FROM $f AS r RETURN count(*)", p) ==
          "6");
    // linenumber() and file() outside LOAD CSV are null.
    CHECK(run(g, "RETURN linenumber(), file()") == "null | null");
}

TEST_CASE("LOAD CSV errors name the file, line and column") {
    PropertyGraph g;
    std::string dir = csv_dir();
    CHECK(error_of(g, "LOAD CSV FROM $f AS r RETURN r", {{"f", dir + "unterminated.csv"}}) ==
          "query executor error: " + dir +
              "unterminated.csv:3:3: a quoted field is not closed (expected '\"' before the end "
              "of the file) (ExternalResourceError)");
    CHECK(error_of(g, "LOAD CSV FROM $f AS r RETURN r", {{"f", dir + "after_quote.csv"}}) ==
          "query executor error: " + dir +
              "after_quote.csv:2:6: expected the field terminator ',' or the end of the line after "
              "a closing quote (ExternalResourceError)");
    CHECK(error_of(g, "LOAD CSV FROM $f AS r RETURN r", {{"f", dir + "missing.csv"}}) ==
          "query executor error: LOAD CSV cannot open '" + dir +
              "missing.csv': no such file (ExternalResourceError)");
    CHECK(error_of(g, "LOAD CSV FROM $f AS r RETURN r", {{"f", dir}}).find("not a regular file") !=
          std::string::npos);
    // Only local files: a URL literal is refused at its position, one from a parameter later.
    CHECK(error_of(g, "LOAD CSV WITH HEADERS\nFROM 'https://example.org/x.csv' AS r RETURN r") ==
          "query parser error at line 2, column 6: LOAD CSV from https: URLs is not supported: "
          "give a local file, as a path or a file:/// URL (SyntaxError)");
    CHECK(error_of(g, "LOAD CSV FROM $f AS r RETURN r", {{"f", "http://example.org/x.csv"}}) ==
          "query executor error: LOAD CSV from http: URLs is not supported: give a local file, as "
          "a path or a file:/// URL (SyntaxError)");
    CHECK(error_of(g, "LOAD CSV FROM 'x.csv' AS r RETURN r.name").find("is not a map") !=
          std::string::npos);
    CHECK(error_of(g, "LOAD CSV FROM 'x.csv' AS r FIELDTERMINATOR ';;' RETURN r") ==
          "query parser error at line 1, column 44: a field terminator must be one ASCII "
          "character other than a quote or a line break (SyntaxError)");
    CHECK(error_of(g, "LOAD CSV FROM 'x.csv' AS r") ==
          "query binder error at line 1, column 1: a query cannot end with MATCH, WITH, UNWIND or "
          "LOAD CSV: expected RETURN or an update (SyntaxError)");
    // Text that is not UTF-8.
    fs::path bad = fs::temp_directory_path() / "liaison-clauses-latin1.csv";
    std::ofstream(bad, std::ios::binary) << "a\nb\xe9\n";
    CHECK(error_of(g, "LOAD CSV FROM $f AS r RETURN r", {{"f", bad.string()}}) ==
          "query executor error: " + bad.string() + ":2:2: not UTF-8 text (ExternalResourceError)");
    fs::remove(bad);
}

TEST_CASE("LOAD CSV: byte order mark, tabs, blank lines, short records, stray quotes") {
    PropertyGraph g;
    fs::path f = fs::temp_directory_path() / "liaison-clauses-tabs.csv";
    std::ofstream(f, std::ios::binary) << "\xEF\xBB\xBFk\tv\tw\n\na\t1\n\nb\n";
    ValueMap p{{"f", f.string()}};
    CHECK(run(g,
              "LOAD CSV WITH HEADERS FROM $f AS r FIELDTERMINATOR '\\t' "
              "RETURN r.k, r.v, r.w, linenumber()",
              p) == "'a' | '1' | null | 3\n'b' | null | null | 5");
    std::ofstream(f, std::ios::binary) << "x,y\n1,a\"b\n";
    CHECK(error_of(g, "LOAD CSV FROM $f AS r RETURN r", p) ==
          "query executor error: " + f.string() +
              ":2:4: a quote inside an unquoted field (quote the whole field and double the "
              "quotes inside it) (ExternalResourceError)");
    fs::remove(f);
}

TEST_CASE("ORDER BY … NULLS FIRST and NULLS LAST") {
    PropertyGraph g;
    const std::string list = "UNWIND [2, null, 1, 3] AS x ";
    // Defaults: nulls last ascending, first descending.
    CHECK(run(g, list + "RETURN x ORDER BY x") == "1\n2\n3\nnull");
    CHECK(run(g, list + "RETURN x ORDER BY x DESC") == "null\n3\n2\n1");
    CHECK(run(g, list + "RETURN x ORDER BY x NULLS FIRST") == "null\n1\n2\n3");
    CHECK(run(g, list + "RETURN x ORDER BY x ASC NULLS LAST") == "1\n2\n3\nnull");
    CHECK(run(g, list + "RETURN x ORDER BY x DESC NULLS LAST") == "3\n2\n1\nnull");
    CHECK(run(g, list + "RETURN x ORDER BY x DESCENDING NULLS FIRST") == "null\n3\n2\n1");
    // In WITH, and per key.
    CHECK(run(g, list + "WITH x ORDER BY x DESC NULLS LAST LIMIT 2 RETURN collect(x)") == "[3, 2]");
    CHECK(run(g,
              "UNWIND [[1, null], [1, 5], [null, 1], [0, 2]] AS p "
              "RETURN p ORDER BY p[0] NULLS FIRST, p[1] DESC NULLS LAST") ==
          "[null, 1]\n[0, 2]\n[1, 5]\n[1, null]");
    CHECK(error_of(g, "RETURN 1 AS x ORDER BY x NULLS") ==
          "query parser error at line 1, column 31: expected FIRST or LAST after NULLS but found "
          "the end of the query (SyntaxError)");
    CHECK(query::execute(g, "EXPLAIN " + list + "RETURN x ORDER BY x NULLS FIRST")
              .plan.find("Sort x NULLS FIRST") != std::string::npos);
}

TEST_CASE("isEmpty and elementId") {
    PropertyGraph g;
    CHECK(run(g,
              "RETURN isEmpty([]), isEmpty([1]), isEmpty({}), isEmpty({a: 1}), isEmpty(''), "
              "isEmpty('x'), isEmpty(null)") ==
          "true | false | true | false | true | false | null");
    CHECK(error_of(g, "RETURN isEmpty(1)") ==
          "query binder error at line 1, column 16: isempty() cannot take this value "
          "(SyntaxError)");
    CHECK(error_of(g, "RETURN isEmpty($x)", {{"x", std::int64_t{1}}}) ==
          "query executor error: isEmpty() cannot take a INTEGER (TypeError)");

    PropertyGraph seed =
        read_graph_file(std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json");
    // A node's element id is its slug; it finds the node again.
    auto r = query::execute(seed,
                            "MATCH (n) WHERE n.id IS NOT NULL RETURN elementId(n), n.id "
                            "ORDER BY n.id LIMIT 1");
    REQUIRE(r.rows.size() == 1);
    std::string id = r.rows[0][0].as_string();
    CHECK(id == "n:" + r.rows[0][1].as_string());
    CHECK(run(seed, "MATCH (n) WHERE elementId(n) = $id RETURN n.id", {{"id", id}}) ==
          "'" + r.rows[0][1].as_string() + "'");
    // Every relationship's element id is distinct and finds exactly it.
    auto rels = query::execute(seed, "MATCH ()-[r]->() WITH DISTINCT r RETURN elementId(r), id(r)");
    CHECK(rels.rows.size() > 100);
    std::set<std::string> seen;
    for (const auto& row : rels.rows) seen.insert(row[0].as_string());
    CHECK(seen.size() == rels.rows.size());
    const auto& some = rels.rows[rels.rows.size() / 2];
    CHECK(run(seed, "MATCH ()-[r]->() WHERE elementId(r) = $id RETURN DISTINCT id(r)",
              {{"id", some[0]}}) == rels.text(some[1]));
    // Parallel edges without ids differ by their count.
    run(g, "CREATE (a:A {name: 'a'}), (b:B) CREATE (a)-[:T]->(b), (a)-[:T]->(b)");
    auto par = rows(query::execute(g,
                                   "MATCH (:A)-[r:T]->(b) RETURN elementId(r) ORDER BY "
                                   "elementId(r)"));
    CHECK(par.find(":T:") != std::string::npos);
    CHECK(par.substr(par.size() - 3) == ":1'");
    CHECK(run(g, "RETURN elementId(null)") == "null");
}

TEST_CASE("forms of Neo4j's Cypher that are not supported say so, with their position") {
    PropertyGraph g;
    struct Case {
        const char* query;
        const char* message;
    };
    const Case cases[] = {
        {"MATCH (n)\nCALL { WITH n RETURN n AS m } IN TRANSACTIONS RETURN m",
         "line 2, column 1: CALL { … } IN TRANSACTIONS (a query is one transaction) is not "
         "supported"},
        {"MATCH (n) CALL (n) { RETURN 1 AS x } RETURN x",
         "line 1, column 11: CALL ( … ) { … } (a subquery with a scope) is not supported"},
        {"OPTIONAL CALL db.labels() YIELD label RETURN label",
         "line 1, column 1: OPTIONAL CALL is not supported"},
        {"USE neo4j MATCH (n) RETURN n",
         "line 1, column 1: USE (choosing a database: liaison queries the file it is given) is "
         "not supported"},
        {"SHOW TRANSACTIONS", "line 1, column 1: SHOW TRANSACTIONS is not supported"},
        {"CREATE OR REPLACE DATABASE x", "line 1, column 1: CREATE DATABASE is not supported"},
        {"CREATE USER alice SET PASSWORD 'x'", "line 1, column 1: CREATE USER is not supported"},
        {"GRANT ROLE reader TO alice",
         "line 1, column 1: GRANT (an administration command) is not supported"},
        {"MATCH (n:Person)\n  USING INDEX n:Person(name) WHERE n.name = 'x' RETURN n",
         "line 2, column 3: USING INDEX (a planner hint) is not supported"},
        {"USING PERIODIC COMMIT LOAD CSV FROM 'x.csv' AS r CREATE ()",
         "line 1, column 1: USING PERIODIC COMMIT (a query is one transaction) is not supported"},
        {"CYPHER 25 MATCH (n) RETURN n",
         "line 1, column 1: CYPHER (a version or query options before the query) is not "
         "supported"},
        {":param x => 1",
         "line 1, column 1: :param (a command of Neo4j's browser or shell; give parameters "
         "with --param) is not supported"},
        {"BEGIN",
         "line 1, column 1: BEGIN (explicit transactions: each query is one "
         "transaction) is not supported"},
        {"MATCH (n) FINISH", "line 1, column 11: FINISH (a GQL statement) is not supported"},
        {"INSERT (:Person {name: 'x'})",
         "line 1, column 1: INSERT (a GQL statement) is not "
         "supported"},
        {"MATCH (n) ORDER BY n.name RETURN n",
         "line 1, column 11: ORDER BY as a clause of its own (put it after RETURN or WITH) is not "
         "supported"},
        {"MATCH (n) LIMIT 3 RETURN n",
         "line 1, column 11: LIMIT as a clause of its own (put it after RETURN or WITH) is not "
         "supported"},
        {"MATCH (n) NODETACH DELETE n",
         "line 1, column 11: NODETACH DELETE (write DELETE) is not supported"},
        {"LOAD JSON FROM 'x' AS r RETURN r",
         "line 1, column 1: LOAD JSON (only LOAD CSV is) is not supported"},
        {"LOAD CSV FROM 'ftp://host/x.csv' AS r RETURN r",
         "line 1, column 15: LOAD CSV from ftp: URLs is not supported: give a local file, as a "
         "path or a file:/// URL"},
        {"STOP DATABASE neo4j",
         "line 1, column 1: STOP DATABASE (an administration command) is not supported"},
        {"TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
         "line 1, column 1: TERMINATE (an administration command) is not supported"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.query);
        CHECK(error_of(g, c.query) ==
              std::string("query parser error at ") + c.message + " (SyntaxError)");
    }
    // A path named like an administration word is still a pattern.
    CHECK(run(g, "CREATE user = (:U) RETURN length(user)") == "0");
}
