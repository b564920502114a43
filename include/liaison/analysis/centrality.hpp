#pragma once
/// @file
/// Centrality measures on a Csr. Every function is pure: graph and options in, scores out, one
/// score per vertex. Definitions follow NetworkX 2.8 (the peer the tests compare with, see
/// docs/algorithms.md); where we differ, the comment says so.
///
/// Weights: `weighted = true` uses the Csr's weights when it has them (an unweighted Csr counts
/// every entry as 1). Shortest-path measures read weights as lengths and need them > 0; spectral
/// measures read them as strengths and need them >= 0. Both throw AnalysisError otherwise.
#include <cstdint>
#include <vector>

#include "liaison/analysis/csr.hpp"

namespace liaison::analysis {

struct Scores {
    std::vector<double> value;  // one per vertex
    int iterations = 0;         // iterative methods: rounds run
    bool converged = true;      // iterative methods: whether the tolerance was met
};

enum class DegreeMode { In, Out, Total };

struct DegreeOptions {
    DegreeMode mode = DegreeMode::Total;
    bool weighted = false;    // sum of weights ("strength") instead of a count
    bool normalized = false;  // divide by n - 1 (NetworkX degree_centrality)
};
/// Degree: entries in the row (parallel edges merged count once; their merged weight when
/// weighted). A self-loop adds 2 to an undirected vertex's degree, and 1 to in and 1 to out of a
/// directed one. Total = in + out when directed; In and Out equal Total when undirected.
/// normalized: divided by n - 1; a one-vertex graph scores 1 (as NetworkX). O(n + m).
Scores degree(const Csr& g, const DegreeOptions& options = {});

struct BetweennessOptions {
    bool weighted = true;
    bool normalized = true;
    bool endpoints = false;     // count the path's ends as passing through (NetworkX endpoints)
    std::uint32_t samples = 0;  // 0: exact (every source); k > 0: k sources drawn at random
    std::uint64_t seed = 0;     // for the sample
};
/// Betweenness: c(v) = sum over s != v != t of sigma_st(v) / sigma_st, where sigma_st counts
/// shortest s-t paths (Brandes 2001, "A faster algorithm for betweenness centrality"). Unreachable
/// pairs contribute 0, so disconnected graphs and isolated vertices (0) are fine.
/// normalized: divided by (n-1)(n-2) for directed graphs and (n-1)(n-2)/2 for undirected ones
/// (n <= 2: not scaled); not normalized: undirected sums are halved (each pair once). With
/// endpoints the divisor is n(n-1) (halved when undirected). Sampled: the sum over k sources drawn
/// without replacement, scaled by n/k (NetworkX does not scale an unnormalized directed sample).
/// O(nm) unweighted, O(nm + n^2 log n) weighted.
Scores betweenness(const Csr& g, const BetweennessOptions& options = {});

struct ClosenessOptions {
    bool weighted = true;
    bool wf_improved = true;  // scale by the reachable fraction (Wasserman and Faust)
    bool outgoing = false;    // directed: distances from v (default: distances to v, as NetworkX)
};
/// Closeness: (r - 1) / sum of d(u, v) over the r - 1 vertices u that reach v (r counts v itself),
/// times (r - 1)/(n - 1) when wf_improved; 0 when nothing reaches v. For directed graphs the
/// distances are incoming (u → v), as in NetworkX. O(nm) unweighted, O(nm log n) weighted.
Scores closeness(const Csr& g, const ClosenessOptions& options = {});

struct HarmonicOptions {
    bool weighted = true;
    bool normalized = false;  // divide by n - 1 (igraph's normalization; NetworkX does not)
    bool outgoing = false;    // directed: distances from v (default: to v, as NetworkX)
};
/// Harmonic centrality (Marchiori and Latora 2000; Boldi and Vigna 2014): sum over u != v of
/// 1 / d(u, v), unreachable pairs contributing 0. O(nm) unweighted, O(nm log n) weighted.
Scores harmonic(const Csr& g, const HarmonicOptions& options = {});

struct EigenvectorOptions {
    bool weighted = true;
    double tolerance = 1e-12;  // stop when the L1 change < n * tolerance (NetworkX's rule)
    int max_iterations = 10000;
};
/// Eigenvector centrality: the principal eigenvector of A^T, by power iteration on (A + I)^T from
/// the uniform vector, normalised to unit Euclidean length (NetworkX eigenvector_centrality; the
/// shift keeps bipartite graphs from oscillating). Directed: a vertex is central when central
/// vertices point to it. On a disconnected graph the result is the iteration's limit from the
/// uniform start. Negative weights are rejected. O(m) per iteration.
Scores eigenvector(const Csr& g, const EigenvectorOptions& options = {});

struct PageRankOptions {
    double damping = 0.85;     // in [0, 1)
    double tolerance = 1e-12;  // stop when the L1 change < n * tolerance
    int max_iterations = 10000;
    bool weighted = true;
    std::vector<double> personalization{};  // teleport distribution (normalised); empty: uniform
    std::vector<double> dangling{};         // where dangling vertices send rank; empty: as teleport
};
/// PageRank (Brin and Page 1998), as NetworkX: x = d (x P + (sum of x over dangling vertices) q)
/// + (1 - d) p, where P is the row-normalised (weighted) adjacency, p the personalization, q the
/// dangling distribution; starts uniform, sums to 1. Undirected edges count in both directions.
/// A vertex whose out-weights sum to 0 is dangling. Negative weights are rejected. O(m) per
/// iteration.
Scores page_rank(const Csr& g, const PageRankOptions& options = {});

struct KatzOptions {
    double alpha = 0.1;  // attenuation; converges when alpha < 1 / largest eigenvalue
    double beta = 1.0;
    bool weighted = true;
    bool normalized = true;  // unit Euclidean length
    double tolerance = 1e-12;
    int max_iterations = 10000;
};
/// Katz centrality (Katz 1953): x = alpha A^T x + beta, iterated from 0 until the L1 change is
/// below n * tolerance (NetworkX katz_centrality). converged = false when alpha is too large
/// for the graph (the iteration diverges). O(m) per iteration.
Scores katz(const Csr& g, const KatzOptions& options = {});

}  // namespace liaison::analysis
