// `ego` and `render --ego` count an ego network's ties the same way (every tie between two of its
// entities, parallel ties each); `render --page` and `--edge-labels` on the command line.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <regex>

#include <fmt/format.h>

#include "cli_run.hpp"
#include "liaison/io/native_format.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kSeed = std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json";

std::string first_number_after(const std::string& text, const std::string& pattern) {
    std::smatch m;
    REQUIRE(std::regex_search(text, m, std::regex(pattern)));
    return m[1];
}

}  // namespace

TEST_CASE("ego and render --ego agree on entities and ties") {
    fs::path dir = fs::temp_directory_path() / fmt::format("liaison_render_counts_{}", ::getpid());
    fs::create_directories(dir);
    for (int hops : {1, 2}) {
        CAPTURE(hops);
        auto ego = liaison_test::run_liaison(
            fmt::format("ego {} Hammouchi --hops {} --format table", kSeed, hops));
        REQUIRE(ego.code == 0);
        auto drawn = liaison_test::run_liaison(fmt::format(
            "render {} --ego Hammouchi --hops {} -o {}/ego.svg", kSeed, hops, dir.string()));
        REQUIRE(drawn.code == 0);
        CHECK(first_number_after(ego.out, R"((\d+) entities)") ==
              first_number_after(drawn.out, R"((\d+) entities)"));
        CHECK(first_number_after(ego.out, R"((\d+) ties among them)") ==
              first_number_after(drawn.out, R"((\d+) ties)"));
    }
    fs::remove_all(dir);
}

TEST_CASE("render --page A4 writes an A4 page; bad values are named") {
    fs::path dir = fs::temp_directory_path() / fmt::format("liaison_render_page_{}", ::getpid());
    fs::create_directories(dir);
    const std::string pdf = (dir / "net.pdf").string();
    auto r = liaison_test::run_liaison(fmt::format("render {} -o {} --page A4", kSeed, pdf));
    REQUIRE(r.code == 0);
    // The whole network is wider than tall: landscape.
    CHECK(liaison::read_file(pdf).find("/MediaBox [ 0 0 842 595 ]") != std::string::npos);
    auto bad = liaison_test::run_liaison(fmt::format("render {} -o {} --page A5", kSeed, pdf));
    CHECK(bad.code != 0);
    CHECK(bad.out.find("--page: unknown paper 'A5' (A4, A3, letter)") != std::string::npos);
    auto no_pdf = liaison_test::run_liaison(
        fmt::format("render {} -o {} --page A4", kSeed, (dir / "net.svg").string()));
    CHECK(no_pdf.code != 0);
    CHECK(no_pdf.out.find("--page applies to PDF output") != std::string::npos);
    auto labels =
        liaison_test::run_liaison(fmt::format("render {} -o {} --edge-labels some", kSeed, pdf));
    CHECK(labels.code != 0);
    CHECK(labels.out.find("--edge-labels") != std::string::npos);
    fs::remove_all(dir);
}
