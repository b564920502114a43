#include "analysis/internal/bfs.hpp"

#include <algorithm>
#include <bit>

#include "analysis/internal/parallel.hpp"

namespace liaison::analysis::detail {

void Bfs::run(const Adjacency& adj, Vertex s, bool count_paths) {
    for (Vertex v : order_) {
        depth_[v] = -1;
        sigma_[v] = 0.0;
    }
    order_.clear();
    order_.reserve(depth_.size());
    const std::uint32_t* offsets = adj.offsets.data();
    const Vertex* targets = adj.targets.data();
    std::int32_t* depth = depth_.data();
    double* sigma = sigma_.data();
    depth[s] = 0;
    order_.push_back(s);
    if (!count_paths) {
        for (std::size_t head = 0; head < order_.size(); ++head) {
            const Vertex u = order_[head];
            const std::int32_t next = depth[u] + 1;
            for (std::uint32_t e = offsets[u]; e < offsets[u + 1]; ++e) {
                const Vertex v = targets[e];
                if (depth[v] < 0) {
                    depth[v] = next;
                    order_.push_back(v);
                }
            }
        }
        return;
    }
    // Paths are counted while the search discovers vertices: when u is dequeued every
    // predecessor of u has been, so sigma(u) is final and is added to each successor in turn.
    // The successors are listed too, so the backward pass of betweenness reads DAG entries only.
    sigma[s] = 1.0;
    succ_.resize(adj.targets.size());
    succ_start_.clear();
    succ_start_.reserve(depth_.size() + 1);
    Vertex* succ = succ_.data();
    std::uint32_t listed = 0;
    for (std::size_t head = 0; head < order_.size(); ++head) {
        const Vertex u = order_[head];
        const std::int32_t next = depth[u] + 1;
        const double su = sigma[u];
        succ_start_.push_back(listed);
        for (std::uint32_t e = offsets[u]; e < offsets[u + 1]; ++e) {
            const Vertex v = targets[e];
            if (depth[v] < 0) {
                depth[v] = next;
                order_.push_back(v);
            }
            if (depth[v] == next) {
                sigma[v] += su;
                succ[listed++] = v;
            }
        }
    }
    succ_start_.push_back(listed);
}

namespace {

// Vertices sit in a bitmap as bit (v % 64) of word v / 64.
bool has(const std::vector<std::uint64_t>& bits, Vertex v) {
    return (bits[v >> 6] >> (v & 63)) & 1;
}

// One bottom-up step: every unvisited vertex looks for a parent in the frontier `front` and
// stops at the first. Each thread owns whole words of `next`, so no write is shared. Returns the
// number of vertices found.
std::int64_t bottom_up_step(const Adjacency& adj, std::vector<std::int32_t>& depth,
                            const std::vector<std::uint64_t>& front,
                            std::vector<std::uint64_t>& next, std::int32_t level, bool parallel) {
    const std::int64_t words = static_cast<std::int64_t>(next.size());
    const std::int64_t n = static_cast<std::int64_t>(depth.size());
    const std::uint32_t* offsets = adj.offsets.data();
    const Vertex* targets = adj.targets.data();
    std::int64_t awake = 0;
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 64) reduction(+ : awake) if (parallel)
#else
    (void)parallel;
#endif
    for (std::int64_t w = 0; w < words; ++w) {
        std::uint64_t found = 0;
        const std::int64_t last = std::min<std::int64_t>(n, (w + 1) * 64);
        for (std::int64_t v = w * 64; v < last; ++v) {
            if (depth[v] >= 0) continue;
            for (std::uint32_t e = offsets[v]; e < offsets[v + 1]; ++e) {
                if (has(front, targets[e])) {
                    depth[v] = level;
                    found |= std::uint64_t{1} << (v & 63);
                    break;
                }
            }
        }
        next[w] = found;
        awake += std::popcount(found);
    }
    return awake;
}

}  // namespace

std::vector<std::int32_t> bfs_depths(const Adjacency& adj, Vertex s, bool symmetric) {
    const Vertex n = adj.size();
    std::vector<std::int32_t> depth(n, -1);
    depth[s] = 0;
    // Beamer's switching rule with GAP's constants: go bottom-up when the frontier's edges exceed
    // 1/alpha of the edges not yet explored; back to top-down when the frontier shrinks below
    // n / beta vertices.
    constexpr std::int64_t kAlpha = 15, kBeta = 18;
    const bool parallel = threads_for(adj.targets.size()) > 1;
    std::vector<Vertex> frontier{s}, next;
    std::vector<std::uint64_t> front, bits;
    std::int64_t edges_to_check = static_cast<std::int64_t>(adj.targets.size());
    std::int64_t scout = adj.degree(s);
    std::int32_t level = 0;
    while (!frontier.empty()) {
        if (symmetric && scout > edges_to_check / kAlpha) {
            const std::size_t words = (static_cast<std::size_t>(n) + 63) / 64;
            front.assign(words, 0);
            bits.assign(words, 0);
            for (Vertex v : frontier) front[v >> 6] |= std::uint64_t{1} << (v & 63);
            std::int64_t awake = static_cast<std::int64_t>(frontier.size()), old = 0;
            do {
                old = awake;
                awake = bottom_up_step(adj, depth, front, bits, ++level, parallel);
                std::swap(front, bits);
            } while (awake >= old || awake > static_cast<std::int64_t>(n) / kBeta);
            frontier.clear();
            for (std::size_t w = 0; w < front.size(); ++w) {
                for (std::uint64_t b = front[w]; b != 0; b &= b - 1)
                    frontier.push_back(static_cast<Vertex>(w * 64 + std::countr_zero(b)));
            }
            scout = 1;
            continue;
        }
        edges_to_check -= scout;
        scout = 0;
        ++level;
        next.clear();
        for (Vertex u : frontier) {
            for (Vertex v : adj.neighbors(u)) {
                if (depth[v] < 0) {
                    depth[v] = level;
                    next.push_back(v);
                    scout += adj.degree(v);
                }
            }
        }
        std::swap(frontier, next);
    }
    return depth;
}

}  // namespace liaison::analysis::detail
