// Each exporter's output for a small graph is checked against a golden file. To accept a
// deliberate change, run with LIAISON_UPDATE_GOLDEN=1 and review the diff.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "liaison/interchange/interchange.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;

namespace {

const std::string kGolden = LIAISON_TEST_DATA "/interchange/golden/";

void check_golden(const std::string& name, const std::string& actual) {
    CAPTURE(name);
    std::string path = kGolden + name;
    if (std::getenv("LIAISON_UPDATE_GOLDEN")) {
        std::filesystem::create_directories(std::filesystem::path(path).parent_path());
        write_file_atomic(path, actual);
    }
    REQUIRE(std::filesystem::exists(path));
    CHECK(read_file(path) == actual);
}

}  // namespace

TEST_CASE("golden: every exporter's output for the small graph") {
    PropertyGraph g = read_graph_file(LIAISON_TEST_DATA "/interchange/small.json");
    check_golden("small.graphml", export_text(g, Format::GraphML));
    check_golden("small.gexf", export_text(g, Format::Gexf));
    check_golden("small.nodelink.json", export_text(g, Format::NodeLink));
    check_golden("small.cyjs", export_text(g, Format::Cytoscape));
    check_golden("small.dot", export_text(g, Format::Dot));
    check_golden("small.edgelist", export_text(g, Format::EdgeList));
    for (const auto& f : export_csv(g)) check_golden("small-csv/" + f.name, f.content);
}

TEST_CASE("golden: exports are deterministic") {
    PropertyGraph g = read_graph_file(LIAISON_SOURCE_DIR "/graphs/morocco-interpol.json");
    for (Format f : {Format::GraphML, Format::Gexf, Format::NodeLink, Format::Cytoscape,
                     Format::Dot, Format::EdgeList})
        CHECK(export_text(g, f) == export_text(g, f));
}
