// `liaison report` end to end: the command, a batch with a broken input, reruns.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "cli_run.hpp"
#include "liaison/io/native_format.hpp"

namespace fs = std::filesystem;

namespace {

using liaison_test::Run;

Run run(const std::string& args) { return liaison_test::run_liaison(args); }

const std::string kSeed = std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json";
const std::string kData = std::string(LIAISON_TEST_DATA) + "/report";

fs::path temp_dir() {
    fs::path d = fs::temp_directory_path() / fmt::format("liaison_report_cli_{}", ::getpid());
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

}  // namespace

TEST_CASE("report FILE -o out/report.html, twice: the same bytes") {
    fs::path dir = temp_dir();
    std::string a = (dir / "a" / "report.html").string(), b = (dir / "b" / "report.html").string();
    Run r1 = run("report " + kSeed + " -o " + a);
    CHECK(r1.code == 0);
    CHECK(r1.out == "wrote " + a + "\n");
    Run r2 = run("report " + kSeed + " -o " + b + " --jobs 1");
    CHECK(r2.code == 0);
    std::string html = liaison::read_file(a);
    CHECK(html == liaison::read_file(b));
    CHECK(html.find("<html lang=\"en\">") != std::string::npos);
    CHECK(html.find("Hosted by") == std::string::npos);  // field names are lower case
    CHECK(html.find("hosted by</td><td dir=\"auto\">Morocco</td>") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("report: a folder and specs in one batch, one broken input, exit 1") {
    fs::path dir = temp_dir();
    fs::path nets = dir / "nets";
    fs::create_directories(nets);
    fs::copy_file(kData + "/small.json", nets / "good.json");
    fs::copy_file(kData + "/broken.json", nets / "broken.json");
    fs::copy_file(kSeed, nets / "seed.json");
    fs::path out = dir / "out";
    // --spec takes one value: the folder after it is an input.
    Run r =
        run(fmt::format("report --spec {} {} --out-dir {} --output-format html,md,json --jobs 2",
                        kData + "/small.spec.json", nets.string(), out.string()));
    CHECK(r.code == 1);
    for (const char* stem : {"small", "good", "seed"})
        for (const char* ext : {"html", "md", "json"})
            CHECK_MESSAGE(fs::exists(out / fmt::format("{}.report.{}", stem, ext)), stem, ext);
    CHECK_FALSE(fs::exists(out / "broken.report.html"));
    CHECK(r.out.find("liaison: report " + (nets / "broken.json").string() + " failed: ") !=
          std::string::npos);
    CHECK(r.out.find("1 of 4 reports failed") != std::string::npos);
    // Not a terminal: no progress lines.
    CHECK(r.out.find("[1/4]") == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("report: usage errors") {
    CHECK(run("report").code == 2);
    Run r = run(fmt::format("report {} {} -o x.html", kSeed, kData + "/small.json"));
    CHECK(r.code == 1);
    CHECK(r.out.find("-o names the output of one report") != std::string::npos);
    Run f = run(fmt::format("report {} -o x.txt", kSeed));
    CHECK(f.code == 1);
    CHECK(f.out.find("cannot tell the format") != std::string::npos);
}

TEST_CASE("report: two reports of one network never overwrite each other in one --out-dir") {
    fs::path dir = temp_dir();
    const std::string spec =
        std::string(LIAISON_SOURCE_DIR) + "/docs/examples/morocco-interpol.spec.json";
    Run first = run("report " + kSeed + " --out-dir " + dir.string());
    REQUIRE(first.code == 0);
    const std::string html = (dir / "morocco-interpol.report.html").string();
    const std::string before = liaison::read_file(html);
    // The same report again replaces its own file.
    CHECK(run("report " + kSeed + " --out-dir " + dir.string()).code == 0);
    // The spec's report has the same name but another title: an error, the file untouched.
    Run other = run("report --spec " + spec + " --out-dir " + dir.string());
    CHECK(other.code == 1);
    CHECK(other.out.find(html + " already holds another report") != std::string::npos);
    CHECK(liaison::read_file(html) == before);
    // Named with -o, it is written.
    CHECK(run("report --spec " + spec + " -o " + (dir / "spec.html").string()).code == 0);
    fs::remove_all(dir);
}
