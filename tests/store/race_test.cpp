// Two writers racing through the CLI: a long `import --into` again and again while another
// process adds a node every round. Each write must either commit or be refused with "database is
// locked by process N"; every acknowledged write must be in the database, none refused yet
// committed, and the file must validate. (Before Database::update, the import merged into the
// state it had loaded, then committed onto a newer one: "no node with id …", its work lost.)
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

#include <fmt/format.h>

#include "cli_run.hpp"
#include "store_fixtures.hpp"

using namespace liaison;
using namespace store_test;

namespace {

using Clock = std::chrono::steady_clock;

constexpr int kRounds = 200;          // add-node rounds of the second writer
constexpr int kImports = 8;           // at most, back to back while the rounds go on
constexpr int kEdgesPerImport = 120;  // a chain of new nodes; the database grows by each

struct Outcome {
    liaison_test::Run run;
    Clock::time_point start, end;
};

std::string q(const std::string& s) { return "'" + s + "'"; }

bool locked_out(const liaison_test::Run& r) {
    return r.code == 1 && r.out.find("database is locked by process ") != std::string::npos;
}

std::string import_node(int import, int k) { return fmt::format("i{}-{}", import, k); }

}  // namespace

TEST_CASE("race: a long import and a stream of edits — every acknowledged write is kept") {
    ScratchDir dir("race");
    std::string db = dir.file(database_name("net"));
    new_database(db);

    auto started = Clock::now();
    std::atomic<bool> edits_done{false};
    std::vector<Outcome> imports, edits;
    std::thread importer([&] {
        for (int j = 0; j < kImports && !edits_done; ++j) {
            std::string edges = dir.file(fmt::format("edges-{}.txt", j));
            {
                std::FILE* f = std::fopen(edges.c_str(), "w");
                if (!f) return;
                for (int k = 0; k < kEdgesPerImport; ++k)
                    std::fprintf(f, "%s %s\n", import_node(j, k).c_str(),
                                 import_node(j, k + 1).c_str());
                std::fclose(f);
            }
            Outcome o;
            o.start = Clock::now();
            o.run = liaison_test::run_liaison("import " + q(edges) +
                                              " --input-format edgelist --wait 30 --into " + q(db));
            o.end = Clock::now();
            imports.push_back(std::move(o));
        }
    });
    for (int i = 0; i < kRounds; ++i) {
        Outcome o;
        o.start = Clock::now();
        o.run = liaison_test::run_liaison(
            fmt::format("add-node {} n{} --label Person --en 'Node {}' --no-source", q(db), i, i));
        o.end = Clock::now();
        edits.push_back(std::move(o));
    }
    edits_done = true;
    importer.join();
    double seconds = std::chrono::duration<double>(Clock::now() - started).count();

    Database after = Database::open(db);
    const PropertyGraph& g = after.graph();
    CHECK(after.warnings().empty());
    int committed = 0, refused = 0, during_import = 0;
    for (int i = 0; i < kRounds; ++i) {
        const Outcome& o = edits[static_cast<std::size_t>(i)];
        bool present = g.find_id(fmt::format("n{}", i)).has_value();
        if (o.run.code == 0) {
            ++committed;
            CHECK_MESSAGE(present, "acknowledged but missing: n", i);
            for (const Outcome& imp : imports)
                if (imp.run.code == 0 && o.end > imp.start && o.start < imp.end) {
                    ++during_import;
                    break;
                }
        } else {
            ++refused;
            CHECK_MESSAGE(locked_out(o.run), o.run.out);
            CHECK_MESSAGE(!present, "reported failed but committed: n", i);
        }
    }
    int imported = 0;
    for (std::size_t j = 0; j < imports.size(); ++j) {
        const Outcome& o = imports[j];
        int j_int = static_cast<int>(j);
        std::size_t nodes = 0;
        for (int k = 0; k <= kEdgesPerImport; ++k)
            nodes += g.find_id(import_node(j_int, k)) ? 1 : 0;
        if (o.run.code == 0) {
            ++imported;
            CHECK_MESSAGE(nodes == kEdgesPerImport + 1, o.run.out);
        } else {
            CHECK_MESSAGE(locked_out(o.run), o.run.out);
            CHECK(nodes == 0);
        }
    }
    CHECK(g.node_count() == static_cast<std::size_t>(committed + imported * (kEdgesPerImport + 1)));
    CHECK(g.edge_count() == static_cast<std::size_t>(imported * kEdgesPerImport));
    CHECK(imported > 0);
    CHECK(during_import > 0);  // the race did happen
    liaison_test::Run v = liaison_test::run_liaison("validate " + q(db));
    CHECK_MESSAGE(v.code == 0, v.out);
    CHECK_FALSE(std::filesystem::exists(lock_path(db)));
    MESSAGE(
        fmt::format("race: {} add-node rounds ({} committed, {} locked out, {} committed while "
                    "an import ran), {} imports of {} edges ({} committed), {:.1f} s",
                    kRounds, committed, refused, during_import, imports.size(), kEdgesPerImport,
                    imported, seconds));
}

TEST_CASE("race: an import waiting for the lock merges into what the lock holder committed") {
    ScratchDir dir("race-wait");
    std::string db = dir.file(database_name("net"));
    Database holder = new_database(db);
    holder.update([](WriteTransaction& tx) { tx.add_node(person("a")); }, {.compact = true});
    std::string edges = dir.file("edges.txt");
    {
        std::FILE* f = std::fopen(edges.c_str(), "w");
        REQUIRE(f);
        std::fputs("a b\nb c\nc a\n", f);
        std::fclose(f);
    }
    // The import loads the database while this writer holds the lock, then waits; the writer
    // commits a node. Merged into the state it had loaded, the import would name nodes by
    // indices that are no longer theirs ("no node with id 'b'").
    auto tx = holder.begin();
    std::thread writer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        tx.add_node(person("x31190"));
        tx.add_edge(met("x31190", "a"));
        tx.commit();
    });
    liaison_test::Run r = liaison_test::run_liaison(
        "import " + q(edges) + " --input-format edgelist --wait 20 --into " + q(db));
    writer.join();
    CHECK_MESSAGE(r.code == 0, r.out);
    CHECK(r.out == "imported into " + db +
                       ": 1 entities matched, 2 added, 3 edges added, 0 already present (7 "
                       "operations committed)\n");
    // On the JSON store the import compacted: the file alone holds both writes. The binary
    // store keeps them in its journal until it passes its threshold.
    PropertyGraph g = binary_store() ? Database::open(db).take_graph() : read_graph_file(db);
    for (const char* id : {"a", "b", "c", "x31190"}) CHECK_MESSAGE(g.find_id(id), id);
    CHECK(g.edge_count() == 4);
    CHECK(std::filesystem::exists(journal_path(db)) == binary_store());
}
