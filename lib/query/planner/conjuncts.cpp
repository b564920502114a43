#include "query/planner/conjuncts.hpp"

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
    }
    if (p.path_slot >= 0) out.insert(p.path_slot);
}

}  // namespace

void referenced_slots(const bound::Expr& e, std::set<int>& out) {
    // Comprehension variables land here too; they are never pattern slots, so harmless.
    if (e.slot >= 0) out.insert(e.slot);
    if (e.slot2 >= 0) out.insert(e.slot2);
    for (const auto& a : e.args)
        if (a) referenced_slots(*a, out);
    if (e.pattern) pattern_slots(*e.pattern, out);
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

}  // namespace liaison::query
