#include "query/planner/conjuncts.hpp"

namespace liaison::query {

void split_conjuncts(const ast::Expr& e, std::vector<const ast::Expr*>& out) {
    if (e.kind == ast::ExprKind::Binary && e.op == ast::Op::And) {
        split_conjuncts(*e.args[0], out);
        split_conjuncts(*e.args[1], out);
        return;
    }
    out.push_back(&e);
}

namespace {

void pattern_slots(const ast::PatternPart& p, std::set<int>& out) {
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

void referenced_slots(const ast::Expr& e, std::set<int>& out) {
    // Comprehension variables land here too; they are never pattern slots, so harmless.
    if (e.slot >= 0) out.insert(e.slot);
    if (e.slot2 >= 0) out.insert(e.slot2);
    for (const auto& a : e.args)
        if (a) referenced_slots(*a, out);
    if (e.pattern) pattern_slots(*e.pattern, out);
}

const ast::Expr* key_equality(const ast::Expr& e, int slot, std::string_view key) {
    if (e.kind != ast::ExprKind::Comparison || e.ops.size() != 1 || e.ops[0] != ast::Op::Eq)
        return nullptr;
    auto is_key = [&](const ast::Expr& x) {
        return x.kind == ast::ExprKind::Property && x.name == key && x.args.size() == 1 &&
               x.args[0]->kind == ast::ExprKind::Variable && x.args[0]->slot == slot;
    };
    auto is_constant = [](const ast::Expr& x) {
        return x.kind == ast::ExprKind::Parameter ||
               (x.kind == ast::ExprKind::Literal && x.value.kind() == Value::Kind::String);
    };
    const ast::Expr& l = *e.args[0];
    const ast::Expr& r = *e.args[1];
    if (is_key(l) && is_constant(r)) return &r;
    if (is_key(r) && is_constant(l)) return &l;
    return nullptr;
}

}  // namespace liaison::query
