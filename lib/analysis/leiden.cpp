// Leiden community detection for modularity (community.hpp), after Traag, Waltman and van Eck,
// "From Louvain to Leiden: guaranteeing well-connected communities", Sci. Rep. 9, 5233 (2019).
// Gains are in edge-weight units: gain(v → C) = w(v, C) - gamma K_C k_v / 2m.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "analysis/community.hpp"
#include "analysis/internal/community_common.hpp"
#include "analysis/internal/level_graph.hpp"
#include "analysis/internal/random.hpp"
#include "core/error.hpp"

namespace liaison::analysis {

namespace {

using detail::LevelGraph;

// A partition of a level graph's vertices; community ids are < n, spare ids kept for moves to an
// empty community.
struct State {
    std::vector<std::uint32_t> community;
    std::vector<double> tot;           // degree sum per community
    std::vector<std::uint32_t> size;   // vertices per community
    std::vector<std::uint32_t> spare;  // empty community ids

    State(const LevelGraph& g, std::vector<std::uint32_t> labels)
        : community(std::move(labels)), tot(g.size(), 0.0), size(g.size(), 0) {
        for (std::uint32_t v = 0; v < g.size(); ++v) {
            tot[community[v]] += g.degree[v];
            ++size[community[v]];
        }
        for (std::uint32_t c = g.size(); c-- > 0;) {
            if (size[c] == 0) spare.push_back(c);
        }
    }
    std::uint32_t count() const { return static_cast<std::uint32_t>(size.size() - spare.size()); }
};

// Gathers w(v, community) for v's neighbours (filtered by `keep`) into weight_to / touched.
struct Neighbourhood {
    std::vector<double> weight_to;
    std::vector<char> seen;
    std::vector<std::uint32_t> touched;
    explicit Neighbourhood(std::uint32_t n) : weight_to(n, 0.0), seen(n, 0) {}
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

// Fast local moving: a queue of vertices; when one moves, its neighbours outside its new
// community are queued again. Returns whether anything moved.
bool move_nodes_fast(const LevelGraph& g, double gamma, detail::Rng& rng, State& p) {
    const std::uint32_t n = g.size();
    const double scale = gamma / g.total;
    std::vector<std::uint32_t> queue(n);
    std::iota(queue.begin(), queue.end(), 0u);
    detail::shuffle(queue, rng);
    std::vector<char> queued(n, 1);
    Neighbourhood nb(n);
    bool changed = false;
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const std::uint32_t v = queue[head];
        queued[v] = 0;
        const std::uint32_t own = p.community[v];
        const double kv = g.degree[v];
        nb.gather(
            g, v, [&](std::uint32_t u) { return p.community[u]; },
            [](std::uint32_t) { return true; });
        p.tot[own] -= kv;
        --p.size[own];
        detail::BestMove move(own, nb.weight_to[own] - scale * p.tot[own] * kv);
        for (std::uint32_t c : nb.touched) move.offer(c, nb.weight_to[c] - scale * p.tot[c] * kv);
        std::uint32_t best = move.community();
        const double best_gain = move.gain();
        if (p.size[own] > 0 && better(0.0, best_gain) && !p.spare.empty()) {
            best = p.spare.back();  // alone is better than anywhere
            p.spare.pop_back();
        }
        p.tot[best] += kv;
        ++p.size[best];
        p.community[v] = best;
        if (p.size[own] == 0 && own != best) p.spare.push_back(own);
        nb.clear();
        if (best == own) continue;
        changed = true;
        for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
            const std::uint32_t u = g.targets[e];
            if (!queued[u] && p.community[u] != best) {
                queued[u] = 1;
                queue.push_back(u);
            }
        }
    }
    return changed;
}

// Splits each community of p into well-connected sub-communities: starting from singletons, a
// well-connected singleton joins a well-connected sub-community of its community, chosen at
// random with probability ~ exp(gain / theta) among those with gain >= 0 (its own included).
std::vector<std::uint32_t> refine(const LevelGraph& g, double gamma, double theta, detail::Rng& rng,
                                  const State& p) {
    const std::uint32_t n = g.size();
    const double scale = gamma / g.total;
    std::vector<std::uint32_t> refined(n);
    std::iota(refined.begin(), refined.end(), 0u);
    std::vector<double> rtot(g.degree);
    std::vector<std::uint32_t> rsize(n, 1);
    std::vector<double> ext(n, 0.0);   // weight from v to the rest of its community
    std::vector<double> rext(n, 0.0);  // weight from a sub-community to the rest of its community
    // Members of each community.
    std::vector<std::uint32_t> start(static_cast<std::size_t>(n) + 1, 0);
    for (std::uint32_t c : p.community) ++start[c + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    std::vector<std::uint32_t> members(n);
    {
        std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
        for (std::uint32_t v = 0; v < n; ++v) members[fill[p.community[v]]++] = v;
    }
    Neighbourhood nb(n);
    std::vector<std::uint32_t> candidates;
    std::vector<double> chance;
    for (std::uint32_t c = 0; c < n; ++c) {
        if (start[c + 1] - start[c] < 2) continue;
        std::vector<std::uint32_t> s(members.begin() + start[c], members.begin() + start[c + 1]);
        double total = 0;
        for (std::uint32_t v : s) {
            total += g.degree[v];
            for (std::uint32_t e = g.offsets[v]; e < g.offsets[v + 1]; ++e) {
                if (p.community[g.targets[e]] == c) ext[v] += g.weights[e];
            }
            rext[v] = ext[v];
        }
        detail::shuffle(s, rng);
        for (std::uint32_t v : s) {
            const double kv = g.degree[v];
            if (rsize[refined[v]] != 1) continue;              // already joined by others
            if (ext[v] < scale * kv * (total - kv)) continue;  // not well connected
            const std::uint32_t own = refined[v];
            nb.gather(
                g, v, [&](std::uint32_t u) { return refined[u]; },
                [&](std::uint32_t u) { return p.community[u] == c; });
            candidates.assign(1, own);
            chance.assign(1, 0.0);
            double top = 0;
            for (std::uint32_t r : nb.touched) {
                if (r == own) continue;
                if (rext[r] < scale * rtot[r] * (total - rtot[r])) continue;
                const double gain = nb.weight_to[r] - scale * kv * rtot[r];
                if (gain < 0) continue;
                candidates.push_back(r);
                chance.push_back(gain);
                top = std::max(top, gain);
            }
            double sum = 0;
            for (double& x : chance) sum += x = std::exp((x - top) / theta);
            double draw = detail::uniform_real(rng) * sum;
            std::size_t pick = 0;
            while (pick + 1 < candidates.size() && draw >= chance[pick]) draw -= chance[pick++];
            const std::uint32_t target = candidates[pick];
            if (target != own) {
                refined[v] = target;
                rtot[target] += kv;
                ++rsize[target];
                rsize[own] = 0;
                rext[target] += ext[v] - 2 * nb.weight_to[target];
            }
            nb.clear();
        }
    }
    return refined;
}

// One Leiden run from `labels` (a partition of the original vertices) to a better one.
std::vector<std::uint32_t> leiden_pass(const LevelGraph& base, std::vector<std::uint32_t> labels,
                                       const LeidenOptions& options, detail::Rng& rng) {
    LevelGraph level = base;
    std::vector<std::uint32_t> node_of(base.size());
    std::iota(node_of.begin(), node_of.end(), 0u);
    detail::compact_labels(labels);
    State p(level, labels);
    while (true) {
        move_nodes_fast(level, options.resolution, rng, p);
        if (p.count() == level.size()) break;
        std::vector<std::uint32_t> grouping =
            refine(level, options.resolution, options.randomness, rng, p);
        std::uint32_t count = detail::compact_labels(grouping);
        std::vector<std::uint32_t> next(count);
        if (count < level.size()) {
            for (std::uint32_t v = 0; v < level.size(); ++v) next[grouping[v]] = p.community[v];
        } else {
            // Nothing merged in refinement: aggregate the unrefined communities instead.
            grouping = p.community;
            count = detail::compact_labels(grouping);
            next.resize(count);
            std::iota(next.begin(), next.end(), 0u);
        }
        level = detail::aggregate(level, grouping, count);
        for (std::uint32_t& x : node_of) x = grouping[x];
        detail::compact_labels(next);
        p = State(level, std::move(next));
    }
    for (std::uint32_t v = 0; v < base.size(); ++v) labels[v] = p.community[node_of[v]];
    return labels;
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
    Partition current = canonical_partition(labels);
    const int limit = options.iterations == 0 ? 20 : options.iterations;
    int done = 0;
    bool stable = false;
    double quality = detail::level_modularity(base, current.membership, options.resolution);
    while (done < limit && !stable) {
        if (base.total == 0) break;
        labels = leiden_pass(base, current.membership, options, rng);
        Partition next = canonical_partition(labels);
        ++done;
        // As igraph's n_iterations = -1: stop once an iteration no longer improves the quality
        // (by more than Louvain's threshold; on graphs without structure each iteration still
        // gains a little, so there is also a cap).
        const double next_quality =
            detail::level_modularity(base, next.membership, options.resolution);
        stable = next_quality <= quality + 1e-7;
        if (next_quality >= quality) {
            current = std::move(next);
            quality = next_quality;
        }
    }
    Partition p =
        detail::finish_partition(undirected, current.membership, options.resolution, weighted);
    p.iterations = done;
    p.converged = options.iterations != 0 || stable || base.total == 0;
    return p;
}

}  // namespace liaison::analysis
