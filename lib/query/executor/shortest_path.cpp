// shortestPath and allShortestPaths: breadth-first search over the relationships the pattern
// allows (types, direction, properties), keeping every shortest predecessor for all paths.
#include <deque>
#include <map>

#include <fmt/format.h>

#include "query/executor/eval.hpp"
#include "query/executor/operators.hpp"

namespace liaison::query {

std::string ShortestPath::describe() const {
    return fmt::format(
        "{} ({})",
        part_.function == ast::PathFunction::AllShortest ? "AllShortestPaths" : "ShortestPath",
        part_.path_var);
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

void ShortestPath::search(Row& row) {
    ExecContext& c = ctx();
    const PropertyGraph& g = c.g();
    const ast::NodePattern& a = part_.nodes[0];
    const ast::NodePattern& b = part_.nodes[1];
    const ast::RelPattern& r = part_.rels[0];
    bool all = part_.function == ast::PathFunction::AllShortest;
    std::int64_t min = r.var_length ? r.min_hops.value_or(1) : 1;
    std::int64_t max = r.var_length ? r.max_hops.value_or(INT64_MAX) : 1;

    std::vector<std::uint32_t> starts;
    if (!row[a.slot].is_null()) {
        if (row[a.slot].kind() != Value::Kind::Node) return;
        starts.push_back(row[a.slot].as_node().index);
    } else if (a.prebound) {
        return;
    } else {
        for (std::uint32_t n = 0; n < g.node_count(); ++n)
            if (!c.deleted_nodes.count(n) && node_matches(c, n, a, row)) starts.push_back(n);
    }
    Direction dir = r.direction == ast::RelDirection::Right  ? Direction::Out
                    : r.direction == ast::RelDirection::Left ? Direction::In
                                                             : Direction::Both;
    for (std::uint32_t s : starts) {
        Row base = row;
        base[a.slot] = NodeRef{s};
        if (!node_matches(c, s, a, base)) continue;
        std::map<std::uint32_t, std::int64_t> dist{{s, 0}};
        std::map<std::uint32_t, std::vector<std::pair<std::uint32_t, std::uint32_t>>> pred;
        std::deque<std::uint32_t> queue{s};
        while (!queue.empty()) {
            std::uint32_t u = queue.front();
            queue.pop_front();
            if (dist[u] >= max) continue;
            auto visit = [&](std::uint32_t e, std::uint32_t v) {
                if (c.deleted_rels.count(e)) return;
                if (!r.types.empty() && std::find(r.types.begin(), r.types.end(),
                                                  g.type_name(g.edge(e))) == r.types.end())
                    return;
                auto it = dist.find(v);
                if (it == dist.end()) {
                    dist[v] = dist[u] + 1;
                    pred[v].emplace_back(u, e);
                    queue.push_back(v);
                } else if (it->second == dist[u] + 1) {
                    pred[v].emplace_back(u, e);
                }
            };
            if (dir == Direction::Both) {
                g.for_each_incident(u, Direction::Both,
                                    [&](EdgeIndex e, NodeIndex v) { visit(e, v); });
            } else {
                for (EdgeIndex e : dir == Direction::Out ? g.out_edges(u) : g.in_edges(u))
                    visit(e, g.other_end(e, u));
            }
        }
        for (const auto& [t, d] : dist) {
            if (d < min) continue;
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
            // Enumerate shortest paths back from t.
            std::vector<std::uint32_t> edges;
            std::function<bool(std::uint32_t)> back = [&](std::uint32_t v) -> bool {
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
                    buffer_.push_back(std::move(emit));
                    return !all;
                }
                for (auto [u, e] : pred[v]) {
                    edges.push_back(e);
                    bool stop = back(u);
                    edges.pop_back();
                    if (stop) return true;
                }
                return false;
            };
            back(t);
        }
    }
}

}  // namespace liaison::query
