// The binary base image (docs/storage-engine.md §4): what the writer lays out reads back as the
// canonical JSON text of the same graph reads, accessors served from the mapping agree with the
// graph, damage is refused with its place named, and a `.liaison` database keeps the store's
// transaction, journal and recovery guarantees.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <random>

#include "liaison/store/database.hpp"
#include "store/binary_format.hpp"
#include "store_fixtures.hpp"

using namespace liaison;
using namespace store_test;
namespace fs = std::filesystem;

namespace {

// Every kind of content the native format holds, as its canonical text.
std::string rich_json() {
    PropertyGraph g;
    g.graph_id = "rich";
    g.graph_label = "Every kind of content";
    Document d;
    d.id = "doc-1";
    d.title = "عنوان";
    d.outlet = "Hespress";
    d.date = Date::parse("2025-11-24");
    d.file = "articles/a.txt";
    d.language = "ar";
    d.url = "https://example.org/a";
    g.documents().emplace(d.id, d);
    Document d2;
    d2.id = "doc-2";
    g.documents().emplace(d2.id, d2);
    g.relations().declare({"TRAINED", false, "درّب", "trained", false});
    g.relations().declare({"TALKED_WITH", true, "", "talked with", false});
    Node a = person("zed", "Zed");
    a.names.ar = "عبد اللطيف الحموشي";
    a.names.aliases = {"Hammouchi", "الحموشي"};
    a.labels = {"Person", "Official"};
    a.time.start = Date::parse("2015");
    a.time.end = Date::parse("2025-02");
    a.sources = {Source("doc-1", "قال الحموشي", 3, 14), Source("doc-2", "he said", 0, 7),
                 Source("doc-1", "no offsets")};
    a.properties.set("born", Value(*Date::parse("1966")));
    a.properties.set("count", Value(std::int64_t{-9007199254740993}));
    a.properties.set("ratio", Value(0.1));
    a.properties.set("flag", Value(true));
    a.properties.set("nothing", Value());
    a.properties.set("tags", Value(ValueList{Value("x"), Value(std::int64_t{2}), Value(false)}));
    a.properties.set("title", Value("Director"));
    // openCypher's temporal values and durations (stored by their JSON key and ISO text).
    for (auto [key, text] :
         {std::pair{"datetime", "2015-07-21T21:40:32.142+02:00[Europe/Stockholm]"},
          std::pair{"localtime", "21:40"}, std::pair{"duration", "P1Y2M3DT4H5M6.5S"}}) {
        std::string error;
        std::optional<Value> v = parse_typed(key, text, error);
        REQUIRE_MESSAGE(v, error);
        a.properties.set(std::string("t-") + key, *v);
    }
    Node b = person("alpha", "Alpha");
    b.labels = {"Agency"};
    b.time.date = Date::parse("2023-11-30");
    Node c = person("mid");
    c.names.en.clear();
    c.names.ar = "وسط";
    NodeIndex ia = g.add_node(a), ib = g.add_node(b), ic = g.add_node(c);
    auto edge = [&](NodeIndex s, NodeIndex t, const char* type, const char* date,
                    const char* id = "") {
        Edge e;
        e.source = s;
        e.target = t;
        e.type = g.relation(type);
        e.id = id;
        if (*date) e.time.date = Date::parse(date);
        e.sources = {Source("doc-1", "quote")};
        return e;
    };
    g.add_edge(edge(ia, ib, "MET_WITH", "2025-11"));
    g.add_edge(edge(ia, ib, "MET_WITH", "2023"));  // parallel, earlier: canonical order swaps
    Edge p = edge(ib, ia, "TRAINED", "", "e-7");
    p.time.start = Date::parse("2020");
    p.properties.set("weight", Value(std::int64_t{3}));
    p.properties.set("note", Value("تدريب"));
    g.add_edge(p);
    g.add_edge(edge(ic, ic, "TALKED_WITH", ""));  // a symmetric self-loop
    g.add_edge(edge(ic, ia, "TALKED_WITH", "2024-02-29"));
    return write_graph_json(g);
}

PropertyGraph round_trip(const PropertyGraph& g) {
    return binary::BaseImage::from_bytes(binary::write_base(g), "mem.liaison")->to_graph();
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

// Networks the JSON reader accepts among the repository's fixtures.
std::vector<fs::path> json_fixtures() {
    std::vector<fs::path> out;
    for (const std::string& root :
         {std::string(LIAISON_TEST_DATA), std::string(LIAISON_TEST_DATA) + "/../../graphs"})
        for (const auto& e : fs::recursive_directory_iterator(root))
            if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("binary: a graph reads back exactly as its canonical JSON text reads") {
    std::string text = rich_json();
    PropertyGraph from_json = parse_graph_json(text, "rich.json");
    PropertyGraph back = round_trip(from_json);
    CHECK(write_graph_json(back) == text);
    REQUIRE(back.node_count() == from_json.node_count());
    REQUIRE(back.edge_count() == from_json.edge_count());
    // Same indices as the text gives: nodes by id, edges in canonical order.
    for (NodeIndex n = 0; n < back.node_count(); ++n) {
        CHECK(back.node(n).id == from_json.node(n).id);
        CHECK(back.node(n).properties == from_json.node(n).properties);
        CHECK(back.node(n).sources == from_json.node(n).sources);
        CHECK(back.out_edges(n) == from_json.out_edges(n));
        CHECK(back.in_edges(n) == from_json.in_edges(n));
    }
    for (EdgeIndex e = 0; e < back.edge_count(); ++e) {
        CHECK(back.edge(e).source == from_json.edge(e).source);
        CHECK(back.edge(e).target == from_json.edge(e).target);
        CHECK(back.type_name(back.edge(e)) == from_json.type_name(from_json.edge(e)));
        CHECK(back.edge(e).time == from_json.edge(e).time);
    }
    CHECK(back.find_name("hammouchi") == from_json.find_name("hammouchi"));
    // From a graph in any order (not read from text), the image still holds canonical order.
    PropertyGraph g;
    g.add_node(person("b"));
    g.add_node(person("a"));
    PropertyGraph sorted = round_trip(g);
    CHECK(sorted.node(0).id == "a");
    CHECK(write_graph_json(sorted) == write_graph_json(g));
}

TEST_CASE("binary: JSON → binary → JSON is byte-identical for every fixture network") {
    std::size_t tried = 0, converted = 0, identical = 0;
    for (const fs::path& file : json_fixtures()) {
        ++tried;
        std::string text = read_file(file.string());
        PropertyGraph g;
        try {
            g = parse_graph_json(text, file.string());
        } catch (const Error&) {
            continue;  // not a network the JSON reader accepts (bad fixtures, other formats)
        }
        CAPTURE(file.string());
        std::string canonical = write_graph_json(g);
        std::string bytes = binary::write_base(g);
        auto image = binary::BaseImage::from_bytes(bytes, file.string() + ".liaison");
        PropertyGraph back = image->to_graph();
        CHECK(write_graph_json(back) == canonical);
        CHECK_NOTHROW(image->check());
        CHECK(binary::write_base(back) == bytes);  // deterministic, a fixed point
        ++converted;
        identical += text == canonical;
    }
    MESSAGE(fmt::format("{} JSON files, {} networks converted, {} canonical byte for byte", tried,
                        converted, identical));
    CHECK(converted >= 20);
    CHECK(identical >= 5);
}

TEST_CASE("binary: accessors served from the image agree with the graph") {
    std::string path = std::string(LIAISON_TEST_DATA) + "/../../graphs/morocco-interpol.json";
    PropertyGraph g = read_graph_file(path);
    auto image = binary::BaseImage::from_bytes(binary::write_base(g), "m.liaison");
    PropertyGraph back = image->to_graph();
    REQUIRE(image->node_count() == g.node_count());
    REQUIRE(image->edge_count() == g.edge_count());
    for (NodeIndex n = 0; n < back.node_count(); ++n) {
        const Node& node = back.node(n);
        CHECK(image->node_id(n) == node.id);
        CHECK(image->find_id(node.id) == std::optional<NodeIndex>(n));
        for (const std::string* name : {&node.names.en, &node.names.ar})
            if (!name->empty()) CHECK(image->find_name(*name) == back.find_name(*name));
        for (const auto& label : node.labels)
            CHECK(image->nodes_with_label(label) == back.nodes_with_label(label));
        std::vector<EdgeIndex> out, in;
        for (EdgeIndex e = 0; e < back.edge_count(); ++e) {
            if (back.edge(e).source == n) out.push_back(e);
            if (back.edge(e).target == n) in.push_back(e);
        }
        CHECK(image->out_run(n) == out);
        CHECK(image->in_run(n) == in);
    }
    for (EdgeIndex e = 0; e < back.edge_count(); ++e) {
        binary::EdgeEnds ends = image->edge_ends(e);
        CHECK(ends.source == back.edge(e).source);
        CHECK(ends.target == back.edge(e).target);
        CHECK(image->relation_name(ends.type) == back.type_name(back.edge(e)));
    }
    CHECK_FALSE(image->find_id("no-such-node"));
    CHECK(image->find_name("no such name").empty());
    CHECK(image->find_name("Hammouchi") == back.find_name("Hammouchi"));
    CHECK_FALSE(back.find_name("Hammouchi").empty());
}

TEST_CASE("binary: check() verifies checksums and that every index matches the columns") {
    PropertyGraph g = parse_graph_json(rich_json(), "rich.json");
    std::string bytes = binary::write_base(g);
    CHECK_NOTHROW(binary::BaseImage::from_bytes(bytes, "ok.liaison")->check());
    // A flipped byte inside the string heap: the image still opens (no checksum on the hot
    // path), check() names the section.
    std::string damaged = bytes;
    auto at = damaged.find("Director");
    REQUIRE(at != std::string::npos);
    damaged[at] = 'd';
    auto image = binary::BaseImage::from_bytes(damaged, "d.liaison");
    CHECK(error_of([&] { image->check(); }).find("d.liaison: section STRING_HEAP (bytes ") == 0);
}

TEST_CASE("binary: every truncation and every flipped byte is refused or read, never a crash") {
    PropertyGraph g = parse_graph_json(rich_json(), "rich.json");
    const std::string bytes = binary::write_base(g);
    std::size_t refused = 0;
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
        std::string message = error_of(
            [&] { binary::BaseImage::from_bytes(bytes.substr(0, cut), "t.liaison")->to_graph(); });
        CAPTURE(cut);
        CHECK_FALSE(message.empty());
        refused += !message.empty();
    }
    CHECK(refused == bytes.size());
    CHECK(error_of([&] { binary::BaseImage::from_bytes(bytes.substr(0, 100), "t.liaison"); }) ==
          "t.liaison: truncated: 100 bytes, shorter than the 128-byte header of a base image");
    CHECK(error_of([&] {
              binary::BaseImage::from_bytes(bytes.substr(0, 4096), "t.liaison");
          }).find("t.liaison: truncated: the header says ") == 0);
    // Byte flips past the header (whose checksum catches its own): each either loads or is
    // refused with a liaison::Error; what loads writes and reads back.
    std::mt19937 rng(16);
    std::size_t loaded = 0;
    for (int round = 0; round < 3000; ++round) {
        std::string copy = bytes;
        std::size_t pos = 128 + rng() % (copy.size() - 128);
        copy[pos] = static_cast<char>(rng());
        try {
            PropertyGraph back = binary::BaseImage::from_bytes(copy, "f.liaison")->to_graph();
            binary::write_base(back);
            ++loaded;
        } catch (const Error&) {
        }
    }
    MESSAGE(fmt::format("3000 random byte changes: {} still loaded, the rest refused", loaded));
}

TEST_CASE("binary: a .liaison database commits, reopens, compacts and survives a torn tail") {
    ScratchDir dir("binary-db");
    std::string path = dir.file("net.liaison");
    Database db = new_database(path);
    CHECK(slurp(path).substr(0, 8) == "LIAISONB");
    {
        auto tx = db.begin();
        tx.add_node(person("a"));
        tx.add_node(person("b"));
        tx.add_edge(met("a", "b", "2025-11"));
        tx.commit();
    }
    CHECK(fs::exists(journal_path(path)));
    std::string committed = write_graph_json(db.graph());
    {
        Database again = Database::open(path);
        CHECK(again.warnings().empty());
        CHECK(again.journal_transactions() == 1);
        CHECK(write_graph_json(again.graph()) == committed);
        CHECK(write_graph_json(read_graph_file(path)).find("\"a\"") == std::string::npos);
    }
    // A torn tail: ignored with the JSON store's warning, then cut off by the next writer.
    std::string journal = slurp(journal_path(path));
    std::string next = store::transaction_record("[{\"op\":\"remove_node\",\"id\":\"a\"}]");
    spit(journal_path(path), journal + next.substr(0, next.size() / 2));
    {
        Database torn = Database::open(path);
        CHECK(write_graph_json(torn.graph()) == committed);
        REQUIRE(torn.warnings().size() == 1);
        CHECK(torn.warnings()[0].find("ignored an incomplete transaction at byte") !=
              std::string::npos);
        auto tx = torn.begin();
        tx.add_node(person("c"));
        tx.commit();
    }
    Database after = Database::open(path);
    CHECK(after.warnings().empty());
    CHECK(after.graph().node_count() == 3);
    // Compaction folds the journal into a new base image, atomically.
    CompactResult r = after.compact();
    CHECK(r.transactions == 2);
    CHECK(r.rewritten);
    CHECK_FALSE(fs::exists(journal_path(path)));
    PropertyGraph folded = read_graph_file(path);
    CHECK(write_graph_json(folded) == write_graph_json(after.graph()));
    CHECK_NOTHROW(binary::BaseImage::open_file(path)->check());
    // update() (the read-compute-write cycle every CLI edit uses) works the same way.
    // The binary store folds the journal only once it passes max(4 MiB, base / 64): a short
    // one stays, and compact() folds it when asked.
    UpdateResult u =
        after.update([](WriteTransaction& tx) { tx.remove_node("c"); }, {.compact = true});
    CHECK_FALSE(u.compacted);
    CHECK(fs::exists(journal_path(path)));
    CHECK(Database::open(path).graph().node_count() == 2);
    CHECK(after.compact().rewritten);
    CHECK(read_graph_file(path).node_count() == 2);
}

TEST_CASE("binary: creating a .liaison database holds its graph to the JSON store's rules") {
    ScratchDir dir("binary-create");
    PropertyGraph g;
    Node n = person("a");
    n.sources = {Source("missing-doc", "words")};  // a document the graph does not hold
    g.add_node(n);
    std::string json_error = error_of([&] { Database::create(dir.file("x.json"), g); });
    std::string binary_error = error_of([&] { Database::create(dir.file("x.liaison"), g); });
    CHECK_FALSE(json_error.empty());
    CHECK_FALSE(binary_error.empty());
    CHECK_FALSE(fs::exists(dir.file("x.liaison")));
}

TEST_CASE("binary: each hostile base image is refused with its exact error") {
    // name → expected message, from tests/data/store/bad-binary/expected.tsv.
    const std::string folder = std::string(LIAISON_TEST_DATA) + "/store/bad-binary";
    std::map<std::string, std::string> expected;
    {
        std::ifstream in(folder + "/expected.tsv");
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            auto tab = line.find('\t');
            REQUIRE(tab != std::string::npos);
            expected[line.substr(0, tab)] = line.substr(tab + 1);
        }
    }
    const bool print = std::getenv("LIAISON_PRINT_ERRORS") != nullptr;
    std::size_t checked = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        if (entry.path().extension() != ".liaison") continue;
        std::string name = entry.path().filename().string();
        CAPTURE(name);
        std::string bytes = read_file(entry.path().string());
        std::string message = error_of([&] {
            auto image = binary::BaseImage::from_bytes(bytes, name);
            image->to_graph();
            image->check();
        });
        if (print) std::cout << name << '\t' << message << '\n';
        if (name == "valid.liaison") {
            CHECK(message.empty());
            continue;
        }
        CHECK_MESSAGE(expected.count(name), "no expected error for ", name);
        CHECK(message == expected[name]);
        ++checked;
    }
    CHECK(checked >= 25);
}
