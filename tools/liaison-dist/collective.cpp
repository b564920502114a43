// Errors decided by all ranks (collective.hpp).
#include "collective.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace liaison::dist {

void agree(MPI_Comm comm, const std::optional<Problem>& problem) {
    // "No problem" is the largest order; a real one is kept below it.
    const std::int64_t none = std::numeric_limits<std::int64_t>::max();
    const std::int64_t mine = problem ? std::min(problem->order, none - 1) : none;
    std::int64_t first = none;
    MPI_Allreduce(&mine, &first, 1, MPI_INT64_T, MPI_MIN, comm);
    if (first == none) return;
    int rank = 0;
    MPI_Comm_rank(comm, &rank);
    const int candidate = mine == first ? rank : std::numeric_limits<int>::max();
    int speaker = 0;
    MPI_Allreduce(&candidate, &speaker, 1, MPI_INT, MPI_MIN, comm);
    if (speaker == rank) std::fprintf(stderr, "liaison-dist: %s\n", problem->message.c_str());
    throw Reported();
}

}  // namespace liaison::dist
