// `liaison export` for peers (issue 17 item 7): GEXF 1.2 by default with viz styling and a
// Graphviz layout, 1.3 on request, mixed graphs with a note for NetworkX users, --directed-only.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "cli_run.hpp"
#include "liaison/io/native_format.hpp"

namespace fs = std::filesystem;

namespace {

using liaison_test::Run;

const std::string kSmall = std::string(LIAISON_TEST_DATA) + "/interchange/small.json";

bool has(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
}

fs::path temp_dir() {
    fs::path d = fs::temp_directory_path() / ("liaison_export_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

}  // namespace

TEST_CASE("export: GEXF 1.2 styled and laid out, mixed, with a note for NetworkX") {
    fs::path dir = temp_dir();
    const std::string out = (dir / "net.gexf").string();
    Run r = liaison_test::run_liaison("export " + liaison_test::in_store(kSmall) + " -o " + out);
    REQUIRE(r.code == 0);
    CHECK(has(r.out, "--directed-only"));
    std::string gexf = liaison::read_file(out);
    CHECK(has(gexf, "xmlns=\"http://www.gexf.net/1.2draft\""));
    CHECK(has(gexf, "type=\"undirected\""));
    CHECK(has(gexf, "<viz:position "));
    CHECK(has(gexf, "<viz:size "));
    // Person nodes take the drawing style's Person colour (#c77800).
    CHECK(has(gexf, "<viz:color r=\"199\" g=\"120\" b=\"0\"/>"));

    Run v13 = liaison_test::run_liaison("export " + liaison_test::in_store(kSmall) + " -o " + out +
                                        " --gexf-version 1.3 --layout none --directed-only");
    REQUIRE(v13.code == 0);
    CHECK_FALSE(has(v13.out, "note:"));
    gexf = liaison::read_file(out);
    CHECK(has(gexf, "xmlns=\"http://gexf.net/1.3\""));
    CHECK_FALSE(has(gexf, "type=\"undirected\""));
    CHECK_FALSE(has(gexf, "<viz:position "));
    CHECK(has(gexf, "<viz:color "));
    fs::remove_all(dir);
}

TEST_CASE("export: bad --gexf-version and --layout are refused by name") {
    Run v = liaison_test::run_liaison("export " + kSmall +
                                      " -o - --output-format gexf --gexf-version 1.4");
    CHECK(v.code != 0);
    CHECK(has(v.out, "--gexf-version: '1.4' is not 1.2 or 1.3"));
    Run l = liaison_test::run_liaison("export " + kSmall +
                                      " -o - --output-format gexf --layout spring");
    CHECK(l.code != 0);
    CHECK(has(l.out, "--layout: 'spring'"));
}
