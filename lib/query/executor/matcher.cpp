#include "query/executor/matcher.hpp"

#include <algorithm>
#include <map>

#include "query/executor/adjacency.hpp"
#include "query/executor/eval.hpp"
#include "query/executor/graph_access.hpp"
#include "query/executor/group_search.hpp"
#include "query/executor/property_index.hpp"

namespace liaison::query {

bool props_match(ExecContext& ctx, const bound::Expr* props, const Value& entity, Row& row) {
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

namespace {

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

Direction step_direction(const bound::RelPattern& r, bool forward) {
    if (r.direction == bound::RelDirection::Right) return forward ? Direction::Out : Direction::In;
    if (r.direction == bound::RelDirection::Left) return forward ? Direction::In : Direction::Out;
    return Direction::Both;
}

}  // namespace

bool TypeSet::allows(RelationId t) const {
    return any || std::find(ids.begin(), ids.end(), t) != ids.end();
}

TypeSet resolve_types(const PropertyGraph& g, const std::vector<std::string>& names) {
    TypeSet s;
    s.any = names.empty();
    for (const auto& n : names)
        if (auto id = g.relations().find(n)) s.ids.push_back(*id);
    return s;
}

// Level 0 chooses the start node; level i > 0 takes step i - 1 (forward from the start to the
// last node, then backward to the first). Each level remembers which slots it bound, so
// backtracking resets exactly those.
struct PartCursor::State {
    struct Level {
        EdgeWalk walk;
        // Var-length: the depth-first search from the step's first node, one path at a time;
        // memory is proportional to the path's length, not to the number of paths.
        std::vector<EdgeWalk> walks;         // walks[d]: the edges leaving the node at depth d
        std::vector<std::uint32_t> used;     // the path's relationships, in walking order
        std::vector<std::uint32_t> ends;     // ends[d]: the node at depth d
        bool pending = false;                // the current path is still to be offered
        std::unique_ptr<GroupSearch> group;  // a quantified group's search
        std::size_t pos = 0;
        bool set_rel = false, set_node = false;
        std::vector<const bound::Expr*> filters;
    };

    ExecContext& ctx;
    const bound::PatternPart& part;
    const StartPlan& start;
    Row& row;
    const std::vector<int>& unique;
    std::vector<Step> steps;
    std::vector<Level> levels;
    std::vector<TypeSet> types;                    // per relationship of the part
    std::size_t at = 0;                            // current level
    const std::vector<NodeIndex>* seek = nullptr;  // Source::Name: the candidates
    std::vector<NodeIndex> owned_seek;             // Source::Index: the candidates
    bool started = false, done = false;

    State(ExecContext& c, const bound::PatternPart& p, const StartPlan& s, Row& r,
          const std::vector<int>& u)
        : ctx(c), part(p), start(s), row(r), unique(u) {
        std::size_t first = s.node;
        for (std::size_t i = first; i + 1 < p.nodes.size(); ++i)
            steps.push_back({i, i, i + 1, true});
        for (std::size_t i = first; i > 0; --i) steps.push_back({i - 1, i, i - 1, false});
        levels.resize(steps.size() + 1);
        for (const auto& rel : p.rels) {
            types.push_back(resolve_types(c.g(), rel.types));
        }
        // The level at which each slot of the part is first bound.
        std::map<int, std::size_t> bound_at;
        bound_at.emplace(p.nodes[first].slot, 0);
        for (std::size_t k = 0; k < steps.size(); ++k) {
            const bound::RelPattern& rel = p.rels[steps[k].rel];
            bound_at.emplace(rel.slot, k + 1);
            bound_at.emplace(p.nodes[steps[k].to].slot, k + 1);
            if (rel.group) {  // the group's variables become lists when it is crossed
                for (const auto& n : rel.group->nodes) bound_at.emplace(n.slot, k + 1);
                for (const auto& x : rel.group->rels) bound_at.emplace(x.slot, k + 1);
            }
        }
        if (p.path_slot >= 0) bound_at.emplace(p.path_slot, steps.size());
        for (const PartFilter& f : s.filters) {
            std::size_t level = 0;
            for (int slot : f.slots) {
                auto it = bound_at.find(slot);
                if (it != bound_at.end()) level = std::max(level, it->second);
            }
            levels[level].filters.push_back(f.expr);
        }
    }

    const PropertyGraph& g() const { return ctx.g(); }

    bool unique_ok(std::uint32_t e, int self) const {
        for (int s : unique)
            if (s != self && rel_in(row[s], e)) return false;
        return true;
    }

    bool edge_ok(std::uint32_t e, std::size_t rel) {
        const bound::RelPattern& r = part.rels[rel];
        if (!ctx.deleted_rels.empty() && ctx.deleted_rels.count(e)) return false;
        if (!types[rel].allows(g().edge_ends(e).type)) return false;
        return !r.properties || props_match(ctx, r.properties.get(), RelRef{e}, row);
    }

    // Filters of a level, once its slots are bound (and the path, at the last level).
    bool complete(std::size_t level) {
        if (level == steps.size() && part.path_slot >= 0)
            row[part.path_slot] = build_path(ctx, part, row);
        for (const bound::Expr* f : levels[level].filters)
            if (!eval_predicate(*f, row, ctx)) return false;
        return true;
    }

    void unbind(std::size_t level) {
        Level& lv = levels[level];
        if (level == steps.size() && part.path_slot >= 0) row[part.path_slot] = Value();
        if (lv.set_node) {
            row[level == 0 ? part.nodes[start.node].slot : part.nodes[steps[level - 1].to].slot] =
                Value();
            lv.set_node = false;
        }
        if (lv.set_rel) {
            row[part.rels[steps[level - 1].rel].slot] = Value();
            lv.set_rel = false;
        }
        if (lv.group) lv.group->clear();
    }

    void enter(std::size_t level) {
        Level& lv = levels[level];
        lv.pos = 0;
        if (level == 0) return;
        const Step& st = steps[level - 1];
        const bound::RelPattern& r = part.rels[st.rel];
        std::uint32_t from = row[part.nodes[st.from].slot].as_node().index;
        if (r.group) {
            if (!lv.group)
                lv.group = std::make_unique<GroupSearch>(
                    ctx, r, st.forward, row,
                    [this, &r](std::uint32_t e) { return unique_ok(e, r.slot); });
            lv.group->start(from);
        } else if (r.var_length)
            start_paths(level, from);
        else
            lv.walk.reset(g(), from, step_direction(r, st.forward));
    }

    bool try_start(std::uint32_t n) {
        const bound::NodePattern& np = part.nodes[start.node];
        if (!ctx.deleted_nodes.empty() && ctx.deleted_nodes.count(n)) return false;
        if (!node_matches(ctx, n, np, row)) return false;
        row[np.slot] = NodeRef{n};
        levels[0].set_node = true;
        if (complete(0)) return true;
        unbind(0);
        return false;
    }

    bool advance_start() {
        Level& lv = levels[0];
        unbind(0);
        const bound::NodePattern& np = part.nodes[start.node];
        const Value& cur = row[np.slot];
        if (np.prebound || !cur.is_null()) {
            if (lv.pos++ > 0 || cur.kind() != Value::Kind::Node) return false;
            std::uint32_t n = cur.as_node().index;
            if (!ctx.deleted_nodes.empty() && ctx.deleted_nodes.count(n)) return false;
            return node_matches(ctx, n, np, row) && complete(0);
        }
        switch (start.source) {
            case StartPlan::Source::Id: {
                if (lv.pos++ > 0) return false;
                Value id = eval(*start.id, row, ctx);
                if (id.kind() != Value::Kind::String) return false;
                auto n = g().find_id(id.as_string());
                return n && try_start(*n);
            }
            case StartPlan::Source::Name: {
                if (lv.pos == 0) {
                    Value name = eval(*start.id, row, ctx);
                    seek = name.kind() == Value::Kind::String ? &g().find_name(name.as_string())
                                                              : nullptr;
                }
                while (seek && lv.pos < seek->size()) {
                    ctx.gov.tick();
                    if (try_start((*seek)[lv.pos++])) return true;
                }
                return false;
            }
            case StartPlan::Source::Index: {
                if (lv.pos == 0) seek = &index_seek(ctx, start, row, owned_seek);
                while (lv.pos < seek->size()) {
                    ctx.gov.tick();
                    if (try_start((*seek)[lv.pos++])) return true;
                }
                return false;
            }
            case StartPlan::Source::Label: {
                const std::vector<NodeIndex>& nodes = g().nodes_with_label(start.label);
                while (lv.pos < nodes.size()) {
                    ctx.gov.tick();
                    if (try_start(nodes[lv.pos++])) return true;
                }
                return false;
            }
            default: {
                while (lv.pos < g().node_count()) {
                    ctx.gov.tick();
                    if (try_start(static_cast<std::uint32_t>(lv.pos++))) return true;
                }
                return false;
            }
        }
    }

    // Binds the node at the end of step `level - 1`; false when it does not fit.
    bool arrive(std::size_t level, std::uint32_t m) {
        const bound::NodePattern& np = part.nodes[steps[level - 1].to];
        Value& slot = row[np.slot];
        if (np.prebound || !slot.is_null())
            return slot.kind() == Value::Kind::Node && slot.as_node().index == m &&
                   node_matches(ctx, m, np, row);
        if (!ctx.deleted_nodes.empty() && ctx.deleted_nodes.count(m)) return false;
        if (!node_matches(ctx, m, np, row)) return false;
        slot = NodeRef{m};
        levels[level].set_node = true;
        return true;
    }

    bool advance_step(std::size_t level) {
        Level& lv = levels[level];
        unbind(level);
        const Step& st = steps[level - 1];
        const bound::RelPattern& r = part.rels[st.rel];
        if (r.group) {
            while (lv.group->next()) {
                lv.group->bind_lists();
                lv.set_rel = true;
                if (arrive(level, lv.group->end()) && complete(level)) return true;
                unbind(level);
            }
            return false;
        }
        if (r.var_length) {
            bool bound = r.prebound || !row[r.slot].is_null();
            while (next_path(level)) {
                ValueList list;
                list.reserve(lv.used.size());
                for (auto e : lv.used) list.push_back(RelRef{e});
                if (!st.forward) std::reverse(list.begin(), list.end());
                if (bound) {
                    if (row[r.slot] != Value(list)) continue;
                } else {
                    row[r.slot] = std::move(list);
                    lv.set_rel = true;
                }
                if (arrive(level, lv.ends.back()) && complete(level)) return true;
                unbind(level);
            }
            return false;
        }
        Value& rslot = row[r.slot];
        bool bound = r.prebound || !rslot.is_null();
        std::uint32_t e = 0, m = 0;
        while (lv.walk.next(g(), e, m)) {
            ctx.gov.tick();
            if (bound) {
                if (rslot.kind() != Value::Kind::Relationship || rslot.as_rel().index != e)
                    continue;
            } else if (!unique_ok(e, r.slot)) {
                continue;
            }
            if (!edge_ok(e, st.rel)) continue;
            if (!bound) {
                rslot = RelRef{e};
                lv.set_rel = true;
            }
            if (arrive(level, m) && complete(level)) return true;
            unbind(level);
        }
        return false;
    }

    // Starts the var-length search of step `level - 1` at node `from`.
    void start_paths(std::size_t level, std::uint32_t from) {
        Level& lv = levels[level];
        const Step& st = steps[level - 1];
        const bound::RelPattern& r = part.rels[st.rel];
        lv.walks.clear(), lv.used.clear(), lv.ends.assign(1, from);
        lv.walks.emplace_back().reset(g(), from, step_direction(r, st.forward));
        lv.pending = r.min_hops.value_or(1) <= 0;
        if (r.quantified) quantifier_limit(ctx, r);
    }

    // Moves to the next path of the var-length search (depth first, each path before its
    // extensions); false when there is none. The path is lv.used, its end lv.ends.back().
    bool next_path(std::size_t level) {
        Level& lv = levels[level];
        const Step& st = steps[level - 1];
        const bound::RelPattern& r = part.rels[st.rel];
        auto min = static_cast<std::size_t>(std::max<std::int64_t>(r.min_hops.value_or(1), 0));
        std::int64_t max = r.max_hops.value_or(INT64_MAX);
        // An unbounded quantifier may reach the limit, and one more step is an error.
        bool capped = r.quantified && !r.max_hops;
        if (capped) max = quantifier_limit(ctx, r) + 1;
        Direction dir = step_direction(r, st.forward);
        for (;;) {
            if (lv.pending) {
                lv.pending = false;
                return true;
            }
            if (lv.walks.empty()) return false;
            ctx.gov.tick();
            std::uint32_t e = 0, m = 0;
            if (static_cast<std::int64_t>(lv.used.size()) < max &&
                lv.walks.back().next(g(), e, m)) {
                if (std::find(lv.used.begin(), lv.used.end(), e) != lv.used.end()) continue;
                if (!unique_ok(e, r.slot) || !edge_ok(e, st.rel)) continue;
                if (capped && static_cast<std::int64_t>(lv.used.size()) + 1 == max)
                    over_quantifier_limit(max - 1);
                lv.used.push_back(e);
                lv.ends.push_back(m);
                lv.walks.emplace_back().reset(g(), m, dir);
                lv.pending = lv.used.size() >= min;
                continue;
            }
            lv.walks.pop_back();
            if (!lv.used.empty()) lv.used.pop_back(), lv.ends.pop_back();
        }
    }

    bool advance(std::size_t level) { return level == 0 ? advance_start() : advance_step(level); }

    bool next() {
        if (done) return false;
        if (!started) {
            started = true;
            at = 0;
            enter(0);
        }
        for (;;) {
            if (advance(at)) {
                if (at == steps.size()) return true;
                enter(++at);
            } else {
                unbind(at);
                if (at == 0) {
                    done = true;
                    return false;
                }
                --at;
            }
        }
    }
};

PartCursor::PartCursor(ExecContext& ctx, const bound::PatternPart& part, const StartPlan& start,
                       Row& row, const std::vector<int>& unique_rels)
    : s_(std::make_unique<State>(ctx, part, start, row, unique_rels)) {}

PartCursor::~PartCursor() = default;

bool PartCursor::next() { return s_->next(); }

bool node_matches(ExecContext& ctx, std::uint32_t n, const bound::NodePattern& p, Row& row) {
    if (p.labels.empty() && !p.properties) return true;
    const Node& node = ctx.g().node(n);
    for (const auto& l : p.labels)
        if (!node.has_label(l)) return false;
    return props_match(ctx, p.properties.get(), NodeRef{n}, row);
}

StartPlan default_start(const bound::PatternPart& part, const Row& row) {
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

Path build_path(ExecContext& ctx, const bound::PatternPart& part, const Row& row) {
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

void match_part(ExecContext& ctx, const bound::PatternPart& part, const StartPlan& start, Row& row,
                const std::vector<int>& unique_rels, const std::function<void(Row&)>& emit) {
    PartCursor cursor(ctx, part, start, row, unique_rels);
    while (cursor.next()) emit(row);
}

}  // namespace liaison::query
