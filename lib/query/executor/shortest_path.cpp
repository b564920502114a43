// shortestPath and allShortestPaths. One shortest path between two known end nodes is a
// bidirectional breadth-first search on node indexes, expanding the smaller frontier and
// reconstructing one path from predecessor edges. Other cases (several or unknown end nodes, a
// minimum length above 1, relationship properties, allShortestPaths) search breadth-first from
// each start, keeping every shortest predecessor.
#include <algorithm>
#include <functional>
#include <optional>

#include <fmt/format.h>

#include "query/executor/adjacency.hpp"
#include "query/executor/eval.hpp"
#include "query/executor/operators.hpp"

namespace liaison::query {

std::string ShortestPath::describe() const {
    std::string ends;
    if (ends_.first || ends_.last) ends = "  ends by id";
    return fmt::format(
        "{} ({}){}",
        part_.function == bound::PathFunction::AllShortest ? "AllShortestPaths" : "ShortestPath",
        part_.path_var, ends);
}

bool ShortestPath::produce(Row& row) {
    while (pos_ >= buffer_.size()) {
        buffer_.clear();
        pos_ = 0;
        Row in;
        if (!input_->next(in)) return false;
        search(in);
    }
    row = std::move(buffer_[pos_++]);
    return true;
}

namespace {

Direction pattern_direction(const bound::RelPattern& r) {
    return r.direction == bound::RelDirection::Right  ? Direction::Out
           : r.direction == bound::RelDirection::Left ? Direction::In
                                                      : Direction::Both;
}

Direction reversed(Direction d) {
    return d == Direction::Out ? Direction::In : d == Direction::In ? Direction::Out : d;
}

struct Search {
    const std::vector<std::int32_t>* dist_f;  // from the first node; -1 when not reached
    const std::vector<std::int32_t>* dist_b;  // from the last node
    const TypeSet* types;
    Direction dir;
};

// The walks from `start` whose every step (v, e, u) passes `keep`, ending at the first node
// where `done` holds, depth first; `path` holds each walk's edges (after what it held) while
// `found()` runs. An explicit stack, as a shortest path may be as long as the graph.
template <class Keep, class Done, class Found>
void walks(ExecContext& c, std::uint32_t start, Direction dir, std::vector<std::uint32_t>& path,
           Keep keep, Done done, Found found) {
    const PropertyGraph& g = c.g();
    if (done(start)) {
        found();
        return;
    }
    const std::size_t base = path.size();
    std::vector<EdgeWalk> stack(1);
    stack[0].reset(g, start, dir);
    while (!stack.empty()) {
        c.gov.tick();
        std::uint32_t e = 0, u = 0;
        if (!stack.back().next(g, e, u)) {
            stack.pop_back();
            if (path.size() > base) path.pop_back();
            continue;
        }
        if (!keep(stack.back().from, e, u)) continue;
        path.push_back(e);
        if (done(u)) {
            found();
            path.pop_back();
            continue;
        }
        stack.emplace_back().reset(g, u, dir);
    }
}

// Every shortest path from s to t, of `length`, when the forward distances are exact up to
// `levels_f` and the backward ones up to the rest: each path passes one node at position
// k = min(levels_f, length), where both distances are exact; its prefix follows decreasing
// forward distances back to s and its suffix decreasing backward distances to t, so no branch
// of the enumeration is a dead end.
void all_paths(ExecContext& c, std::uint32_t s, std::uint32_t t, std::int64_t length,
               std::int64_t levels_f, const Search& search, const std::function<void()>& emit,
               std::vector<std::uint32_t>& edges) {
    const PropertyGraph& g = c.g();
    const auto& df = *search.dist_f;
    const auto& db = *search.dist_b;
    const std::int64_t k = std::min(levels_f, length);
    auto usable = [&](std::uint32_t e) {
        return search.types->allows(g.edge_ends(e).type) &&
               (c.deleted_rels.empty() || !c.deleted_rels.count(e));
    };
    std::vector<std::vector<std::uint32_t>> prefixes;
    std::vector<std::uint32_t> stack;
    for (std::uint32_t m = 0; m < g.node_count(); ++m) {
        if (df[m] != k || db[m] != length - k) continue;
        prefixes.clear();
        stack.clear();
        walks(
            c, m, reversed(search.dir), stack,
            [&](std::uint32_t v, std::uint32_t e, std::uint32_t u) {
                return df[u] == df[v] - 1 && usable(e);
            },
            [&](std::uint32_t v) { return v == s; },
            [&] { prefixes.emplace_back(stack.rbegin(), stack.rend()); });
        for (const auto& prefix : prefixes) {
            edges = prefix;
            walks(
                c, m, search.dir, edges,
                [&](std::uint32_t v, std::uint32_t e, std::uint32_t w) {
                    return db[w] == db[v] - 1 && usable(e);
                },
                [&](std::uint32_t v) { return v == t; }, emit);
        }
    }
}

}  // namespace

// The candidates for an end node: the bound node, the node with the given id, or a scan.
std::vector<std::uint32_t> ShortestPath::end_nodes(Row& row, std::size_t which,
                                                   const bound::Expr* id) {
    ExecContext& c = ctx();
    const bound::NodePattern& n = part_.nodes[which];
    const Value& v = row[n.slot];
    if (!v.is_null()) {
        if (v.kind() != Value::Kind::Node) return {};
        return {v.as_node().index};
    }
    if (n.prebound) return {};
    if (id) {
        Value x = eval(*id, row, c);
        if (x.kind() != Value::Kind::String) return {};
        auto found = c.g().find_id(x.as_string());
        if (!found) return {};
        return {*found};
    }
    std::vector<std::uint32_t> out;
    for (std::uint32_t k = 0; k < c.g().node_count(); ++k)
        if (!c.deleted_nodes.count(k) && node_matches(c, k, n, row)) out.push_back(k);
    return out;
}

// One shortest path between the two known ends; true when this search applies (whether or not
// a path exists).
bool ShortestPath::bidirectional(Row& row) {
    const bound::NodePattern& a = part_.nodes[0];
    const bound::NodePattern& b = part_.nodes[1];
    const bound::RelPattern& r = part_.rels[0];
    std::int64_t min = r.var_length ? r.min_hops.value_or(1) : 1;
    std::int64_t max = r.var_length ? r.max_hops.value_or(INT64_MAX) : 1;
    bool a_known = !row[a.slot].is_null() || a.prebound || ends_.first;
    bool b_known = !row[b.slot].is_null() || b.prebound || ends_.last;
    if (min > 1 || r.properties || r.prebound || !row[r.slot].is_null() || !a_known || !b_known)
        return false;
    std::vector<std::uint32_t> sv = end_nodes(row, 0, ends_.first);
    std::vector<std::uint32_t> tv = end_nodes(row, 1, ends_.last);
    if (sv.size() != 1 || tv.size() != 1) return true;
    ExecContext& c = ctx();
    const PropertyGraph& g = c.g();
    const std::uint32_t s = sv[0], t = tv[0];
    Row base = row;
    base[a.slot] = NodeRef{s};
    if (c.deleted_nodes.count(s) || !node_matches(c, s, a, base)) return true;
    base[b.slot] = NodeRef{t};
    if (c.deleted_nodes.count(t) || !node_matches(c, t, b, base)) return true;

    std::vector<std::uint32_t> edges;  // the path's relationships from s to t
    auto emit = [&]() {
        Row out = base;
        ValueList rels;
        for (std::uint32_t e : edges) rels.push_back(RelRef{e});
        if (r.var_length)
            out[r.slot] = std::move(rels);
        else
            out[r.slot] = rels.empty() ? Value() : rels[0];
        if (part_.path_slot >= 0) out[part_.path_slot] = build_path(c, part_, out);
        buffer_.push_back(std::move(out));
    };
    if (s == t) {
        if (min == 0) emit();
        return true;
    }
    if (max < 1) return true;

    const TypeSet types = resolve_types(g, r.types);
    const Direction dir = pattern_direction(r);
    constexpr std::uint32_t kNone = UINT32_MAX;
    const std::size_t n = g.node_count();
    // Per side: distance from its end and the edge it was reached by.
    std::vector<std::int32_t> dist_f(n, -1), dist_b(n, -1);
    std::vector<std::uint32_t> via_f(n, kNone), via_b(n, kNone);
    dist_f[s] = 0, dist_b[t] = 0;
    std::vector<std::uint32_t> front_f{s}, front_b{t}, next;
    std::int64_t level_f = 0, level_b = 0;
    std::uint32_t meet = kNone;
    std::int64_t best = INT64_MAX;  // the shortest length, once the frontiers meet
    EdgeWalk walk;
    while (!front_f.empty() && !front_b.empty() && level_f + level_b < max) {
        const bool forward = front_f.size() <= front_b.size();
        auto& front = forward ? front_f : front_b;
        auto& dist = forward ? dist_f : dist_b;
        auto& via = forward ? via_f : via_b;
        const auto& other = forward ? dist_b : dist_f;
        const std::int32_t d = static_cast<std::int32_t>(forward ? level_f : level_b);
        next.clear();
        for (std::uint32_t u : front) {
            walk.reset(g, u, forward ? dir : reversed(dir));
            std::uint32_t e = 0, v = 0;
            while (walk.next(g, e, v)) {
                c.gov.tick();
                if (dist[v] >= 0) continue;
                if (!types.allows(g.edge_ends(e).type)) continue;
                if (!c.deleted_rels.empty() && c.deleted_rels.count(e)) continue;
                dist[v] = d + 1;
                via[v] = e;
                next.push_back(v);
                if (other[v] >= 0 && d + 1 + other[v] < best) best = d + 1 + other[v], meet = v;
            }
        }
        front.swap(next);
        ++(forward ? level_f : level_b);
        if (meet != kNone) break;
    }
    if (meet == kNone) return true;
    if (part_.function == bound::PathFunction::AllShortest) {
        all_paths(c, s, t, best, level_f, {&dist_f, &dist_b, &types, dir}, emit, edges);
        return true;
    }
    for (std::uint32_t v = meet; v != s;) {
        edges.push_back(via_f[v]);
        v = g.other_end(via_f[v], v);
    }
    std::reverse(edges.begin(), edges.end());
    for (std::uint32_t v = meet; v != t;) {
        edges.push_back(via_b[v]);
        v = g.other_end(via_b[v], v);
    }
    if (static_cast<std::int64_t>(edges.size()) <= max) emit();
    return true;
}

void ShortestPath::search(Row& row) {
    if (bidirectional(row)) return;
    ExecContext& c = ctx();
    const PropertyGraph& g = c.g();
    const bound::NodePattern& a = part_.nodes[0];
    const bound::NodePattern& b = part_.nodes[1];
    const bound::RelPattern& r = part_.rels[0];
    bool all = part_.function == bound::PathFunction::AllShortest;
    std::int64_t min = r.var_length ? r.min_hops.value_or(1) : 1;
    std::int64_t max = r.var_length ? r.max_hops.value_or(INT64_MAX) : 1;

    std::vector<std::uint32_t> starts = end_nodes(row, 0, ends_.first);
    // A given id pins the last node as a bound one would.
    std::optional<std::uint32_t> target;
    if (row[b.slot].is_null() && !b.prebound && ends_.last) {
        std::vector<std::uint32_t> t = end_nodes(row, 1, ends_.last);
        if (t.empty()) return;
        target = t[0];
    }
    // With one known last node, each search can stop once that node's level is done.
    std::optional<std::uint32_t> only = target;
    if (!only && row[b.slot].kind() == Value::Kind::Node) only = row[b.slot].as_node().index;
    const Direction dir = pattern_direction(r);
    const TypeSet types = resolve_types(g, r.types);
    // shortestPath((a)-[*]-(a)): both ends are the start. As with two bound ends that are one
    // node, only a zero-length path (a minimum of 0) is a shortest path from a node to itself.
    const bool same_end = a.slot == b.slot;
    for (std::uint32_t s : starts) {
        Row base = row;
        base[a.slot] = NodeRef{s};
        if (!node_matches(c, s, a, base)) continue;
        Levels& lv = levels_;
        for (std::uint32_t v : lv.reached) {
            lv.dist[v] = -1;
            lv.pred[v].clear();
        }
        lv.reached.clear();
        if (lv.dist.size() < g.node_count()) {
            lv.dist.resize(g.node_count(), -1);
            lv.pred.resize(g.node_count());
        }
        std::vector<std::int64_t>& dist = lv.dist;
        auto& pred = lv.pred;
        dist[s] = 0;
        lv.reached.push_back(s);
        EdgeWalk walk;
        for (std::size_t next = 0; next < lv.reached.size(); ++next) {  // the queue
            const std::uint32_t u = lv.reached[next];
            // Breadth-first order: every predecessor of the target is already recorded.
            if (only && dist[*only] >= 0 && dist[u] >= dist[*only]) break;
            if (dist[u] >= max) continue;
            walk.reset(g, u, dir);
            std::uint32_t e = 0, v = 0;
            while (walk.next(g, e, v)) {
                c.gov.tick();
                if (c.deleted_rels.count(e) || !types.allows(g.edge_ends(e).type)) continue;
                if (dist[v] < 0) {
                    dist[v] = dist[u] + 1;
                    pred[v].emplace_back(u, e);
                    lv.reached.push_back(v);
                } else if (dist[v] == dist[u] + 1) {
                    pred[v].emplace_back(u, e);
                }
            }
        }
        // Results in node order, as before. The queue is done with: only the next search's
        // reset reads it, in any order.
        std::sort(lv.reached.begin(), lv.reached.end());
        for (const std::uint32_t t : lv.reached) {
            const std::int64_t d = dist[t];
            if (d < min) continue;
            if (target && t != *target) continue;
            if (same_end && t != s) continue;
            Row out = base;
            const Value& bound_end = row[b.slot];
            if (!bound_end.is_null()) {
                if (bound_end.kind() != Value::Kind::Node || bound_end.as_node().index != t)
                    continue;
            } else if (b.prebound) {
                continue;
            }
            out[b.slot] = NodeRef{t};
            if (!node_matches(c, t, b, out)) continue;
            // Enumerate shortest paths back from t along the predecessors, depth first with an
            // explicit stack (node, next predecessor): a path may be as long as the graph.
            std::vector<std::uint32_t> edges;
            std::vector<std::pair<std::uint32_t, std::size_t>> stack{{t, 0}};
            while (!stack.empty()) {
                c.gov.tick();
                const std::uint32_t v = stack.back().first;
                if (v == s && static_cast<std::int64_t>(edges.size()) == d) {
                    ValueList rels;
                    for (auto it = edges.rbegin(); it != edges.rend(); ++it)
                        rels.push_back(RelRef{*it});
                    Row emit = out;
                    if (r.var_length)
                        emit[r.slot] = rels;
                    else
                        emit[r.slot] = rels.empty() ? Value() : rels[0];
                    if (part_.path_slot >= 0) emit[part_.path_slot] = build_path(c, part_, emit);
                    before_growth(c.gov, buffer_);
                    buffer_.push_back(std::move(emit));
                    if (!all) break;
                }
                std::size_t& next = stack.back().second;
                if (v == s || next == pred[v].size()) {
                    stack.pop_back();
                    if (!edges.empty()) edges.pop_back();
                    continue;
                }
                auto [u, e] = pred[v][next++];
                edges.push_back(e);
                stack.emplace_back(u, 0);
            }
        }
    }
}

}  // namespace liaison::query
