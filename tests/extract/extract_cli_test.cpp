// liaison extract end to end: a candidates file validate accepts with every quote verbatim, clear
// errors for bad input, scoring against a gold network.
#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>

#include <fstream>
#include <string>

#include "cli_run.hpp"

namespace fs = std::filesystem;
using liaison_test::run_liaison;

namespace {
fs::path scratch() {
    fs::path dir =
        fs::temp_directory_path() / ("liaison-extract-cli-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}
void write(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
}
}  // namespace

TEST_CASE("extract writes candidates that validate against the article") {
    const fs::path dir = scratch();
    const fs::path article = dir / "a1.txt";
    write(article,
          "الرباط، النمسا – التقى عبد اللطيف حموشي، المدير العام للأمن الوطني، اليوم الاثنين، "
          "بعمر حيجاوي بيرشنر.\nالمصدر: وكالة\n");
    const std::string out = (dir / "c.json").string();
    auto r = run_liaison("extract " + article.string() + " -o " + out + " --date 2025-11-24");
    CHECK(r.code == 0);
    auto v = run_liaison("validate " + out + " --documents " + dir.string());
    CHECK(v.code == 0);
    CHECK(v.out.find("ok") != std::string::npos);
    std::ifstream in(out);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.find("\"review\":\"pending\"") != std::string::npos);
    CHECK(text.find("\"MET_WITH\"") != std::string::npos);
    CHECK(text.find("\"outlet\":\"وكالة\"") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("bad articles get a clear error, not a crash") {
    const fs::path dir = scratch();
    write(dir / "bad.txt", "سطر\nab\xff\n");
    auto r =
        run_liaison("extract " + (dir / "bad.txt").string() + " -o " + (dir / "c.json").string());
    CHECK(r.code == 1);
    CHECK(r.out.find("bad.txt:2:3: invalid UTF-8") != std::string::npos);
    write(dir / "big.txt", std::string(10u << 20, 'a'));
    r = run_liaison("extract " + (dir / "big.txt").string() + " -o " + (dir / "c.json").string());
    CHECK(r.code == 1);
    CHECK(r.out.find("too long") != std::string::npos);
    CHECK(!fs::exists(dir / "c.json"));
    r = run_liaison("extract " + (dir / "bad.txt").string());
    CHECK(r.code == 2);
    fs::remove_all(dir);
}

TEST_CASE("extract --score compares with a gold network article by article") {
    const fs::path seeds = LIAISON_SEEDS_DIR;
    if (!fs::exists(seeds / "003_be680816a126c8ce.txt")) return;
    auto r = run_liaison("extract --score " + std::string(LIAISON_SOURCE_DIR) +
                         "/graphs/morocco-interpol.json --documents " + seeds.string() +
                         " --format json");
    CHECK(r.code == 0);
    CHECK(r.out.find("\"interactions\"") != std::string::npos);
}
