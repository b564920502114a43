// The native reader's fast path is an optimisation only: on every input it either gives up or
// builds exactly the graph the validated path builds, and parse_graph_json then says exactly
// what the validated path says. Checked on every JSON file of the tree's tests, the shipped
// networks, the fuzz corpus, hand-written near misses, and deterministic mutations of them.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <random>

#include "io/native_reader_paths.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"

using namespace liaison;
namespace fs = std::filesystem;

namespace {

// A graph as everything a reader decides: the canonical text, plus the index order of nodes and
// edges and the adjacency lists, which the canonical writer sorts away.
std::string fingerprint(const PropertyGraph& g) {
    std::string out = write_graph_json(g);
    for (const Node& n : g.nodes()) out += n.id + ' ';
    out += '\n';
    for (const Edge& e : g.edges())
        out += std::to_string(e.source) + '>' + std::to_string(e.target) + ':' +
               std::to_string(e.type) + ' ';
    for (NodeIndex n = 0; n < g.node_count(); ++n) {
        out += '\n';
        for (EdgeIndex e : g.out_edges(n)) out += std::to_string(e) + ' ';
        out += '|';
        for (EdgeIndex e : g.in_edges(n)) out += std::to_string(e) + ' ';
    }
    return out;
}

// "graph:..." or "error:..." for one path.
std::string outcome(const std::function<PropertyGraph()>& read) {
    try {
        return "graph:" + fingerprint(read());
    } catch (const InputError& e) {
        return std::string("error:") + e.what();
    } catch (const Error& e) {
        return std::string("other:") + e.what();
    }
}

struct Tally {
    int files = 0, fast = 0, valid = 0;
};

// Checks one text; returns whether the fast path accepted it.
bool check_equivalent(const std::string& text, const std::string& name, Tally& tally) {
    ++tally.files;
    const std::string validated =
        outcome([&] { return detail::parse_graph_json_validated(text, name); });
    std::optional<PropertyGraph> fast = detail::parse_graph_json_fast(text);
    if (validated.rfind("graph:", 0) == 0) ++tally.valid;
    if (fast) {
        ++tally.fast;
        INFO("fast path accepted ", name);
        CHECK(validated == "graph:" + fingerprint(*fast));
    }
    INFO("public reader on ", name);
    CHECK(outcome([&] { return parse_graph_json(text, name); }) == validated);
    return fast.has_value();
}

std::vector<fs::path> corpus_files() {
    std::vector<fs::path> files;
    const fs::path root(LIAISON_SOURCE_DIR);
    for (const char* dir : {"tests/data", "tests/fuzz/corpus/native_reader", "graphs"})
        for (const auto& entry : fs::recursive_directory_iterator(root / dir))
            if (entry.is_regular_file() && entry.path().extension() == ".json")
                files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

const char* kBase = R"({"graph": {"id": "g", "label": "L", "type": "t", "directed": true,
  "nodes": {
    "b": {"label": "x", "metadata": {"labels": ["City"], "names": {"ar": "فيينا", "en": "Vienna"}}},
    "a": {"metadata": {"labels": ["Person"], "names": {"en": "A"}, "aliases": ["أ"],
          "properties": {"n": 1, "x": 1.5, "f": 1.0, "ok": true, "z": null, "born": {"date": "1966"},
                         "tags": ["p", 2, {"date": "2025-11"}], "neg": -3, "big": 1e300},
          "start": "2023-11-28", "end": "2023-12-01",
          "sources": [{"document": "d", "quote": "q"}]}}},
  "edges": [{"source": "a", "target": "b", "relation": "VISITED", "id": "e1", "label": "v",
             "directed": true,
             "metadata": {"date": "2023-11", "sources": [{"document": "d", "quote": "q"}],
                          "properties": {"w": 2.5}}},
            {"source": "a", "target": "b", "relation": "MET_WITH"},
            {"source": "b", "target": "b", "relation": "MET_WITH"}],
  "metadata": {"liaison": {"profile": 1, "documents": {"d": {"title": "T", "date": "2023",
               "outlet": "o", "file": "f", "language": "ar", "url": "u"}},
               "relations": {"VISITED": {"symmetric": false, "en": "visited", "ar": "زار"}}}}}})";

// Near misses of kBase: each edit is applied once (first occurrence of `from`).
const std::vector<std::pair<std::string, std::string>> kEdits = {
    {R"("profile": 1)", R"("profile": 1.0)"},
    {R"("profile": 1)", R"("profile": 2)"},
    {R"("profile": 1)", R"("profile": 1, "profile": 1)"},
    {R"("labels": ["City"])", R"("labels": ["City"], "labels": ["Town"])"},
    {R"("labels": ["City"])", R"("labels": ["city-x"])"},
    {R"("labels": ["City"])", R"("labels": [""])"},
    {R"("n": 1,)", R"("n": 1, "n": 2,)"},
    {R"("n": 1,)", R"("n": 18446744073709551615,)"},
    {R"("n": 1,)", R"("n": 9223372036854775807,)"},
    {R"("n": 1,)", R"("n": -9223372036854775809,)"},
    {R"("n": 1,)", R"("n": [[1]],)"},
    {R"("n": 1,)", R"("n": {"date": "2023", "x": 1},)"},
    {R"("n": 1,)", R"("n": {"date": "2023-02-30"},)"},
    {R"("n": 1,)", R"("n": {},)"},
    {R"("n": 1,)", R"("n": {"datetime": "2015-07-21T21:40+02:00[Europe/Stockholm]"},)"},
    {R"("n": 1,)", R"("n": {"datetime": "2015-07-21T21:40:00.000Z"},)"},
    {R"("n": 1,)", R"("n": [{"localtime": "09:30"}, {"time": "21:40-05:00"}, 1],)"},
    {R"("n": 1,)", R"("n": {"localdatetime": "2015-07-21T21:40"}, "m": {"duration": "PT90M"},)"},
    {R"("n": 1,)", R"("n": {"datetime": "2015-13-01T21:40Z"},)"},
    {R"("n": 1,)", R"("n": {"datetime": "2015-07-21T21:40Z[Mars/Base]"},)"},
    {R"("n": 1,)", R"("n": {"datetime": 1},)"},
    {R"("n": 1,)", R"("n": {"dateTime": "2015-07-21T21:40Z"},)"},
    {R"("n": 1,)", R"("n": {"duration": "P1D", "date": "2015"},)"},
    {R"("n": 1,)", R"("n": {"duration": "P1Q"},)"},
    {R"("n": 1,)", R"("n": {"time": "2015-07-21"},)"},
    {R"("n": 1,)", R"("n": "a\u0000b",)"},
    {R"("n": 1,)", R"("n": "\u00e9\ud83d\ude00",)"},
    {R"("n": 1,)", R"("n": "A\udc00",)"},
    {R"("n": 1,)", R"("n": "\ud83d",)"},
    {R"("n": 1,)", R"("n": "\\udc00",)"},
    {R"("n": 1,)", R"("k\u0000x": 1,)"},
    {R"("n": 1,)", R"("n": 123456789012345678901234567890,)"},
    {R"("n": 1,)", R"("n": 9223372036854775808,)"},
    {R"("n": 1,)", R"("n": 1e-400,)"},
    {R"("n": 1,)", R"("n": [1, 0e-400, 4.9e-324],)"},
    {R"("n": 1,)", R"("n": 1, "x": 2,)"},
    {R"("w": 2.5)", R"("w": 2.5, "w": 2.5)"},
    {R"("w": 2.5)", R"("w": 1e-999)"},
    {R"("VISITED": {)", R"("MET_WITH": {"symmetric": true}, "VISITED": {)"},
    {R"("VISITED": {)", R"("VISITED": {"symmetric": false}, "VISITED": {)"},
    {R"("document": "d", "quote": "q"})",
     R"("document": "d", "quote": "q", "start": 1, "end": 2})"},
    {R"("document": "d", "quote": "q"})",
     R"("end": 0, "document": "d", "quote": "q", "start": 0})"},
    {R"("document": "d", "quote": "q"})", R"("document": "d", "quote": "q", "start": 1})"},
    {R"("document": "d", "quote": "q"})", R"("document": "d", "quote": "q", "end": 1})"},
    {R"("document": "d", "quote": "q"})",
     R"("document": "d", "quote": "q", "start": 2, "end": 1})"},
    {R"("document": "d", "quote": "q"})",
     R"("document": "d", "quote": "q", "start": -1, "end": 1})"},
    {R"("document": "d", "quote": "q"})",
     R"("document": "d", "quote": "q", "start": 0.0, "end": 1})"},
    {R"("document": "d", "quote": "q"})",
     R"("document": "d", "quote": "q", "start": 1, "start": 1, "end": 1})"},
    {R"("labels": ["City"])", R"("labels": [])"},
    {R"("labels": ["City"])", R"("labels": [], "names": {})"},
    {R"("start": "2023-11-28")", R"("start": "2023-11-28", "date": "2023")"},
    {R"("start": "2023-11-28")", R"("start": "2024")"},
    {R"("start": "2023-11-28")", R"("start": "2023-1-28")"},
    {R"("start": "2023-11-28")", R"("start": "2023-11-28 ")"},
    {R"("start": "2023-11-28")", R"("start": 2023)"},
    {R"("document": "d", "quote": "q"})", R"("document": "d", "quote": ""})"},
    {R"("document": "d", "quote": "q"})", R"("document": "e", "quote": "q"})"},
    {R"("document": "d", "quote": "q"})", R"("document": "d"})"},
    {R"("document": "d", "quote": "q"})", R"("document": "d", "quote": "q", "page": 1})"},
    {R"("names": {"en": "A"})", R"("names": {"en": "A", "fr": "A"})"},
    {R"("names": {"en": "A"})", R"("names": {"en": 1})"},
    {R"("aliases": ["أ"])", R"("aliases": [""])"},
    {R"("aliases": ["أ"])", R"("aliases": "أ")"},
    {R"("relation": "MET_WITH"})", R"("relation": "PRAISED"})"},
    {R"("relation": "MET_WITH"})", R"("relation": ""})"},
    {R"("relation": "MET_WITH"})", R"(})"},
    {R"("relation": "MET_WITH"})", R"("relation": "MET_WITH", "weight": 1})"},
    {R"("source": "a", "target": "b", "relation": "MET_WITH")",
     R"("source": "a", "target": "zz", "relation": "MET_WITH")"},
    {R"("directed": true,
             "metadata")",
     R"("directed": 1,
             "metadata")"},
    {R"("symmetric": false)", R"("symmetric": true)"},
    {R"("symmetric": false)", R"("symmetric": "no")"},
    {R"("symmetric": false, )", ""},
    {R"("VISITED": {)", R"("MET_WITH": {"symmetric": false}, "VISITED": {)"},
    {R"("VISITED": {)", R"("bad name": {"symmetric": false}, "VISITED": {)"},
    {R"("d": {"title")", R"("d": {"title": "x"}, "d": {"title")"},
    {R"("url": "u")", R"("url": "u", "isbn": "1")"},
    {R"("liaison": {)", R"("other": [[[[1]]]], "liaison": {)"},
    {R"("liaison": {)", R"("other": 1, "liaison": {)"},
    {R"("metadata": {"liaison")", R"("metadata": {"liaison": {}}, "metadata": {"liaison")"},
    {R"("b": {"label")", R"("B": {}, "b": {"label")"},
    {R"("b": {"label")", R"("a": {}, "b": {"label")"},
    {R"("b": {"label")", R"("c": {"colour": 1}, "b": {"label")"},
    {R"("b": {"label")", R"("c": [], "b": {"label")"},
    {R"("id": "g")", R"("id": "g", "extra": 1)"},
    {R"("id": "g")", R"("id": 7)"},
    {R"("type": "t")", R"("type": null)"},
    {R"({"graph")", R"({"other": 1, "graph")"},
    {R"("edges": [)", R"("edges": {}, "x": [)"},
    {R"("edges": [)", R"("edges": [1, )"},
};

}  // namespace

TEST_CASE("fast path: every test file gives the validated path's graph or message") {
    Tally tally;
    for (const fs::path& file : corpus_files()) {
        std::string text = read_file(file.string());
        check_equivalent(text, file.string(), tally);
        // read_graph_file parses in place and reads the file again for a message.
        INFO("read_graph_file on ", file.string());
        CHECK(outcome([&] { return read_graph_file(file.string()); }) ==
              outcome([&] { return detail::parse_graph_json_validated(text, file.string()); }));
    }
    MESSAGE(tally.files << " files, " << tally.valid << " valid, " << tally.fast
                        << " taken by the fast path");
    CHECK(tally.files > 50);
    // The shipped network takes the fast path: it is what the speed is for.
    CHECK(detail::parse_graph_json_fast(
              read_file(std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json"))
              .has_value());
}

TEST_CASE("fast path: near misses of a valid file") {
    Tally tally;
    REQUIRE(check_equivalent(kBase, "base.json", tally));
    for (const auto& [from, to] : kEdits) {
        std::string text = kBase;
        auto at = text.find(from);
        REQUIRE_MESSAGE(at != std::string::npos, from);
        text.replace(at, from.size(), to);
        check_equivalent(text, "edit.json", tally);
    }
    MESSAGE(tally.files << " edits, " << tally.valid << " valid, " << tally.fast << " fast");
}

TEST_CASE("fast path: temporal property values stay on the fast path") {
    std::string text = kBase;
    text.replace(text.find(R"("n": 1,)"), 7,
                 R"("n": {"datetime": "2015-07-21T21:40+02:00[Europe/Stockholm]"},)"
                 R"( "d": [{"duration": "PT90M"}, {"localtime": "09:30"}],)");
    Tally tally;
    CHECK(check_equivalent(text, "temporal.json", tally));
}

// kBase with its members in the canonical writer's order: edges before nodes and metadata, so
// ids, relation names and documents are all named before they are declared.
std::string canonical_order_base() {
    std::string text = kBase;
    const std::size_t nodes = text.find(R"("nodes")"), edges = text.find(R"("edges")");
    const std::size_t meta = text.find(R"("metadata": {"liaison")");
    std::string node_part = text.substr(nodes, edges - nodes);
    std::string edge_part = text.substr(edges, meta - edges);
    return text.substr(0, nodes) + edge_part + node_part + text.substr(meta);
}

// Near misses that only the order can make: a late declaration that never comes.
const std::vector<std::pair<std::string, std::string>> kOrderEdits = {
    {R"("target": "b", "relation": "MET_WITH")", R"("target": "c", "relation": "MET_WITH")"},
    {R"("target": "b", "relation": "MET_WITH")", R"("target": "B", "relation": "MET_WITH")"},
    {R"("b": {"label")", R"("a": {}, "b": {"label")"},
    {R"("b": {"label")", R"("c": {}, "b": {"label")"},
    {R"("relation": "VISITED")", R"("relation": "VISITS")"},
    {R"("VISITED": {)", R"("VISITS": {)"},
    {R"("document": "d", "quote": "q"})", R"("document": "e", "quote": "q"})"},
    {R"("d": {"title")", R"("e": {"title")"},
    {R"("d": {"title")", R"("d": {"title": "x"}, "d": {"title")"},
    {R"("metadata": {"liaison")", R"("metadata": {})"},
    {R"("nodes": {)", R"("nodes": {}, "x": {)"},
};

TEST_CASE("fast path: declarations after their use") {
    Tally tally;
    const std::string base = canonical_order_base();
    REQUIRE(check_equivalent(base, "canonical.json", tally));
    for (const auto& [from, to] : kOrderEdits) {
        for (const std::string& start : {base, std::string(kBase)}) {
            std::string text = start;
            auto at = text.find(from);
            REQUIRE_MESSAGE(at != std::string::npos, from);
            text.replace(at, from.size(), to);
            check_equivalent(text, "order.json", tally);
        }
    }
    MESSAGE(tally.files << " edits, " << tally.valid << " valid, " << tally.fast << " fast");
    // Valid files in any member order take the fast path.
    CHECK(tally.fast == tally.valid);
}

TEST_CASE("fast path: deterministic mutations") {
    // Byte-level edits (drop, duplicate, replace with a JSON-significant byte) of small valid
    // files: mostly broken JSON, sometimes a different valid graph.
    std::vector<std::string> seeds = {kBase, canonical_order_base()};
    for (const fs::path& file : corpus_files())
        if (fs::file_size(file) < 4000) seeds.push_back(read_file(file.string()));
    std::mt19937 rng(20261122);
    const std::string bytes = "{}[]\":,0 1-e.a\\u";
    Tally tally;
    for (const std::string& seed : seeds) {
        if (seed.empty()) continue;
        for (int k = 0; k < 60; ++k) {
            std::string text = seed;
            std::size_t at = rng() % text.size();
            switch (rng() % 3) {
                case 0:
                    text.erase(at, 1 + rng() % 4);
                    break;
                case 1:
                    text.insert(at, text.substr(at, 1 + rng() % 12));
                    break;
                default:
                    text[at] = bytes[rng() % bytes.size()];
            }
            check_equivalent(text, "mutant.json", tally);
        }
    }
    MESSAGE(tally.files << " mutants, " << tally.valid << " valid, " << tally.fast << " fast");
}
