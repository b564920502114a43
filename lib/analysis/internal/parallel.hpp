#pragma once
// When the kernels open OpenMP parallel regions: below a few thousand CSR entries a region costs
// more than the work it shares, so small graphs always run on the calling thread.
#include <cstddef>

#ifdef _OPENMP
#include <omp.h>
#endif

namespace liaison::analysis::detail {

inline constexpr std::size_t kParallelEntries = 10000;

// Threads a parallel region of this size would use (1 without OpenMP or for small work).
inline int threads_for(std::size_t entries) {
#ifdef _OPENMP
    return entries > kParallelEntries ? omp_get_max_threads() : 1;
#else
    (void)entries;
    return 1;
#endif
}

inline int thread_id() {
#ifdef _OPENMP
    return omp_get_thread_num();
#else
    return 0;
#endif
}

}  // namespace liaison::analysis::detail
