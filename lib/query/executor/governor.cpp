#include "query/executor/governor.hpp"

#include <cstdio>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include "query/executor/context.hpp"

namespace liaison::query {

std::uint64_t resident_memory() {
    // The kernel's count covers every structure of the query (rows, sets, sort buffers, path
    // state, compiled patterns) without each one keeping books. One descriptor for the process.
    static const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    char buf[128];
    ssize_t n = ::pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return 0;
    buf[n] = '\0';
    unsigned long long size = 0, resident = 0;
    if (std::sscanf(buf, "%llu %llu", &size, &resident) != 2) return 0;
    static const auto page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
    return static_cast<std::uint64_t>(resident) * page;
}

void Governor::start(const QueryLimits& limits) {
    limits_ = limits;
    active_ = limits.timeout_seconds > 0 || limits.max_memory > 0;
    wall_start_ = std::chrono::system_clock::now();
    if (limits.timeout_seconds > 0)
        deadline_ = std::chrono::steady_clock::now() +
                    std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                        std::chrono::duration<double>(limits.timeout_seconds));
    baseline_ = limits.max_memory > 0 ? resident_memory() : 0;
    used_ = 0;
    credit_ = kCheckEvery;
    next_memory_read_ = {};
}

void Governor::over_memory() const {
    runtime_error(
        "ResourceError", "MemoryLimitExceeded",
        fmt::format("query exceeded its memory budget of {} MiB", limits_.max_memory >> 20));
}

void Governor::check() {
    credit_ = kCheckEvery;
    if (!active_) return;
    auto now = std::chrono::steady_clock::now();
    if (limits_.timeout_seconds > 0 && now > deadline_)
        runtime_error(
            "ResourceError", "TimeLimitExceeded",
            fmt::format("query exceeded its time limit of {} s", limits_.timeout_seconds));
    // Reading the memory costs a system call: a few hundred times a second is enough, as growth
    // in one step is checked by reserve().
    if (limits_.max_memory > 0 && now >= next_memory_read_) {
        next_memory_read_ = now + std::chrono::milliseconds(5);
        read_memory();
    }
}

void Governor::read_memory() {
    std::uint64_t now = resident_memory();
    used_ = now > baseline_ ? now - baseline_ : 0;
    if (used_ > limits_.max_memory) over_memory();
}

void Governor::reserve(std::size_t bytes) {
    if (!active_ || limits_.max_memory == 0) return;
    // Small allocations wait for the next periodic check.
    if (bytes < (std::size_t{1} << 16)) return;
    read_memory();
    if (used_ + bytes > limits_.max_memory) over_memory();
}

}  // namespace liaison::query
