// Compaction beside writers (docs/storage-engine.md §8 B): the commits made while the new
// snapshot was built are carried over into its journal, restated where the snapshot's order
// renumbers parallel edges, and a crash between writing the snapshot and its journal loses and
// doubles nothing.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <optional>
#include <random>
#include <thread>

#include <fmt/format.h>

#include "liaison/store/database.hpp"
#include "liaison/store/journal.hpp"
#include "store_fixtures.hpp"

using namespace liaison;
using namespace store_test;

namespace {

std::string canonical(const PropertyGraph& g) { return write_graph_json(g); }

// p1's meeting with p2 on `date`, wherever the graph holds it.
EdgeIndex meeting(const PropertyGraph& g, const std::string& date) {
    NodeIndex p1 = *g.find_id("p1");
    for (EdgeIndex e : g.out_edges(p1)) {
        const Edge& edge = g.edge(e);
        if (edge.time.date && edge.time.date->to_string() == date) return e;
    }
    FAIL("no meeting on " << date);
    return kNoIndex;
}

// Every meeting of p1 and p2 by date, with its "place" ("" when it has none).
std::map<std::string, std::string> meetings(const PropertyGraph& g) {
    std::map<std::string, std::string> out;
    NodeIndex p1 = *g.find_id("p1");
    for (EdgeIndex e : g.out_edges(p1)) {
        const Edge& edge = g.edge(e);
        const Value* place = edge.properties.get("place");
        out[edge.time.date->to_string()] = place ? place->as_string() : "";
    }
    return out;
}

void set_place(WriteTransaction& tx, const std::string& date, const std::string& place) {
    EdgeIndex e = meeting(tx.graph(), date);
    Edge edge = tx.graph().edge(e);
    edge.properties.set("place", Value(place));
    tx.update_edge(e, edge);
}

}  // namespace

TEST_CASE("store: commits made while a compaction builds are carried into its journal") {
    ScratchDir dir("carry");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    // Three meetings committed out of date order: the new snapshot lists them by date, so the
    // journal's "p1 -[MET_WITH]-> p2 #2" (the 2019 one) is #1 in it.
    db.update([](WriteTransaction& tx) {
        for (const char* id : {"p1", "p2", "p3"}) tx.add_node(person(id));
        tx.add_edge(met("p1", "p2", "2025-11"));
        tx.add_edge(met("p1", "p2", "2019-03"));
        tx.add_edge(met("p1", "p2", "2022-07"));
    });
    Database writer = Database::open(path);
    int calls = 0;
    std::optional<CompactResult> r = db.compact_concurrently({}, [&] {
        ++calls;
        writer.update([](WriteTransaction& tx) { set_place(tx, "2019-03", "Vienna"); });
        writer.update([](WriteTransaction& tx) { tx.remove_edge(meeting(tx.graph(), "2025-11")); });
        writer.update([](WriteTransaction& tx) {
            tx.add_node(person("p4"));
            tx.add_edge(met("p3", "p4", "2023-10"));
        });
    });
    REQUIRE(r);
    CHECK(calls == 1);
    CHECK(r->rewritten);
    CHECK(r->transactions == 1);
    CHECK(r->carried == 3);

    // The snapshot holds what was there when the build began; the journal the rest.
    std::string file = file_content(path);
    CHECK(file.find("2025-11") != std::string::npos);
    CHECK(file.find("Vienna") == std::string::npos);
    std::string journal = slurp(journal_path(path));
    store::JournalScan scan = store::scan_journal(journal, journal_path(path));
    REQUIRE(scan.records.size() == 4);
    CHECK(scan.records[0].kind == store::RecordKind::Header);
    CHECK(scan.records[0].snapshot == store::snapshot_identity(slurp(path), path));

    const std::map<std::string, std::string> want{{"2019-03", "Vienna"}, {"2022-07", ""}};
    Database after = Database::open(path);
    CHECK(after.warnings().empty());
    CHECK(after.journal_transactions() == 3);
    CHECK(meetings(after.graph()) == want);
    CHECK(canonical(after.graph()) == canonical(writer.graph()));
    CHECK(canonical(db.graph()) == canonical(writer.graph()));
    // The writer goes on from its own state, and the next fold takes everything.
    writer.update([](WriteTransaction& tx) { set_place(tx, "2022-07", "Rabat"); });
    CompactResult folded = db.compact();
    CHECK(folded.transactions == 4);
    CHECK(folded.carried == 0);
    Database last = Database::open(path);
    CHECK(last.journal_transactions() == 0);
    CHECK(meetings(last.graph()) ==
          std::map<std::string, std::string>{{"2019-03", "Vienna"}, {"2022-07", "Rabat"}});
}

TEST_CASE("store: a crash between a carrying compaction's snapshot and journal") {
    ScratchDir dir("carry-crash");
    std::string path = dir.file(database_name("net"));
    std::string jpath = journal_path(path);
    Database db = new_database(path);
    db.update([](WriteTransaction& tx) {
        for (const char* id : {"p1", "p2"}) tx.add_node(person(id));
        tx.add_edge(met("p1", "p2", "2025-11"));
        tx.add_edge(met("p1", "p2", "2019-03"));
    });
    const std::string built = snapshot_bytes(db.graph());  // what the compaction wrote
    const std::string old_snapshot = slurp(path);
    db.update([](WriteTransaction& tx) { tx.add_node(person("p3")); });  // during the build
    // The compaction's record, carrying that commit (it names no edge: restated as it was).
    std::string journal = slurp(jpath);
    store::JournalScan scan = store::scan_journal(journal, jpath);
    REQUIRE(scan.records.size() == 3);
    std::string during(scan.records[2].ops);
    journal += store::compact_record(store::snapshot_identity(built, path), {during});
    spit(jpath, journal);
    const std::string want = canonical(Database::open(path).graph());

    SUBCASE("stopped before the snapshot was replaced: the old one and its whole journal") {
        REQUIRE(slurp(path) == old_snapshot);
        Database after = Database::open(path);  // p3 once: a second add_node would be refused
        CHECK(after.warnings().empty());
        CHECK(after.journal_transactions() == 2);
        CHECK(canonical(after.graph()) == want);
    }
    SUBCASE("stopped after the snapshot, before its journal: the record carries the commit") {
        spit(path, built);
        Database after = Database::open(path);
        CHECK(after.warnings().empty());
        CHECK(after.journal_transactions() == 1);
        CHECK(canonical(after.graph()) == want);
        // The next commit starts the new journal with the carried one.
        after.update([](WriteTransaction& tx) { tx.add_node(person("p4")); });
        store::JournalScan fresh = store::scan_journal(slurp(jpath), jpath);
        REQUIRE(fresh.records.size() == 3);
        CHECK(fresh.records[0].snapshot == store::snapshot_identity(built, path));
        Database reopened = Database::open(path);
        CHECK(reopened.journal_transactions() == 2);
        CHECK(reopened.graph().find_id("p3"));
        CHECK(reopened.graph().find_id("p4"));
        // A fold takes both.
        CHECK(reopened.warnings().empty());
        Database folder = Database::open(path);
        CHECK(folder.compact().transactions == 2);
        CHECK(Database::open(path).graph().find_id("p3"));
    }
    SUBCASE("stopped there, then compacted: the carried commit is folded, not dropped") {
        spit(path, built);
        Database after = Database::open(path);
        CompactResult r = after.compact();
        CHECK(r.rewritten);
        CHECK_FALSE(std::filesystem::exists(jpath));
        CHECK(canonical(Database::open(path).graph()) == want);
    }
}

TEST_CASE("store: compactions beside a stream of edits keep every commit") {
    ScratchDir dir("carry-race");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    db.update([](WriteTransaction& tx) {
        for (const char* id : {"p1", "p2"}) tx.add_node(person(id));
    });
    std::atomic<bool> done{false};
    std::size_t compactions = 0, carried = 0;
    std::thread compactor([&] {
        Database c = Database::open(path);
        while (!done) {
            // A pause after each build, so that commits land between the build and the write.
            auto r = c.compact_concurrently(
                {10}, [] { std::this_thread::sleep_for(std::chrono::milliseconds(3)); });
            if (r) {
                ++compactions;
                carried += r->carried;
            }
        }
    });
    std::mt19937 rng(7);
    std::map<std::string, std::string> want;
    for (int k = 0; k < 300; ++k) {
        std::string date = fmt::format("{}-{:02}", 2024 - k / 12, k % 12 + 1);  // earlier each
        int what = want.size() < 3 ? 0 : static_cast<int>(rng() % 3);
        auto it = want.begin();
        std::advance(it, static_cast<long>(rng() % std::max<std::size_t>(want.size(), 1)));
        db.update(
            [&](WriteTransaction& tx) {
                if (what == 0) {
                    tx.add_edge(met("p1", "p2", date));
                } else if (what == 1) {
                    set_place(tx, it->first, fmt::format("place {}", k));
                } else {
                    tx.remove_edge(meeting(tx.graph(), it->first));
                }
            },
            {.wait_seconds = 10});
        if (what == 0)
            want[date] = "";
        else if (what == 1)
            it->second = fmt::format("place {}", k);
        else
            want.erase(it);
    }
    done = true;
    compactor.join();
    Database after = Database::open(path);
    CHECK(after.warnings().empty());
    CHECK(meetings(after.graph()) == want);
    CHECK(canonical(after.graph()) == canonical(db.graph()));
    CHECK(compactions > 0);
#ifndef __SANITIZE_ADDRESS__
    // Under the sanitizers commits may all land outside the window (one CI run carried none);
    // the deterministic cases above check carrying there.
    CHECK(carried > 0);  // the race did happen
#endif
    MESSAGE(
        fmt::format("{} compactions beside 300 commits, {} commits carried", compactions, carried));
}
