#include "query/binder/bound.hpp"

namespace liaison::query::bound {

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
    }  // each node is freed childless; a pattern's depth is bounded by the parser
}

ExprPtr make_expr(ExprKind kind, std::size_t begin, std::size_t end) {
    auto e = std::make_unique<Expr>();
    e->kind = kind;
    e->begin = begin;
    e->end = end;
    return e;
}

namespace {

ExprPtr maybe(const ast::ExprPtr& e) { return e ? from_ast(*e) : nullptr; }

PatternPart part_from_ast(const ast::PatternPart& p) {
    PatternPart c;
    c.path_var = p.path_var;
    c.function = p.function;
    c.begin = p.begin;
    for (const auto& n : p.nodes) {
        NodePattern m;
        m.var = n.var;
        m.labels = n.labels;
        m.properties = maybe(n.properties);
        m.begin = n.begin;
        c.nodes.push_back(std::move(m));
    }
    for (const auto& r : p.rels) {
        RelPattern m;
        m.var = r.var;
        m.types = r.types;
        m.properties = maybe(r.properties);
        m.direction = r.direction;
        m.var_length = r.var_length;
        m.min_hops = r.min_hops;
        m.max_hops = r.max_hops;
        m.begin = r.begin;
        m.quantified = r.quantified;
        if (r.group) m.group = std::make_unique<PatternPart>(part_from_ast(*r.group));
        if (r.group_where) m.group_where = from_ast(*r.group_where);
        c.rels.push_back(std::move(m));
    }
    return c;
}

std::vector<SetItem> set_items_from_ast(const std::vector<ast::SetItem>& items) {
    std::vector<SetItem> out;
    for (const auto& i : items) {
        SetItem s;
        s.kind = i.kind;
        s.target = maybe(i.target);
        s.value = maybe(i.value);
        s.labels = i.labels;
        out.push_back(std::move(s));
    }
    return out;
}

Projection projection_from_ast(const ast::Projection& p) {
    Projection c;
    c.distinct = p.distinct;
    c.star = p.star;
    for (const auto& i : p.items) {
        ProjectionItem m;
        m.expr = maybe(i.expr);
        m.alias = i.alias;
        m.has_alias = i.has_alias;
        c.items.push_back(std::move(m));
    }
    for (const auto& s : p.order) c.order.push_back({maybe(s.expr), s.descending, s.nulls});
    c.skip = maybe(p.skip);
    c.limit = maybe(p.limit);
    c.where = maybe(p.where);
    return c;
}

Clause clause_from_ast(const ast::Clause& a) {
    Clause c;
    c.kind = a.kind;
    c.begin = a.begin;
    c.optional = a.optional;
    for (const auto& p : a.pattern) c.pattern.push_back(part_from_ast(p));
    c.where = maybe(a.where);
    c.projection = projection_from_ast(a.projection);
    c.expr = maybe(a.expr);
    c.alias = a.alias;
    c.set_items = set_items_from_ast(a.set_items);
    c.on_create = set_items_from_ast(a.on_create);
    c.on_match = set_items_from_ast(a.on_match);
    for (const auto& e : a.exprs) c.exprs.push_back(maybe(e));
    c.detach = a.detach;
    c.procedure = a.procedure;
    c.has_arguments = a.has_arguments;
    c.yield_star = a.yield_star;
    for (const auto& y : a.yields) c.yields.push_back({y.field, y.alias, -1});
    for (const auto& b : a.body) c.body.push_back(clause_from_ast(b));
    c.subquery = a.subquery;
    c.with_headers = a.with_headers;
    c.terminator = a.terminator;
    c.schema = a.schema;
    return c;
}

}  // namespace

// Recursive: the parser bounds expression height (ast::kMaxExprHeight), as every stage assumes.
ExprPtr from_ast(const ast::Expr& e) {
    auto c = std::make_unique<Expr>();
    c->kind = e.kind;
    c->op = e.op;
    c->ops = e.ops;
    c->value = e.value;
    c->name = e.name;
    c->name2 = e.name2;
    c->keys = e.keys;
    c->map_items = e.map_items;
    c->args.reserve(e.args.size());
    for (const auto& a : e.args) c->args.push_back(maybe(a));
    if (e.pattern) c->pattern = std::make_unique<PatternPart>(part_from_ast(*e.pattern));
    if (e.subquery) {
        c->subquery = std::make_unique<SingleQuery>();
        for (const auto& clause : e.subquery->clauses)
            c->subquery->clauses.push_back(clause_from_ast(clause));
    }
    c->distinct = e.distinct;
    c->has_subject = e.has_subject;
    c->has_else = e.has_else;
    c->begin = e.begin;
    c->end = e.end;
    return c;
}

Query from_ast(const ast::Query& q) {
    Query c;
    c.explain = q.explain;
    c.profile = q.profile;
    c.union_all = q.union_all;
    for (const auto& part : q.parts) {
        SingleQuery s;
        for (const auto& clause : part.clauses) s.clauses.push_back(clause_from_ast(clause));
        c.parts.push_back(std::move(s));
    }
    return c;
}

}  // namespace liaison::query::bound
