// The analysis subcommands end to end on the seed network: rank, communities, path, ego, diff.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli_run.hpp"

namespace fs = std::filesystem;

namespace {

using liaison_test::Run;

Run run(const std::string& args) { return liaison_test::run_liaison(args); }

const std::string kSeed = std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json";

bool have_seed() { return fs::exists(kSeed); }

}  // namespace

TEST_CASE("rank: the broker first, for people and machines") {
    if (!have_seed()) return;
    Run r = run("rank " + kSeed + " --by betweenness --top 10");
    CHECK(r.code == 0);
    CHECK(r.out.find("1     abdellatif-hammouchi") != std::string::npos);
    Run j = run("rank " + kSeed + " --by pagerank --top 3 --format json");
    CHECK(j.code == 0);
    // Typed: the rank an integer, the name an object, the score a number.
    CHECK(j.out.rfind("[\n {\"rank\": 1, \"id\": \"abdellatif-hammouchi\", \"name\": {\"en\": "
                      "\"Abdellatif Hammouchi\", \"ar\": \"عبد اللطيف حموشي\"}, \"pagerank\": 0.",
                      0) == 0);
    Run c = run("rank " + kSeed + " --by degree --top 2 --format csv");
    CHECK(c.out.rfind("rank,id,name,degree\n1,abdellatif-hammouchi,", 0) == 0);
    Run fold = run("rank " + kSeed + " --by degree --fold Event --types ATTENDED --top 1");
    CHECK(fold.code == 0);
}

TEST_CASE("communities, path and ego answer on the seed network") {
    if (!have_seed()) return;
    Run c = run("communities " + kSeed + " --seed 1");
    CHECK(c.code == 0);
    CHECK(c.out.find("modularity 0.5") != std::string::npos);
    // Arabic name for one end, an id for the other.
    Run p = run("path " + kSeed + " حموشي abdulmajeed-al-banyan");
    CHECK(p.code == 0);
    CHECK(p.out.find("-MET_WITH- 2025-11-24 .. 2025-11-27 (interpol-ga-93)") != std::string::npos);
    Run all = run("path " + kSeed + " abdulmajeed-al-banyan argentina --all --format csv");
    CHECK(all.code == 0);
    CHECK(all.out.rfind("path,step,from,link,to\n", 0) == 0);
    Run e = run("ego " + kSeed + " abdellatif-hammouchi --hops 1 --format csv");
    CHECK(e.code == 0);
    CHECK(e.out.find("\n0,abdellatif-hammouchi,") != std::string::npos);
}

TEST_CASE("diff between the 2023 and 2025 General Assemblies lists the ties formed") {
    if (!have_seed()) return;
    Run d = run("diff " + kSeed + " --from interpol-ga-91 --to interpol-ga-93");
    CHECK(d.code == 0);
    CHECK(d.out.find("Ties formed (") != std::string::npos);
    Run csv = run("diff " + kSeed + " --from 2023 --to 2025 --format csv");
    CHECK(csv.code == 0);
    CHECK(csv.out.find("formed,abdellatif-hammouchi,MET_WITH,abdulmajeed-al-banyan,1,") !=
          std::string::npos);
}

TEST_CASE("--write stores scores as node properties; errors exit 1, usage 2") {
    if (!have_seed()) return;
    fs::path dir = fs::temp_directory_path() / ("liaison_analysis_cli_" + std::to_string(getpid()));
    fs::create_directories(dir);
    const std::string copy = (dir / "seed.json").string();
    fs::copy_file(kSeed, copy, fs::copy_options::overwrite_existing);
    CHECK(run("rank " + copy + " --by pagerank --write --top 1").code == 0);
    CHECK(run("communities " + copy + " --write --property group").code == 0);
    std::ifstream in(copy);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str().find("\"pagerank\":") != std::string::npos);
    CHECK(text.str().find("\"group\":") != std::string::npos);
    CHECK(run("validate " + copy).code == 0);
    fs::remove_all(dir);

    CHECK(run("rank " + kSeed + " --by nonsense").code == 2);
    Run unknown = run("path " + kSeed + " nobody-at-all abdellatif-hammouchi");
    CHECK(unknown.code == 1);
    Run label = run("rank " + kSeed + " --labels Persn");
    CHECK(label.code == 1);
    CHECK(label.out.find("no node has the label 'Persn'") != std::string::npos);
    CHECK(run("diff " + kSeed + " --from soon --to 2025").code == 1);
}
