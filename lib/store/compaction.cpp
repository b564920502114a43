// Compaction beside the user's work (docs/storage-engine.md §8): the new snapshot is built from
// the committed state without the writer lock, so commits go on meanwhile; the lock is held
// only to write it, and the commits made in between are carried over into its journal. Writing
// is the same code as a compaction under the lock, so the crash guarantees are the same.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/store/database.hpp"
#include "store/carry.hpp"
#include "store/file_identity.hpp"
#include "store/snapshot_codec.hpp"

namespace liaison {

namespace {

// One compaction at a time per database: a lock on the snapshot file itself, which a
// compaction replaces (so the next one locks the new file). Readers only map it; writers lock
// FILE.lock. Released when the descriptor closes.
struct BuildGuard {
    int fd = -1;
    explicit BuildGuard(const std::string& path) {
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            throw SystemError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
        if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(fd);
            fd = -1;
        }
    }
    ~BuildGuard() {
        if (fd >= 0) ::close(fd);
    }
    BuildGuard(const BuildGuard&) = delete;
    BuildGuard& operator=(const BuildGuard&) = delete;
    bool held() const { return fd >= 0; }
};

}  // namespace

std::optional<CompactResult> Database::compact_concurrently(const LockOptions& lock,
                                                            const std::function<void()>& built) {
    if (in_transaction_)
        throw ArgumentError(fmt::format("{}: cannot compact while a transaction is open", path_));
    BuildGuard guard(path_);
    if (!guard.held()) return std::nullopt;  // another process is compacting
    return compact_building(lock, built);
}

std::optional<CompactResult> Database::compact_in_background(const std::string& path,
                                                             const LockOptions& lock,
                                                             std::vector<std::string>& warnings) {
    // Before opening: a burst of edits starts one of these each, and opening a journal that
    // loads the base costs the whole graph's memory.
    BuildGuard guard(path);
    if (!guard.held()) return std::nullopt;
    Database db = open(path);
    warnings = db.warnings();
    return db.compact_building(lock, {});
}

// With the build guard held.
std::optional<CompactResult> Database::compact_building(const LockOptions& lock,
                                                        const std::function<void()>& built) {
    catch_up();  // what is committed now, read as any reader does
    const FileId snapshot = snapshot_id_;
    const FileId journal = journal_id_;
    const std::size_t end = journal_end_;
    const JournalState state = journal_state_;
    // The long part: the whole graph encoded, with no lock held.
    std::string text = store::encode_snapshot(graph_, path_);
    if (built) built();
    auto held = lock_for_writing(lock.wait_seconds, true);
    std::vector<std::string> carried;
    if (!carry_commits(text, snapshot, journal, end, state, carried)) {
        catch_up();
        return std::nullopt;  // the files were replaced meanwhile: fold later
    }
    prepare_journal_for_append();
    return compact_locked(std::move(text), std::move(carried));
}

// With the lock held, after building from (snapshot, journal up to end): brings graph_ up to
// the commits made meanwhile and restates them for what was built (store/carry.hpp). False
// when the files changed otherwise (a compaction or a replace): nothing to carry over to.
bool Database::carry_commits(std::string_view built, const FileId& snapshot, const FileId& journal,
                             std::size_t end, JournalState state,
                             std::vector<std::string>& carried) {
    struct stat st {};
    if (::stat(path_.c_str(), &st) != 0) return false;
    store::FileText now;
    store::fill_id(st, now);
    if (FileId{now.dev, now.ino, now.size, now.mtime_ns} != snapshot) return false;
    std::string jpath = journal_path(path_);
    std::optional<store::FileText> file = store::read_identified(jpath, true);
    if (!file) return state != JournalState::Live;  // a live journal is only removed by a fold
    const bool same = file->dev == journal.dev && file->ino == journal.ino;
    if (state == JournalState::Stale && same && file->size == journal.size) return true;
    store::JournalScan scan = store::scan_journal(file->text, jpath);
    std::size_t from = scan.records.size();
    if (state == JournalState::Live) {
        // The same file, appended to: the records from `end` on are new.
        if (!same || scan.valid_end < end) return false;
        for (std::size_t i = 0; i < scan.records.size(); ++i)
            if (scan.records[i].offset == end) from = i;
        if (from == scan.records.size() && scan.valid_end != end) return false;
    } else {
        // A new journal, started by a commit for the snapshot that was built from, after the
        // transactions a stale journal carried (which graph_ holds already).
        if (same || !scan.has_header() || scan.records.front().snapshot != snapshot_hash_ ||
            scan.records.size() <= carried_.size())
            return false;
        for (std::size_t k = 0; k < carried_.size(); ++k) {
            const store::JournalRecord& r = scan.records[k + 1];
            if (std::string_view(file->text).substr(r.offset, r.end - r.offset) != carried_[k])
                return false;
        }
        from = 1 + carried_.size();
    }
    std::vector<store::JournalRecord> tail(scan.records.begin() + static_cast<long>(from),
                                           scan.records.end());
    for (const store::JournalRecord& r : tail)
        if (r.kind != store::RecordKind::Transaction) return false;
    if (!tail.empty()) {
        try {
            carried = store::carry_over(graph_, built, path_, tail, jpath);
        } catch (const Error&) {
            snapshot_id_ = {};  // graph_ is part-way: the next use reloads (and reports)
            return false;
        }
    }
    if (state != JournalState::Live) journal_tx_ = carried_.size();
    journal_tx_ += tail.size();
    carried_.clear();
    journal_state_ = JournalState::Live;
    journal_id_ = {file->dev, file->ino, file->size, file->mtime_ns};
    journal_end_ = scan.valid_end;
    journal_size_ = file->text.size();
    return true;
}

}  // namespace liaison
