// The lazily loaded graph of the binary store (docs/storage-engine.md §0): a graph over a mapped
// base answers counts, ids and edge ends without loading content, takes appended nodes and
// edges beside the base, and once loaded is exactly the graph the eager path gives.
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <thread>

#include "liaison/store/database.hpp"
#include "store/binary_format.hpp"
#include "store_fixtures.hpp"

using namespace liaison;
using namespace store_test;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> json_fixtures() {
    std::vector<fs::path> out;
    for (const std::string& root :
         {std::string(LIAISON_TEST_DATA), std::string(LIAISON_TEST_DATA) + "/../../graphs"})
        for (const auto& e : fs::recursive_directory_iterator(root))
            if (e.is_regular_file() && e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

// Every accessor of the two graphs, compared; `a` is the eager one.
void check_same(const PropertyGraph& a, const PropertyGraph& b) {
    REQUIRE(a.node_count() == b.node_count());
    REQUIRE(a.edge_count() == b.edge_count());
    CHECK(write_graph_json(a) == write_graph_json(b));
    CHECK(a.labels() == b.labels());
    for (const auto& label : a.labels())
        CHECK(a.nodes_with_label(label) == b.nodes_with_label(label));
    for (RelationId t = 0; t < a.relations().size(); ++t)
        CHECK(a.edges_of_type(t) == b.edges_of_type(t));
    for (NodeIndex n = 0; n < a.node_count(); ++n) {
        const Node& x = a.node(n);
        const Node& y = b.node(n);
        CHECK(x.id == y.id);
        CHECK(x.labels == y.labels);
        CHECK(x.properties == y.properties);
        CHECK(x.sources == y.sources);
        CHECK(b.find_id(x.id) == std::optional<NodeIndex>(n));
        CHECK(a.out_edges(n) == b.out_edges(n));
        CHECK(a.in_edges(n) == b.in_edges(n));
        for (const std::string* name : {&x.names.en, &x.names.ar})
            if (!name->empty()) CHECK(a.find_name(*name) == b.find_name(*name));
    }
    for (EdgeIndex e = 0; e < a.edge_count(); ++e) {
        CHECK(a.edge(e).source == b.edge(e).source);
        CHECK(a.edge(e).target == b.edge(e).target);
        CHECK(a.edge(e).type == b.edge(e).type);
        CHECK(a.edge(e).properties == b.edge(e).properties);
        CHECK(a.parallel_rank(e) == b.parallel_rank(e));
    }
}

// A node's content changed as an analyst's `set` would: a name, a label and a property; an
// appended node may also be renamed.
Node edited(const PropertyGraph& g, NodeIndex n, int step, bool rename) {
    Node node = g.node(n);
    node.names.en = step % 2 ? fmt::format("Edited {}", step) : "New 1";  // "New 1" is shared
    if (!node.names.aliases.empty() && step % 3 == 0) node.names.aliases.pop_back();
    if (node.has_label("Person"))
        node.labels.erase(std::find(node.labels.begin(), node.labels.end(), "Person"));
    else
        node.labels.push_back("Person");
    node.properties.set("note", Value(std::int64_t{step}));
    if (rename) node.id = fmt::format("zz-renamed-{}", step);
    return node;
}

// The lazy graph's postings of the names and labels a step may change, against the eager one's.
void check_postings(const PropertyGraph& eager, const PropertyGraph& lazy, const Node& was) {
    for (const std::string& name : {was.names.en, std::string("New 1"), std::string("Edited 3")})
        if (!name.empty()) CHECK(lazy.find_name(name) == eager.find_name(name));
    for (const std::string& label : {std::string("Person"), std::string("Organization")})
        CHECK(lazy.nodes_with_label(label) == eager.nodes_with_label(label));
}

// The same random appends and edits on both graphs; the lazily served accessors are compared
// on the way, while `lazy` still has not loaded its base.
void append_randomly(PropertyGraph& eager, PropertyGraph& lazy, std::mt19937& rng) {
    for (int step = 0; step < 24; ++step) {
        const unsigned kind = static_cast<unsigned>(rng() % 8);
        if (eager.node_count() > 0 && kind == 0) {
            auto n = static_cast<NodeIndex>(rng() % eager.node_count());
            const Node was = eager.node(n);
            check_postings(eager, lazy, was);  // postings handed out before the edit follow it
            // Only an appended node is renamed: renaming a base node loads the base.
            const bool rename = was.id.rfind("zz-new-", 0) == 0 && rng() % 2 == 0;
            Node node = edited(eager, n, step, rename);
            eager.replace_node(n, node);
            lazy.replace_node(n, node);
            CHECK(lazy.node(n).names.en == node.names.en);
            CHECK(lazy.node(n).labels == node.labels);
            CHECK(lazy.find_id(node.id) == std::optional<NodeIndex>(n));
            if (node.id != was.id) CHECK_FALSE(lazy.find_id(was.id));
            check_postings(eager, lazy, was);
        } else if (eager.edge_count() > 0 && kind == 1) {
            auto e = static_cast<EdgeIndex>(rng() % eager.edge_count());
            Edge edge = eager.edge(e);
            edge.properties.set("note", Value(std::int64_t{step}));
            edge.time.date = Date::parse("2024-02-03");
            eager.replace_edge(e, edge);
            lazy.replace_edge(e, edge);
            CHECK(lazy.edge(e).properties == edge.properties);
            CHECK(lazy.edge(e).time == edge.time);
        } else if (eager.edge_count() > 0 && kind == 4) {
            auto e = static_cast<EdgeIndex>(rng() % eager.edge_count());
            eager.remove_edge(e);
            lazy.remove_edge(e);
        } else if (eager.node_count() > 1 && kind == 5) {
            auto n = static_cast<NodeIndex>(rng() % eager.node_count());
            const Node was = eager.node(n);
            check_postings(eager, lazy, was);  // postings handed out before are renumbered
            eager.remove_node(n);
            lazy.remove_node(n);
            CHECK_FALSE(lazy.find_id(was.id));
            check_postings(eager, lazy, was);
            if (rng() % 2 == 0) {  // its id is free again
                Node again = person(was.id, "New 1");
                CHECK(eager.add_node(again) == lazy.add_node(again));
                CHECK(lazy.find_id(was.id) == eager.find_id(was.id));
            }
        } else if (eager.node_count() == 0 || kind == 2 || kind == 3) {
            Node n = person(fmt::format("zz-new-{}", step), fmt::format("New {}", step % 4));
            CHECK(eager.add_node(n) == lazy.add_node(n));
            check_postings(eager, lazy, n);
        } else {
            Edge e;
            e.source = static_cast<NodeIndex>(rng() % eager.node_count());
            e.target =
                rng() % 4 == 0 ? e.source : static_cast<NodeIndex>(rng() % eager.node_count());
            e.type = static_cast<RelationId>(rng() % eager.relations().size());
            e.time.date = Date::parse("2025-11");
            CHECK(eager.add_edge(e) == lazy.add_edge(e));
        }
        REQUIRE(lazy.lazy());
        CHECK(lazy.node_count() == eager.node_count());
        CHECK(lazy.edge_count() == eager.edge_count());
        auto n = static_cast<NodeIndex>(rng() % eager.node_count());
        CHECK(lazy.node_id(n) == eager.node(n).id);
        CHECK(lazy.find_id(eager.node(n).id) == std::optional<NodeIndex>(n));
        std::vector<EdgeIndex> scratch;
        CHECK(lazy.incident_edges(n, Direction::Out, scratch) == eager.out_edges(n));
        CHECK(lazy.incident_edges(n, Direction::In, scratch) == eager.in_edges(n));
        CHECK_FALSE(lazy.find_id("no-such-node"));
        if (eager.edge_count() > 0) {
            auto e = static_cast<EdgeIndex>(rng() % eager.edge_count());
            EdgeEnds ends = lazy.edge_ends(e);
            CHECK(ends.source == eager.edge(e).source);
            CHECK(ends.target == eager.edge(e).target);
            CHECK(ends.type == eager.edge(e).type);
            CHECK(lazy.parallel_rank(e) == eager.parallel_rank(e));
            CHECK(lazy.edge(e).source == eager.edge(e).source);  // decoded, then renumbered
            CHECK(lazy.edge(e).target == eager.edge(e).target);
            CHECK(lazy.edge(e).properties == eager.edge(e).properties);
        }
    }
    CHECK(lazy.lazy());
}

}  // namespace

TEST_CASE("lazy: lazy and eager graphs agree on every accessor after random appends") {
    std::size_t compared = 0;
    std::mt19937 rng(16);
    for (const fs::path& file : json_fixtures()) {
        PropertyGraph g;
        try {
            g = parse_graph_json(read_file(file.string()), file.string());
        } catch (const Error&) {
            continue;  // not a network the JSON reader accepts
        }
        CAPTURE(file.string());
        auto image = binary::BaseImage::from_bytes(binary::write_base(g), "mem.liaison");
        PropertyGraph eager = image->to_graph();
        PropertyGraph lazy = binary::lazy_graph(image);
        REQUIRE(lazy.lazy());
        CHECK(lazy.graph_id == eager.graph_id);
        CHECK(lazy.indexes.size() == eager.indexes.size());
        CHECK(lazy.documents().size() == eager.documents().size());
        CHECK(lazy.relations().size() == eager.relations().size());
        append_randomly(eager, lazy, rng);
        // A copy (what a transaction takes) waits for the same base, and is its own graph.
        PropertyGraph copy = lazy;
        CHECK(copy.lazy());
        copy.add_node(person("only-in-the-copy"));
        CHECK_FALSE(lazy.find_id("only-in-the-copy"));
        check_same(eager, lazy);
        CHECK_FALSE(lazy.lazy());
        CHECK(copy.lazy());  // loading one graph leaves its copy as it was
        CHECK(copy.node_count() == lazy.node_count() + 1);
        CHECK(copy.find_id("only-in-the-copy") == std::optional<NodeIndex>(lazy.node_count()));
        PropertyGraph eager_copy = eager;  // the copy took the edits with it
        eager_copy.add_node(person("only-in-the-copy"));
        check_same(eager_copy, copy);
        ++compared;
    }
    MESSAGE(fmt::format("{} networks compared", compared));
    CHECK(compared >= 20);
}

TEST_CASE("lazy: readers on several threads load the base once, safely") {
    std::string path = std::string(LIAISON_TEST_DATA) + "/../../graphs/morocco-interpol.json";
    PropertyGraph g = read_graph_file(path);
    auto image = binary::BaseImage::from_bytes(binary::write_base(g), "m.liaison");
    PropertyGraph eager = image->to_graph();
    for (int round = 0; round < 20; ++round) {
        PropertyGraph lazy = binary::lazy_graph(image);
        std::vector<std::size_t> seen(4);
        std::vector<std::thread> readers;
        for (std::size_t t = 0; t < seen.size(); ++t)
            readers.emplace_back([&, t] {
                std::size_t sum = lazy.node_count() + lazy.edge_count();
                for (NodeIndex n = 0; n < lazy.node_count(); ++n)
                    sum += lazy.node(n).id.size() + lazy.out_edges(n).size();
                seen[t] = sum;
            });
        for (auto& r : readers) r.join();
        for (std::size_t s : seen) CHECK(s == seen[0]);
        CHECK(write_graph_json(lazy) == write_graph_json(eager));
    }
}

TEST_CASE("lazy: a .liaison database opens and appends without loading its content") {
    ScratchDir dir("lazy-db");
    std::string path = dir.file("net.liaison");
    {
        PropertyGraph g =
            read_graph_file(std::string(LIAISON_TEST_DATA) + "/../../graphs/morocco-interpol.json");
        Database::create(path, g);
    }
    struct stat before {};
    REQUIRE(::stat(path.c_str(), &before) == 0);
    Database db = Database::open(path);
    CHECK(db.graph().lazy());
    CHECK(db.graph().node_count() == 122);
    const std::string a = db.graph().node_id(0), b = db.graph().node_id(1);
    UpdateResult r = db.update(
        [&](WriteTransaction& tx) {
            store::EdgeData e = met(a, b, "2026-01");
            e.sources = {};
            tx.add_edge(e);
            tx.add_edge(e);  // a parallel edge: its name carries #2
            // Named as the loaded graph names it (its ordinal among parallel edges).
            const auto last = static_cast<EdgeIndex>(tx.graph().edge_count() - 1);
            PropertyGraph loaded = tx.graph();
            loaded.materialise();
            CHECK(store::edge_ref(tx.graph(), last).to_string() ==
                  store::edge_ref(loaded, last).to_string());
            CHECK(store::edge_ref(tx.graph(), last).ordinal > 0);
            CHECK(tx.graph().lazy());
            tx.add_node(person("new-person"));
        },
        {.compact = true});  // the binary store folds only a long journal
    CHECK(r.operations == 3);
    CHECK_FALSE(r.compacted);
    CHECK(db.graph().lazy());  // committed without loading the base
    CHECK(db.graph().edge_count() == 203);
    struct stat after {};
    REQUIRE(::stat(path.c_str(), &after) == 0);
    CHECK(after.st_size == before.st_size);
    CHECK(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
    CHECK(after.st_ino == before.st_ino);
    CHECK(fs::file_size(journal_path(path)) > 0);
    // Reopened: the journal replays onto the mapped base, and the result is the eager graph.
    Database again = Database::open(path);
    CHECK(again.journal_transactions() == 1);
    CHECK(write_graph_json(again.graph()) == write_graph_json(db.graph()));
    CHECK(again.graph().find_id("new-person") == std::optional<NodeIndex>(122));
}

TEST_CASE("lazy: a journal naming its base by the whole file's CRC (the earlier rule) replays") {
    ScratchDir dir("lazy-legacy");
    std::string path = dir.file("net.liaison");
    new_database(path);
    const std::string base = slurp(path);
    store::Op op;
    op.kind = store::OpKind::AddNode;
    op.node = person("a");
    std::string journal = store::header_record(store::hash_content(base)) +
                          store::transaction_record(store::encode_ops({op}));
    spit(journal_path(path), journal);
    Database db = Database::open(path);
    CHECK(db.journal_transactions() == 1);
    CHECK(db.graph().find_id("a"));
    // New commits follow the old header; the next open still finds both.
    db.update([](WriteTransaction& tx) { tx.add_node(person("b")); });
    Database again = Database::open(path);
    CHECK(again.journal_transactions() == 2);
    CHECK(again.graph().node_count() == 2);
    // A journal for another base is refused, as before.
    spit(journal_path(path),
         store::header_record({base.size(), 12345}) + store::transaction_record("[]"));
    CHECK_THROWS_AS(Database::open(path), StoreError);
}

TEST_CASE("lazy: the binary store folds its journal once it passes 4 MiB") {
    ScratchDir dir("lazy-threshold");
    std::string path = dir.file("net.liaison");
    Database db = new_database(path);
    UpdateResult small =
        db.update([](WriteTransaction& tx) { tx.add_node(person("a")); }, {.compact = true});
    CHECK_FALSE(small.compacted);
    CHECK(fs::exists(journal_path(path)));
    UpdateResult large = db.update(
        [](WriteTransaction& tx) {
            Node n = person("b");
            n.properties.set("notes", Value(std::string(std::size_t{5} << 20, 'x')));
            tx.add_node(n);
        },
        {.compact = true});
    CHECK(large.compacted);
    CHECK_FALSE(fs::exists(journal_path(path)));
    PropertyGraph folded = read_graph_file(path);
    CHECK(folded.node_count() == 2);
    CHECK(Database::open(path).graph().lazy());
}
