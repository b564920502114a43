// Leiden community detection for modularity (community.hpp), after Traag, Waltman and van Eck,
// "From Louvain to Leiden: guaranteeing well-connected communities", Sci. Rep. 9, 5233 (2019),
// step for step as igraph's igraph_community_leiden. Gains are in edge-weight units:
// gain(v → C) = w(v, C) - gamma K_C k_v / 2m.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "analysis/internal/community_common.hpp"
#include "analysis/internal/level_graph.hpp"
#include "analysis/internal/random.hpp"
#include "liaison/analysis/community.hpp"
#include "liaison/core/error.hpp"

namespace liaison::analysis {

namespace {

using detail::LevelGraph;

// Buffers sized to the input graph and reused at every level and iteration (a level never has
// more vertices or communities than the input): weight_to and seen are left zeroed after each
// vertex, the rest is refilled by the phase that uses it.
struct Scratch {
    // w(v, C) for the communities around one vertex.
    std::vector<double> weight_to;
    std::vector<char> seen;
    std::vector<std::uint32_t> touched;
    // Local moving.
    std::vector<double> tot;           // degree sum per community
    std::vector<std::uint32_t> size;   // vertices per community
    std::vector<std::uint32_t> spare;  // empty community ids
    std::vector<std::uint32_t> queue;  // ring buffer of unstable vertices
    std::vector<char> queued;
    // Refinement.
    std::vector<std::uint32_t> start;  // members of community c: members[start[c]..start[c+1])
    std::vector<std::uint32_t> members;
    std::vector<double> ext;           // weight from a vertex to the rest of its community
    std::vector<double> rext;          // same for a sub-community
    std::vector<double> rtot;          // degree sum per sub-community
    std::vector<std::uint32_t> rsize;  // vertices per sub-community
    std::vector<std::uint32_t> candidates;
    std::vector<double> chance;

    explicit Scratch(std::uint32_t n)
        : weight_to(n, 0.0),
          seen(n, 0),
          tot(n),
          size(n),
          queue(n),
          queued(n),
          start(n + 1),
          members(n),
          ext(n),
          rext(n),
          rtot(n),
          rsize(n) {}

    // Gathers w(v, label(u)) over v's neighbours u with keep(u).
    template <typename Label, typename Keep>
    void gather(const LevelGraph& g, std::uint32_t v, Label label, Keep keep) {
        for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
            const std::uint32_t u = g.targets[e];
            if (!keep(u)) continue;
            const std::uint32_t c = label(u);
            if (!seen[c]) {
                seen[c] = 1;
                touched.push_back(c);
            }
            weight_to[c] += g.weights[e];
        }
    }
    void clear() {
        for (std::uint32_t c : touched) {
            weight_to[c] = 0;
            seen[c] = 0;
        }
        touched.clear();
    }
};

bool better(double gain, double best) { return gain > best + 1e-12 * (1 + std::abs(best)); }

// Fisher–Yates over items[first, last), drawn as detail::shuffle.
void shuffle_range(std::vector<std::uint32_t>& items, std::size_t first, std::size_t last,
                   detail::Rng& rng) {
    for (std::size_t i = last - first; i > 1; --i)
        std::swap(items[first + i - 1], items[first + detail::uniform_below(rng, i)]);
}

// Fast local moving: all vertices queued in random order; when one moves, its neighbours outside
// its new community are queued again. Returns whether any vertex moved.
bool move_nodes_fast(const LevelGraph& g, double scale, detail::Rng& rng,
                     std::vector<std::uint32_t>& community, Scratch& s) {
    const std::uint32_t n = g.size();
    std::fill_n(s.tot.begin(), n, 0.0);
    std::fill_n(s.size.begin(), n, 0u);
    for (std::uint32_t v = 0; v < n; ++v) {
        s.tot[community[v]] += g.degree[v];
        ++s.size[community[v]];
    }
    s.spare.clear();
    for (std::uint32_t c = n; c-- > 0;) {
        if (s.size[c] == 0) s.spare.push_back(c);
    }
    std::iota(s.queue.begin(), s.queue.begin() + n, 0u);
    shuffle_range(s.queue, 0, n, rng);
    std::fill_n(s.queued.begin(), n, 1);
    bool changed = false;
    // Each vertex is in the queue at most once, so a ring of n slots holds it.
    for (std::size_t head = 0, waiting = n; waiting > 0; --waiting, head = (head + 1) % n) {
        const std::uint32_t v = s.queue[head];
        s.queued[v] = 0;
        const std::uint32_t own = community[v];
        const double kv = g.degree[v];
        s.gather(
            g, v, [&](std::uint32_t u) { return community[u]; },
            [](std::uint32_t) { return true; });
        s.tot[own] -= kv;
        --s.size[own];
        detail::BestMove move(own, s.weight_to[own] - scale * s.tot[own] * kv);
        for (std::uint32_t c : s.touched) move.offer(c, s.weight_to[c] - scale * s.tot[c] * kv);
        s.clear();
        std::uint32_t best = move.community();
        if (s.size[own] > 0 && better(0.0, move.gain()) && !s.spare.empty()) {
            best = s.spare.back();  // alone is better than anywhere
            s.spare.pop_back();
        }
        s.tot[best] += kv;
        ++s.size[best];
        if (best == own) continue;
        if (s.size[own] == 0) s.spare.push_back(own);
        community[v] = best;
        changed = true;
        for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
            const std::uint32_t u = g.targets[e];
            if (!s.queued[u] && community[u] != best) {
                s.queued[u] = 1;
                s.queue[(head + waiting) % n] = u;
                ++waiting;
            }
        }
    }
    return changed;
}

// Splits each of the `count` communities into well-connected sub-communities (`refined`, a
// vertex id per sub-community): from singletons, in random order, a well-connected singleton
// joins a well-connected sub-community of its community, drawn with probability
// ~ exp(gain / theta) among those with gain >= 0 (staying alone included).
void refine(const LevelGraph& g, double scale, double theta, detail::Rng& rng,
            const std::vector<std::uint32_t>& community, std::uint32_t count,
            std::vector<std::uint32_t>& refined, Scratch& s) {
    const std::uint32_t n = g.size();
    std::fill_n(s.start.begin(), count + 1, 0u);
    for (std::uint32_t v = 0; v < n; ++v) ++s.start[community[v] + 1];
    std::partial_sum(s.start.begin(), s.start.begin() + count + 1, s.start.begin());
    for (std::uint32_t v = 0; v < n; ++v) s.members[s.start[community[v]]++] = v;
    std::copy_backward(s.start.begin(), s.start.begin() + count, s.start.begin() + count + 1);
    s.start[0] = 0;
    refined.resize(n);
    for (std::uint32_t v = 0; v < n; ++v) {
        refined[v] = v;
        s.rtot[v] = g.degree[v];
        s.rsize[v] = 1;
        double inside = 0;
        for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
            if (community[g.targets[e]] == community[v]) inside += g.weights[e];
        }
        s.ext[v] = s.rext[v] = inside;
    }
    for (std::uint32_t c = 0; c < count; ++c) {
        if (s.start[c + 1] - s.start[c] < 2) continue;
        double total = 0;
        for (std::uint32_t i = s.start[c]; i < s.start[c + 1]; ++i) total += g.degree[s.members[i]];
        shuffle_range(s.members, s.start[c], s.start[c + 1], rng);
        for (std::uint32_t i = s.start[c]; i < s.start[c + 1]; ++i) {
            const std::uint32_t v = s.members[i];
            const double kv = g.degree[v];
            if (s.rsize[refined[v]] != 1) continue;              // already joined by others
            if (s.ext[v] < scale * kv * (total - kv)) continue;  // not well connected
            const std::uint32_t own = refined[v];
            s.gather(
                g, v, [&](std::uint32_t u) { return refined[u]; },
                [&](std::uint32_t u) { return community[u] == c; });
            s.candidates.assign(1, own);
            s.chance.assign(1, 0.0);
            double top = 0;
            for (std::uint32_t r : s.touched) {
                if (s.rext[r] < scale * s.rtot[r] * (total - s.rtot[r])) continue;
                const double gain = s.weight_to[r] - scale * kv * s.rtot[r];
                if (gain < 0) continue;
                s.candidates.push_back(r);
                s.chance.push_back(gain);
                top = std::max(top, gain);
            }
            double sum = 0;
            for (double& x : s.chance) sum += x = std::exp((x - top) / theta);
            double draw = detail::uniform_real(rng) * sum;
            std::size_t pick = 0;
            while (pick + 1 < s.candidates.size() && draw >= s.chance[pick])
                draw -= s.chance[pick++];
            const std::uint32_t target = s.candidates[pick];
            if (target != own) {
                refined[v] = target;
                s.rtot[target] += kv;
                ++s.rsize[target];
                s.rsize[own] = 0;
                s.rext[target] += s.ext[v] - 2 * s.weight_to[target];
            }
            s.clear();
        }
    }
}

// One Leiden iteration from `labels` (a partition of the base vertices, updated in place): local
// moving, refinement and aggregation of the refined partition, with the unrefined one as the
// aggregate's starting partition, until local moving leaves every vertex alone in its community.
// Returns whether any vertex moved.
bool leiden_iteration(const LevelGraph& base, std::vector<std::uint32_t>& labels, double gamma,
                      double theta, detail::Rng& rng, Scratch& s) {
    const double scale = gamma / base.total;
    std::vector<std::uint32_t> node_of(base.size());  // base vertex → vertex of the level
    std::iota(node_of.begin(), node_of.end(), 0u);
    std::vector<std::uint32_t> community = labels, refined, next;
    detail::compact_labels(community);
    LevelGraph aggregate;
    const LevelGraph* level = &base;
    bool changed = false;
    while (true) {
        changed |= move_nodes_fast(*level, scale, rng, community, s);
        const std::uint32_t count = detail::compact_labels(community);
        if (count == level->size()) break;
        refine(*level, scale, theta, rng, community, count, refined, s);
        std::uint32_t parts = detail::compact_labels(refined);
        if (parts == level->size()) {
            refined = community;  // nothing merged: aggregate the unrefined communities instead
            parts = count;
        }
        next.resize(parts);
        for (std::uint32_t v = 0; v < level->size(); ++v) next[refined[v]] = community[v];
        for (std::uint32_t& x : node_of) x = refined[x];
        aggregate = detail::aggregate(*level, refined, parts);
        level = &aggregate;
        community.swap(next);
    }
    for (std::uint32_t v = 0; v < base.size(); ++v) labels[v] = community[node_of[v]];
    return changed;
}

}  // namespace

Partition leiden(const Csr& g, const LeidenOptions& options) {
    if (!(options.randomness > 0) || !std::isfinite(options.randomness))
        throw ArgumentError("analysis: leiden randomness must be > 0");
    if (options.iterations < 0) throw ArgumentError("analysis: leiden iterations must be >= 0");
    Csr undirected = detail::community_input(g, "leiden", options.resolution, options.weighted);
    const bool weighted = options.weighted && g.weighted();
    const LevelGraph base = detail::level_graph(undirected, weighted);
    detail::Rng rng(options.seed);
    std::vector<std::uint32_t> labels(g.node_count());
    std::iota(labels.begin(), labels.end(), 0u);
    Scratch scratch(g.node_count());
    // By default one iteration, as igraph 0.10's n_iterations = -1 (its loop runs "while not
    // changed", so it stops after the first iteration, which always changes something). Further
    // iterations start from the previous partition; they gain a little modularity (LFR: 1e-4 each)
    // but merge planted communities, and a fixed point can take more than 20 of them.
    const int limit = options.iterations == 0 ? 1 : options.iterations;
    int done = 0;
    bool changed = true;
    while (done < limit && changed && base.total > 0) {
        changed =
            leiden_iteration(base, labels, options.resolution, options.randomness, rng, scratch);
        ++done;
    }
    Partition p = detail::finish_partition(undirected, labels, options.resolution, weighted);
    p.iterations = done;
    p.converged = true;  // the iterations asked for were done (or a fixed point reached first)
    return p;
}

}  // namespace liaison::analysis
