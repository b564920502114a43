// Members that may be absent: a node's labels and names (openCypher's CREATE (n) makes such
// nodes), and a source's character offsets. Each reads, writes canonically and reads back the
// same on both reader paths; offsets are checked against the document's text.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "io/native_reader_paths.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"
#include "liaison/io/provenance.hpp"
#include "liaison/store/ops.hpp"

using namespace liaison;
namespace fs = std::filesystem;

namespace {

PropertyGraph read_both(const std::string& text) {
    auto fast = detail::parse_graph_json_fast(text);
    PropertyGraph g = detail::parse_graph_json_validated(text, "in.json");
    REQUIRE(fast.has_value());
    CHECK(write_graph_json(*fast) == write_graph_json(g));
    return g;
}

std::string error_of(const std::string& text) {
    CHECK_FALSE(detail::parse_graph_json_fast(text).has_value());
    try {
        parse_graph_json(text, "in.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

const std::string kDocs =
    R"("metadata": {"liaison": {"documents": {"d": {"file": "d.txt", "title": "T"}}}})";

std::string with_source(const std::string& source) {
    return R"({"graph": {)" + kDocs + R"(, "nodes": {"a": {"metadata": {"sources": [)" + source +
           "]}}}}}";
}

}  // namespace

TEST_CASE("labels and names are optional, and such nodes round-trip byte for byte") {
    for (const char* node : {"{}", R"({"metadata": {}})", R"({"metadata": {"labels": []}})",
                             R"({"metadata": {"labels": [], "names": {}}})"}) {
        INFO(node);
        PropertyGraph g = read_both(std::string(R"({"graph": {"nodes": {"a": )") + node + "}}}");
        REQUIRE(g.node_count() == 1);
        CHECK(g.node(0).labels.empty());
        CHECK(g.node(0).names.display().empty());
        const std::string canonical = write_graph_json(g);
        CHECK(canonical.find(R"("a": {"metadata":{"labels":[]}})") != std::string::npos);
        CHECK(write_graph_json(read_both(canonical)) == canonical);
    }
}

TEST_CASE("source offsets: read, written with sorted keys, read back") {
    PropertyGraph g = read_both(with_source(
        R"({"quote": "q", "start": 3, "end": 7, "document": "d"}, {"document": "d", "quote": "r"})"));
    const auto& sources = g.node(0).sources;
    REQUIRE(sources.size() == 2);
    CHECK(sources[0] == Source{"d", "q", 3, 7});
    CHECK(sources[1] == Source{"d", "r"});
    const std::string canonical = write_graph_json(g);
    CHECK(canonical.find(R"({"document":"d","end":7,"quote":"q","start":3},)"
                         R"({"document":"d","quote":"r"})") != std::string::npos);
    CHECK(write_graph_json(read_both(canonical)) == canonical);
    CHECK(read_both(with_source(R"({"document": "d", "quote": "q", "start": 0, "end": 0})"))
              .node(0)
              .sources[0]
              .end == 0);
}

TEST_CASE("source offsets: both or neither, in order, non-negative integers") {
    const std::string column = "in.json:1:";
    CHECK(error_of(with_source(R"({"document": "d", "quote": "q", "start": 3})")) ==
          column + "174: a source offset alone; expected both 'start' and 'end' or neither");
    CHECK(error_of(with_source(R"({"document": "d", "quote": "q", "end": 3})")) ==
          column + "172: a source offset alone; expected both 'start' and 'end' or neither");
    CHECK(error_of(with_source(R"({"document": "d", "quote": "q", "start": 5, "end": 3})")) ==
          column + "184: source 'end' 3 is before 'start' 5");
    CHECK(error_of(with_source(R"({"document": "d", "quote": "q", "start": -1, "end": 3})")) ==
          column +
              "174: at /graph/nodes/a/metadata/sources/0/start: expected a non-negative "
              "integer");
    CHECK(error_of(with_source(R"({"document": "d", "quote": "q", "start": 1.0, "end": 3})")) ==
          column +
              "174: at /graph/nodes/a/metadata/sources/0/start: expected a value of type "
              "integer");
}

TEST_CASE("validate --documents: the text at the offsets is the quote") {
    const fs::path dir =
        fs::temp_directory_path() / ("liaison_offsets_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "d.txt", std::ios::binary) << "Le chef الحموشي a dit";
    auto problems = [&](const std::string& source) {
        return check_provenance(read_both(with_source(source)), dir.string(), false);
    };
    CHECK(problems(R"({"document": "d", "quote": "الحموشي", "start": 8, "end": 15})").empty());
    CHECK(problems(R"({"document": "d", "quote": "الحموشي"})").empty());
    CHECK(problems(R"({"document": "d", "quote": "الحموشي", "start": 7, "end": 14})") ==
          std::vector<std::string>{
              "node a: source 1 [7, 14) in d (d.txt): the text there is « الحموش»; expected the "
              "quote «الحموشي»"});
    CHECK(problems(R"({"document": "d", "quote": "dit", "start": 18, "end": 22})") ==
          std::vector<std::string>{
              "node a: source 1 [18, 22) in d (d.txt): outside the text (21 characters); "
              "expected offsets of the quote «dit»"});
    fs::remove_all(dir);
}

TEST_CASE("the journal carries offsets and bare nodes, and is as strict as the reader") {
    store::Op op;
    op.kind = store::OpKind::AddNode;
    op.node.id = "a";
    op.node.sources = {Source{"d", "q", 3, 7}, Source{"d", "r"}};
    const std::string json = store::encode_ops({op});
    CHECK(json.find(R"({"document":"d","end":7,"quote":"q","start":3})") != std::string::npos);
    auto back = store::decode_ops(json, "journal");
    REQUIRE(back.size() == 1);
    CHECK(back[0].node.sources == op.node.sources);
    CHECK(back[0].node.labels.empty());
    CHECK(back[0].node.names.display().empty());
    auto error = [](const std::string& text) {
        try {
            store::decode_ops(text, "journal");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    const std::string head = R"([{"op":"add_node","node":{"id":"a","labels":[],)";
    CHECK(error(head + R"("sources":[{"document":"d","quote":"q","start":3}]}}])") ==
          "journal: operation 1: a source offset alone; expected both 'start' and 'end' or "
          "neither");
    CHECK(error(head + R"("properties":{"k":1,"k":2}}}])") ==
          "journal: duplicate member 'k'; expected each member once at byte 67");
    CHECK(error(head + R"("properties":{"k":"\udc00"}}}])") ==
          "journal: lone surrogate escape \"\\udc00\"; expected a character (a high surrogate "
          "followed by a low one) at byte 66");
    CHECK(error(head + R"("properties":{"k":1e-400}}}])").find("underflows to 0") !=
          std::string::npos);
}
