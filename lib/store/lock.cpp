#include "liaison/store/lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <utility>

#include <fmt/format.h>

#include "liaison/io/files.hpp"
#include "liaison/store/error.hpp"

namespace liaison::store {

namespace {

// What the holder wrote: "PID\n", or "PID fold\n" for a compaction writing its file.
struct Holder {
    long pid = 0;
    bool folding = false;
};

Holder read_holder(int fd) {
    char buf[32] = {};
    ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return {};
    char* end = nullptr;
    Holder h;
    h.pid = std::strtol(buf, &end, 10);
    h.folding = std::strncmp(end, " fold", 5) == 0;
    return h;
}

// How long a writer waits, beyond its own --wait, for a compaction that holds the lock: one
// takes it only to write its file and restate the commits made meanwhile, and the user did
// not start it (an edit did, in the background).
constexpr std::chrono::seconds kFoldGrace{60};

// The lock file is removed on release, so a lock taken on a file that has since been unlinked
// (or replaced) guards nothing: the caller must retry on the current file.
bool still_linked(int fd, const std::string& path) {
    struct stat a {
    }, b{};
    return ::fstat(fd, &a) == 0 && ::stat(path.c_str(), &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

}  // namespace

WriterLock WriterLock::acquire(const std::string& lock_path, const std::string& db_name,
                               double wait_seconds, const std::string& mode_of, bool folding) {
    using Clock = std::chrono::steady_clock;
    auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(wait_seconds));
    bool graced = false;
    for (;;) {
        int fd = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
        // Another user's lock file we may not write is still one we can wait on and name.
        if (fd < 0 && errno == EACCES)
            fd = ::open(lock_path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd < 0)
            throw SystemError(fmt::format("{}: cannot create the lock file {}: {}", db_name,
                                          lock_path, std::strerror(errno)));
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            if (!still_linked(fd, lock_path)) {
                ::close(fd);
                continue;
            }
            if (!mode_of.empty()) copy_file_mode(fd, mode_of);
            std::string pid = fmt::format("{}{}\n", ::getpid(), folding ? " fold" : "");
            if (::ftruncate(fd, 0) != 0 ||
                ::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size())) {
                // Only the message of a later, competing writer suffers; the lock itself holds.
            }
            return WriterLock(fd, lock_path);
        }
        int err = errno;
        Holder found = err == EWOULDBLOCK ? read_holder(fd) : Holder{};
        long holder = found.pid;
        ::close(fd);
        if (found.folding && !graced) {
            graced = true;
            deadline = std::max(deadline, Clock::now() + kFoldGrace);
        }
        if (err != EWOULDBLOCK && err != EINTR)
            throw SystemError(
                fmt::format("{}: cannot lock {}: {}", db_name, lock_path, std::strerror(err)));
        // A holder writes its pid right after taking the lock: give it a moment, so that the
        // message names the process rather than "another process".
        auto now = Clock::now();
        bool pid_pending = err == EWOULDBLOCK && holder <= 0;
        if (now >= deadline && !(pid_pending && now < deadline + std::chrono::milliseconds(200))) {
            std::string who = holder > 0 ? fmt::format("process {}", holder) : "another process";
            if (found.folding) who += " (folding its journal)";
            std::string waited =
                wait_seconds > 0 ? fmt::format(" (waited {:g} s)", wait_seconds) : "";
            throw LockError(fmt::format("{}: database is locked by {}{}", db_name, who, waited),
                            holder);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

WriterLock::WriterLock(WriterLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
    if (this != &other) {
        release();
        fd_ = std::exchange(other.fd_, -1);
        path_ = std::move(other.path_);
    }
    return *this;
}

WriterLock::~WriterLock() { release(); }

void WriterLock::release() noexcept {
    if (fd_ < 0) return;
    // Unlink while still holding the lock: a waiter that then gets the old file sees it is no
    // longer linked and retries on a fresh one.
    ::unlink(path_.c_str());
    ::close(fd_);
    fd_ = -1;
}

}  // namespace liaison::store
