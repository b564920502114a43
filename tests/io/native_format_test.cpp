#include <doctest/doctest.h>

#include <filesystem>

#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"

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

TEST_CASE(
    "native format: temporal properties are typed objects that read back and stay canonical") {
    const char* text = R"({"graph": {"nodes": {
  "e": {"metadata": {"labels": ["Event"], "names": {"en": "E"},
        "properties": {"day": {"date": "2015-07-21"}, "month": {"date": "2015-07"},
                       "opens": {"localtime": "09:30"}, "call": {"time": "21:40:32.142+01:00"},
                       "local": {"localdatetime": "2015-07-21T21:40"},
                       "at": {"datetime": "2015-07-21T21:40:00.000+02:00[Europe/Stockholm]"},
                       "utc": {"datetime": "2015-07-21T19:40Z"},
                       "lasted": {"duration": "PT90M"}, "note": "2015-07-21T21:40Z",
                       "times": [{"datetime": "2015-07-21T19:40Z"}, {"duration": "P1D"}, 3]}}}},
  "edges": []}})";
    PropertyGraph g = parse_graph_json(text, "temporal.json");
    const Properties& p = g.node(0).properties;
    CHECK(p.get("day")->kind() == Value::Kind::Date);
    CHECK(p.get("month")->as_date().precision() == Date::Precision::Month);
    CHECK(p.get("opens")->as_temporal().type == Temporal::Type::LocalTime);
    CHECK(p.get("call")->as_temporal().offset == 3600);
    CHECK(p.get("local")->as_temporal().type == Temporal::Type::LocalDateTime);
    CHECK(p.get("at")->as_temporal().type == Temporal::Type::DateTime);
    CHECK(p.get("at")->as_temporal().offset == 7200);
    CHECK(p.get("at")->as_temporal().instant() == p.get("utc")->as_temporal().instant());
    CHECK(p.get("lasted")->as_duration().seconds == 5400);
    CHECK(p.get("note")->kind() == Value::Kind::String);  // text stays text
    CHECK(p.get("times")->as_list().at(1).kind() == Value::Kind::Duration);

    std::string first = write_graph_json(g);
    // Written as the type's key and its canonical ISO text.
    CHECK(first.find(R"("at":{"datetime":"2015-07-21T21:40+02:00[Europe/Stockholm]"})") !=
          std::string::npos);
    CHECK(first.find(R"("lasted":{"duration":"PT1H30M"})") != std::string::npos);
    CHECK(first.find(R"("opens":{"localtime":"09:30"})") != std::string::npos);
    CHECK(first.find(R"("note":"2015-07-21T21:40Z")") != std::string::npos);
    PropertyGraph again = parse_graph_json(first, "first.json");
    CHECK(again.node(0).properties == p);
    CHECK(write_graph_json(again) == first);
}

TEST_CASE("native format: a bad temporal value names its place and what was expected") {
    auto message = [](const std::string& value) {
        std::string text =
            R"({"graph": {"nodes": {"a": {"metadata": {"properties": {"t": )" + value + "}}}}}}";
        try {
            parse_graph_json(text, "bad.json");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("loaded");
    };
    CHECK(message(R"({"datetime": "2015-07-21T25:00Z"})") ==
          "bad.json:1:74: '2015-07-21T25:00Z' is not a datetime; expected ISO 8601 text such as "
          "2015-07-21T21:40:32.142+02:00[Europe/Stockholm]");
    CHECK(message(R"({"duration": "P1Q"})") ==
          "bad.json:1:74: 'P1Q' is not a duration; expected ISO 8601 text such as P1Y2M3DT4H5.5S");
    CHECK(message(R"({"datetime": 5})").find("expected a property value") != std::string::npos);
    CHECK(message(R"({"date": "2015", "time": "10:00"})").find("expected a property value") !=
          std::string::npos);
}
