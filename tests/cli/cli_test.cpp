// The CLI end to end: exit codes, output for people and machines, files left untouched.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli_run.hpp"
#include "liaison/io/native_format.hpp"

namespace fs = std::filesystem;

namespace {

using liaison_test::Run;

Run run(const std::string& args) { return liaison_test::run_liaison(args); }

const std::string kSeed = std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json";

// The seed network in the store under test (tests/store_name.hpp), for the commands that read.
std::string seed() { return liaison_test::in_store(kSeed); }

fs::path temp_dir() {
    fs::path d = fs::temp_directory_path() / ("liaison_cli_test_" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
}

void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("validate: ok, and exit code 1 with position for bad input") {
    Run ok = run("validate " + kSeed);
    CHECK(ok.code == 0);
    CHECK(ok.out.find("ok (122 nodes") != std::string::npos);

    fs::path dir = temp_dir();
    std::string seed = liaison::read_file(kSeed);
    SUBCASE("truncated JSON") {
        write(dir / "t.json", seed.substr(0, 5000));
        Run r = run("validate " + (dir / "t.json").string());
        CHECK(r.code == 1);
        CHECK(r.out.find("t.json:") != std::string::npos);
        CHECK(r.out.find("unexpected end of file") != std::string::npos);
        CHECK(liaison::read_file((dir / "t.json").string()) == seed.substr(0, 5000));
    }
    SUBCASE("edge to a missing node") {
        std::string bad = seed;
        auto at = bad.find("\"target\":\"");
        bad.insert(at + 10, "missing-");
        write(dir / "m.json", bad);
        Run r = run("validate " + (dir / "m.json").string());
        CHECK(r.code == 1);
        CHECK(r.out.find(":5:") != std::string::npos);  // the first edge is on line 5
        CHECK(r.out.find("is not a node of this network") != std::string::npos);
    }
    SUBCASE("bad date") {
        std::string bad = seed;
        auto at = bad.find("\"2025-11-27\"");
        bad.replace(at, 12, "\"2025-11-31\"");
        write(dir / "d.json", bad);
        Run r = run("validate " + (dir / "d.json").string());
        CHECK(r.code == 1);
        CHECK(r.out.find("'2025-11-31' is not a calendar date") != std::string::npos);
    }
    SUBCASE("invalid UTF-8") {
        std::string bad = seed;
        bad[bad.find("حموشي")] = '\xFF';
        write(dir / "u.json", bad);
        Run r = run("validate " + (dir / "u.json").string());
        CHECK(r.code == 1);
        CHECK(r.out.find("invalid UTF-8 (byte 0xFF)") != std::string::npos);
    }
    SUBCASE("a missing file") {
        Run r = run("validate " + (dir / "none.json").string());
        CHECK(r.code == 1);
        CHECK(r.out.find("cannot open") != std::string::npos);
    }
    fs::remove_all(dir);
}

TEST_CASE("usage errors exit with 2") {
    CHECK(run("").code == 2);
    CHECK(run("show " + kSeed).code == 2);
    CHECK(run("no-such-command").code == 2);
    CHECK(run("--help").code == 0);
}

TEST_CASE("show finds the same person by Arabic and English names") {
    Run ar = run("show " + seed() + " \"الحموشي\"");
    Run en = run("show " + seed() + " Hammouchi");
    CHECK(ar.code == 0);
    CHECK(ar.out == en.out);
    CHECK(ar.out.find("id: abdellatif-hammouchi") != std::string::npos);
    CHECK(ar.out.find("MET_WITH Omar Haijawi-Pirchner") != std::string::npos);
    CHECK(ar.out.find("93rd Interpol General Assembly") != std::string::npos);
    CHECK(ar.out.find("[2023-11") != std::string::npos);
    CHECK(ar.out.find("«") != std::string::npos);  // quotes are shown
    Run json = run("show " + seed() + " حموشي --format json");
    CHECK(json.code == 0);
    CHECK(json.out.rfind("{\"id\": \"abdellatif-hammouchi\"", 0) == 0);
    Run none = run("show " + seed() + " Nobody");
    CHECK(none.code == 1);
    CHECK(none.out == "liaison: no entity named 'Nobody'\n");
}

TEST_CASE("stats for people and machines") {
    Run t = run("stats " + kSeed);
    CHECK(t.code == 0);
    CHECK(t.out.find("nodes                  122") != std::string::npos);
    Run j = run("stats " + seed() + " --format json");
    CHECK(j.out.find("\"nodes\": 122, \"edges\": 201") != std::string::npos);
    Run c = run("stats " + seed() + " --format csv");
    CHECK(c.out.rfind("measure,value\nnodes,122\n", 0) == 0);
}

TEST_CASE("format: canonical files pass --check; others are rewritten") {
    CHECK(run("format --check " + kSeed).code == 0);
    fs::path dir = temp_dir();
    std::string pretty = "{\"graph\": {\"nodes\": {\"b\": {}, \"a\": {}}}}";
    write(dir / "p.json", pretty);
    CHECK(run("format --check " + (dir / "p.json").string()).code == 1);
    CHECK(run("format " + (dir / "p.json").string()).code == 0);
    CHECK(run("format --check " + (dir / "p.json").string()).code == 0);
    fs::remove_all(dir);
}

TEST_CASE("validate: a JSON Schema among the files is skipped with a note, not failed") {
    const std::string schema = std::string(LIAISON_SOURCE_DIR) + "/graphs/liaison.schema.json";
    Run r = run("validate " + schema + " " + kSeed);
    CHECK(r.code == 0);
    CHECK(r.out.find("liaison.schema.json: skipped (a JSON Schema, not a network)") !=
          std::string::npos);
    CHECK(r.out.find("morocco-interpol.json: ok") != std::string::npos);
    // Only a "$schema" naming json-schema.org makes a schema: anything else is a bad network.
    fs::path dir = temp_dir();
    write(dir / "s.json", R"({"$schema": "https://example.org/mine", "graph": {"nodes": {}}})");
    Run bad = run("validate " + (dir / "s.json").string());
    CHECK(bad.code == 1);
    CHECK(bad.out.find("s.json:1:") != std::string::npos);
    fs::remove_all(dir);
}
