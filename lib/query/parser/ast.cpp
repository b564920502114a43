#include "query/parser/ast.hpp"

namespace liaison::query::ast {

const char* op_text(Op op) {
    switch (op) {
        case Op::None:
            return "";
        case Op::Not:
            return "NOT";
        case Op::Neg:
            return "-";
        case Op::Pos:
            return "+";
        case Op::Add:
            return "+";
        case Op::Sub:
            return "-";
        case Op::Mul:
            return "*";
        case Op::Div:
            return "/";
        case Op::Mod:
            return "%";
        case Op::Pow:
            return "^";
        case Op::And:
            return "AND";
        case Op::Or:
            return "OR";
        case Op::Xor:
            return "XOR";
        case Op::Eq:
            return "=";
        case Op::Ne:
            return "<>";
        case Op::Lt:
            return "<";
        case Op::Le:
            return "<=";
        case Op::Gt:
            return ">";
        case Op::Ge:
            return ">=";
        case Op::In:
            return "IN";
        case Op::StartsWith:
            return "STARTS WITH";
        case Op::EndsWith:
            return "ENDS WITH";
        case Op::Contains:
            return "CONTAINS";
        case Op::Regex:
            return "=~";
        case Op::All:
            return "all";
        case Op::Any:
            return "any";
        case Op::None_:
            return "none";
        case Op::Single:
            return "single";
    }
    return "?";
}

Expr::~Expr() {
    if (args.empty()) return;
    std::vector<ExprPtr> work;
    for (auto& a : args)
        if (a) work.push_back(std::move(a));
    while (!work.empty()) {
        ExprPtr e = std::move(work.back());
        work.pop_back();
        for (auto& a : e->args)
            if (a) work.push_back(std::move(a));
    }  // each node is freed childless; its pattern's depth is bounded by the parser
}

const Expr* deeper_than(const Expr& root, std::size_t limit) {
    std::vector<std::pair<const Expr*, std::size_t>> work{{&root, 1}};
    auto push = [&](const Expr* e, std::size_t level) {
        if (e) work.emplace_back(e, level);
    };
    while (!work.empty()) {
        auto [e, level] = work.back();
        work.pop_back();
        if (level > limit) return e;
        for (const auto& a : e->args) push(a.get(), level + 1);
        if (e->pattern) for_each_expr(*e->pattern, [&](const Expr* x) { push(x, level + 1); });
        // A subquery's expressions count as one level below it: later stages recurse through
        // both, so the height bound covers them together.
        if (e->subquery)
            for (const auto& c : e->subquery->clauses)
                for_each_expr(c, [&](const Expr* x) { push(x, level + 1); });
    }
    return nullptr;
}

void for_each_expr(const PatternPart& p, const std::function<void(const Expr*)>& f) {
    for (const auto& n : p.nodes)
        if (n.properties) f(n.properties.get());
    for (const auto& r : p.rels) {
        if (r.properties) f(r.properties.get());
        if (r.group) for_each_expr(*r.group, f);
        if (r.group_where) f(r.group_where.get());
    }
}

void for_each_expr(const Clause& c, const std::function<void(const Expr*)>& f) {
    auto maybe = [&](const ExprPtr& e) {
        if (e) f(e.get());
    };
    for (const auto& p : c.pattern) for_each_expr(p, f);
    maybe(c.where);
    maybe(c.expr);
    for (const auto& e : c.exprs) maybe(e);
    for (const auto& i : c.projection.items) maybe(i.expr);
    for (const auto& s : c.projection.order) maybe(s.expr);
    maybe(c.projection.skip);
    maybe(c.projection.limit);
    maybe(c.projection.where);
    for (const auto* items : {&c.set_items, &c.on_create, &c.on_match})
        for (const auto& i : *items) maybe(i.target), maybe(i.value);
    for (const auto& b : c.body) for_each_expr(b, f);
}

ExprPtr make_expr(ExprKind kind, std::size_t begin, std::size_t end) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->begin = begin;
    e->end = end;
    return e;
}

ExprPtr clone(const Expr& e) {
    auto c = std::make_unique<Expr>();
    c->kind = e.kind;
    c->op = e.op;
    c->ops = e.ops;
    c->value = e.value;
    c->name = e.name;
    c->name2 = e.name2;
    c->keys = e.keys;
    c->map_items = e.map_items;
    for (const auto& a : e.args) c->args.push_back(a ? clone(*a) : nullptr);
    if (e.pattern) c->pattern = clone(*e.pattern);
    c->subquery = e.subquery;  // immutable after parsing: shared
    c->distinct = e.distinct;
    c->has_subject = e.has_subject;
    c->has_else = e.has_else;
    c->begin = e.begin;
    c->end = e.end;
    return c;
}

std::unique_ptr<PatternPart> clone(const PatternPart& p) {
    auto c = std::make_unique<PatternPart>();
    c->path_var = p.path_var;
    c->function = p.function;
    c->begin = p.begin;
    for (const auto& n : p.nodes) {
        NodePattern m;
        m.var = n.var;
        m.labels = n.labels;
        if (n.properties) m.properties = clone(*n.properties);
        m.begin = n.begin;
        c->nodes.push_back(std::move(m));
    }
    for (const auto& r : p.rels) {
        RelPattern m;
        m.var = r.var;
        m.types = r.types;
        if (r.properties) m.properties = clone(*r.properties);
        m.direction = r.direction;
        m.var_length = r.var_length;
        m.min_hops = r.min_hops;
        m.max_hops = r.max_hops;
        m.begin = r.begin;
        m.quantified = r.quantified;
        m.group = r.group;  // immutable after parsing: shared
        m.group_where = r.group_where;
        c->rels.push_back(std::move(m));
    }
    return c;
}

}  // namespace liaison::query::ast
