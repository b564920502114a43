// `liaison query` end to end on the seed network: the governor's options, deep and hostile
// queries, and JSON for non-finite floats. Each run is bounded in time.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli_run.hpp"

using liaison_test::run_liaison;

namespace {

const std::string kSeed = std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json";

// The seed network in the store under test (tests/store_name.hpp).
std::string seed() { return liaison_test::in_store(kSeed); }

std::string query(const std::string& text, const std::string& options = "") {
    return "query " + seed() + " \"" + text + "\" " + options;
}

// A query in a file, for texts too long for a command line.
std::string query_file(const std::string& name, const std::string& text) {
    std::string path = std::string(LIAISON_TEST_TMP) + "/" + name;
    std::ofstream(path) << text;
    return "query " + seed() + " -f " + path;
}

struct Timed {
    liaison_test::Run run;
    double seconds = 0;
};

Timed timed(const std::string& args) {
    auto t0 = std::chrono::steady_clock::now();
    Timed t;
    t.run = run_liaison(args);
    t.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return t;
}

std::string repeat(const std::string& first, const std::string& each, int times) {
    std::string s = first;
    for (int i = 0; i < times; ++i) s += each;
    return s;
}

}  // namespace

TEST_CASE("query --timeout ends a long query with exit 1 within the limit plus a second") {
    auto t = timed(query("MATCH (a)-[*]-(b) RETURN count(*)", "--timeout 1"));
    CHECK(t.run.code == 1);
    CHECK(t.run.out.find("query exceeded its time limit of 1 s") != std::string::npos);
    CHECK(t.seconds < 2.5);
    auto c = timed(query("MATCH (a), (b), (c), (d), (e) RETURN count(*)", "--timeout 1"));
    CHECK(c.run.code == 1);
    CHECK(c.seconds < 2.5);
}

TEST_CASE("query --max-memory ends a growing query with exit 1") {
    auto t =
        timed(query("UNWIND range(1, 3000) AS a UNWIND range(1, 3000) AS b "
                    "RETURN collect([a, b])",
                    "--max-memory 64M"));
    CHECK(t.run.code == 1);
    CHECK(t.run.out.find("query exceeded its memory budget of 64 MiB") != std::string::npos);
    CHECK(t.run.out.find("internal error") == std::string::npos);
    auto r = timed(query("UNWIND range(1, 1000000000) AS x RETURN count(x)"));  // the defaults
    CHECK(r.run.code == 1);
    CHECK(r.run.out.find("memory budget of 2048 MiB") != std::string::npos);
    auto s = timed(
        query("RETURN size(reduce(s = 'ab', i IN range(1, 64) | s + s))", "--max-memory 256M"));
    CHECK(s.run.code == 1);
    CHECK(s.run.out.find("memory budget") != std::string::npos);
}

TEST_CASE("query limit options are checked") {
    CHECK(run_liaison(query("RETURN 1", "--max-memory lots")).code == 2);
    CHECK(run_liaison(query("RETURN 1", "--timeout -1")).code == 2);
    auto ok = run_liaison(query("RETURN 1 AS one", "--timeout 0 --max-memory 0 --format csv"));
    CHECK(ok.code == 0);
    CHECK(ok.out == "one\n1\n");
    CHECK(run_liaison(query("RETURN 1 AS one", "--max-memory 1.5GiB")).code == 0);
}

TEST_CASE("deep queries end with a parse error, not a crash") {
    auto sum = timed(query_file("deep_sum.cyp", repeat("RETURN 1", " + 1", 20000)));
    CHECK(sum.run.code == 1);
    CHECK(sum.run.out.find("expression nested too deeply (limit 1000)") != std::string::npos);
    auto ands = timed(query_file("deep_and.cyp", repeat("RETURN true", " AND true", 30000)));
    CHECK(ands.run.code == 1);
    CHECK(ands.run.out.find("at line 1, column") != std::string::npos);
    auto re = timed(
        query_file("long_regex.cyp", "RETURN '" + std::string(30000, 'x') + "' =~ '(x|y)*' AS m"));
    CHECK(re.run.code == 0);
    CHECK(re.run.out.find("true") != std::string::npos);
}

TEST_CASE("regular expressions that backtrack forever elsewhere answer at once") {
    auto a = timed(query("RETURN 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' =~ '(a+)+$' AS m",
                         "--format csv"));
    CHECK(a.run.code == 0);
    CHECK(a.run.out == "m\nfalse\n");
    CHECK(a.seconds < 5);
    auto n = timed(
        query("MATCH (n) WHERE n.name =~ '(.*)*(.*)*(.*)*z' RETURN count(n) AS c", "--format csv"));
    CHECK(n.run.code == 0);
    CHECK(n.seconds < 5);
    auto b = run_liaison(query("RETURN 'aa' =~ '(a)\\\\\\\\1'"));  // \\ for sh, \ for Cypher
    CHECK(b.code == 1);
    CHECK(b.out.find("backreferences (at character 4) are not supported") != std::string::npos);
}

TEST_CASE("integer overflow is an error from the CLI") {
    auto r = run_liaison(query("RETURN abs(-9223372036854775807 - 1)"));
    CHECK(r.code == 1);
    CHECK(r.out.find("does not fit in an integer (ArithmeticError)") != std::string::npos);
}

TEST_CASE("non-finite floats are typed objects in JSON") {
    auto r = run_liaison(query("RETURN 1.0 / 0 AS inf, -1.0 / 0 AS minus, 0.0 / 0 AS nan, 1.5 AS x",
                               "--format json"));
    CHECK(r.code == 0);
    CHECK(r.out ==
          "[{\"inf\": {\"float\": \"Infinity\"}, \"minus\": {\"float\": \"-Infinity\"}, "
          "\"nan\": {\"float\": \"NaN\"}, \"x\": 1.5}]\n");
}

TEST_CASE("toUpper maps every letter") {
    auto r = run_liaison(query("RETURN toUpper('côte') AS u", "--format csv"));
    CHECK(r.code == 0);
    CHECK(r.out == "u\nCÔTE\n");
}

TEST_CASE("query LOAD CSV reads a path relative to the working directory, in one transaction") {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(LIAISON_TEST_TMP) / "load-csv";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string net = store_test::database_name("net");
    liaison_test::copy_to_store(kSeed, (dir / net).string());
    std::string csv = std::string(LIAISON_SOURCE_DIR) + "/tests/data/csv/";
    fs::copy_file(csv + "people.csv", dir / "people.csv");
    fs::copy_file(csv + "unterminated.csv", dir / "bad.csv");
    auto in_dir = [&](const std::string& args) {
        return liaison_test::run_command("cd " + dir.string() + " && " LIAISON_BINARY " " + args +
                                         " 2>&1");
    };
    const std::string count =
        "query " + net +
        " \"MATCH (p:Person) WHERE p.name IN ['Jürgen Stock', 'Valdecy Urquiza'] "
        "RETURN count(*) AS n\" --format csv";
    CHECK(in_dir(count).out == "n\n0\n");
    auto load = in_dir("query " + net +
                       " \"LOAD CSV WITH HEADERS FROM 'people.csv' AS r "
                       "MERGE (p:Person {name: r.name}) SET p.note = r.note\"");
    CHECK(load.code == 0);
    CAPTURE(load.out);
    CHECK(in_dir(count).out == "n\n2\n");
    // A bad line fails the whole query: nothing of it is written.
    auto bad = in_dir("query " + net +
                      " \"LOAD CSV FROM 'file:bad.csv' AS r CREATE (:Person {name: r[0]})\"");
    CHECK(bad.code == 1);
    CHECK(bad.out.find("bad.csv:3:3: a quoted field is not closed") != std::string::npos);
    CHECK(in_dir("query " + net +
                 " \"MATCH (p:Person {name: '3'}) RETURN count(*) AS n\" "
                 "--format csv")
              .out == "n\n0\n");
    // Only local files.
    auto url =
        in_dir("query " + net + " \"LOAD CSV FROM 'https://example.org/a.csv' AS r RETURN r\"");
    CHECK(url.code == 1);
    CHECK(url.out.find("line 1, column 15: LOAD CSV from https: URLs is not supported") !=
          std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("CREATE INDEX through the CLI persists: a second process sees it, on both stores" *
          doctest::skip(store_test::binary_store())) {  // names both stores itself
    const std::string dir = std::string(LIAISON_TEST_TMP) + "/indexes-cli";
    liaison_test::run_command("rm -rf " + dir + " && mkdir -p " + dir);
    liaison_test::run_command("cp " + kSeed + " " + dir + "/net.json");
    REQUIRE(run_liaison("import " + kSeed + " -o " + dir + "/net.liaison").code == 0);
    for (const char* name : {"net.json", "net.liaison"}) {
        CAPTURE(name);
        const std::string db = dir + "/" + name;
        auto made = run_liaison("query " + db +
                                " \"CREATE INDEX person_title FOR (p:Person) ON (p.title_en)\"");
        CHECK(made.code == 0);
        CHECK(made.out.find("indexes added: 1, removed: 0") != std::string::npos);
        auto again = run_liaison("query " + db +
                                 " \"CREATE INDEX person_title FOR (p:Person) ON (p.title_en)\"");
        CHECK(again.code == 1);
        CHECK(again.out.find("an index named 'person_title' already exists") != std::string::npos);
        auto show = run_liaison("query " + db +
                                " \"SHOW INDEXES YIELD name, entityType, labelsOrTypes, "
                                "properties\" --format csv");
        CHECK(show.code == 0);
        CHECK(show.out.find("person_title,NODE,") != std::string::npos);
        auto plan =
            run_liaison("query " + db + " \"EXPLAIN MATCH (p:Person {title_en: 'x'}) RETURN p\"");
        CHECK(plan.out.find("start p by index person_title") != std::string::npos);
        CHECK(run_liaison("compact " + db).code == 0);
        if (std::string(name) == "net.liaison") CHECK(run_liaison("check " + db).code == 0);
        CHECK(run_liaison("query " + db + " \"DROP INDEX person_title\"").code == 0);
        auto none = run_liaison("query " + db + " \"SHOW INDEXES\" --format json");
        CHECK(none.out.find("person_title") == std::string::npos);
    }
    liaison_test::run_command("rm -rf " + dir);
}
