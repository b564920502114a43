#include "query/executor/matcher.hpp"

#include <algorithm>

#include "query/executor/eval.hpp"
#include "query/executor/graph_access.hpp"

namespace liaison::query {

namespace {

bool props_match(ExecContext& ctx, const ast::Expr* props, const Value& entity, Row& row) {
    if (!props) return true;
    Value want = eval(*props, row, ctx);
    if (want.is_null()) return true;
    if (want.kind() != Value::Kind::Map) type_error("a property map was expected in a pattern");
    for (const auto& [k, v] : want.as_map()) {
        Value have = property_of(ctx, entity, k);
        Value eq = equals(have, v);
        if (eq.is_null() || !eq.as_bool()) return false;
    }
    return true;
}

bool type_matches(ExecContext& ctx, std::uint32_t e, const ast::RelPattern& r) {
    if (r.types.empty()) return true;
    const std::string& name = ctx.g().type_name(ctx.g().edge(e));
    return std::find(r.types.begin(), r.types.end(), name) != r.types.end();
}

bool rel_in(const Value& v, std::uint32_t e) {
    if (v.kind() == Value::Kind::Relationship) return v.as_rel().index == e;
    if (v.kind() == Value::Kind::List) {
        for (const auto& x : v.as_list())
            if (x.kind() == Value::Kind::Relationship && x.as_rel().index == e) return true;
    }
    return false;
}

struct Step {
    std::size_t rel;   // index into part.rels
    std::size_t from;  // index into part.nodes
    std::size_t to;
    bool forward;  // traversing in pattern order
};

class Matcher {
public:
    Matcher(ExecContext& ctx, const ast::PatternPart& part, Row& row,
            const std::vector<int>& unique_rels, const std::function<void(Row&)>& emit)
        : ctx_(ctx), part_(part), row_(row), unique_(unique_rels), emit_(emit) {}

    void run(const StartPlan& start) {
        std::size_t s = start.node;
        for (std::size_t i = s; i + 1 < part_.nodes.size(); ++i)
            steps_.push_back({i, i, i + 1, true});
        for (std::size_t i = s; i > 0; --i) steps_.push_back({i - 1, i, i - 1, false});
        const ast::NodePattern& np = part_.nodes[s];
        const Value& cur = row_[np.slot];
        if (np.prebound || !cur.is_null()) {
            if (cur.kind() != Value::Kind::Node) return;
            if (ctx_.deleted_nodes.count(cur.as_node().index)) return;
            if (!node_matches(ctx_, cur.as_node().index, np, row_)) return;
            step(0);
            return;
        }
        auto try_node = [&](std::uint32_t n) {
            if (ctx_.deleted_nodes.count(n)) return;
            if (!node_matches(ctx_, n, np, row_)) return;
            row_[np.slot] = NodeRef{n};
            step(0);
            row_[np.slot] = Value();
        };
        switch (start.source) {
            case StartPlan::Source::Id: {
                Value id = eval(*start.id, row_, ctx_);
                if (id.kind() != Value::Kind::String) return;
                if (auto n = ctx_.g().find_id(id.as_string())) try_node(*n);
                return;
            }
            case StartPlan::Source::Label: {
                std::vector<NodeIndex> nodes = ctx_.g().nodes_with_label(start.label);
                for (NodeIndex n : nodes) try_node(n);
                return;
            }
            default: {
                auto count = static_cast<std::uint32_t>(ctx_.g().node_count());
                for (std::uint32_t n = 0; n < count; ++n) try_node(n);
                return;
            }
        }
    }

private:
    bool unique_ok(std::uint32_t e, int self) const {
        for (int s : unique_)
            if (s != self && rel_in(row_[s], e)) return false;
        return true;
    }

    // Edges leaving `n` in the traversal direction, with the node at the other end.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges(std::uint32_t n,
                                                               const ast::RelPattern& r,
                                                               bool forward) const {
        Direction dir = Direction::Both;
        if (r.direction == ast::RelDirection::Right) dir = forward ? Direction::Out : Direction::In;
        if (r.direction == ast::RelDirection::Left) dir = forward ? Direction::In : Direction::Out;
        std::vector<std::pair<std::uint32_t, std::uint32_t>> out;
        const PropertyGraph& g = ctx_.g();
        if (dir == Direction::Both) {
            g.for_each_incident(n, Direction::Both,
                                [&](EdgeIndex e, NodeIndex m) { out.emplace_back(e, m); });
        } else {
            const auto& list = dir == Direction::Out ? g.out_edges(n) : g.in_edges(n);
            for (EdgeIndex e : list) out.emplace_back(e, g.other_end(e, n));
        }
        return out;
    }

    bool edge_ok(std::uint32_t e, const ast::RelPattern& r) {
        if (ctx_.deleted_rels.count(e)) return false;
        if (!type_matches(ctx_, e, r)) return false;
        return props_match(ctx_, r.properties.get(), RelRef{e}, row_);
    }

    // Binds the node at the end of a step and continues; false when it does not fit.
    void arrive(std::size_t k, std::uint32_t m) {
        const ast::NodePattern& np = part_.nodes[steps_[k].to];
        Value& slot = row_[np.slot];
        if (np.prebound || !slot.is_null()) {
            if (slot.kind() == Value::Kind::Node && slot.as_node().index == m &&
                node_matches(ctx_, m, np, row_))
                step(k + 1);
            return;
        }
        if (ctx_.deleted_nodes.count(m) || !node_matches(ctx_, m, np, row_)) return;
        slot = NodeRef{m};
        step(k + 1);
        row_[np.slot] = Value();
    }

    void step(std::size_t k) {
        if (k == steps_.size()) {
            if (part_.path_slot >= 0) row_[part_.path_slot] = build_path(ctx_, part_, row_);
            emit_(row_);
            if (part_.path_slot >= 0) row_[part_.path_slot] = Value();
            return;
        }
        const Step& st = steps_[k];
        const ast::RelPattern& r = part_.rels[st.rel];
        std::uint32_t from = row_[part_.nodes[st.from].slot].as_node().index;
        if (r.var_length) return var_step(k, from);
        Value& rslot = row_[r.slot];
        bool bound = r.prebound || !rslot.is_null();
        for (auto [e, m] : edges(from, r, st.forward)) {
            if (bound) {
                if (rslot.kind() != Value::Kind::Relationship || rslot.as_rel().index != e)
                    continue;
            } else if (!unique_ok(e, r.slot)) {
                continue;
            }
            if (!edge_ok(e, r)) continue;
            if (!bound) row_[r.slot] = RelRef{e};
            arrive(k, m);
            if (!bound) row_[r.slot] = Value();
        }
    }

    void var_step(std::size_t k, std::uint32_t from) {
        const Step& st = steps_[k];
        const ast::RelPattern& r = part_.rels[st.rel];
        std::int64_t min = r.min_hops.value_or(1);
        std::int64_t max = r.max_hops.value_or(INT64_MAX);
        std::vector<std::uint32_t> used;
        Value pre = row_[r.slot];
        bool bound = r.prebound || !pre.is_null();
        std::function<void(std::uint32_t, std::int64_t)> dfs = [&](std::uint32_t at,
                                                                   std::int64_t depth) {
            if (depth >= min) {
                ValueList list;
                for (auto e : used) list.push_back(RelRef{e});
                if (!st.forward) std::reverse(list.begin(), list.end());
                if (bound) {
                    if (pre == Value(list)) arrive(k, at);
                } else {
                    row_[r.slot] = std::move(list);
                    arrive(k, at);
                    row_[r.slot] = Value();
                }
            }
            if (depth >= max) return;
            for (auto [e, m] : edges(at, r, st.forward)) {
                if (std::find(used.begin(), used.end(), e) != used.end()) continue;
                if (!unique_ok(e, r.slot) || !edge_ok(e, r)) continue;
                used.push_back(e);
                dfs(m, depth + 1);
                used.pop_back();
            }
        };
        dfs(from, 0);
    }

    ExecContext& ctx_;
    const ast::PatternPart& part_;
    Row& row_;
    const std::vector<int>& unique_;
    const std::function<void(Row&)>& emit_;
    std::vector<Step> steps_;
};

}  // namespace

bool node_matches(ExecContext& ctx, std::uint32_t n, const ast::NodePattern& p, Row& row) {
    const Node& node = ctx.g().node(n);
    for (const auto& l : p.labels)
        if (!node.has_label(l)) return false;
    return props_match(ctx, p.properties.get(), NodeRef{n}, row);
}

StartPlan default_start(const ast::PatternPart& part, const Row& row) {
    StartPlan plan;
    for (std::size_t i = 0; i < part.nodes.size(); ++i) {
        if (part.nodes[i].prebound || !row[part.nodes[i].slot].is_null()) {
            plan.source = StartPlan::Source::Bound;
            plan.node = i;
            return plan;
        }
    }
    if (!part.nodes[0].labels.empty()) {
        plan.source = StartPlan::Source::Label;
        plan.label = part.nodes[0].labels[0];
    }
    return plan;
}

Path build_path(ExecContext& ctx, const ast::PatternPart& part, const Row& row) {
    Path p;
    std::uint32_t cur = row[part.nodes[0].slot].as_node().index;
    p.nodes.push_back(cur);
    for (std::size_t i = 0; i < part.rels.size(); ++i) {
        const Value& v = row[part.rels[i].slot];
        auto walk = [&](std::uint32_t e) {
            cur = ctx.g().other_end(e, cur);
            p.rels.push_back(e);
            p.nodes.push_back(cur);
        };
        if (v.kind() == Value::Kind::Relationship) {
            walk(v.as_rel().index);
        } else if (v.kind() == Value::Kind::List) {
            for (const auto& x : v.as_list()) walk(x.as_rel().index);
        }
        // The next pattern node pins the end (a self-loop or symmetric edge leaves no doubt).
        const Value& next = row[part.nodes[i + 1].slot];
        if (next.kind() == Value::Kind::Node) {
            cur = next.as_node().index;
            p.nodes.back() = cur;
        }
    }
    return p;
}

void match_part(ExecContext& ctx, const ast::PatternPart& part, const StartPlan& start, Row& row,
                const std::vector<int>& unique_rels, const std::function<void(Row&)>& emit) {
    Matcher(ctx, part, row, unique_rels, emit).run(start);
}

}  // namespace liaison::query
