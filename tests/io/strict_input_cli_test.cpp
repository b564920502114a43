// The reader's refusals end to end, where they were seen: a file that validate accepted and
// format then destroyed (a lone surrogate escape), silent changes (a NUL escape cutting a key,
// duplicate members, out-of-range numbers), and offsets checked by validate --documents.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "cli_run.hpp"
#include "liaison/io/native_format.hpp"

namespace fs = std::filesystem;

namespace {

using liaison_test::Run;

struct TempDir {
    fs::path path =
        fs::temp_directory_path() / ("liaison_strict_cli_" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
    std::string write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
        return (path / name).string();
    }
};

}  // namespace

TEST_CASE("validate and format refuse what the writer could not write back; the file stays") {
    TempDir dir;
    const std::vector<std::pair<std::string, std::string>> cases = {
        {R"({"graph": {"nodes": {"a": {"metadata": {"names": {"en": "A\udc00"}}}}}})",
         "1:59: lone surrogate escape \"\\udc00\"; expected a character (a high surrogate "
         "followed by a low one)"},
        {R"({"graph": {"nodes": {"a": {"metadata": {"properties": {"k": 1, "k\u0000x": 2}}}}}})",
         "1:66: \"\\u0000\" escape (a NUL character); expected text without NUL characters"},
        {R"({"graph": {"nodes": {"a": {"metadata": {"properties": {"k": 1, "k": 2}}}}}})",
         "1:64: duplicate member 'k'; expected each member once"},
        {R"({"graph": {"nodes": {}}, "graph": {"nodes": {"a": {}}}})",
         "1:26: duplicate member 'graph'; expected each member once"},
        {R"({"graph": {"nodes": {"a": {"metadata": {"properties": {"n": 123456789012345678901234567890}}}}}})",
         "1:61: integer out of range (int64); expected an integer from -9223372036854775808 to "
         "9223372036854775807, or a float written with a fraction or exponent"},
        {R"({"graph": {"nodes": {"a": {"metadata": {"properties": {"n": 1e-400}}}}}})",
         "1:61: number out of range (underflows to 0); expected 0 or a magnitude of at least "
         "4.9e-324"},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto& [text, message] = cases[i];
        const std::string file = dir.write("case" + std::to_string(i) + ".json", text);
        INFO(file);
        Run v = liaison_test::run_liaison("validate " + file);
        CHECK(v.code == 1);
        CHECK(v.out == file + ":" + message + "\n");
        Run f = liaison_test::run_liaison("format " + file);
        CHECK(f.code == 1);
        CHECK(f.out == "liaison: " + file + ":" + message + "\n");
        CHECK(liaison::read_file(file) == text);
        CHECK(liaison_test::run_liaison("format --check " + file).code == 1);
    }
}

TEST_CASE("nodes without labels or names: format writes them, validate reads them back") {
    TempDir dir;
    const std::string file = dir.write("bare.json", R"({"graph": {"nodes": {"a": {}}}})");
    CHECK(liaison_test::run_liaison("format " + file).code == 0);
    const std::string canonical = liaison::read_file(file);
    CHECK(canonical.find(R"("a": {"metadata":{"labels":[]}})") != std::string::npos);
    Run v = liaison_test::run_liaison("validate " + file);
    CHECK(v.code == 0);
    CHECK(v.out == file + ": ok (1 nodes, 0 edges)\n");
    CHECK(liaison_test::run_liaison("format --check " + file).code == 0);
    // A query's CREATE (n) goes through the journal; export and import keep the node bare.
    CHECK(liaison_test::run_liaison("query " + file + " 'CREATE (n)'").code == 0);
    CHECK(liaison_test::run_liaison("compact " + file).code == 0);
    const std::string two = liaison::read_file(file);
    CHECK(two.find(R"("node-0": {"metadata":{"labels":[]}})") != std::string::npos);
    for (const char* format : {"node-link", "graphml", "cytoscape"}) {
        INFO(format);
        const std::string out = (dir.path / "out").string();
        const std::string back = (dir.path / "back.json").string();
        std::filesystem::remove(back);
        CHECK(liaison_test::run_liaison(std::string("export ") + file + " --to " + format + " -o " +
                                        out)
                  .code == 0);
        CHECK(liaison_test::run_liaison(std::string("import ") + out + " --from " + format +
                                        " -o " + back)
                  .code == 0);
        CHECK(liaison::read_file(back) == two);
    }
}

TEST_CASE("validate --documents checks that the offsets hold the quote") {
    TempDir dir;
    dir.write("d.txt", "Le chef الحموشي a dit");
    auto graph = [](const std::string& offsets) {
        return R"({"graph": {"metadata": {"liaison": {"documents": {"d": {"file": "d.txt"}}}},)"
               R"( "nodes": {"a": {"metadata": {"sources": [{"document": "d", "quote": "الحموشي")" +
               offsets + "}]}}}}}";
    };
    const std::string good = dir.write("good.json", graph(R"(, "start": 8, "end": 15)"));
    Run ok = liaison_test::run_liaison("validate " + good + " --documents " + dir.path.string());
    CHECK(ok.code == 0);
    const std::string bad = dir.write("bad.json", graph(R"(, "start": 7, "end": 14)"));
    Run r = liaison_test::run_liaison("validate " + bad + " --documents " + dir.path.string());
    CHECK(r.code == 1);
    CHECK(r.out == bad +
                       ": node a: source 1 [7, 14) in d (d.txt): the text there is « الحموش»; "
                       "expected the quote «الحموشي»\n");
}
