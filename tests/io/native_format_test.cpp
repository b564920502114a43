#include <doctest/doctest.h>

#include <filesystem>

#include "core/error.hpp"
#include "io/native_format.hpp"

using namespace liaison;

namespace {
const char* kSmall = R"({"graph": {"nodes": {
  "b": {"metadata": {"labels": ["City"], "names": {"ar": "فيينا", "en": "Vienna"}}},
  "a": {"metadata": {"labels": ["Person"], "names": {"en": "A"}, "aliases": ["أ"],
        "properties": {"n": 1, "x": 1.5, "f": 1.0, "ok": true, "z": null, "born": {"date": "1966"},
                       "tags": ["p", 2, {"date": "2025-11"}]},
        "start": "2023-11-28", "end": "2023-12-01"}}},
  "edges": [{"source": "a", "target": "b", "relation": "VISITED", "id": "e1",
             "metadata": {"date": "2023-11", "sources": [{"document": "d", "quote": "q"}]}},
            {"source": "a", "target": "b", "relation": "MET_WITH"}],
  "metadata": {"liaison": {"profile": 1, "documents": {"d": {"title": "T", "date": "2023"}},
               "relations": {"VISITED": {"symmetric": false, "en": "visited"}}}}}})";
}

TEST_CASE("native format: reading keeps every field and type") {
    PropertyGraph g = parse_graph_json(kSmall, "small.json");
    REQUIRE(g.node_count() == 2);
    const Node& a = g.node(*g.find_id("a"));
    CHECK(a.names.aliases == std::vector<std::string>{"أ"});
    CHECK(a.properties.get("n")->kind() == Value::Kind::Int);
    CHECK(a.properties.get("f")->kind() == Value::Kind::Float);
    CHECK(a.properties.get("x")->as_float() == 1.5);
    CHECK(a.properties.get("z")->is_null());
    CHECK(a.properties.get("born")->as_date().to_string() == "1966");
    CHECK(a.properties.get("tags")->as_list().size() == 3);
    CHECK(a.time.start->to_string() == "2023-11-28");
    const Edge& e = g.edge(0);
    CHECK(g.type_name(e) == "VISITED");
    CHECK(e.id == "e1");
    CHECK(e.time.date->to_string() == "2023-11");
    CHECK(e.sources.at(0).quote == "q");
    CHECK(g.is_symmetric(g.edge(1)));
    CHECK(g.documents().at("d").date->year == 2023);
}

TEST_CASE("native format: load → save → load → save is byte-identical") {
    std::string first = write_graph_json(parse_graph_json(kSmall, "small.json"));
    std::string second = write_graph_json(parse_graph_json(first, "first.json"));
    CHECK(first == second);
    // Canonical: keys sorted, one node per line, UTF-8 unescaped, floats keep their fraction.
    CHECK(first.find("\"b\": {\"metadata\":{\"labels\":[\"City\"],\"names\":{\"ar\":\"فيينا\"") !=
          std::string::npos);
    CHECK(first.find("\"f\":1.0") != std::string::npos);
    CHECK(first.find("\\u") == std::string::npos);
    CHECK(first.find("\"VISITED\": {\"en\":\"visited\",\"symmetric\":false}") != std::string::npos);
    CHECK(first.find("MET_WITH\",\"source\":\"a\"") < first.find("VISITED\",\"source\":\"a\""));
}

TEST_CASE("native format: an empty network round-trips") {
    std::string text = write_graph_json(PropertyGraph{});
    CHECK(write_graph_json(parse_graph_json(text, "empty.json")) == text);
}

TEST_CASE("atomic save replaces the file and leaves no temporary behind") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "liaison_io_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string path = (dir / "g.json").string();
    PropertyGraph g = parse_graph_json(kSmall, "small.json");
    save_graph_file(g, path);
    CHECK(read_file(path) == write_graph_json(g));
    CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
    CHECK_THROWS_AS(write_file_atomic((dir / "missing" / "g.json").string(), "x"), SystemError);
    CHECK(read_file(path) == write_graph_json(g));
    fs::remove_all(dir);
}
