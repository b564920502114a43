// GDELT and ICEWS imports from the command line: the --cameo filter, the binary store, and
// bad input with its position and exit code (docs/interchange.md).
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "cli_run.hpp"

namespace fs = std::filesystem;

namespace {

using liaison_test::Run;

Run run(const std::string& args) { return liaison_test::run_liaison(args); }

const std::string kEvents = std::string(LIAISON_SOURCE_DIR) + "/tests/data/interchange/events/";

fs::path temp_dir() {
    fs::path d = fs::temp_directory_path() / ("liaison_events_cli_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

}  // namespace

TEST_CASE("import x.export.CSV -o NET --cameo 04, on the store under test") {
    fs::path d = temp_dir();
    fs::copy_file(kEvents + "sample.export.CSV", d / "x.export.CSV",
                  fs::copy_options::overwrite_existing);
    std::string db = (d / store_test::database_name("net")).string();
    Run r = run("import " + (d / "x.export.CSV").string() + " -o " + db + " --cameo 04");
    CHECK(r.code == 0);
    CHECK(r.out.find("imported 8 nodes and 6 edges into") != std::string::npos);
    CHECK(r.out.find("--cameo left out 5 events of other codes") != std::string::npos);
    Run s = run("stats " + db);
    CHECK(s.code == 0);
    CHECK(s.out.find("type VISITED") != std::string::npos);
    CHECK(s.out.find("type SIGNED_AGREEMENT") == std::string::npos);
    Run q =
        run("query " + db +
            " \"MATCH (a)-[r:RECEIVED]->(b) RETURN a.name, r.cameo, r.goldstein\" --format csv");
    CHECK(q.code == 0);
    CHECK(q.out.find("Morocco police,043,2.8") != std::string::npos);

    // Cooperation only: the agreement and the intelligence sharing.
    std::string coop = (d / store_test::database_name("coop")).string();
    r = run("import " + (d / "x.export.CSV").string() + " -o " + coop + " --cameo 057,06");
    CHECK(r.code == 0);
    CHECK(run("validate " + coop).code == 0);
    fs::remove_all(d);
}

TEST_CASE("event imports: bad rows, prefixes and archives") {
    fs::path d = temp_dir();
    std::string bad = (d / "bad.export.CSV").string();
    std::ofstream(bad) << "900100\t2025-01-01\tMAR\n";
    Run r = run("import " + bad + " -o " + (d / store_test::database_name("o")).string());
    CHECK(r.code == 1);
    CHECK(r.out.find("bad.export.CSV:1:") != std::string::npos);
    CHECK(r.out.find("expected 61 tab-separated fields") != std::string::npos);
    r = run("import " + bad + " -o " + (d / store_test::database_name("o")).string() +
            " --skip-bad-rows");
    CHECK(r.code == 0);
    CHECK(r.out.find("skipped 1 bad rows") != std::string::npos);
    r = run("import " + kEvents + "sample.export.CSV -o " +
            (d / store_test::database_name("p")).string() + " --cameo 4x");
    CHECK(r.code == 2);
    CHECK(r.out.find("not a CAMEO code prefix") != std::string::npos);
    std::string zip = (d / "day.export.CSV.zip").string();
    std::ofstream(zip) << "PK\x03\x04 not really";
    r = run("import " + zip + " -o " + (d / store_test::database_name("z")).string());
    CHECK(r.code == 1);
    CHECK(r.out.find("unzip it first") != std::string::npos);
    r = run("import " + kEvents + "sample.icews.tab -o " +
            (d / store_test::database_name("i")).string());
    CHECK(r.code == 0);
    CHECK(r.out.find("ICEWS: 5 events as edges") != std::string::npos);
    fs::remove_all(d);
}
