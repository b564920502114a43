#include "query/binder/parameters.hpp"

#include <fmt/format.h>

#include "liaison/core/utf8.hpp"
#include "liaison/query/error.hpp"
#include "query/binder/catalog.hpp"

namespace liaison::query {

namespace {

class Check {
public:
    Check(const BoundQuery& q, const ValueMap& params) : q_(q), params_(params) {}

    void clause(const bound::Clause& c) {
        for (const auto& p : c.pattern) part(p);
        expr(c.where.get());
        expr(c.expr.get());
        for (const auto& e : c.exprs) expr(e.get());
        for (const auto& i : c.projection.items) expr(i.expr.get());
        for (const auto& s : c.projection.order) expr(s.expr.get());
        expr(c.projection.skip.get());
        expr(c.projection.limit.get());
        expr(c.projection.where.get());
        for (const auto* items : {&c.set_items, &c.on_create, &c.on_match})
            for (const auto& i : *items) expr(i.target.get()), expr(i.value.get());
        for (const auto& b : c.body) clause(b);
        // `CALL p` without parentheses reads its arguments from parameters of their names.
        if (c.kind == bound::ClauseKind::Call && !c.has_arguments)
            if (auto info = find_procedure(c.procedure))
                for (const auto& in : info->inputs)
                    need(in, c.begin, fmt::format("{} needs the parameter ${}", c.procedure, in));
    }

private:
    void part(const bound::PatternPart& p) {
        for (const auto& n : p.nodes) expr(n.properties.get());
        for (const auto& r : p.rels) {
            expr(r.properties.get());
            if (r.group) part(*r.group);
            expr(r.group_where.get());
        }
    }

    void expr(const bound::Expr* e) {
        if (!e) return;
        if (e->kind == bound::ExprKind::Parameter)
            need(e->name, e->begin, fmt::format("parameter ${} was not given", e->name));
        for (const auto& a : e->args) expr(a.get());
        if (e->pattern) part(*e->pattern);
        if (e->subquery)
            for (const auto& c : e->subquery->clauses) clause(c);
    }

    void need(const std::string& name, std::size_t at, const std::string& message) {
        if (map_get(params_, name)) return;
        LineColumn lc = line_column_at(q_.text, std::min(at, q_.text.size()));
        throw QueryError(Stage::Binder, "ParameterMissing", "MissingParameter", message, lc.line,
                         lc.column);
    }

    const BoundQuery& q_;
    const ValueMap& params_;
};

}  // namespace

void check_parameters(const BoundQuery& q, const ValueMap& params) {
    Check check(q, params);
    for (const auto& part : q.tree.parts)
        for (const auto& c : part.clauses) check.clause(c);
}

}  // namespace liaison::query
