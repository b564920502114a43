#pragma once
// The query governor: a time limit and a memory budget for one query. Loops that can run long
// call tick(); every 1024 units of work it reads the clock, and at most every 5 ms the
// process's resident memory, so the hot paths pay a decrement and a branch. Growth in one step (a
// string or list doubling) is checked before it is allocated with reserve().
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "liaison/query/limits.hpp"

namespace liaison::query {

class Governor {
public:
    // Starts the clock and takes the current memory as the baseline; before start() (parameter
    // parsing, tests of the evaluator) nothing is limited.
    void start(const QueryLimits& limits);
    void tick(std::size_t work = 1) {
        if (work >= credit_)
            check();
        else
            credit_ -= work;
    }
    // Before allocating `bytes` at once: fails when they would not fit in the budget.
    void reserve(std::size_t bytes);
    // Reads the clock and the memory now.
    void check();
    bool active() const { return active_; }
    const QueryLimits& limits() const { return limits_; }
    // The time the query started (date(), timestamp() read it, so a query sees one instant).
    std::chrono::system_clock::time_point started() const { return wall_start_; }

private:
    static constexpr std::size_t kCheckEvery = 1024;
    std::size_t credit_ = kCheckEvery;
    bool active_ = false;
    QueryLimits limits_;
    std::chrono::steady_clock::time_point deadline_{};
    std::chrono::system_clock::time_point wall_start_ = std::chrono::system_clock::now();
    std::uint64_t baseline_ = 0;
    std::uint64_t used_ = 0;  // at the last reading
    std::chrono::steady_clock::time_point next_memory_read_{};

    void read_memory();

    [[noreturn]] void over_memory() const;
};

// Before appending to `v`: when the append reallocates, the new buffer (twice the old) must fit
// in the budget, checked before it is allocated rather than after.
template <class T>
void before_growth(Governor& gov, const std::vector<T>& v) {
    if (v.size() == v.capacity()) gov.reserve((v.capacity() + 1) * 2 * sizeof(T));
}

// The resident memory of the process in bytes (0 when it cannot be read).
std::uint64_t resident_memory();

}  // namespace liaison::query
