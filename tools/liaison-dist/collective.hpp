#pragma once
// Errors decided by all ranks: a rank that finds bad input must not leave the others waiting in
// a collective call, so every check ends in agree(), which every rank calls.
#include <mpi.h>

#include <cstdint>
#include <exception>
#include <optional>
#include <string>

namespace liaison::dist {

// Raised on every rank once an error has been printed (by one rank): exit with status 1.
struct Reported : std::exception {
    const char* what() const noexcept override { return "error reported"; }
};

// A problem found by this rank; `order` ranks problems (a line number: the first line wins).
struct Problem {
    std::int64_t order = 0;
    std::string message;
};

// Collective: when any rank has a problem, the one with the smallest order (then the lowest
// rank) prints it on stderr and every rank throws Reported.
void agree(MPI_Comm comm, const std::optional<Problem>& problem);

}  // namespace liaison::dist
