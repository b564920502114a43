#pragma once
/// @file
/// Community detection and modularity on a Csr. The detectors work on the underlying undirected
/// graph (a directed Csr is symmetrized, u→v and v→u adding up), as igraph's do; weights must be
/// >= 0. Randomized detectors take a seed and give the same partition for the same seed on every
/// platform (see internal/random.hpp).
#include <cstdint>
#include <span>
#include <vector>

#include "liaison/analysis/csr.hpp"

namespace liaison::analysis {

struct Partition {
    // Community of each vertex, numbered 0..count-1 by size (largest first), then by smallest
    // vertex, so equal partitions have equal numbers.
    std::vector<std::uint32_t> membership;
    std::uint32_t count = 0;
    double modularity = 0;  // of the undirected graph, at the resolution used
    int iterations = 0;     // levels (Louvain), iterations (Leiden), sweeps (label propagation)
    bool converged = true;
};

// Renumbers any labelling canonically (see Partition::membership); modularity left at 0.
Partition canonical_partition(std::span<const std::uint32_t> labels);

struct ModularityOptions {
    double resolution = 1.0;  // gamma >= 0
    bool weighted = true;
};
/// Modularity (Newman 2004; resolution as Reichardt and Bornholdt 2006), as NetworkX:
/// undirected Q = sum_c [ L_c / m - gamma (K_c / 2m)^2 ], with L_c the weight inside c (a self-loop
/// once) and K_c the sum of degrees (a self-loop twice); directed (Leicht and Newman 2008)
/// Q = sum_c [ L_c / m - gamma K_c^out K_c^in / m^2 ]. A graph without edge weight gives 0.
/// Throws ArgumentError when membership does not have one entry per vertex. O(n + m).
double modularity(const Csr& g, std::span<const std::uint32_t> membership,
                  const ModularityOptions& options = {});

struct LouvainOptions {
    double resolution = 1.0;
    std::uint64_t seed = 0;
    bool weighted = true;
    double threshold = 1e-7;  // stop when a level gains less modularity than this
    int max_levels = 100;
};
/// Louvain (Blondel, Guillaume, Lambiotte and Lefebvre 2008): repeatedly move single vertices to
/// the neighbouring community with the best modularity gain (in a seeded random order) until no
/// move helps, then aggregate communities into vertices, until a level gains < threshold.
/// O(m) per sweep; typically a few levels.
Partition louvain(const Csr& g, const LouvainOptions& options = {});

struct LeidenOptions {
    double resolution = 1.0;
    std::uint64_t seed = 0;
    bool weighted = true;
    double randomness = 0.01;  // theta of the refinement's random merges (> 0)
    int iterations = 0;        // 0: one, as igraph's n_iterations = -1; n: up to n (stops early
                               // once an iteration moves no vertex)
};
/// Leiden (Traag, Waltman and van Eck 2019) for modularity: fast local moving with a queue,
/// refinement of each community into well-connected sub-communities (randomized merges with
/// probability ~ exp(gain / theta)), aggregation of the refined partition with the unrefined one
/// as the starting point. Communities are guaranteed connected. O(m) per pass.
Partition leiden(const Csr& g, const LeidenOptions& options = {});

struct LabelPropagationOptions {
    std::uint64_t seed = 0;
    bool weighted = true;
    int max_iterations = 1000;  // sweeps
};
/// Asynchronous label propagation (Raghavan, Albert and Kumara 2007), as NetworkX
/// asyn_lpa_communities: in a seeded random order each vertex takes the label of largest total
/// weight among its neighbours (self-loops ignored), keeping its own when that is among the
/// largest and choosing at random otherwise; stops when no vertex changes. O(m) per sweep.
Partition label_propagation(const Csr& g, const LabelPropagationOptions& options = {});

}  // namespace liaison::analysis
