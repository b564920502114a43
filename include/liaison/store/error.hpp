#pragma once
// Errors of the store: a journal or snapshot that cannot be trusted, and a held writer lock.
#include "liaison/core/error.hpp"

namespace liaison {

// The database's files are inconsistent in a way the store will not guess about (a damaged
// journal record followed by good ones, a journal written for another version of the snapshot).
// Messages start with the file's path.
class StoreError : public Error {
public:
    using Error::Error;
};

// Another process holds the writer lock: "FILE: database is locked by process N".
class LockError : public Error {
public:
    LockError(const std::string& message, long holder_pid)
        : Error(message), holder_pid_(holder_pid) {}
    // The process holding the lock, or 0 when it could not be read.
    long holder_pid() const { return holder_pid_; }

private:
    long holder_pid_;
};

}  // namespace liaison
