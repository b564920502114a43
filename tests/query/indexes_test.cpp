// Property indexes and introspection: CREATE INDEX / DROP INDEX / SHOW INDEXES on a graph and on
// both stores (persisted, reopened, journaled), the planner's index seeks (EXPLAIN, and the same
// rows as without the index on a generated graph and on the seed network, also after writes in
// the same query), SHOW PROCEDURES / SHOW FUNCTIONS and db.propertyKeys().
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "liaison/io/native_format.hpp"
#include "liaison/query/store_query.hpp"
#include "store/binary_format.hpp"
#include "store_name.hpp"

using namespace liaison;
namespace fs = std::filesystem;

namespace {

// The seed network as the store under test holds it (tests/store_name.hpp): on the binary store,
// a `.liaison` image opened lazily over its mapped base, as every command opens it.
PropertyGraph seed_network() {
    const std::string json = std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json";
    if (!store_test::binary_store()) return read_graph_file(json);
    fs::path dir =
        fs::temp_directory_path() / ("liaison-indexes-seed-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "seed.liaison").string();
    Database::create(path, read_graph_file(json));
    PropertyGraph g = Database::open(path).take_graph();
    fs::remove_all(dir);  // the mapping stays valid
    return g;
}

// Rows as text, sorted: without ORDER BY the order follows where the match starts, which an
// index may change.
std::vector<std::string> sorted_rows(const query::QueryResult& r);

// Rows as text, in the order the query gives them.
std::vector<std::string> rows(const query::QueryResult& r) {
    std::vector<std::string> out;
    for (const auto& row : r.rows) {
        std::string line;
        for (const auto& v : row) line += r.text(v) + " | ";
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> sorted_rows(const query::QueryResult& r) {
    std::vector<std::string> out = rows(r);
    std::sort(out.begin(), out.end());
    return out;
}

std::string error_of(PropertyGraph& g, const std::string& text) {
    try {
        query::execute(g, text);
    } catch (const query::QueryError& e) {
        return e.what();
    }
    return "";
}

std::string column(const query::QueryResult& r, std::size_t row, const std::string& name) {
    for (std::size_t i = 0; i < r.columns.size(); ++i)
        if (r.columns[i] == name) return r.text(r.rows.at(row)[i]);
    return "no column " + name;
}

// 300 nodes :Item with a property v of every kind an index must handle: integers, floats equal
// to integers, strings, booleans, dates, lists, NaN and missing values; and some :Other nodes
// with the same values.
PropertyGraph mixed_graph() {
    PropertyGraph g;
    for (int i = 0; i < 320; ++i) {
        Node n;
        n.id = "n" + std::to_string(i);
        n.labels = {i < 300 ? "Item" : "Other"};
        n.names.en = "Item " + std::to_string(i % 37);
        Value v;
        switch (i % 9) {
            case 0:
                v = Value(std::int64_t{i % 23});
                break;
            case 1:
                v = Value(static_cast<double>(i % 23));
                break;
            case 2:
                v = Value("s" + std::to_string(i % 17));
                break;
            case 3:
                v = Value(i % 2 == 0);
                break;
            case 4:
                v = Value(*Date::parse(i % 4 == 0 ? "2025-11" : "2025-11-24"));
                break;
            case 5:
                v = Value(ValueList{Value(std::int64_t{1}), Value(std::int64_t{i % 3})});
                break;
            case 6:
                v = Value(std::nan(""));
                break;
            case 7:
                v = Value("2025-11");
                break;
            default:
                break;  // no property
        }
        if (!v.is_null()) n.properties.set("v", v);
        n.properties.set("w", Value(std::int64_t{i % 5}));
        g.add_node(std::move(n));
    }
    for (int i = 0; i + 1 < 320; i += 3) {
        Edge e;
        e.source = static_cast<NodeIndex>(i);
        e.target = static_cast<NodeIndex>((i * 7 + 1) % 320);
        e.type = g.relation("LINKS");
        g.add_edge(std::move(e));
    }
    return g;
}

const char* kMixedQueries[] = {
    "MATCH (n:Item {v: 3}) RETURN n.id",
    "MATCH (n:Item {v: 3.0}) RETURN n.id",
    "MATCH (n:Item) WHERE n.v = 's4' RETURN n.id",
    "MATCH (n:Item) WHERE 's4' = n.v RETURN n.id",
    "MATCH (n:Item) WHERE n.v = '2025-11' RETURN n.id",
    "MATCH (n:Item) WHERE n.v = true RETURN n.id",
    "MATCH (n:Item) WHERE n.v = [1, 2] RETURN n.id",
    "MATCH (n:Item) WHERE n.v = null RETURN n.id",
    "MATCH (n:Item) WHERE n.v IN [1, 's3', false, null, 2.0] RETURN n.id",
    "MATCH (n:Item) WHERE n.v IN [] RETURN n.id",
    "MATCH (n:Item) WHERE n.v > 10 RETURN n.id",
    "MATCH (n:Item) WHERE n.v <= 4.5 RETURN n.id",
    "MATCH (n:Item) WHERE 7 < n.v RETURN n.id",
    "MATCH (n:Item) WHERE n.v >= 's2' RETURN n.id",
    "MATCH (n:Item) WHERE n.v < '2025-11-30' RETURN n.id",
    "MATCH (n:Item) WHERE n.v > 3 AND n.v < 9 AND n.w = 2 RETURN n.id",
    "MATCH (n:Item)-[:LINKS]-(m) WHERE n.v = 5 RETURN n.id, m.id",
    "MATCH (m)-[:LINKS]->(n:Item {v: 's1'}) RETURN m.id, n.id",
    "MATCH (n:Item) WHERE n.v = $x RETURN n.id",
    "MATCH (n:Item) WHERE n.v IN $xs RETURN n.id",
    "MATCH (n:Item {v: 2}) SET n.v = 's9' WITH count(*) AS c MATCH (m:Item) WHERE m.v = 's9' "
    "RETURN c, m.id",
    "CREATE (:Item {v: 7}) WITH 1 AS one MATCH (n:Item {v: 7}) RETURN one, n.id",
    "MATCH (n:Item {v: 4}) DETACH DELETE n WITH count(*) AS c MATCH (m:Item) WHERE m.v = 4 "
    "RETURN c, m.id",
    "MATCH (n:Item) WHERE n.name = 'Item 3' RETURN n.id",
    "UNWIND [1, 's2', 3.0, null, [1, 2]] AS x MATCH (n:Item {v: x}) RETURN x, n.id",
    "MATCH (a:Item {v: 's3'}) MATCH (b:Item) WHERE b.v = a.w RETURN a.id, b.id",
    "WITH 5 AS x MATCH (n:Item) WHERE n.v > x RETURN n.id",
    "MATCH (n:Item) WHERE n.v >= 2 AND n.v < 9.5 RETURN n.id",
    "MATCH (n:Item) WHERE n.v > 's1' AND n.v <= 's5' RETURN n.id",
    "MATCH (n:Item) WHERE n.v > 1 AND n.v < 's5' RETURN n.id",
    "MATCH (n:Item) WHERE 's1' < n.v AND '2025-12' > n.v RETURN n.id",
    "OPTIONAL MATCH (n:Item {v: 'none'}) RETURN n",
};

}  // namespace

TEST_CASE("CREATE INDEX, SHOW INDEXES, DROP INDEX on a graph") {
    PropertyGraph g = mixed_graph();
    auto r = query::execute(g, "CREATE INDEX item_v FOR (n:Item) ON (n.v)");
    CHECK(r.stats.indexes_added == 1);
    CHECK(r.columns.empty());
    REQUIRE(g.indexes.size() == 1);
    CHECK(g.indexes[0].label == "Item");
    query::execute(g, "CREATE INDEX links_w IF NOT EXISTS FOR ()-[r:LINKS]-() ON (r.w, r.x)");
    query::execute(g, "CREATE INDEX ON :Other(w)");  // the older form, with a default name
    auto show = query::execute(g, "SHOW INDEXES");
    CHECK(show.columns == std::vector<std::string>{"id", "name", "state", "populationPercent",
                                                   "type", "entityType", "labelsOrTypes",
                                                   "properties", "indexProvider"});
    REQUIRE(show.rows.size() == 3);
    CHECK(column(show, 0, "name").rfind("'index_", 0) == 0);
    CHECK(column(show, 1, "name") == "'item_v'");
    CHECK(column(show, 1, "entityType") == "'NODE'");
    CHECK(column(show, 1, "labelsOrTypes") == "['Item']");
    CHECK(column(show, 1, "properties") == "['v']");
    CHECK(column(show, 1, "state") == "'ONLINE'");
    CHECK(column(show, 2, "entityType") == "'RELATIONSHIP'");
    CHECK(column(show, 2, "properties") == "['w', 'x']");

    auto some = query::execute(g,
                               "SHOW INDEXES YIELD name, entityType WHERE entityType = "
                               "'RELATIONSHIP' RETURN name");
    CHECK(rows(some) == std::vector<std::string>{"'links_w' | "});
    CHECK(rows(query::execute(g,
                              "CALL db.indexes() YIELD name RETURN name ORDER BY name "
                              "DESC LIMIT 1")) == std::vector<std::string>{"'links_w' | "});

    // Existing names and equivalent definitions.
    CHECK(error_of(g, "CREATE INDEX item_v FOR (n:Item) ON (n.w)").find("already exists") !=
          std::string::npos);
    CHECK(error_of(g, "CREATE INDEX other FOR (x:Item) ON (x.v)")
              .find("an equivalent index already exists: 'item_v'") != std::string::npos);
    CHECK(query::execute(g, "CREATE INDEX other IF NOT EXISTS FOR (x:Item) ON (x.v)")
              .stats.indexes_added == 0);
    CHECK(query::execute(g, "DROP INDEX item_v").stats.indexes_removed == 1);
    CHECK(error_of(g, "DROP INDEX item_v").find("no such index") != std::string::npos);
    CHECK(query::execute(g, "DROP INDEX item_v IF EXISTS").stats.indexes_removed == 0);
    CHECK(g.indexes.size() == 2);

    // A read-only graph refuses, as for any write.
    const PropertyGraph& ro = g;
    CHECK_THROWS_AS(query::execute(ro, "CREATE INDEX a FOR (n:A) ON (n.p)"), query::QueryError);
}

TEST_CASE("index statements: syntax errors and what is not supported, with positions") {
    PropertyGraph g;
    CHECK(error_of(g, "CREATE TEXT INDEX t FOR (n:A) ON (n.p)")
              .find("a TEXT index is not supported") != std::string::npos);
    CHECK(error_of(g, "CREATE CONSTRAINT c FOR (n:A) REQUIRE n.p IS UNIQUE")
              .find("CREATE CONSTRAINT is not supported") != std::string::npos);
    CHECK(error_of(g, "SHOW CONSTRAINTS").find("SHOW CONSTRAINTS is not supported") !=
          std::string::npos);
    CHECK(error_of(g, "DROP CONSTRAINT c").find("not supported") != std::string::npos);
    CHECK(error_of(g, "SHOW").find("expected INDEXES, PROCEDURES or FUNCTIONS after SHOW but found "
                                   "the end of the query") != std::string::npos);
    CHECK(error_of(g, "CREATE INDEX i FOR (n:A) ON (m.p)").find("expected a property of 'n'") !=
          std::string::npos);
    CHECK(error_of(g, "CREATE INDEX i FOR (n:A:B) ON (n.p)")
              .find("an index on more than one label is not supported") != std::string::npos);
    CHECK(error_of(g, "MATCH (n) CREATE INDEX i FOR (n:A) ON (n.p)")
              .find("must be the first clause") != std::string::npos);
    CHECK(error_of(g, "CREATE INDEX i FOR (n:A) ON (n.p) RETURN 1").find("stands alone") !=
          std::string::npos);
    std::string e = error_of(g, "CREATE INDEX i FOR (n:A) ON (n.p, n.p)");
    CHECK(e.find("names property 'p' twice") != std::string::npos);
    // A CREATE of a pattern is still a CREATE.
    CHECK(query::execute(g, "CREATE (index:A {p: 1}) RETURN index.p").rows.size() == 1);
    try {
        query::execute(g, "\n  SHOW TRANSACTIONS");
        FAIL("SHOW TRANSACTIONS ran");
    } catch (const query::QueryError& x) {
        CHECK(std::string(x.what()).find("SHOW TRANSACTIONS is not supported") !=
              std::string::npos);
        CHECK(x.line() == 2);
        CHECK(x.column() == 3);
    }
}

TEST_CASE("EXPLAIN shows the index seek, and the planner prefers it to a label scan") {
    PropertyGraph g = mixed_graph();
    std::string before = query::execute(g, "EXPLAIN MATCH (n:Item {v: 3}) RETURN n").plan;
    CHECK(before.find("by label Item") != std::string::npos);
    query::execute(g, "CREATE INDEX item_v FOR (n:Item) ON (n.v)");
    auto plan = [&](const std::string& q) { return query::execute(g, "EXPLAIN " + q).plan; };
    CHECK(plan("MATCH (n:Item {v: 3}) RETURN n").find("start n by index item_v (n.v = 3)") !=
          std::string::npos);
    CHECK(plan("MATCH (n:Item) WHERE n.v IN $xs RETURN n").find("by index item_v (n.v IN $xs)") !=
          std::string::npos);
    CHECK(plan("MATCH (n:Item) WHERE 3 < n.v RETURN n").find("by index item_v (n.v > 3)") !=
          std::string::npos);
    CHECK(plan("MATCH (n:Item) WHERE n.v >= 2 AND n.w = 1 AND n.v < 5 RETURN n")
              .find("by index item_v (n.v >= 2 AND n.v < 5)") != std::string::npos);
    CHECK(plan("MATCH (m)-->(n:Item) WHERE n.v = 's1' RETURN m").find("start n by index") !=
          std::string::npos);
    // Another label, or a property the index does not lead with, scans.
    CHECK(plan("MATCH (n:Other {v: 3}) RETURN n").find("by label Other") != std::string::npos);
    CHECK(plan("MATCH (n:Item {w: 3}) RETURN n").find("by label Item") != std::string::npos);
    // PROFILE: the seek reads only the candidates.
    auto prof = query::execute(g, "PROFILE MATCH (n:Item {v: 's3'}) RETURN n.id");
    CHECK(prof.plan.find("by index item_v") != std::string::npos);
    CHECK(prof.rows.size() > 0);
}

TEST_CASE("the same rows with and without an index, on a generated graph") {
    query::ValueMap params = {
        {"x", Value(std::int64_t{5})},
        {"xs", Value(ValueList{Value("s2"), Value(std::int64_t{4}), Value(true), Value()})}};
    for (const char* q : kMixedQueries) {
        CAPTURE(q);
        PropertyGraph plain = mixed_graph();
        PropertyGraph indexed = mixed_graph();
        query::execute(indexed, "CREATE INDEX item_v FOR (n:Item) ON (n.v)");
        query::execute(indexed, "CREATE INDEX item_name FOR (n:Item) ON (n.name)");
        auto a = query::execute(plain, q, params);
        auto b = query::execute(indexed, q, params);
        CHECK(sorted_rows(a) == sorted_rows(b));
        // A list literal is not sought (equality of lists); a name goes through the name index.
        std::string plan = query::execute(indexed, std::string("EXPLAIN ") + q, params).plan;
        bool expect_seek = std::string(q).find("= [1, 2]") == std::string::npos &&
                           std::string(q).find("n.name") == std::string::npos;
        CHECK((plan.find("by index") != std::string::npos) == expect_seek);
    }
}

TEST_CASE("the same rows with and without an index, on the seed network") {
    PropertyGraph seed = seed_network();
    PropertyGraph indexed = seed;
    query::execute(indexed, "CREATE INDEX person_name FOR (p:Person) ON (p.name)");
    query::execute(indexed, "CREATE INDEX event_session FOR (e:Event) ON (e.session)");
    query::execute(indexed, "CREATE INDEX event_start FOR (e:Event) ON (e.start)");
    query::execute(indexed, "CREATE INDEX country_iso FOR (c:Country) ON (c.iso3)");
    const char* queries[] = {
        "MATCH (p:Person {name: 'Abdellatif Hammouchi'})-[r]-(q) RETURN type(r), q.id",
        "MATCH (p:Person) WHERE p.name IN ['Abdellatif Hammouchi', 'Omar Haijawi-Pirchner', 'x'] "
        "RETURN p.id",
        "MATCH (p:Person) WHERE p.name >= 'M' RETURN p.id",
        "MATCH (e:Event) WHERE e.session = 93 RETURN e.id",
        "MATCH (e:Event) WHERE e.session >= 92 RETURN e.id, e.session",
        "MATCH (e:Event) WHERE e.start >= '2025' RETURN e.id",
        "MATCH (e:Event) WHERE e.start = date('2023-11-28') RETURN e.id",
        "MATCH (c:Country {iso3: 'MAR'})<-[:LOCATED_IN]-(x) RETURN x.id",
        "MATCH (c:Country) WHERE c.iso3 IN ['MAR', 'AUT', 'ETH'] RETURN c.id",
        "MATCH (a:Person)-[:MET_WITH]-(b:Person) WHERE b.name < 'B' RETURN a.id, b.id",
    };
    int seeks = 0;
    for (const char* q : queries) {
        CAPTURE(q);
        CHECK(sorted_rows(query::execute(seed, q)) == sorted_rows(query::execute(indexed, q)));
        seeks += query::execute(indexed, std::string("EXPLAIN ") + q).plan.find("by index") !=
                 std::string::npos;
    }
    // All but {name: …} (the name index) and a value computed by a function call.
    CHECK(seeks == static_cast<int>(std::size(queries)) - 2);
    CHECK(query::execute(indexed, "MATCH (e:Event) WHERE e.session = 93 RETURN e.id").rows.size() ==
          1);
}

TEST_CASE("index definitions persist on both stores, journaled and compacted" *
          doctest::skip(store_test::binary_store())) {  // names both stores itself
    fs::path dir = fs::temp_directory_path() / ("liaison-indexes-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    PropertyGraph seed =
        read_graph_file(std::string(LIAISON_SOURCE_DIR) + "/graphs/morocco-interpol.json");
    for (const char* name : {"net.json", "net.liaison"}) {
        CAPTURE(name);
        std::string path = (dir / name).string();
        Database::create(path, seed);
        {
            auto db = Database::open(path);
            query::execute(db, "CREATE INDEX person_name FOR (p:Person) ON (p.name)");
            query::execute(db, "CREATE INDEX met_date FOR ()-[r:MET_WITH]-() ON (r.date)");
            query::execute(db, "CREATE INDEX person_title FOR (p:Person) ON (p.title_en)");
            query::execute(db, "CREATE INDEX gone FOR (p:Person) ON (p.title)");
            query::execute(db, "DROP INDEX gone");
        }
        {  // a new Database object replays the journal
            auto db = Database::open(path);
            auto show = query::execute(db, "SHOW INDEXES YIELD name RETURN name");
            CHECK(rows(show) == std::vector<std::string>{"'met_date' | ", "'person_name' | ",
                                                         "'person_title' | "});
            CHECK(query::execute(db, "EXPLAIN MATCH (p:Person {title_en: 'x'}) RETURN p")
                      .plan.find("by index person_title") != std::string::npos);
            query::execute(db, "DROP INDEX person_title");
            db.compact();
        }
        auto db = Database::open(path);
        REQUIRE(db.graph().indexes.size() == 2);
        CHECK(db.graph().indexes[0].relationships);
        CHECK(db.graph().indexes[0].label == "MET_WITH");
        CHECK(db.graph().indexes[1].properties == std::vector<std::string>{"name"});
    }
    // The canonical JSON holds them in metadata.liaison.indexes; JSON → binary → JSON is
    // byte-identical.
    std::ifstream in(dir / "net.json");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text.find("\"indexes\": {\n"
                    "          \"met_date\": {\"entity\":\"relationship\",\"properties\":"
                    "[\"date\"],\"type\":\"MET_WITH\"},\n"
                    "          \"person_name\": {\"entity\":\"node\",\"label\":\"Person\","
                    "\"properties\":[\"name\"]}\n"
                    "        },\n        \"profile\": 1,") != std::string::npos);
    PropertyGraph g = parse_graph_json(text, "net.json");
    std::string image = binary::write_base(g);
    PropertyGraph back = binary::BaseImage::from_bytes(image, "net.liaison")->to_graph();
    CHECK(write_graph_json(back) == text);
    CHECK(binary::write_base(back) == image);
    fs::remove_all(dir);
}

TEST_CASE("a bad index definition in a file is refused with its place") {
    std::string text =
        "{\"graph\": {\"directed\": true, \"metadata\": {\"liaison\": {\"indexes\": "
        "{\"bad name\": {\"entity\": \"node\", \"label\": \"Person\", \"properties\": [\"p\"]}}, "
        "\"profile\": 1}}, \"nodes\": {}}}";
    CHECK_THROWS_WITH_AS(parse_graph_json(text, "bad.json"),
                         doctest::Contains("index name 'bad name' is not valid"), InputError);
    std::string no_label =
        "{\"graph\": {\"directed\": true, \"metadata\": {\"liaison\": {\"indexes\": "
        "{\"i\": {\"entity\": \"node\", \"type\": \"T\", \"properties\": [\"p\"]}}, "
        "\"profile\": 1}}, \"nodes\": {}}}";
    CHECK_THROWS_WITH_AS(parse_graph_json(no_label, "bad.json"), doctest::Contains("needs 'label'"),
                         InputError);
}

TEST_CASE("a damaged index definition in a base image is refused, never misread") {
    PropertyGraph g;
    add_index(g.indexes, {"person_title", false, "Person", {"title_en", "name"}});
    std::string image = binary::write_base(g);
    // GRAPH_INFO's directory entry (kind 3): its section's offset and entry count.
    std::uint64_t offset = 0, count = 0;
    for (std::size_t at = 128; at + 40 <= image.size(); at += 40) {
        std::uint32_t kind = 0;
        std::memcpy(&kind, image.data() + at, 4);
        if (kind != 3) continue;
        std::memcpy(&offset, image.data() + at + 8, 8);
        std::memcpy(&count, image.data() + at + 24, 8);
        break;
    }
    REQUIRE(count == 2 + 4 + 2);
    auto damaged = [&](std::size_t entry, std::uint32_t value) {
        std::string bytes = image;
        std::memcpy(bytes.data() + offset + 4 * entry, &value, 4);
        try {
            binary::BaseImage::from_bytes(bytes, "bad.liaison")->to_graph();
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK(damaged(3, 7).find("section GRAPH_INFO, entry 3: index entity 7 (expected 0 for nodes "
                             "or 1 for relationships)") != std::string::npos);
    CHECK(damaged(5, 9).find("section GRAPH_INFO, entry 5: 9 properties run past the section") !=
          std::string::npos);
    CHECK(damaged(2, 123456).find("string id 123456 out of range") != std::string::npos);
    std::uint32_t name_id = 0;
    std::memcpy(&name_id, image.data() + offset + 4 * 6, 4);  // the first property's string
    CHECK(damaged(7, name_id).find("names property 'title_en' twice") != std::string::npos);
    CHECK(binary::BaseImage::from_bytes(image, "good.liaison")->to_graph().indexes == g.indexes);
}

TEST_CASE("SHOW PROCEDURES, SHOW FUNCTIONS and db.propertyKeys()") {
    PropertyGraph seed = seed_network();
    auto procs = query::execute(seed, "SHOW PROCEDURES YIELD name RETURN name");
    auto names = rows(procs);
    for (const char* p : {"'db.indexes' | ", "'db.labels' | ", "'db.propertyKeys' | ",
                          "'db.relationshipTypes' | ", "'dbms.functions' | ",
                          "'dbms.procedures' | ", "'liaison.lookup' | ", "'liaison.pagerank' | "})
        CHECK(std::find(names.begin(), names.end(), p) != names.end());
    auto lookup = query::execute(
        seed, "SHOW PROCEDURES WHERE name = 'liaison.lookup' RETURN signature, mode");
    CHECK(rows(lookup) ==
          std::vector<std::string>{"'liaison.lookup(name :: ANY?) :: (node)' | 'READ' | "});

    auto fns = query::execute(seed, "SHOW FUNCTIONS");
    CHECK(fns.columns ==
          std::vector<std::string>{"name", "category", "signature", "isBuiltIn", "aggregating"});
    CHECK(fns.rows.size() > 80);
    auto count =
        query::execute(seed,
                       "SHOW FUNCTIONS YIELD name, aggregating, category WHERE name IN ['count', "
                       "'toupper', 'size'] RETURN name, aggregating, category ORDER BY name");
    CHECK(rows(count) == std::vector<std::string>{"'count' | true | 'Aggregating' | ",
                                                  "'size' | false | 'Numeric' | ",
                                                  "'toupper' | false | 'String' | "});
    CHECK(query::execute(seed, "SHOW USER DEFINED FUNCTIONS").rows.empty());
    CHECK(query::execute(seed, "SHOW BUILT IN FUNCTIONS").rows.size() == fns.rows.size());

    auto keys = rows(query::execute(seed,
                                    "CALL db.propertyKeys() YIELD propertyKey RETURN "
                                    "propertyKey"));
    for (const char* k : {"'name' | ", "'iso3' | ", "'date' | ", "'session' | "})
        CHECK(std::find(keys.begin(), keys.end(), k) != keys.end());
    CHECK(std::is_sorted(keys.begin(), keys.end()));
}
