// The fast kernels of lib/analysis (counting-sort CSR build, direction-optimising BFS,
// Afforest components, core numbers by levels, oriented triangle counting, OpenMP PageRank,
// betweenness and closeness) against plain reference implementations, on random graphs large
// enough to take the bottom-up BFS steps and the parallel regions (more than 10,000 CSR
// entries).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <queue>
#include <utility>
#include <vector>

#ifdef _OPENMP
#include <omp.h>
#endif

#include "liaison/analysis/centrality.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/analysis/paths.hpp"
#include "liaison/analysis/structure.hpp"

using namespace liaison::analysis;

namespace {

// A skewed random graph (endpoints drawn with a squared uniform, so a few hubs), with
// duplicates, self-loops and `isolated` trailing vertices that no edge touches.
std::vector<WeightedEdge> random_edges(Vertex n, std::size_t m, std::uint64_t seed,
                                       Vertex isolated = 0) {
    std::uint64_t state = seed * 2654435761ULL + 1;
    auto next = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(state >> 11) / 9007199254740992.0;
    };
    const Vertex used = n - isolated;
    std::vector<WeightedEdge> edges;
    for (std::size_t i = 0; i < m; ++i) {
        const double a = next(), b = next();
        const auto u = static_cast<Vertex>(a * a * used);
        const auto v = static_cast<Vertex>(b * used);
        edges.push_back({u, v, 1.0 + std::floor(next() * 4)});
    }
    return edges;
}

// Each thread count the machine allows, from 1 up to 2 (the tests must hold for both).
template <typename F>
void with_threads(F f) {
#ifdef _OPENMP
    const int saved = omp_get_max_threads();
    for (int t : {1, 2}) {
        omp_set_num_threads(t);
        f(t);
    }
    omp_set_num_threads(saved);
#else
    f(1);
#endif
}

std::vector<double> reference_bfs(const Csr& g, Vertex s) {
    std::vector<double> d(g.node_count(), INFINITY);
    std::queue<Vertex> q;
    d[s] = 0;
    q.push(s);
    while (!q.empty()) {
        const Vertex u = q.front();
        q.pop();
        for (Vertex v : g.out().neighbors(u)) {
            if (std::isinf(d[v])) {
                d[v] = d[u] + 1;
                q.push(v);
            }
        }
    }
    return d;
}

// Brandes 2001 as written in the paper (unweighted, unnormalised, undirected sums halved).
std::vector<double> reference_betweenness(const Csr& g) {
    const Vertex n = g.node_count();
    std::vector<double> c(n, 0.0);
    for (Vertex s = 0; s < n; ++s) {
        std::vector<Vertex> stack;
        std::vector<std::vector<Vertex>> pred(n);
        std::vector<double> sigma(n, 0.0), delta(n, 0.0);
        std::vector<long> dist(n, -1);
        sigma[s] = 1;
        dist[s] = 0;
        std::queue<Vertex> q;
        q.push(s);
        while (!q.empty()) {
            const Vertex v = q.front();
            q.pop();
            stack.push_back(v);
            for (Vertex w : g.out().neighbors(v)) {
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    q.push(w);
                }
                if (dist[w] == dist[v] + 1) {
                    sigma[w] += sigma[v];
                    pred[w].push_back(v);
                }
            }
        }
        while (!stack.empty()) {
            const Vertex w = stack.back();
            stack.pop_back();
            for (Vertex v : pred[w]) delta[v] += sigma[v] / sigma[w] * (1 + delta[w]);
            if (w != s) c[w] += delta[w];
        }
    }
    for (double& x : c) x /= 2;
    return c;
}

double max_relative_difference(const std::vector<double>& a, const std::vector<double>& b) {
    REQUIRE(a.size() == b.size());
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::abs(a[i] - b[i]) / std::max(1.0, std::abs(b[i])));
    return worst;
}

}  // namespace

TEST_CASE("CSR build by counting sort: sorted rows, merged parallel edges, transposed in-rows") {
    const std::vector<WeightedEdge> edges = random_edges(3000, 40000, 7);
    for (bool directed : {false, true}) {
        CAPTURE(directed);
        std::map<std::pair<Vertex, Vertex>, std::pair<double, std::uint32_t>> expect;
        for (const WeightedEdge& e : edges) {
            auto add = [&](Vertex u, Vertex v) {
                auto& [w, c] = expect[{u, v}];
                w += e.weight;
                ++c;
            };
            add(e.source, e.target);
            if (!directed && e.source != e.target) add(e.target, e.source);
        }
        with_threads([&](int threads) {
            CAPTURE(threads);
            const Csr g = Csr::from_edges(3000, edges, {.directed = directed, .weighted = true});
            const Adjacency out = g.out();
            std::size_t seen = 0;
            for (Vertex u = 0; u < g.node_count(); ++u) {
                auto row = out.neighbors(u);
                CHECK(std::is_sorted(row.begin(), row.end()));
                CHECK(std::adjacent_find(row.begin(), row.end()) == row.end());
                for (std::uint32_t s = out.begin(u); s < out.end(u); ++s, ++seen) {
                    const auto& [w, c] = expect.at({u, out.targets[s]});
                    CHECK(out.weight(s) == w);  // small integers: exact in any order
                    CHECK(out.count(s) == c);
                }
            }
            CHECK(seen == expect.size());
            if (directed) {
                const Adjacency in = g.in();
                for (Vertex v = 0; v < g.node_count(); ++v) {
                    for (std::uint32_t s = in.begin(v); s < in.end(v); ++s) {
                        const std::uint32_t slot = out.find(in.targets[s], v);
                        REQUIRE(slot != UINT32_MAX);
                        CHECK(in.weight(s) == out.weight(slot));
                        CHECK(in.count(s) == out.count(slot));
                    }
                }
            }
        });
    }
}

TEST_CASE("direction-optimising BFS gives the plain BFS distances") {
    // Dense enough that the frontier's edges pass 1/15 of the rest: bottom-up steps run.
    const Csr g = Csr::from_edges(20000, random_edges(20000, 200000, 11, 50));
    const Csr directed =
        Csr::from_edges(20000, random_edges(20000, 200000, 11, 50), {.directed = true});
    with_threads([&](int threads) {
        CAPTURE(threads);
        for (Vertex s : {Vertex{0}, Vertex{17}, Vertex{12345}, Vertex{19990}}) {
            CAPTURE(s);
            CHECK(shortest_path_lengths(g, s) == reference_bfs(g, s));
            CHECK(shortest_path_lengths(directed, s) == reference_bfs(directed, s));
        }
    });
}

TEST_CASE("Afforest components equal BFS labelling") {
    // Many small components besides the giant one, and isolated vertices.
    std::vector<WeightedEdge> edges = random_edges(30000, 20000, 3, 100);
    for (bool directed : {false, true}) {
        CAPTURE(directed);
        const Csr g = Csr::from_edges(30000, edges, {.directed = directed});
        const Csr u = symmetrized(g);
        with_threads([&](int threads) {
            CAPTURE(threads);
            const Components c = weak_components(g);
            // Same partition as the BFS reachability of the underlying undirected graph.
            std::vector<std::uint32_t> expect(g.node_count(), UINT32_MAX);
            std::uint32_t groups = 0;
            for (Vertex s = 0; s < g.node_count(); ++s) {
                if (expect[s] != UINT32_MAX) continue;
                const std::vector<double> d = reference_bfs(u, s);
                for (Vertex v = 0; v < g.node_count(); ++v) {
                    if (!std::isinf(d[v])) expect[v] = groups;
                }
                ++groups;
            }
            CHECK(c.count == groups);
            std::map<std::uint32_t, std::uint32_t> to_expect;
            bool same = true;
            for (Vertex v = 0; v < g.node_count(); ++v) {
                auto [it, added] = to_expect.emplace(c.component[v], expect[v]);
                same = same && it->second == expect[v];
            }
            CHECK(same);
        });
    }
}

// Core numbers by the definition: repeatedly remove a vertex of least remaining degree; its
// core number is the largest least degree seen so far (Matula and Beck 1983).
std::vector<std::uint32_t> reference_cores(const Csr& g) {
    const Vertex n = g.node_count();
    std::vector<std::vector<Vertex>> nbrs(n);
    for (const Adjacency& side : {g.out(), g.in()}) {
        for (Vertex u = 0; u < n; ++u) {
            for (Vertex v : side.neighbors(u))
                if (v != u) nbrs[u].push_back(v);
        }
        if (!g.directed()) break;
    }
    std::vector<std::uint32_t> deg(n), core(n, 0);
    std::vector<char> gone(n, 0);
    for (Vertex v = 0; v < n; ++v) deg[v] = static_cast<std::uint32_t>(nbrs[v].size());
    std::uint32_t k = 0;
    std::priority_queue<std::pair<std::uint32_t, Vertex>,
                        std::vector<std::pair<std::uint32_t, Vertex>>, std::greater<>>
        heap;
    for (Vertex v = 0; v < n; ++v) heap.push({deg[v], v});
    while (!heap.empty()) {
        auto [d, v] = heap.top();
        heap.pop();
        if (gone[v] || d != deg[v]) continue;
        gone[v] = 1;
        k = std::max(k, d);
        core[v] = k;
        for (Vertex u : nbrs[v]) {
            if (!gone[u]) heap.push({--deg[u], u});
        }
    }
    return core;
}

TEST_CASE("core numbers by levels equal the minimum-degree removal") {
    // Hubs, duplicates, self-loops and isolated vertices; directed graphs count in + out.
    for (std::uint64_t seed : {5u, 6u}) {
        std::vector<WeightedEdge> edges = random_edges(4000, 30000, seed, 50);
        for (bool directed : {false, true}) {
            CAPTURE(seed);
            CAPTURE(directed);
            const Csr g = Csr::from_edges(4000, edges, {.directed = directed});
            const std::vector<std::uint32_t> expect = reference_cores(g);
            CHECK(*std::max_element(expect.begin(), expect.end()) > 5);  // many levels
            CHECK(core_numbers(g) == expect);
        }
    }
}

TEST_CASE("canonical numbering of sparse 32-bit labels") {
    // Labels far above the vertex count take the hash path, not a table of the largest label.
    const Partition p = canonical_partition(
        std::vector<std::uint32_t>{4000000000u, 5, UINT32_MAX, 5, UINT32_MAX, UINT32_MAX});
    CHECK(p.count == 3);
    CHECK(p.membership == std::vector<std::uint32_t>{2, 1, 0, 1, 0, 0});
}

TEST_CASE("oriented triangle counting: complete graph and brute force") {
    std::vector<WeightedEdge> complete;
    for (Vertex u = 0; u < 40; ++u) {
        for (Vertex v = u + 1; v < 40; ++v) complete.push_back({u, v, 1.0});
    }
    complete.push_back({3, 3, 1.0});  // a self-loop closes no triangle
    const Csr k40 = Csr::from_edges(40, complete);
    CHECK(transitivity(k40) == 1.0);
    for (double c : clustering(k40)) CHECK(c == 1.0);

    const Csr g = Csr::from_edges(2000, random_edges(2000, 30000, 5, 10));
    // Brute force: for each vertex, the pairs of distinct neighbours that are adjacent.
    std::vector<double> expect(g.node_count(), 0.0);
    double closed = 0, triples = 0;
    const Adjacency a = g.out();
    for (Vertex i = 0; i < g.node_count(); ++i) {
        std::vector<Vertex> nb;
        for (Vertex j : a.neighbors(i)) {
            if (j != i) nb.push_back(j);
        }
        double t = 0;
        for (std::size_t x = 0; x < nb.size(); ++x) {
            for (std::size_t y = x + 1; y < nb.size(); ++y) t += a.find(nb[x], nb[y]) != UINT32_MAX;
        }
        const double d = static_cast<double>(nb.size());
        if (d >= 2) expect[i] = 2 * t / (d * (d - 1));
        closed += 2 * t;
        triples += d * (d - 1);
    }
    with_threads([&](int threads) {
        CAPTURE(threads);
        CHECK(clustering(g) == expect);
        CHECK(transitivity(g) == closed / triples);
    });
}

TEST_CASE("parallel PageRank, betweenness and closeness equal the sequential results") {
    const Csr g = Csr::from_edges(1500, random_edges(1500, 12000, 9, 5));
    std::vector<double> rank1, between1, close1, harmonic1;
    with_threads([&](int threads) {
        CAPTURE(threads);
        const std::vector<double> rank = page_rank(g, {.max_iterations = 50}).value;
        const std::vector<double> between = betweenness(g, {.normalized = false}).value;
        const std::vector<double> close = closeness(g).value;
        const std::vector<double> harm = harmonic(g).value;
        CHECK(max_relative_difference(between, reference_betweenness(g)) < 1e-9);
        if (threads == 1) {
            rank1 = rank;
            between1 = between;
            close1 = close;
            harmonic1 = harm;
            return;
        }
        CHECK(rank == rank1);  // pull sums in row order: bitwise equal
        CHECK(close == close1);
        CHECK(harm == harmonic1);
        CHECK(max_relative_difference(between, between1) < 1e-9);  // per-thread sums
    });
}
