#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <functional>
#include <thread>

#include <fmt/format.h>

#include "liaison/store/database.hpp"
#include "liaison/store/journal.hpp"
#include "store_fixtures.hpp"

using namespace liaison;
using namespace store_test;

namespace {
std::string canonical(const Database& db) { return write_graph_json(db.graph()); }
}  // namespace

TEST_CASE("store: a committed transaction is visible, durable and replayed on open") {
    ScratchDir dir("commit");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    {
        auto tx = db.begin();
        tx.add_node(person("a"));
        tx.add_node(person("b"));
        tx.add_edge(met("a", "b", "2025-11"));
        CHECK(tx.graph().node_count() == 2);
        CHECK(db.graph().node_count() == 0);  // not before commit
        tx.commit();
    }
    CHECK(db.graph().node_count() == 2);
    CHECK(db.graph().edge_count() == 1);
    CHECK(std::filesystem::exists(journal_path(path)));
    CHECK_FALSE(std::filesystem::exists(lock_path(path)));  // released and removed
    CHECK_FALSE(read_graph_file(path).find_id("a"));        // still only in the journal

    Database again = Database::open(path);
    CHECK(again.warnings().empty());
    CHECK(again.journal_transactions() == 1);
    CHECK(canonical(again) == canonical(db));
}

TEST_CASE("store: rollback and an abandoned transaction leave no trace") {
    ScratchDir dir("rollback");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    {
        auto tx = db.begin();
        tx.add_node(person("a"));
        tx.rollback();
        CHECK_THROWS_AS(tx.add_node(person("b")), ArgumentError);
    }
    {
        auto tx = db.begin();
        tx.add_node(person("c"));
    }  // destroyed without commit
    CHECK(db.graph().node_count() == 0);
    CHECK_FALSE(std::filesystem::exists(journal_path(path)));
    CHECK(Database::open(path).graph().node_count() == 0);
}

TEST_CASE("store: an invalid mutation throws, has no effect, and the transaction goes on") {
    ScratchDir dir("invalid");
    Database db = new_database(dir.file(database_name("net")));
    auto tx = db.begin();
    tx.add_node(person("a"));
    CHECK_THROWS_WITH_AS(tx.add_node(person("a")), "duplicate node id 'a'", ArgumentError);
    CHECK_THROWS_WITH_AS(tx.add_node(person("Bad Id")), doctest::Contains("is not an ASCII slug"),
                         ArgumentError);
    CHECK_THROWS_WITH_AS(tx.add_edge(met("a", "zz")), "no node with id 'zz'", LookupError);
    store::EdgeData e = met("a", "a");
    e.relation = "PRAISED";
    CHECK_THROWS_WITH_AS(tx.add_edge(e), doctest::Contains("unknown relation type 'PRAISED'"),
                         ArgumentError);
    Node cited = person("b");
    cited.sources.push_back({"doc-9", "words"});
    CHECK_THROWS_WITH_AS(tx.add_node(cited), doctest::Contains("document 'doc-9'"), ArgumentError);
    Node backwards = person("c");
    backwards.time.start = Date::parse("2025");
    backwards.time.end = Date::parse("2024");
    CHECK_THROWS_WITH_AS(tx.add_node(backwards), doctest::Contains("is before 'start'"),
                         ArgumentError);
    Node nan = person("d");
    nan.properties.set("x", Value(std::nan("")));
    CHECK_THROWS_WITH_AS(tx.add_node(nan), doctest::Contains("non-finite"), ArgumentError);
    Node ok = person("e");
    ok.sources.push_back({"doc-1", "words"});
    tx.add_node(ok);
    CHECK_THROWS_WITH_AS(tx.remove_document("doc-1"), "document 'doc-1' is still cited by 1 source",
                         ArgumentError);
    tx.commit();
    CHECK(db.graph().node_count() == 2);  // a and e: the failed ones left nothing
    CHECK(db.graph().documents().count("doc-1") == 1);
}

TEST_CASE("store: updates and removals replay identically, parallel edges by their order") {
    ScratchDir dir("updates");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    {
        auto tx = db.begin();
        tx.add_node(person("a"));
        tx.add_node(person("b"));
        tx.add_node(person("c"));
        tx.add_edge(met("a", "b", "2025-03"));
        tx.add_edge(met("a", "b", "2024-01"));  // parallel, earlier: sorts first when compacted
        tx.add_edge(met("b", "c"));
        tx.commit();
    }
    db.compact();  // the snapshot now lists the 2024 meeting first
    CHECK(db.journal_transactions() == 0);
    {
        auto tx = db.begin();
        // Remove the 2025 meeting, in whatever position the graph holds it.
        EdgeIndex later = kNoIndex;
        for (EdgeIndex e = 0; e < tx.graph().edge_count(); ++e)
            if (tx.graph().edge(e).time.date && tx.graph().edge(e).time.date->year == 2025)
                later = e;
        REQUIRE(later != kNoIndex);
        tx.remove_edge(later);
        Node b = tx.graph().node(*tx.graph().find_id("b"));
        b.properties.set("rank", Value(3));
        b.names.ar = "ب";
        tx.update_node(b);
        tx.remove_node("c");  // and its edge b-c
        tx.commit();
    }
    REQUIRE(db.graph().edge_count() == 1);
    CHECK(db.graph().edge(0).time.date->year == 2024);
    Database again = Database::open(path);
    CHECK(canonical(again) == canonical(db));
    CHECK(again.graph().node(*again.graph().find_id("b")).properties.get("rank")->as_int() == 3);
}

TEST_CASE("store: compact folds the journal into a canonical snapshot and removes it") {
    ScratchDir dir("compact");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    for (int i = 0; i < 3; ++i) {
        auto tx = db.begin();
        tx.add_node(person("p" + std::to_string(i)));
        tx.commit();
    }
    std::string before = canonical(db);
    CompactResult r = db.compact();
    CHECK(r.transactions == 3);
    CHECK(r.rewritten);
    CHECK_FALSE(std::filesystem::exists(journal_path(path)));
    CHECK(file_content(path) == before);
    CHECK(canonical(Database::open(path)) == before);
    CompactResult again = db.compact();
    CHECK(again.transactions == 0);
    CHECK_FALSE(again.rewritten);
}

TEST_CASE("store: a torn tail is ignored with a warning, then cut off by the next writer") {
    ScratchDir dir("torn");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    {
        auto tx = db.begin();
        tx.add_node(person("a"));
        tx.commit();
    }
    std::string journal = slurp(journal_path(path));
    std::string next = store::transaction_record("[{\"op\":\"remove_node\",\"id\":\"a\"}]");
    for (std::size_t cut : {std::size_t{1}, std::size_t{10}, next.size() / 2, next.size() - 1}) {
        CAPTURE(cut);
        spit(journal_path(path), journal + next.substr(0, cut));
        Database torn = Database::open(path);
        CHECK(torn.graph().node_count() == 1);  // the committed one, never the torn one
        REQUIRE(torn.warnings().size() == 1);
        CHECK(torn.warnings()[0] ==
              fmt::format("{}: ignored an incomplete transaction at byte {} ({} bytes; a commit "
                          "interrupted by a crash, never reported as committed); 1 committed "
                          "transaction applied",
                          journal_path(path), journal.size(), cut));
    }
    Database writer = Database::open(path);
    {
        auto tx = writer.begin();
        tx.add_node(person("b"));
        tx.commit();
    }
    Database after = Database::open(path);
    CHECK(after.warnings().empty());
    CHECK(after.graph().node_count() == 2);
}

TEST_CASE("store: damage in the middle of the journal is refused, not skipped") {
    ScratchDir dir("corrupt");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    {
        auto tx = db.begin();
        tx.add_node(person("a"));
        tx.commit();
    }
    std::size_t second = slurp(journal_path(path)).size();
    {
        auto tx = db.begin();
        tx.add_node(person("b"));
        tx.commit();
    }
    std::string journal = slurp(journal_path(path));
    std::size_t first = journal.find("LJ1 ", 1);
    journal[first + 40] ^= 0x01;  // a bit flip inside the first transaction
    spit(journal_path(path), journal);
    CHECK_THROWS_WITH_AS(Database::open(path),
                         fmt::format("{}: the record at byte {} is damaged but whole records "
                                     "follow it at byte {}; the journal is corrupt (not an "
                                     "interrupted write) and was not applied",
                                     journal_path(path), first, second)
                             .c_str(),
                         StoreError);
}

TEST_CASE("store: a crash at any point of compaction neither loses nor repeats a transaction") {
    ScratchDir dir("compact-crash");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    {
        auto tx = db.begin();
        tx.add_node(person("a"));
        tx.add_node(person("b"));
        tx.commit();
    }
    {
        auto tx = db.begin();
        tx.add_edge(met("a", "b"));
        tx.commit();
    }
    std::string expected = canonical(db);
    std::string folded = snapshot_bytes(db.graph());
    std::string journal = slurp(journal_path(path));
    std::string marker = store::compact_record(store::snapshot_identity(folded, path));

    SUBCASE("after the compaction record, before the snapshot is replaced") {
        spit(journal_path(path), journal + marker);
    }
    SUBCASE("after the snapshot is replaced, before the journal is removed") {
        spit(journal_path(path), journal + marker);
        write_file_atomic(path, folded);
    }
    Database reopened = Database::open(path);
    CHECK(reopened.warnings().empty());
    CHECK(canonical(reopened) == expected);
    // And writing on from there works and lasts.
    {
        auto tx = reopened.begin();
        tx.add_node(person("c"));
        tx.commit();
    }
    CHECK(Database::open(path).graph().node_count() == 3);
    reopened.compact();
    CHECK(Database::open(path).graph().node_count() == 3);
}

TEST_CASE("store: a journal written for another version of the snapshot is refused") {
    ScratchDir dir("mismatch");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    {
        auto tx = db.begin();
        tx.add_node(person("a"));
        tx.commit();
    }
    PropertyGraph other;
    other.graph_id = "edited-by-hand";
    write_file_atomic(path, snapshot_bytes(other));
    CHECK_THROWS_WITH_AS(Database::open(path),
                         doctest::Contains("holds 1 committed transaction written for another "
                                           "version of"),
                         StoreError);
    // A journal without transactions is just stale: ignored, then replaced by the next writer.
    spit(journal_path(path), store::header_record(store::hash_content("something else")));
    Database ok = Database::open(path);
    CHECK(ok.graph().graph_id == "edited-by-hand");
    {
        auto tx = ok.begin();
        tx.add_node(person("z"));
        tx.commit();
    }
    CHECK(Database::open(path).graph().node_count() == 1);
}

TEST_CASE("store: one writer at a time; the second is told who holds the lock") {
    ScratchDir dir("lock");
    std::string path = dir.file(database_name("net"));
    Database first = new_database(path);
    Database second = Database::open(path);
    auto tx = first.begin();
    tx.add_node(person("a"));
    CHECK_THROWS_WITH_AS(
        second.begin(),
        fmt::format("{}: database is locked by process {}", path, ::getpid()).c_str(), LockError);
    CHECK_THROWS_AS(second.compact(), LockError);
    CHECK_THROWS_AS(first.begin(), ArgumentError);  // one transaction per Database
    tx.commit();
    // The second writer now gets the lock and sees the first one's commit before its own.
    auto tx2 = second.begin();
    CHECK(tx2.graph().find_id("a"));
    tx2.add_node(person("b"));
    tx2.commit();
    CHECK(Database::open(path).graph().node_count() == 2);
}

TEST_CASE("store: a writer may wait for the lock") {
    ScratchDir dir("wait");
    std::string path = dir.file(database_name("net"));
    Database first = new_database(path);
    Database second = Database::open(path);
    auto tx = first.begin();
    std::thread holder([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        tx.add_node(person("a"));
        tx.commit();
    });
    auto tx2 = second.begin({.wait_seconds = 10});
    holder.join();
    CHECK(tx2.graph().find_id("a"));
    tx2.rollback();
    auto tx3 = first.begin();
    CHECK_THROWS_WITH_AS(second.begin({.wait_seconds = 0.1}), doctest::Contains("(waited 0.1 s)"),
                         LockError);
}

TEST_CASE("store: readers keep a consistent state until they refresh") {
    ScratchDir dir("readers");
    std::string path = dir.file(database_name("net"));
    Database writer = new_database(path);
    Database reader = Database::open(path);
    {
        auto tx = writer.begin();
        tx.add_node(person("a"));
        tx.commit();
    }
    CHECK(reader.graph().node_count() == 0);
    reader.refresh();
    CHECK(reader.graph().node_count() == 1);
    writer.compact();
    {
        auto tx = writer.begin();
        tx.add_node(person("b"));
        tx.commit();
    }
    reader.refresh();
    CHECK(canonical(reader) == canonical(writer));
}

namespace {
// Runs `body` in a child process limited to `max_file_bytes` per file; returns what it wrote.
std::string in_limited_child(std::size_t max_file_bytes, const std::function<std::string()>& body) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        ::close(fds[0]);
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit lim{max_file_bytes, max_file_bytes};
        ::setrlimit(RLIMIT_FSIZE, &lim);
        std::string out;
        try {
            out = body();
        } catch (const std::exception& e) {
            out = e.what();
        }
        (void)!::write(fds[1], out.data(), out.size());
        ::_exit(0);
    }
    ::close(fds[1]);
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) out.append(buf, n);
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(WIFEXITED(status));
    return out;
}
}  // namespace

TEST_CASE("store: a full disk leaves the previous state intact with a clear error") {
    ScratchDir dir("full");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    {
        auto tx = db.begin();
        tx.add_node(person("a"));
        tx.commit();
    }
    std::string before = canonical(db);
    std::size_t journal_size = slurp(journal_path(path)).size();

    SUBCASE("commit") {
        std::string message = in_limited_child(journal_size + 100, [&] {
            auto tx = db.begin();
            Node big = person("big");
            big.properties.set("text", Value(std::string(5000, 'x')));
            tx.add_node(big);
            tx.commit();
            return std::string("committed");
        });
        CHECK(message == journal_path(path) +
                             ": cannot write the transaction: file too large (a file size limit "
                             "was reached); nothing was committed");
        CHECK(slurp(journal_path(path)).size() == journal_size);  // no partial record left
    }
    SUBCASE("compact") {
        std::string message = in_limited_child(slurp(path).size() + 10, [&] {
            db.compact();
            return std::string("compacted");
        });
        CHECK(message == path +
                             ": cannot write: file too large (a file size limit was reached); the "
                             "file was left as it was");
    }
    Database after = Database::open(path);
    CHECK(after.warnings().empty());
    CHECK(canonical(after) == before);
    {
        auto tx = after.begin();
        tx.add_node(person("b"));
        tx.commit();
    }
    CHECK(Database::open(path).graph().node_count() == 2);
}

TEST_CASE("store: update computes its change on the latest commit, not on what was loaded") {
    ScratchDir dir("update");
    std::string path = dir.file(database_name("net"));
    Database mine = new_database(path);
    Database other = Database::open(path);
    other.update([](WriteTransaction& tx) { tx.add_node(person("x31190")); });
    REQUIRE_FALSE(mine.graph().find_id("x31190"));  // what `mine` loaded is now stale

    bool seen = false;
    UpdateResult r = mine.update([&](WriteTransaction& tx) {
        seen = tx.graph().find_id("x31190").has_value();
        tx.add_node(person("y"));
        tx.add_edge(met("y", "x31190"));
    });
    CHECK(seen);
    CHECK(r.operations == 2);
    CHECK_FALSE(r.compacted);
    Database after = Database::open(path);
    CHECK(after.graph().node_count() == 2);
    CHECK(after.graph().edge_count() == 1);
    CHECK(write_graph_json(after.graph()) == canonical(mine));
}

TEST_CASE("store: update commits nothing when the change throws, and owns commit and rollback") {
    ScratchDir dir("update-throw");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    CHECK_THROWS_AS(db.update([](WriteTransaction& tx) {
        tx.add_node(person("a"));
        throw ArgumentError("changed my mind");
    }),
                    ArgumentError);
    CHECK_FALSE(std::filesystem::exists(lock_path(path)));  // released
    CHECK_THROWS_WITH(db.update([](WriteTransaction& tx) { tx.commit(); }),
                      doctest::Contains("committed by update itself"));
    CHECK_THROWS_WITH(db.update([](WriteTransaction& tx) { tx.rollback(); }),
                      doctest::Contains("rolled back by throwing"));
    CHECK(Database::open(path).graph().node_count() == 0);
    UpdateResult none = db.update([](WriteTransaction&) {}, {.compact = true});
    CHECK(none.operations == 0);
    CHECK_FALSE(std::filesystem::exists(journal_path(path)));
    UpdateResult done =
        db.update([](WriteTransaction& tx) { tx.add_node(person("b")); }, {.compact = true});
    // The binary store folds only a journal past max(4 MiB, base / 64): commits stay O(change).
    CHECK(done.compacted == !binary_store());
    CHECK(read_graph_file(path).find_id("b").has_value() == !binary_store());
    CHECK(Database::open(path).graph().find_id("b"));
}

TEST_CASE("store: a compaction failing after update's commit is deferred, the commit stands") {
    ScratchDir dir("update-deferred");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    db.update(
        [](WriteTransaction& tx) {
            for (int i = 0; i < 100; ++i) tx.add_node(person(fmt::format("p{}", i)));
        },
        {.compact = true});
    db.compact();  // the binary store's update folds only past its threshold
    Node late = person("late");
    std::size_t limit = slurp(path).size() / 2;
    if (binary_store()) {
        // Its update folds a journal past 4 MiB: the late node carries that much, and the limit
        // lets the journal grow to it but not the base that would hold it.
        late.properties.set("text", Value(std::string(std::size_t{4300} << 10, 'x')));
        PropertyGraph next = db.graph();
        next.add_node(late);
        limit = snapshot_bytes(next).size() - 1024;
    }
    std::string outcome = in_limited_child(limit, [&] {
        UpdateResult r =
            db.update([&](WriteTransaction& tx) { tx.add_node(late); }, {.compact = true});
        return fmt::format("{} {} {}", r.operations, r.compacted, r.compaction_deferred);
    });
    REQUIRE(slurp(journal_path(path)).size() < limit);
    CHECK(outcome == "1 false " + path +
                         ": cannot write: file too large (a file size limit was reached); the "
                         "file was left as it was");
    Database after = Database::open(path);
    CHECK(after.warnings().empty());
    CHECK(after.graph().find_id("late"));
    CHECK(after.journal_transactions() == 1);
    CHECK_FALSE(std::filesystem::exists(lock_path(path)));
}

TEST_CASE("store: compaction builds beside the writers and gives way to them") {
    ScratchDir dir("concurrent-compact");
    std::string path = dir.file(database_name("net"));
    Database db = new_database(path);
    db.update([](WriteTransaction& tx) {
        for (int i = 0; i < 20; ++i) tx.add_node(person(fmt::format("p{}", i)));
    });
    db.update([](WriteTransaction& tx) { tx.add_edge(met("p1", "p2", "2025-11")); });
    const std::string before = write_graph_json(Database::open(path).graph());

    SUBCASE("nothing in between: folded, as compact() folds") {
        std::optional<CompactResult> r = db.compact_concurrently();
        REQUIRE(r);
        CHECK(r->rewritten);
        CHECK_FALSE(std::filesystem::exists(journal_path(path)));
        CHECK_FALSE(std::filesystem::exists(lock_path(path)));
        CHECK(write_graph_json(Database::open(path).graph()) == before);
        CHECK(write_graph_json(read_graph_file(path)) == before);  // in the file itself
    }
    SUBCASE("another compaction under way: this one leaves everything as it is") {
        // What a compacting process holds while it builds: a lock on the snapshot file.
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        REQUIRE(fd >= 0);
        REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
        CHECK_FALSE(db.compact_concurrently());
        CHECK(std::filesystem::exists(journal_path(path)));
        // A writer is not held up by it; compact() folds under the writer lock instead.
        db.update([](WriteTransaction& tx) { tx.add_node(person("during")); });
        CompactResult r = db.compact();
        CHECK(r.transactions == 3);
        CHECK_FALSE(std::filesystem::exists(journal_path(path)));
        ::close(fd);
        CHECK(Database::open(path).graph().find_id("during"));
    }
    SUBCASE("a writer holding the lock past the wait: nothing folded, nothing lost") {
        Database writer = Database::open(path);
        WriteTransaction tx = writer.begin();
        tx.add_node(person("pending"));
        CHECK_THROWS_AS(db.compact_concurrently({0.1}), LockError);
        tx.commit();
        CHECK(std::filesystem::exists(journal_path(path)));
        Database after = Database::open(path);
        CHECK(after.graph().find_id("pending"));
        CHECK(after.journal_transactions() == 3);
    }
}
