// Compaction beside the user's work (docs/storage-engine.md §8): the new snapshot is built from
// the committed state without the writer lock, so commits go on meanwhile; the lock is held
// only to write it, and the build is thrown away when a commit came in between. Writing is the
// same code as a compaction under the lock, so the crash guarantees are the same.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/store/database.hpp"
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

std::optional<CompactResult> Database::compact_concurrently(const LockOptions& lock) {
    if (in_transaction_)
        throw ArgumentError(fmt::format("{}: cannot compact while a transaction is open", path_));
    BuildGuard guard(path_);
    if (!guard.held()) return std::nullopt;  // another process is compacting
    catch_up();                              // what is committed now, read as any reader does
    const FileId snapshot = snapshot_id_;
    const FileId journal = journal_id_;
    const std::size_t end = journal_end_;
    const JournalState state = journal_state_;
    // The long part: the whole graph encoded, with no lock held.
    std::string text = store::encode_snapshot(graph_, path_);
    auto held = lock_for_writing(lock.wait_seconds);
    catch_up();
    if (snapshot_id_ != snapshot || journal_state_ != state || journal_end_ != end ||
        journal_id_.dev != journal.dev || journal_id_.ino != journal.ino)
        return std::nullopt;  // a commit or a replacement came in between: fold later
    prepare_journal_for_append();
    return compact_locked(std::move(text));
}

}  // namespace liaison
