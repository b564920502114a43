#pragma once
/// @file
/// The durable graph database (docs/store.md): a canonical snapshot FILE plus an append-only
/// journal FILE.journal of committed transactions, and one writer at a time (FILE.lock).
///
///     auto db = Database::open("graphs/net.json");      // snapshot + replayed journal
///     auto tx = db.begin();                             // takes the writer lock
///     tx.add_node(node);
///     tx.commit();                                      // durable (fsync) before it returns
///
/// A committed transaction survives a crash; an interrupted one leaves no trace. Readers see
/// the state of the last commit they loaded. A Database is not shared between threads.
///
/// Anything that reads the database, computes a change from it and writes the change (an
/// import, a merge, accepting candidates, an edit) goes through update(), which runs the
/// computation under the writer lock on the latest committed state:
///
///     db.update([&](WriteTransaction& tx) {              // lock, catch up with other writers
///         const PropertyGraph& now = tx.graph();         // the latest committed state
///         if (!now.find_id("ahmed")) tx.add_node(node);  // computed from it
///     }, {.wait_seconds = 5, .compact = true});          // commit, fold, release
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/model/property_graph.hpp"
#include "liaison/store/error.hpp"
#include "liaison/store/journal.hpp"
#include "liaison/store/lock.hpp"
#include "liaison/store/ops.hpp"

namespace liaison {

struct LockOptions {
    double wait_seconds = 0;  // how long a writer waits for the lock; 0 fails at once
};

struct CompactResult {
    std::size_t transactions = 0;   // transactions folded into the snapshot
    std::size_t journal_bytes = 0;  // size of the journal that was folded
    bool rewritten = false;         // whether the snapshot was written
    // Transactions committed while the snapshot was built (compact_concurrently): not in it,
    // they start its new journal.
    std::size_t carried = 0;
};

// Where a database file's companions live.
std::string journal_path(const std::string& db_path);  // FILE.journal
std::string lock_path(const std::string& db_path);     // FILE.lock

/// Database::update: how long to wait for the lock, and whether to fold the journal into the
/// snapshot after the commit, under the same lock. A binary store (`.liaison`) folds it only
/// once the journal passes max(4 MiB, base / 64): its commits stay O(change).
struct UpdateOptions {
    double wait_seconds = 0;
    bool compact = false;
    // A binary store past its threshold is then not folded under the commit's lock: the result
    // says compaction_due, and the caller runs compact_concurrently() (the CLI, detached).
    // Past twice the threshold (background builds kept giving way to commits) it is folded.
    bool compact_later = false;
};

struct UpdateResult {
    std::size_t operations = 0;  // operations committed; 0: the function changed nothing
    bool compacted = false;      // the journal was folded into the snapshot
    // Set when compaction was asked for but failed (e.g. "…: cannot write: disk full …"). The
    // commit stands, durable in the journal, which a later compaction folds: a caller reports
    // the change as done and this as a warning, never the change as failed.
    std::string compaction_deferred;
    bool compaction_due = false;  // compact_later was asked and the journal is past the threshold
};

class WriteTransaction;

class Database {
public:
    /// Loads FILE and replays FILE.journal. A torn tail (an append interrupted by a crash) is
    /// ignored and reported in warnings(); a corrupt journal, or one written for another
    /// version of FILE, throws StoreError; a snapshot that does not validate throws InputError.
    static Database open(const std::string& path);
    /// Writes a new database FILE holding `initial` (validated); throws StoreError when FILE
    /// exists.
    static Database create(const std::string& path, const PropertyGraph& initial = {},
                           const LockOptions& lock = {});
    /// Writes `g` over the database FILE (or creates it) under its writer lock, so a concurrent
    /// writer is refused rather than overwritten; pending journaled commits are dropped with
    /// the old content. The file keeps its mode and owner.
    static Database replace(const std::string& path, const PropertyGraph& g,
                            const LockOptions& lock = {});

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    ~Database();

    const std::string& path() const { return path_; }
    /// The committed state this Database has loaded (unchanged by an open transaction).
    const PropertyGraph& graph() const { return graph_; }
    // Moves the graph out (for callers that only read); the Database is then empty.
    PropertyGraph take_graph() { return std::move(graph_); }
    // Notes from loading (e.g. an ignored torn tail), for the caller to show.
    const std::vector<std::string>& warnings() const { return warnings_; }
    // Committed transactions held in the journal, not yet folded into the snapshot.
    std::size_t journal_transactions() const { return journal_tx_; }

    /// The one way to read, compute and write: takes the writer lock (LockError when another
    /// process keeps it past options.wait_seconds), catches up with every commit made by other
    /// processes, runs `change` on a transaction whose graph() is that latest state, commits
    /// what it did (nothing when it made no change), compacts if asked, and releases the lock.
    /// When `change` throws, nothing is committed and the exception propagates. `change` must
    /// neither commit nor roll back the transaction (that throws); it abandons by throwing.
    /// A failed compaction after the commit does not throw: see UpdateResult.
    UpdateResult update(const std::function<void(WriteTransaction&)>& change,
                        const UpdateOptions& options = {});
    /// Takes the writer lock (LockError when another process holds it), catches up with
    /// commits made by other processes since this Database loaded, and starts a transaction
    /// for the caller to commit. Compute the change from the transaction's graph(), never from
    /// an earlier graph(): update() does both in one call.
    WriteTransaction begin(const LockOptions& lock = {});
    /// Folds the journal into the snapshot: writes the canonical snapshot atomically, then
    /// removes the journal. Takes the writer lock like begin().
    CompactResult compact(const LockOptions& lock = {});
    /// Folds the journal as compact() does, but builds the new snapshot without the writer lock
    /// (writers go on committing meanwhile) and takes the lock only to write it; the commits
    /// made during the build are carried over into the new snapshot's journal. Returns
    /// nullopt, changing nothing, when the files were replaced meanwhile (another compaction or
    /// a replace), or when another process is already compacting this database. `built` is
    /// called once the snapshot is built, before the lock is asked for. compact() tries this
    /// first.
    std::optional<CompactResult> compact_concurrently(const LockOptions& lock = {},
                                                      const std::function<void()>& built = {});
    /// Opens FILE and compacts it as compact_concurrently() does, but first asks whether
    /// another process is compacting it, before reading anything: nullopt at once when one is
    /// (`liaison compact --background`, which every edit past the threshold starts). The
    /// warnings of opening it go to `warnings`.
    static std::optional<CompactResult> compact_in_background(const std::string& path,
                                                              const LockOptions& lock,
                                                              std::vector<std::string>& warnings);
    /// Reloads if another process committed or compacted since this Database loaded.
    void refresh();

private:
    friend class WriteTransaction;
    struct FileId {
        std::uint64_t dev = 0, ino = 0, size = 0;
        std::int64_t mtime_ns = 0;
        bool operator==(const FileId&) const = default;
    };
    enum class JournalState { Missing, Live, Stale };

    explicit Database(std::string path) : path_(std::move(path)) {}
    static Database write_new(const std::string& path, const PropertyGraph& g,
                              const LockOptions& lock, bool replace);
    store::WriterLock lock_for_writing(double wait_seconds, bool folding = false);
    // With the lock held: folds the journal, writing `prepared` (the encoded snapshot of the
    // current graph) when given, else encoding it.
    // `carried`: the transactions committed after the state `prepared` was encoded from, as
    // they read on top of it (store/carry.hpp); they become the new snapshot's journal.
    CompactResult compact_locked(std::string prepared = {}, std::vector<std::string> carried = {});
    std::optional<CompactResult> compact_building(const LockOptions& lock,
                                                  const std::function<void()>& built);
    bool carry_commits(std::string_view built, const FileId& snapshot, const FileId& journal,
                       std::size_t end, JournalState state, std::vector<std::string>& carried);
    void load();
    bool load_once();
    void replay(const store::JournalScan& scan, std::size_t from, const std::string& jpath);
    void replay_ops(std::string_view ops, const std::string& where);
    void catch_up();
    void prepare_journal_for_append();
    void append(const std::string& record, bool transaction);

    std::string path_;
    PropertyGraph graph_;
    std::vector<std::string> warnings_;
    FileId snapshot_id_;
    store::ContentHash snapshot_hash_;
    JournalState journal_state_ = JournalState::Missing;
    FileId journal_id_;
    std::size_t journal_end_ = 0;   // offset just past the last whole record
    std::size_t journal_size_ = 0;  // file size when read (end plus any torn tail)
    std::size_t journal_tx_ = 0;
    // Framed transaction records a new journal starts with: those a stale journal's last
    // compaction carried (a compaction stopped between writing the snapshot and its journal).
    std::vector<std::string> carried_;
    // Whether the journal holds an edit or removal of a node or edge: replaying it loads a
    // binary base whole, so every open pays O(graph) until it is folded (store::loads_base).
    bool journal_loads_base_ = false;
    bool in_transaction_ = false;
};

/// Groups mutations; commit() makes them durable all together, rollback() (or destruction
/// without commit) drops them all. Each mutation is checked at once against the transaction's
/// own view (graph()), with the native reader's rules, and throws without effect when invalid.
class WriteTransaction {
public:
    WriteTransaction(WriteTransaction&&) noexcept;
    WriteTransaction& operator=(WriteTransaction&&) = delete;
    ~WriteTransaction();

    /// The committed state plus this transaction's changes.
    const PropertyGraph& graph() const;

    NodeIndex add_node(Node node);
    void update_node(Node node);            // replaces the node with node.id
    void remove_node(std::string_view id);  // and every edge at it
    // An edge by its endpoints' ids and relation name; or with indices into graph().
    EdgeIndex add_edge(const store::EdgeData& edge);
    EdgeIndex add_edge(const Edge& edge);
    void update_edge(EdgeIndex e, const Edge& edge);  // e and edge in graph()'s indices
    void remove_edge(EdgeIndex e);
    void put_document(Document document);  // adds or replaces
    void remove_document(std::string_view id);
    RelationId declare_relation(RelationType type);
    void set_graph_info(std::string id, std::string label);
    // Property index definitions (CREATE INDEX / DROP INDEX); see model/index_definition.hpp.
    // create_index throws ArgumentError (invalid, name in use, equivalent index exists),
    // drop_index LookupError (no such index).
    void create_index(IndexDefinition index);
    void drop_index(std::string_view name);
    // Any recorded operation (see store/ops.hpp).
    void apply(const store::Op& op);

    std::size_t size() const { return ops_.size(); }  // operations so far

    /// Appends the transaction to the journal and fsyncs it; on success the Database's graph()
    /// shows it. On failure (SystemError, e.g. "disk full") nothing is committed and the
    /// Database is unchanged. Releases the lock either way. Not for a transaction of update().
    void commit();
    void rollback();

private:
    friend class Database;
    // `lock`: held by the transaction (begin), or nullopt when update() holds it.
    WriteTransaction(Database& db, std::optional<store::WriterLock> lock);
    PropertyGraph& working();
    void commit_held();
    void finish();

    Database* db_;
    std::optional<store::WriterLock> lock_;
    std::unique_ptr<PropertyGraph> working_;  // copied on the first mutation
    std::vector<store::Op> ops_;
    bool in_update_ = false;  // run by Database::update, which commits it
};

}  // namespace liaison
