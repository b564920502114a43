#pragma once
// Seeded randomness that gives the same sequence on every platform: std::mt19937_64 is fully
// specified, but the standard distributions and std::shuffle are not, so we draw by hand.
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace liaison::analysis::detail {

using Rng = std::mt19937_64;

// A uniform integer in [0, bound), bound > 0: modulo with rejection of the biased low range.
inline std::uint64_t uniform_below(Rng& rng, std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound;  // 2^64 mod bound
    while (true) {
        const std::uint64_t r = rng();
        if (r >= threshold) return r % bound;
    }
}

// A uniform real in [0, 1).
inline double uniform_real(Rng& rng) { return static_cast<double>(rng() >> 11) * 0x1.0p-53; }

template <typename T>
void shuffle(std::vector<T>& items, Rng& rng) {
    for (std::size_t i = items.size(); i > 1; --i)
        std::swap(items[i - 1], items[uniform_below(rng, i)]);
}

}  // namespace liaison::analysis::detail
