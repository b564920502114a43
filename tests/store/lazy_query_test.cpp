// Queries on a lazily loaded binary store (docs/storage-engine.md §0) answer from the mapping —
// point lookups by id and name, 1- and 2-hop expansions, counts — with exactly the rows of the
// loaded graph, without loading it; appended nodes and edges are part of every answer.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <random>
#include <thread>

#include "liaison/query/query.hpp"
#include "liaison/store/database.hpp"
#include "store/binary_format.hpp"
#include "store_fixtures.hpp"

using namespace liaison;
using namespace store_test;

namespace {

// A generated network with what a query can trip over: labels, bilingual names and aliases,
// typed node and edge properties, partial dates and spans, sources with offsets, symmetric and
// directed relations, parallel edges and self-loops.
PropertyGraph generated(std::uint32_t seed, int nodes, int edges) {
    std::mt19937 rng(seed);
    PropertyGraph g;
    g.graph_id = "generated";
    for (const char* id : {"doc-a", "doc-b"}) {
        Document d;
        d.id = id;
        d.title = std::string("Article ") + id;
        d.date = Date::parse("2025-03-04");
        g.documents().emplace(d.id, d);
    }
    const RelationId knows = g.relation("KNOWS");
    const RelationId funds = g.relation("FUNDS");
    RelationId allied = g.relations().declare({"ALLIED_WITH", true, "", "", false});
    for (int i = 0; i < nodes; ++i) {
        Node n;
        n.id = fmt::format("p{:04}", i);
        n.labels = {i % 3 == 0 ? "Organization" : "Person"};
        if (i % 7 == 0) n.labels.push_back("Agency");
        n.names.en = fmt::format("Person {}", i);
        if (i % 2 == 0) n.names.ar = fmt::format("شخص {}", i);
        if (i % 5 == 0) n.names.aliases = {fmt::format("Alias {}", i), "Shared Alias"};
        if (i % 4 == 0) n.properties.set("age", Value(std::int64_t{20 + i % 50}));
        if (i % 6 == 0) n.properties.set("score", Value(0.5 * i));
        if (i % 9 == 0) n.properties.set("tags", Value(ValueList{Value("a"), Value("b")}));
        if (i % 3 == 1)
            n.time.date = Date::parse(fmt::format("20{:02}-0{}", 10 + i % 15, 1 + i % 9));
        if (i % 11 == 0) n.sources = {Source("doc-a", "said so", 3, 10)};
        g.add_node(std::move(n));
    }
    for (int k = 0; k < edges; ++k) {
        Edge e;
        e.source = static_cast<NodeIndex>(rng() % nodes);
        e.target = k % 37 == 0 ? e.source : static_cast<NodeIndex>(rng() % nodes);
        e.type = k % 3 == 0 ? allied : (k % 3 == 1 ? knows : funds);
        if (k % 2 == 0)
            e.time.date = Date::parse(fmt::format("2024-{:02}", 1 + k % 12));
        else if (k % 5 == 0) {
            e.time.start = Date::parse("2023");
            e.time.end = Date::parse("2024-06-30");
        }
        if (k % 4 == 0) e.properties.set("weight", Value(std::int64_t{k % 10}));
        if (k % 13 == 0) e.sources = {Source("doc-b", "they met"), Source("doc-a", "again", 1, 4)};
        if (k % 17 == 0) e.id = fmt::format("e{}", k);
        Edge twin = e;  // a parallel edge now and then
        g.add_edge(std::move(e));
        if (k % 10 == 0) g.add_edge(std::move(twin));
    }
    return g;
}

// Appended after the base on both graphs: a new node with a name, edges at old and new nodes.
void append(PropertyGraph& g) {
    Node n = person("zz-new", "Newcomer");
    n.names.aliases = {"Shared Alias"};
    n.properties.set("age", Value(std::int64_t{33}));
    NodeIndex z = g.add_node(n);
    for (NodeIndex other : {NodeIndex{7}, NodeIndex{7}, NodeIndex{12}, z}) {
        Edge e;
        e.source = other == z ? z : other;
        e.target = z;
        e.type = *g.relations().find(other == NodeIndex{12} ? "ALLIED_WITH" : "KNOWS");
        e.properties.set("weight", Value(std::int64_t{99}));
        g.add_edge(e);
    }
}

// Every row and every returned entity, as text, in the engine's order.
std::string rows(const PropertyGraph& g, const std::string& text) {
    query::QueryResult r = query::execute(g, text);
    std::string out = fmt::format("{}\n", fmt::join(r.columns, ","));
    for (const auto& row : r.rows) {
        for (const Value& v : row) out += r.json(v) + " | ";
        out += "\n";
    }
    return out;
}

// Answered from the mapping: none of these loads the graph.
const std::vector<std::string> kPointQueries = {
    "MATCH (n {id: 'p0007'}) RETURN n.name",
    "MATCH (n {id: 'p0007'}) RETURN n",
    "MATCH (n {name: 'Person 7'}) RETURN n.id, n.age, n.date",
    "MATCH (n {name: 'شخص 10'}) RETURN n.id, n.name_ar, labels(n)",
    "MATCH (n {name: 'shared alias'}) RETURN n.id, n.aliases",
    "MATCH (n {id: 'p0007'})-[r]->(m) RETURN m.id, type(r), r.weight, r.date",
    "MATCH (n {id: 'p0007'})<-[r]-(m) RETURN m.id, type(r), r",
    "MATCH (n {id: 'p0012'})-[r]-(m) RETURN m.id, type(r), r.start, r.end",
    "MATCH (n {id: 'p0000'})-[r]-(m) RETURN r, m",
    "MATCH (a {id: 'p0007'})-[]-()-[]-(c) WHERE c <> a RETURN count(DISTINCT c)",
    "MATCH (a {id: 'p0007'})-[]->()-[]->(c) RETURN c.id, c.name",
    "MATCH (a {id: 'p0003'})-[:ALLIED_WITH]-(b)-[:KNOWS]->(c) RETURN b.id, c.id",
    "MATCH p = (a {id: 'p0003'})-[*1..2]->(b) RETURN count(p)",
    "MATCH (n {id: 'zz-new'})-[r]-(m) RETURN m.id, type(r), r.weight",
    "MATCH (n {id: 'zz-new'}) RETURN n",
    "MATCH (n) RETURN count(n)",
    "MATCH (n:Agency) RETURN count(*)",
    "MATCH (n:None) RETURN count(n)",
    "MATCH ()-[r]->() RETURN count(r)",
    "MATCH ()-[r]-() RETURN count(r)",
    "MATCH (n {id: 'no-such'}) RETURN n.name",
};

// Whole-graph questions: they may load it, and must still agree.
const std::vector<std::string> kScanQueries = {
    "MATCH (n:Agency) RETURN n.id, n.name ORDER BY n.id",
    "MATCH (n) WHERE n.age > 40 RETURN n.id, n.score, n.tags ORDER BY n.id",
    "MATCH (a)-[r:FUNDS]->(b) WHERE r.weight = 3 RETURN a.id, b.id ORDER BY a.id, b.id",
    "MATCH ()-[r:ALLIED_WITH]-() RETURN count(r)",
};

}  // namespace

TEST_CASE("lazy query: point lookups and hops answer from the mapping, as the loaded graph") {
    PropertyGraph g = generated(7, 400, 1600);
    auto image = binary::BaseImage::from_bytes(binary::write_base(g), "gen.liaison");
    PropertyGraph eager = image->to_graph();
    PropertyGraph lazy = binary::lazy_graph(image);
    append(eager);
    append(lazy);
    REQUIRE(lazy.lazy());
    for (const std::string& q : kPointQueries) {
        CAPTURE(q);
        CHECK(rows(lazy, q) == rows(eager, q));
        CHECK(lazy.lazy());
    }
    // The accessors the engine uses, entity by entity, against the loaded graph.
    std::vector<EdgeIndex> scratch;
    for (NodeIndex n = 0; n < eager.node_count(); n += 3) {
        CHECK(lazy.node(n).id == eager.node(n).id);
        CHECK(lazy.node(n).names.aliases == eager.node(n).names.aliases);
        CHECK(lazy.node(n).properties == eager.node(n).properties);
        CHECK(lazy.node(n).time == eager.node(n).time);
        CHECK(lazy.node(n).sources == eager.node(n).sources);
        CHECK(lazy.incident_edges(n, Direction::Out, scratch) == eager.out_edges(n));
        CHECK(lazy.incident_edges(n, Direction::In, scratch) == eager.in_edges(n));
        CHECK(lazy.find_name(eager.node(n).names.en) == eager.find_name(eager.node(n).names.en));
    }
    for (EdgeIndex e = 0; e < eager.edge_count(); e += 5) {
        const Edge& a = eager.edge(e);
        const Edge& b = lazy.edge(e);
        CHECK((a.id == b.id && a.source == b.source && a.target == b.target && a.type == b.type));
        CHECK(a.properties == b.properties);
        CHECK(a.time == b.time);
        CHECK(a.sources == b.sources);
    }
    for (const char* label : {"Person", "Organization", "Agency", "None"})
        CHECK(lazy.nodes_with_label(label) == eager.nodes_with_label(label));
    CHECK(lazy.node_property_used("age"));
    CHECK_FALSE(lazy.node_property_used("name"));
    CHECK(lazy.lazy());
    // What was handed out stays valid once the graph loads.
    const Node& kept = lazy.node(5);
    const Node& appended = lazy.node(static_cast<NodeIndex>(eager.node_count() - 1));
    for (const std::string& q : kScanQueries) {
        CAPTURE(q);
        CHECK(rows(lazy, q) == rows(eager, q));
    }
    lazy.materialise();
    CHECK(kept.id == eager.node(5).id);
    CHECK(appended.id == "zz-new");
    for (const std::string& q : kPointQueries) CHECK(rows(lazy, q) == rows(eager, q));
}

TEST_CASE("lazy query: a stored property named id or name still wins over the indexes") {
    PropertyGraph g = generated(3, 60, 200);
    Node odd = g.node(4);
    odd.properties.set("name", Value("Stored Name"));
    g.replace_node(4, odd);
    auto image = binary::BaseImage::from_bytes(binary::write_base(g), "gen.liaison");
    PropertyGraph eager = image->to_graph();
    PropertyGraph lazy = binary::lazy_graph(image);
    CHECK(lazy.node_property_used("name"));
    for (const std::string q :
         {"MATCH (n {name: 'Stored Name'}) RETURN n.id", "MATCH (n {name: 'Person 4'}) RETURN n.id",
          "MATCH (n {id: 'p0004'})-[r]-(m) RETURN m.id, type(r)"}) {
        CAPTURE(q);
        CHECK(rows(lazy, q) == rows(eager, q));
    }
}

TEST_CASE("lazy query: readers on several threads decode entities safely") {
    PropertyGraph g = generated(11, 300, 1200);
    auto image = binary::BaseImage::from_bytes(binary::write_base(g), "gen.liaison");
    PropertyGraph eager = image->to_graph();
    // Each thread walks its own order of nodes; what it reads must be the loaded graph's.
    auto walk = [](const PropertyGraph& graph, std::size_t t) {
        std::vector<EdgeIndex> scratch;
        std::string out;
        for (NodeIndex n = 0; n < graph.node_count(); ++n) {
            NodeIndex k = (n * 7 + static_cast<NodeIndex>(t) * 13) % 300;
            out += graph.node(k).names.en;
            for (EdgeIndex e : graph.incident_edges(k, Direction::Out, scratch))
                out += graph.edge(e).id + std::to_string(graph.edge_ends(e).target) + ",";
            out += std::to_string(graph.find_name(graph.node(k).names.en).size());
        }
        return out;
    };
    for (int round = 0; round < 10; ++round) {
        PropertyGraph lazy = binary::lazy_graph(image);
        std::vector<std::string> seen(4);
        std::vector<std::thread> readers;
        for (std::size_t t = 0; t < seen.size(); ++t)
            readers.emplace_back([&, t] {
                if (t == 3 && round % 2 == 0) lazy.materialise();  // one loads meanwhile
                seen[t] = walk(lazy, t);
            });
        for (auto& r : readers) r.join();
        for (std::size_t t = 0; t < seen.size(); ++t) CHECK(seen[t] == walk(eager, t));
        CHECK(rows(lazy, kPointQueries[5]) == rows(eager, kPointQueries[5]));
    }
}

TEST_CASE("lazy query: a .liaison database answers commits and reopens from the mapping") {
    ScratchDir dir("lazy-query-db");
    std::string path = dir.file("net.liaison");
    Database::create(path, generated(5, 200, 800));
    Database db = Database::open(path);
    db.update([&](WriteTransaction& tx) {
        tx.add_node(person("zz-late", "Late Comer"));
        store::EdgeData e = met("p0010", "zz-late", "2026-01");
        e.sources = {};
        tx.add_edge(e);
        tx.add_edge(e);
    });
    for (const Database* d : {&db}) {
        const PropertyGraph& lazy = d->graph();
        REQUIRE(lazy.lazy());
        PropertyGraph loaded = lazy;
        loaded.materialise();
        for (const std::string q :
             {"MATCH (n {id: 'p0010'})-[r]-(m) RETURN m.id, type(r), r.date",
              "MATCH (n {name: 'late comer'})-[r]-(m) RETURN m.id, m.name",
              "MATCH (a {id: 'zz-late'})-[]-()-[]-(c) WHERE c <> a RETURN count(DISTINCT c)"}) {
            CAPTURE(q);
            CHECK(rows(lazy, q) == rows(loaded, q));
        }
        // The appended node and both parallel edges are in the answer.
        std::string hop = rows(lazy, "MATCH (n {id: 'p0010'})-[r]-(m {id: 'zz-late'}) RETURN r");
        CHECK(std::count(hop.begin(), hop.end(), '\n') == 3);
        CHECK(lazy.lazy());
    }
    Database again = Database::open(path);
    CHECK(again.graph().lazy());
    CHECK(rows(again.graph(), "MATCH (n {id: 'zz-late'})-[r]-(m) RETURN m.id, type(r)") ==
          rows(db.graph(), "MATCH (n {id: 'zz-late'})-[r]-(m) RETURN m.id, type(r)"));
    CHECK(again.graph().lazy());
}
