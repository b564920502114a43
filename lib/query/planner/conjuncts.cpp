#include "query/planner/conjuncts.hpp"

#include <algorithm>

namespace liaison::query {

void split_conjuncts(const bound::Expr& e, std::vector<const bound::Expr*>& out) {
    if (e.kind == bound::ExprKind::Binary && e.op == bound::Op::And) {
        split_conjuncts(*e.args[0], out);
        split_conjuncts(*e.args[1], out);
        return;
    }
    out.push_back(&e);
}

namespace {

void pattern_slots(const bound::PatternPart& p, std::set<int>& out) {
    for (const auto& n : p.nodes) {
        out.insert(n.slot);
        if (n.properties) referenced_slots(*n.properties, out);
    }
    for (const auto& r : p.rels) {
        out.insert(r.slot);
        if (r.properties) referenced_slots(*r.properties, out);
        if (r.group) pattern_slots(*r.group, out);
        if (r.group_where) referenced_slots(*r.group_where, out);
    }
    if (p.path_slot >= 0) out.insert(p.path_slot);
}

// Every slot a subquery reads or binds: those of the outer query it reads among them.
void clause_slots(const bound::Clause& c, std::set<int>& out) {
    auto expr = [&](const bound::ExprPtr& e) {
        if (e) referenced_slots(*e, out);
    };
    for (const auto& p : c.pattern) pattern_slots(p, out);
    expr(c.where);
    expr(c.expr);
    for (const auto& e : c.exprs) expr(e);
    for (const auto& i : c.projection.items) expr(i.expr);
    for (const auto& s : c.projection.order) expr(s.expr);
    expr(c.projection.skip);
    expr(c.projection.limit);
    expr(c.projection.where);
    for (const auto* items : {&c.set_items, &c.on_create, &c.on_match})
        for (const auto& i : *items) expr(i.target), expr(i.value);
    for (const auto& b : c.body) clause_slots(b, out);
}

}  // namespace

void referenced_slots(const bound::Expr& e, std::set<int>& out) {
    // Comprehension variables land here too; they are never pattern slots, so harmless.
    if (e.slot >= 0) out.insert(e.slot);
    if (e.slot2 >= 0) out.insert(e.slot2);
    for (const auto& a : e.args)
        if (a) referenced_slots(*a, out);
    if (e.pattern) pattern_slots(*e.pattern, out);
    if (e.subquery)
        for (const auto& c : e.subquery->clauses) clause_slots(c, out);
}

const bound::Expr* key_equality(const bound::Expr& e, int slot, std::string_view key) {
    if (e.kind != bound::ExprKind::Comparison || e.ops.size() != 1 || e.ops[0] != bound::Op::Eq)
        return nullptr;
    auto is_key = [&](const bound::Expr& x) {
        return x.kind == bound::ExprKind::Property && x.name == key && x.args.size() == 1 &&
               x.args[0]->kind == bound::ExprKind::Variable && x.args[0]->slot == slot;
    };
    auto is_constant = [](const bound::Expr& x) {
        return x.kind == bound::ExprKind::Parameter ||
               (x.kind == bound::ExprKind::Literal && x.value.kind() == Value::Kind::String);
    };
    const bound::Expr& l = *e.args[0];
    const bound::Expr& r = *e.args[1];
    if (is_key(l) && is_constant(r)) return &r;
    if (is_key(r) && is_constant(l)) return &l;
    return nullptr;
}

bool seek_value(const bound::Expr& x, const std::set<int>& bound) {
    auto earlier = [&](const bound::Expr& v) {
        return v.kind == bound::ExprKind::Variable && v.slot >= 0 && bound.count(v.slot);
    };
    return x.kind == bound::ExprKind::Parameter || x.kind == bound::ExprKind::Literal ||
           earlier(x) ||
           (x.kind == bound::ExprKind::Property && x.args.size() == 1 && earlier(*x.args[0])) ||
           (x.kind == bound::ExprKind::List &&
            std::all_of(x.args.begin(), x.args.end(), [](const bound::ExprPtr& a) {
                return a && a->kind == bound::ExprKind::Literal;
            }));
}

std::optional<IndexCondition> index_condition(const bound::Expr& e, int slot,
                                              const std::set<int>& bound) {
    auto key_of = [&](const bound::Expr& x) -> const std::string* {
        if (x.kind == bound::ExprKind::Property && x.args.size() == 1 &&
            x.args[0]->kind == bound::ExprKind::Variable && x.args[0]->slot == slot)
            return &x.name;
        return nullptr;
    };
    auto constant = [&](const bound::Expr& x) { return seek_value(x, bound); };
    if (e.kind == bound::ExprKind::Binary && e.op == bound::Op::In) {
        const std::string* key = key_of(*e.args[0]);
        if (key && constant(*e.args[1]))
            return IndexCondition{*key, bound::Op::In, e.args[1].get()};
        return std::nullopt;
    }
    if (e.kind != bound::ExprKind::Comparison || e.ops.size() != 1) return std::nullopt;
    bound::Op op = e.ops[0];
    if (op != bound::Op::Eq && op != bound::Op::Lt && op != bound::Op::Le && op != bound::Op::Gt &&
        op != bound::Op::Ge)
        return std::nullopt;
    const bound::Expr& l = *e.args[0];
    const bound::Expr& r = *e.args[1];
    if (l.kind == bound::ExprKind::List || r.kind == bound::ExprKind::List) return std::nullopt;
    if (const std::string* key = key_of(l); key && constant(r)) return IndexCondition{*key, op, &r};
    if (const std::string* key = key_of(r); key && constant(l)) {
        // c < v.key is v.key > c.
        bound::Op flipped = op == bound::Op::Lt   ? bound::Op::Gt
                            : op == bound::Op::Le ? bound::Op::Ge
                            : op == bound::Op::Gt ? bound::Op::Lt
                            : op == bound::Op::Ge ? bound::Op::Le
                                                  : op;
        return IndexCondition{*key, flipped, &l};
    }
    return std::nullopt;
}

}  // namespace liaison::query
