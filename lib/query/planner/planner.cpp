#include "query/planner/planner.hpp"

#include <set>

#include <fmt/format.h>

#include "query/executor/operators.hpp"

namespace liaison::query {

std::string pattern_text(const ast::PatternPart& part) {
    auto node = [](const ast::NodePattern& n) {
        std::string s = "(" + n.var;
        for (const auto& l : n.labels) s += ":" + l;
        if (n.properties) s += " {…}";
        return s + ")";
    };
    std::string out = part.path_var.empty() ? "" : part.path_var + " = ";
    out += node(part.nodes[0]);
    for (std::size_t i = 0; i < part.rels.size(); ++i) {
        const auto& r = part.rels[i];
        std::string inner = r.var;
        for (std::size_t t = 0; t < r.types.size(); ++t) inner += (t ? "|" : ":") + r.types[t];
        if (r.var_length) {
            inner += "*";
            if (r.min_hops) inner += std::to_string(*r.min_hops);
            if (r.max_hops != r.min_hops || !r.min_hops)
                inner += ".." + (r.max_hops ? std::to_string(*r.max_hops) : "");
        }
        out += r.direction == ast::RelDirection::Left ? "<-" : "-";
        if (!inner.empty()) out += "[" + inner + "]";
        out += r.direction == ast::RelDirection::Right ? "->" : "-";
        out += node(part.nodes[i + 1]);
    }
    return out;
}

namespace {

bool has_stored_property(const PropertyGraph& g, std::string_view key) {
    for (const auto& n : g.nodes())
        if (n.properties.contains(key)) return true;
    return false;
}

const ast::Expr* constant_key(const ast::NodePattern& n, std::string_view key) {
    if (!n.properties || n.properties->kind != ast::ExprKind::Map) return nullptr;
    for (std::size_t i = 0; i < n.properties->keys.size(); ++i) {
        const ast::Expr& v = *n.properties->args[i];
        if (n.properties->keys[i] == key &&
            ((v.kind == ast::ExprKind::Literal && v.value.kind() == Value::Kind::String) ||
             v.kind == ast::ExprKind::Parameter))
            return &v;
    }
    return nullptr;
}

class Planner {
public:
    Planner(const BoundQuery& q, const PropertyGraph& g) : q_(q), g_(g) {
        ids_usable_ = !has_stored_property(g, "id");
    }

    Plan run() {
        Plan plan;
        plan.columns = q_.columns;
        plan.union_all = q_.ast.union_all;
        for (const auto& part : q_.ast.parts) {
            std::vector<int> columns;
            plan.roots.push_back(single(part, columns, plan.updates));
            plan.column_slots.push_back(std::move(columns));
        }
        return plan;
    }

private:
    OperatorPtr chain(OperatorPtr input, OperatorPtr op) {
        op->set_input(std::move(input));
        return op;
    }

    OperatorPtr single(const ast::SingleQuery& sq, std::vector<int>& columns, bool& updates) {
        OperatorPtr op = std::make_unique<Once>(q_.slot_count);
        bound_.clear();
        for (const auto& c : sq.clauses) {
            switch (c.kind) {
                case ast::ClauseKind::Match:
                    if (c.optional) {
                        auto arg = std::make_unique<Argument>();
                        Argument* a = arg.get();
                        auto inner = match(std::move(arg), c);
                        auto opt = std::make_unique<Optional>(std::move(inner), a);
                        op = chain(std::move(op), std::move(opt));
                    } else {
                        op = match(std::move(op), c);
                    }
                    break;
                case ast::ClauseKind::Unwind:
                    op = chain(std::move(op),
                               std::make_unique<Unwind>(*c.expr, c.slot, source(*c.expr)));
                    bound_.insert(c.slot);
                    break;
                case ast::ClauseKind::With:
                case ast::ClauseKind::Return:
                    op = projection(std::move(op), c.projection);
                    break;
                case ast::ClauseKind::Create:
                    updates = true;
                    op = chain(std::move(op), std::make_unique<Create>(c.pattern));
                    mark_bound(c.pattern);
                    break;
                case ast::ClauseKind::Merge:
                    updates = true;
                    op = chain(std::move(op), std::make_unique<Merge>(c));
                    mark_bound(c.pattern);
                    break;
                case ast::ClauseKind::Set:
                case ast::ClauseKind::Remove:
                    updates = true;
                    op = chain(std::move(op), std::make_unique<SetProperties>(
                                                  c.set_items, c.kind == ast::ClauseKind::Remove));
                    break;
                case ast::ClauseKind::Delete:
                    updates = true;
                    op = chain(std::move(op), std::make_unique<Delete>(c));
                    break;
                case ast::ClauseKind::Call:
                    op = chain(std::move(op), std::make_unique<CallProcedure>(c));
                    if (c.where)
                        op = chain(std::move(op),
                                   std::make_unique<Filter>(*c.where, source(*c.where)));
                    break;
            }
        }
        const ast::Clause& last = sq.clauses.back();
        if (last.kind == ast::ClauseKind::Return)
            for (const auto& item : last.projection.items) columns.push_back(item.slot);
        if (last.kind == ast::ClauseKind::Call)
            for (const auto& y : last.yields) columns.push_back(y.slot);
        return op;
    }

    void mark_bound(const std::vector<ast::PatternPart>& parts) {
        for (const auto& part : parts) {
            for (const auto& n : part.nodes) bound_.insert(n.slot);
            for (const auto& r : part.rels) bound_.insert(r.slot);
            if (part.path_slot >= 0) bound_.insert(part.path_slot);
        }
    }

    std::string source(const ast::Expr& e) const {
        if (e.end > e.begin && e.end <= text_size())
            return std::string(text_.substr(e.begin, e.end - e.begin));
        return "";
    }
    std::size_t text_size() const { return text_.size(); }

    StartPlan choose_start(const ast::PatternPart& part, std::string& why) {
        StartPlan best;
        double best_cost = -1;
        for (std::size_t i = 0; i < part.nodes.size(); ++i) {
            const auto& n = part.nodes[i];
            StartPlan p;
            p.node = i;
            double cost;
            if (n.prebound || bound_.count(n.slot)) {
                p.source = StartPlan::Source::Bound;
                cost = 0;
            } else if (const ast::Expr* id = ids_usable_ ? constant_key(n, "id") : nullptr) {
                p.source = StartPlan::Source::Id;
                p.id = id;
                cost = 1;
            } else if (!n.labels.empty()) {
                p.source = StartPlan::Source::Label;
                cost = static_cast<double>(g_.node_count()) + 1;
                for (const auto& l : n.labels) {
                    double c = static_cast<double>(g_.nodes_with_label(l).size());
                    if (c < cost) cost = c, p.label = l;
                }
                cost += 0.5;  // a label scan still checks each node
            } else {
                p.source = StartPlan::Source::All;
                cost = static_cast<double>(g_.node_count()) + 1;
            }
            if (best_cost < 0 || cost < best_cost) best = p, best_cost = cost;
        }
        const auto& n = part.nodes[best.node];
        std::string name = n.var.empty() ? fmt::format("node {}", best.node + 1) : n.var;
        switch (best.source) {
            case StartPlan::Source::Bound:
                why = fmt::format("from bound {}", name);
                break;
            case StartPlan::Source::Id:
                why = fmt::format("start {} by id", name);
                break;
            case StartPlan::Source::Label:
                why = fmt::format("start {} by label {} ({} nodes)", name, best.label,
                                  g_.nodes_with_label(best.label).size());
                break;
            case StartPlan::Source::All:
                why = fmt::format("start {} by scanning all {} nodes", name, g_.node_count());
                break;
        }
        return best;
    }

    OperatorPtr match(OperatorPtr op, const ast::Clause& c) {
        std::vector<int> rels;
        for (const auto& part : c.pattern)
            if (part.function == ast::PathFunction::None)
                for (const auto& r : part.rels) rels.push_back(r.slot);
        for (const auto& part : c.pattern) {
            if (part.function != ast::PathFunction::None) {
                op = chain(std::move(op), std::make_unique<ShortestPath>(part, rels));
            } else {
                std::string why;
                StartPlan start = choose_start(part, why);
                std::string text = fmt::format("Match {}  {}", pattern_text(part), why);
                op = chain(std::move(op), std::make_unique<MatchPart>(part, start, rels, text));
            }
            for (const auto& n : part.nodes) bound_.insert(n.slot);
            for (const auto& r : part.rels) bound_.insert(r.slot);
            if (part.path_slot >= 0) bound_.insert(part.path_slot);
        }
        if (c.where)
            op = chain(std::move(op), std::make_unique<Filter>(*c.where, source(*c.where)));
        return op;
    }

    OperatorPtr projection(OperatorPtr op, const ast::Projection& p) {
        std::string names;
        std::vector<int> slots;
        for (const auto& item : p.items) {
            names += (names.empty() ? "" : ", ") + item.alias;
            slots.push_back(item.slot);
            bound_.insert(item.slot);
        }
        if (p.aggregating) {
            op = chain(std::move(op), std::make_unique<Aggregate>(p, q_.slot_count, names));
        } else {
            std::vector<std::pair<const ast::Expr*, int>> items;
            for (const auto& item : p.items) items.emplace_back(item.expr.get(), item.slot);
            op = chain(std::move(op), std::make_unique<Project>(std::move(items), names));
        }
        if (p.distinct) op = chain(std::move(op), std::make_unique<Distinct>(slots));
        if (!p.order.empty()) {
            std::vector<std::pair<const ast::Expr*, bool>> keys;
            std::string text;
            for (const auto& s : p.order) {
                keys.emplace_back(s.expr.get(), s.descending);
                text +=
                    (text.empty() ? "" : ", ") + source(*s.expr) + (s.descending ? " DESC" : "");
            }
            op = chain(std::move(op), std::make_unique<Sort>(std::move(keys), text));
        }
        if (p.skip) op = chain(std::move(op), std::make_unique<SkipLimit>(*p.skip, true));
        if (p.limit) op = chain(std::move(op), std::make_unique<SkipLimit>(*p.limit, false));
        if (p.where)
            op = chain(std::move(op), std::make_unique<Filter>(*p.where, source(*p.where)));
        return op;
    }

public:
    std::string_view text_;

private:
    const BoundQuery& q_;
    const PropertyGraph& g_;
    bool ids_usable_ = true;
    std::set<int> bound_;
};

}  // namespace

Plan plan_query(const BoundQuery& query, const PropertyGraph& g) {
    Planner p(query, g);
    p.text_ = query.text;
    return p.run();
}

}  // namespace liaison::query
