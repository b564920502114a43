// The edit commands end to end: add-document, add-node, add-edge, set, remove, compact, and two
// writers at once through the CLI.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <thread>

#include <fmt/format.h>

#include "cli_run.hpp"
#include "store_fixtures.hpp"

using namespace liaison;
using namespace store_test;

namespace {

using liaison_test::Run;

Run liaison_cli(const std::string& args) { return liaison_test::run_liaison(args); }

std::string q(const std::string& s) { return "'" + s + "'"; }

// What the database holds: its file and its journal.
PropertyGraph database_graph(const std::string& path) { return Database::open(path).take_graph(); }

}  // namespace

TEST_CASE("cli: an analyst records, changes and undoes facts without editing JSON") {
    ScratchDir dir("cli");
    std::string db = dir.file(database_name("net"));
    new_database(db);
    std::string f = q(db);

    Run r = liaison_cli("add-document " + f +
                        " doc-2 --title 'Meeting report' --outlet Hespress --date 2025-11-24");
    CHECK(r.code == 0);
    CHECK(r.out == db + ": added document doc-2\n");

    r = liaison_cli("add-node " + f + " ahmed --label Person --en Ahmed --ar 'أحمد'");
    CHECK(r.code == 1);
    CHECK(r.out ==
          "liaison: a fact needs its source: --source DOC --quote \"exact words\" (or "
          "--no-source)\n");

    r = liaison_cli("add-node " + f +
                    " ahmed --label Person --en Ahmed --ar 'أحمد' --set title=Director"
                    " --set 'born:={\"date\":\"1966\"}' --source doc-2 --quote 'Ahmed said'");
    CHECK(r.code == 0);
    CHECK(r.out == db + ": added node ahmed (Ahmed / أحمد)\n");
    r = liaison_cli("add-node " + f + " rabat --label City --en Rabat --no-source");
    CHECK(r.code == 0);
    r = liaison_cli("add-edge " + f +
                    " ahmed LOCATED_IN rabat --date 2025-11 --source doc-2 "
                    "--quote 'in Rabat'");
    CHECK(r.code == 0);
    CHECK(r.out == db + ": added edge ahmed -[LOCATED_IN]-> rabat\n");
    r = liaison_cli("add-edge " + f + " ahmed PRAISED rabat --no-source");
    CHECK(r.code == 1);
    CHECK(r.out.find("unknown relation type 'PRAISED'") != std::string::npos);
    r = liaison_cli("add-edge " + f + " ahmed PRAISED rabat --declare directed --no-source");
    CHECK(r.code == 0);

    // On the JSON store each edit is folded into the canonical file at once: a one-line diff.
    // The binary store keeps them in its journal until it passes its threshold.
    std::string text = binary_store() ? write_graph_json(database_graph(db)) : slurp(db);
    CHECK(text.find("\"ahmed\": {\"metadata\":{\"labels\":[\"Person\"],\"names\":{\"ar\":\"أحمد\","
                    "\"en\":\"Ahmed\"},\"properties\":{\"born\":{\"date\":\"1966\"},\"title\":"
                    "\"Director\"},\"sources\":[{\"document\":\"doc-2\",\"quote\":\"Ahmed "
                    "said\"}]}}") != std::string::npos);
    CHECK(std::filesystem::exists(journal_path(db)) == binary_store());

    // (On the binary store an edit of a stored node would start a fold in the background,
    // racing the counts below: a test of its own does that.)
    r = liaison_cli("set " + f + " ahmed session:=93 --unset title --alias 'Ahmad'" +
                    (binary_store() ? " --no-compact" : ""));
    CHECK(r.code == 0);
    CHECK(r.out == db + ": updated node ahmed\n");
    r = liaison_cli("set " + f + " ahmed:LOCATED_IN:rabat note=confirmed --no-compact");
    CHECK(r.code == 0);
    CHECK(r.out == db + ": updated edge ahmed -[LOCATED_IN]-> rabat\n");
    CHECK(std::filesystem::exists(journal_path(db)));
    // Readers (validate, stats, show…) see the journaled change.
    r = liaison_cli("validate " + f);
    CHECK(r.out == db + ": ok (2 nodes, 2 edges)\n");
    PropertyGraph g = Database::open(db).take_graph();
    const Node& ahmed = g.node(*g.find_id("ahmed"));
    CHECK(ahmed.properties.get("session")->as_int() == 93);
    CHECK_FALSE(ahmed.properties.contains("title"));
    CHECK(ahmed.names.aliases == std::vector<std::string>{"Ahmad"});

    const std::size_t pending = Database::open(db).journal_transactions();
    CHECK((binary_store() ? pending == 7 : pending == 1));
    r = liaison_cli("compact " + f);
    CHECK(r.out.rfind(
              fmt::format("{}: folded {} transaction{} (", db, pending, pending == 1 ? "" : "s"),
              0) == 0);
    CHECK(r.out.find(" bytes of journal) into the file\n") != std::string::npos);
    r = liaison_cli("compact " + f);
    CHECK(r.out == db + ": nothing to fold (no journal)\n");

    r = liaison_cli("remove " + f + " rabat");
    CHECK(r.code == 1);
    CHECK(r.out ==
          "liaison: node 'rabat' has 2 edges; remove them first, or use --cascade to "
          "remove them too\n");
    r = liaison_cli("remove " + f + " ahmed:PRAISED:rabat");
    CHECK(r.out == db + ": removed edge ahmed -[PRAISED]-> rabat\n");
    r = liaison_cli("remove " + f + " rabat --cascade");
    CHECK(r.out == db + ": removed node rabat and its 1 edge\n");
    r = liaison_cli("remove " + f + " nobody");
    CHECK(r.code == 1);
    CHECK(r.out.find("no node or edge 'nobody'") != std::string::npos);
    CHECK(liaison_cli("validate " + f).out == db + ": ok (1 nodes, 0 edges)\n");
}

TEST_CASE("cli: two concurrent writers — one succeeds, the other gets the lock error") {
    ScratchDir dir("cli-lock");
    std::string db = dir.file(database_name("net"));
    Database holder = new_database(db);
    std::string before = slurp(db);
    auto tx = holder.begin();  // this test process is the first writer
    tx.add_node(person("first"));

    Run r = liaison_cli("add-node " + q(db) + " second --label Person --en Second --no-source");
    CHECK(r.code == 1);
    CHECK(r.out == fmt::format("liaison: {}: database is locked by process {} (to wait for it: "
                               "--wait SECONDS)\n",
                               db, ::getpid()));
    CHECK(slurp(db) == before);  // the file is intact

    // With --wait the second writer goes through once the first commits.
    std::thread release([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        tx.commit();
    });
    r = liaison_cli("add-node " + q(db) +
                    " second --label Person --en Second --no-source "
                    "--wait 20");
    release.join();
    CHECK(r.code == 0);
    PropertyGraph g = database_graph(db);
    CHECK(g.find_id("first"));
    CHECK(g.find_id("second"));
}

TEST_CASE("cli: --write of rank and communities, and format, go through the store") {
    ScratchDir dir("cli-writers");
    std::string db = dir.file(database_name("net"));
    Database holder = new_database(db);
    {
        auto tx = holder.begin();
        tx.add_node(person("a"));
        tx.add_node(person("b"));
        tx.commit();  // left in the journal: format must fold it, not drop it
    }
    REQUIRE(std::filesystem::exists(journal_path(db)));

    auto tx = holder.begin();  // a writer holds the lock: every rewrite must refuse
    std::string before = slurp(db);
    for (std::string args : {"rank " + q(db) + " --by degree --write",
                             "communities " + q(db) + " --write", "format " + q(db)}) {
        Run r = liaison_cli(args);
        CHECK_MESSAGE(r.code == 1, args);
        CHECK_MESSAGE(r.out.find("database is locked by process") != std::string::npos, r.out);
        CHECK(slurp(db) == before);
    }
    tx.rollback();

    CHECK(liaison_cli("rank " + q(db) + " --by degree --write --property deg").code == 0);
    CHECK(liaison_cli("communities " + q(db) + " --write").code == 0);
    CHECK(liaison_cli("format " + q(db)).code == 0);
    CHECK_FALSE(std::filesystem::exists(journal_path(db)));
    PropertyGraph g = read_graph_file(db);
    REQUIRE(g.find_id("a"));
    REQUIRE(g.find_id("b"));
    CHECK(g.node(*g.find_id("a")).properties.get("deg"));
    CHECK(g.node(*g.find_id("b")).properties.get("community"));
    CHECK(liaison_cli("format --check " + q(db)).code == 0);
}

TEST_CASE("cli: import --force replaces a database only under its writer lock") {
    ScratchDir dir("cli-import");
    std::string db = dir.file(database_name("net"));
    Database holder = new_database(db);
    std::string edges = dir.file("edges.txt");
    {
        std::FILE* f = std::fopen(edges.c_str(), "w");
        REQUIRE(f);
        std::fputs("a b\nb c\n", f);
        std::fclose(f);
    }
    auto tx = holder.begin();
    std::string before = slurp(db);
    Run r = liaison_cli("import " + q(edges) + " -o " + q(db) + " --force");
    CHECK(r.code == 1);
    CHECK(r.out.find("database is locked by process") != std::string::npos);
    CHECK(slurp(db) == before);
    tx.rollback();

    r = liaison_cli("import " + q(edges) + " -o " + q(db) + " --force");
    CHECK_MESSAGE(r.code == 0, r.out);
    PropertyGraph g = read_graph_file(db);
    CHECK(g.node_count() == 3);
    CHECK_FALSE(std::filesystem::exists(lock_path(db)));
}

TEST_CASE("cli: merge --interactive asks first, then commits the answers under the lock") {
    ScratchDir dir("cli-merge");
    std::string db = dir.file(database_name("net"));
    Database holder = new_database(db);
    holder.update(
        [](WriteTransaction& tx) {
            tx.add_node(person("ali-one", "Ali"));
            tx.add_node(person("ali-two", "Ali"));
        },
        {.compact = true});
    std::string edges = dir.file("new.txt"), answers = dir.file("answers.txt");
    {
        std::FILE* f = std::fopen(edges.c_str(), "w");
        REQUIRE(f);
        std::fputs("ali omar\n", f);
        std::fclose(f);
        f = std::fopen(answers.c_str(), "w");
        REQUIRE(f);
        std::fputs("2\n", f);
        std::fclose(f);
    }
    Run r = liaison_cli("merge " + q(db) + " " + q(edges) +
                        " --input-format edgelist --interactive < " + q(answers));
    CHECK_MESSAGE(r.code == 0, r.out);
    CHECK(r.out.find("ali-two  matched: map") != std::string::npos);  // the answer, as a decision
    CHECK(r.out.find("operations to " + db) != std::string::npos);
    PropertyGraph g = database_graph(db);
    REQUIRE(g.find_id("omar"));
    CHECK_FALSE(g.find_id("ali"));
    REQUIRE(g.edge_count() == 1);
    CHECK(g.node(g.edge(0).source).id == "ali-two");
}

TEST_CASE("cli: report reads the commits still in the journal") {
    ScratchDir dir("cli-report");
    std::string db = dir.file(database_name("net"));
    new_database(db);
    for (std::string id : {"zaid", "omar"}) {
        Run r = liaison_cli("add-node " + q(db) + " " + id + " --label Person --en " + id +
                            " --no-source --no-compact");
        REQUIRE_MESSAGE(r.code == 0, r.out);
    }
    REQUIRE(
        liaison_cli("add-edge " + q(db) + " zaid MET_WITH omar --no-source --no-compact").code ==
        0);
    REQUIRE(std::filesystem::exists(journal_path(db)));
    Run r =
        liaison_cli("report " + q(db) + " --out-dir " + q(dir.file("out")) + " --output-format md");
    CHECK_MESSAGE(r.code == 0, r.out);
    const std::string md = slurp(dir.file("out/net.report.md"));
    CHECK(md.find("| entities (nodes) | 2 |") != std::string::npos);
    CHECK(md.find("zaid") != std::string::npos);
}

TEST_CASE("cli: the binary store converts both ways losslessly and every command reads it" *
          doctest::skip(binary_store())) {  // names its stores itself: once is enough
    ScratchDir dir("cli-binary");
    const std::string seed = std::string(LIAISON_TEST_DATA) + "/../../graphs/morocco-interpol.json";
    const std::string db = dir.file("net.liaison"), back = dir.file("back.json");
    Run r = liaison_cli("import " + q(seed) + " -o " + q(db));
    REQUIRE(r.code == 0);
    CHECK(r.out == "imported 122 nodes and 201 edges into " + db + "\n");
    r = liaison_cli("check " + q(db));
    CHECK(r.code == 0);
    CHECK(r.out.find(db + ": ok (122 nodes, 201 edges; ") == 0);
    r = liaison_cli("export " + q(db) + " -o " + q(back));
    CHECK(r.code == 0);
    CHECK(slurp(back) == slurp(seed));  // the canonical seed, byte for byte
    r = liaison_cli("format --check " + q(db));
    CHECK(r.code == 0);
    // Edits go through the store's transactions; the change is in the base after compaction.
    r = liaison_cli("add-node " + q(db) + " ahmed --label Person --en Ahmed --no-source");
    CHECK(r.code == 0);
    r = liaison_cli("query " + q(db) + " 'MATCH (n) RETURN count(n)' --format csv");
    CHECK(r.code == 0);
    CHECK(r.out.find("123") != std::string::npos);
    // add-edge appends to the journal and leaves the base file as it is (no rewrite per edit).
    struct stat before {
    }, after{};
    REQUIRE(::stat(db.c_str(), &before) == 0);
    const auto journal_before = std::filesystem::file_size(db + ".journal");
    r = liaison_cli("add-edge " + q(db) +
                    " ahmed MET_WITH abdellatif-hammouchi --no-source --date 2026-01");
    CHECK(r.code == 0);
    CHECK(r.out == db + ": added edge ahmed -[MET_WITH]-> abdellatif-hammouchi\n");
    REQUIRE(::stat(db.c_str(), &after) == 0);
    CHECK(after.st_size == before.st_size);
    CHECK(after.st_ino == before.st_ino);
    CHECK(after.st_mtim.tv_sec == before.st_mtim.tv_sec);
    CHECK(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
    CHECK(std::filesystem::file_size(db + ".journal") > journal_before);
    r = liaison_cli("query " + q(db) + " 'MATCH ()-[r:MET_WITH]->() RETURN count(r)' --format csv");
    CHECK(r.code == 0);
    r = liaison_cli("compact " + q(db));
    CHECK(r.code == 0);
    CHECK_FALSE(std::filesystem::exists(db + ".journal"));
    // A damaged image: refused with the section and what was expected, nothing read.
    std::string bytes = slurp(db);
    bytes[8] = 9;  // the version
    spit(db, bytes);
    r = liaison_cli("stats " + q(db));
    CHECK(r.code == 1);
    CHECK(r.out.find(db + ": byte 8: format version 9 (newer than this liaison") !=
          std::string::npos);
}

namespace {
// The database file alone, once the detached `liaison compact --background` an edit started
// has folded the journal (within 30 s).
PropertyGraph folded_in_background(const std::string& db) {
    for (int i = 0; i < 300 && std::filesystem::exists(journal_path(db)); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK_FALSE(std::filesystem::exists(journal_path(db)));
    return read_graph_file(db);
}
}  // namespace

TEST_CASE("cli: an edit past the binary journal's threshold folds it in the background") {
    if (!binary_store()) return;  // the JSON store folds every edit before the command returns
    ScratchDir dir("cli-background");
    std::string db = dir.file(database_name("net"));
    new_database(db);
    Node big = person("big");
    big.properties.set("text", Value(std::string(std::size_t{4300} << 10, 'x')));
    Database(Database::open(db)).update([&](WriteTransaction& tx) { tx.add_node(big); });
    REQUIRE(std::filesystem::file_size(journal_path(db)) > (std::size_t{4} << 20));

    Run r = liaison_cli("add-node " + q(db) + " late --label Person --en Late --no-source");
    CHECK(r.code == 0);
    CHECK(r.out == db + ": added node late (Late)\n");
    // The command returned; a detached `liaison compact --background` folds the journal.
    PropertyGraph folded = folded_in_background(db);
    CHECK(folded.find_id("big"));
    CHECK(folded.find_id("late"));
}

TEST_CASE("cli: edits and removals of stored nodes and edges open lazily") {
    if (!binary_store()) return;  // the JSON store folds every edit before the command returns
    ScratchDir dir("cli-edit-lazy");
    std::string db = dir.file(database_name("net"));
    new_database(db);
    {
        Database d = Database::open(db);
        d.update([](WriteTransaction& tx) {
            for (const char* id : {"a", "b", "c", "d"}) tx.add_node(person(id));
            tx.add_edge(met("a", "b", "2026-01"));
            tx.add_edge(met("c", "d", "2026-02"));
            tx.add_edge(met("b", "d", "2026-03"));
        });
        d.compact();  // all of it in the base
    }
    REQUIRE_FALSE(std::filesystem::exists(journal_path(db)));
    // Edits and removals are kept beside the mapped base: no fold, and an open reads nothing
    // of the base.
    Run r = liaison_cli("set " + q(db) + " a title=Director --en Directrice --label Official");
    CHECK(r.code == 0);
    CHECK(r.out == db + ": updated node a\n");
    r = liaison_cli("set " + q(db) + " b:MET_WITH:d note=kept");
    CHECK(r.code == 0);
    r = liaison_cli("remove " + q(db) + " c --cascade");
    CHECK(r.code == 0);
    CHECK(r.out == db + ": removed node c and its 1 edge\n");
    CHECK(std::filesystem::exists(journal_path(db)));
    auto check = [](const PropertyGraph& g) {
        REQUIRE(g.node_count() == 3);
        REQUIRE(g.edge_count() == 2);
        REQUIRE(g.find_id("a"));
        NodeIndex a = *g.find_id("a");
        CHECK(g.node(a).properties.get("title")->as_string() == "Director");
        CHECK(g.find_name("Directrice") == std::vector<NodeIndex>{a});
        CHECK(g.find_name("a").empty());  // its English name was "a"
        CHECK(g.nodes_with_label("Official") == std::vector<NodeIndex>{a});
        CHECK_FALSE(g.find_id("c"));
        CHECK(g.find_id("d") == std::optional<NodeIndex>(2));
        CHECK(g.node_id(g.edge_ends(1).target) == "d");
        CHECK(g.edge(1).properties.get("note")->as_string() == "kept");
    };
    {
        Database opened = Database::open(db);
        check(opened.graph());
        CHECK(opened.graph().lazy());
    }
    r = liaison_cli("query " + q(db) + " \"MATCH (n:Official) RETURN n.title\"");
    CHECK(r.code == 0);
    CHECK(r.out.find("Director") != std::string::npos);
    r = liaison_cli("compact " + q(db));
    CHECK(r.code == 0);
    CHECK_FALSE(std::filesystem::exists(journal_path(db)));
    check(read_graph_file(db));
    CHECK(Database::open(db).graph().lazy());
}
