#pragma once
// The writer lock: an advisory flock(2) on "FILE.lock", which holds the writer's process id so a
// second writer can say who is in the way. Readers never lock.
#include <string>

namespace liaison::store {

class WriterLock {
public:
    // Takes the lock, waiting up to `wait_seconds` (0: fail at once). Throws LockError
    // ("DB: database is locked by process N") when another process keeps it, SystemError when
    // the lock file cannot be created. The lock file takes the mode (and, as root, the owner)
    // of `mode_of` when that file exists: a database's lock is as private as the database.
    // `folding`: the holder is a compaction writing its file; a writer that finds one waits
    // for it up to a minute more than `wait_seconds`, since it holds the lock only briefly.
    static WriterLock acquire(const std::string& lock_path, const std::string& db_name,
                              double wait_seconds, const std::string& mode_of = {},
                              bool folding = false);
    WriterLock(WriterLock&& other) noexcept;
    WriterLock& operator=(WriterLock&& other) noexcept;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;
    ~WriterLock();
    // Removes the lock file and releases the lock (also done by the destructor).
    void release() noexcept;

private:
    WriterLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    int fd_ = -1;
    std::string path_;
};

}  // namespace liaison::store
