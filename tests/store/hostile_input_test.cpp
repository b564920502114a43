// Hostile input: every file of tests/data/store/bad/ and bad-journal/ must be refused with the
// exact error of expected.tsv (never a crash, never a partial load), and big generated inputs
// must load or fail cleanly. Set LIAISON_PRINT_ERRORS=1 to print the current messages.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>

#include "liaison/store/database.hpp"
#include "store_fixtures.hpp"

using namespace liaison;
using namespace store_test;
namespace fs = std::filesystem;

namespace {

const std::string kData = std::string(LIAISON_TEST_DATA) + "/store";

// name → expected message, from "name<TAB>message" lines.
std::map<std::string, std::string> expected_errors() {
    std::map<std::string, std::string> out;
    std::ifstream in(kData + "/expected.tsv");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        out[line.substr(0, tab)] = line.substr(tab + 1);
    }
    return out;
}

bool printing() { return std::getenv("LIAISON_PRINT_ERRORS") != nullptr; }

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

// Moves each "byte N" past the journal's header (N >= from) by to - from.
std::string shift_offsets(const std::string& text, std::size_t from, std::size_t to) {
    static const std::regex offset("byte ([0-9]+)");
    std::string out;
    auto last = text.begin();
    for (std::sregex_iterator m(text.begin(), text.end(), offset), end; m != end; ++m) {
        out.append(last, text.begin() + m->position(1));
        std::size_t n = std::stoul(m->str(1));
        out += std::to_string(n >= from ? n + to - from : n);
        last = text.begin() + m->position(1) + m->length(1);
    }
    return out.append(last, text.end());
}

}  // namespace

TEST_CASE("hostile input: each bad network is refused with its exact error") {
    auto expected = expected_errors();
    std::size_t checked = 0;
    for (const auto& entry : fs::directory_iterator(kData + "/bad")) {
        std::string name = "bad/" + entry.path().filename().string();
        CAPTURE(name);
        std::string message;
        try {
            parse_graph_json(read_file(entry.path().string()), name);
        } catch (const InputError& e) {
            message = e.what();
        }
        if (printing()) std::cout << name << '\t' << message << '\n';
        CHECK_MESSAGE(expected.count(name), "no expected error for ", name);
        CHECK(message == expected[name]);
        ++checked;
    }
    CHECK(checked >= 25);
}

TEST_CASE("hostile input: each bad journal is refused (or its torn tail ignored) exactly") {
    auto expected = expected_errors();
    ScratchDir dir("hostile");
    std::string db = dir.file(database_name("db"));
    const std::string base = kData + "/bad-journal/base.json";
    // The journals name base.json in their header. On the binary store the base is its
    // `.liaison` image, named in the header by its own identity; the messages then name that
    // file, at offsets moved by the header's change of length.
    const std::string json_header = store::header_record(store::hash_content(read_file(base)));
    std::string header = json_header;
    if (binary_store()) {
        Database::create(db, read_graph_file(base));
        header = store::header_record(store::snapshot_identity(slurp(db), db));
    }
    std::size_t checked = 0;
    for (const auto& entry : fs::directory_iterator(kData + "/bad-journal")) {
        if (entry.path().extension() != ".journal") continue;
        std::string name = "bad-journal/" + entry.path().filename().string();
        CAPTURE(name);
        if (!binary_store()) fs::copy_file(base, db, fs::copy_options::overwrite_existing);
        std::string journal = slurp(entry.path().string());
        replace_all(journal, json_header, header);
        spit(journal_path(db), journal);
        std::string message;
        try {
            Database d = Database::open(db);
            message = "loaded " + std::to_string(d.graph().node_count()) + " nodes";
            for (const auto& w : d.warnings()) message += "; warning: " + w;
        } catch (const Error& e) {
            message = e.what();
        }
        replace_all(message, dir.path.string() + "/", "");
        if (printing()) std::cout << name << '\t' << message << '\n';
        CHECK_MESSAGE(expected.count(name), "no expected error for ", name);
        std::string want = expected[name];
        if (binary_store()) {
            replace_all(want, "db.json", "db.liaison");
            want = shift_offsets(want, json_header.size(), header.size());
        }
        CHECK(message == want);
        ++checked;
    }
    CHECK(checked >= 14);
}

TEST_CASE("hostile input: cycles load (no relation is required to be acyclic)") {
    std::string text = R"({"graph": {"nodes": {"a": {}, "b": {}},
        "edges": [{"source": "a", "target": "b", "relation": "PART_OF"},
                  {"source": "b", "target": "a", "relation": "PART_OF"},
                  {"source": "a", "target": "a", "relation": "PART_OF"}]}})";
    CHECK(parse_graph_json(text, "cycle.json").edge_count() == 3);
}

TEST_CASE("hostile input: deep nesting is refused before it can exhaust the stack") {
    std::string deep = "{\"graph\": {\"nodes\": {}, \"x\": " + std::string(200000, '[') +
                       std::string(200000, ']') + "}}";
    CHECK_THROWS_WITH_AS(parse_graph_json(deep, "deep.json"),
                         "deep.json:1:92: nesting deeper than 64 levels; expected a liaison "
                         "network",
                         InputError);
    CHECK_THROWS_WITH_AS(store::decode_ops(std::string(100000, '['), "ops"),
                         "ops: nesting deeper than 16 levels", InputError);
}

TEST_CASE("hostile input: a 10 MB string loads, commits, replays and compacts") {
    ScratchDir dir("big");
    std::string path = dir.file(database_name("big"));
    Database db = new_database(path);
    std::string big(10 * 1024 * 1024, 'x');
    big += "سلام";
    {
        auto tx = db.begin();
        Node n = person("big");
        n.properties.set("text", Value(big));
        n.sources.push_back({"doc-1", big});
        tx.add_node(n);
        tx.commit();
    }
    Database again = Database::open(path);
    const Node& n = again.graph().node(*again.graph().find_id("big"));
    CHECK(n.properties.get("text")->as_string() == big);
    again.compact();
    CHECK(read_graph_file(path).node(0).sources.at(0).quote == big);
    // As a node id it is refused (ids are short slugs), cleanly.
    std::string text =
        "{\"graph\": {\"nodes\": {\"" + std::string(10 * 1024 * 1024, 'a') + "\": {}}}}";
    CHECK_THROWS_AS(parse_graph_json(text, "long-id.json"), InputError);
}
