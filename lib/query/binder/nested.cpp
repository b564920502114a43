#include "query/binder/nested.hpp"

#include <set>

#include <fmt/format.h>

namespace liaison::query::binding {

using bound::ExprKind;

void bind_group(NestedBinder& b, bound::RelPattern& r, Scope& scope, const Scope& before,
                const std::string& path_var) {
    const Source& src = b.source();
    bound::PatternPart& g = *r.group;
    if (g.rels.empty())
        src.fail(r.begin, "InvalidQuantifiedPathPattern",
                 "a quantified path pattern needs at least one relationship");
    // Inside the group its variables are single elements; the group's WHERE and property maps
    // may also read what was bound before the clause, nothing else of the pattern (it may not
    // be bound yet where the group is matched).
    Scope inner = before;
    std::set<std::string> seen;
    auto declare = [&](const std::string& var, std::size_t at, VarType type) {
        if (var.empty()) return b.slot_for("");
        if (var == path_var || scope.count(var) || !seen.insert(var).second)
            src.fail(at, "VariableAlreadyBound",
                     fmt::format("variable '{}' of a quantified path pattern is already bound: a "
                                 "group's variables are its own",
                                 var));
        int slot = b.slot_for(var);
        inner[var] = {slot, type};
        return slot;
    };
    for (auto& n : g.nodes) n.slot = declare(n.var, n.begin, VarType::Node);
    for (auto& x : g.rels) {
        if (x.group)
            src.fail(x.begin, "NotSupported",
                     "a quantified path pattern inside another is not supported");
        if (x.var_length)
            src.fail(x.begin, "NotSupported",
                     "a variable-length or quantified relationship inside a quantified path "
                     "pattern is not supported");
        x.slot = declare(x.var, x.begin, VarType::Rel);
    }
    for (auto& n : g.nodes)
        if (n.properties) b.bind_in(n.properties.get(), inner);
    for (auto& x : g.rels)
        if (x.properties) b.bind_in(x.properties.get(), inner);
    if (r.group_where) b.bind_in(r.group_where.get(), inner);
    // After the group each variable is the list of what it matched, one per repetition.
    for (const auto& n : g.nodes)
        if (!n.var.empty()) scope[n.var] = {n.slot, VarType::List};
    for (const auto& x : g.rels)
        if (!x.var.empty()) scope[x.var] = {x.slot, VarType::List};
}

namespace {

// The first update clause among `clauses` and the bodies of their CALL { } subqueries.
const bound::Clause* first_update(const std::vector<bound::Clause>& clauses) {
    using K = bound::ClauseKind;
    for (const auto& c : clauses) {
        if (c.kind == K::Create || c.kind == K::Merge || c.kind == K::Set || c.kind == K::Remove ||
            c.kind == K::Delete || c.kind == K::Foreach)
            return &c;
        if (c.subquery)
            if (const bound::Clause* u = first_update(c.body)) return u;
    }
    return nullptr;
}

}  // namespace

void bind_subquery(NestedBinder& b, bound::Expr& e, const Scope& scope) {
    const Source& src = b.source();
    // The parser refuses updates written in the body itself; these are inside a CALL { } there.
    if (const bound::Clause* u = first_update(e.subquery->clauses))
        src.fail(u->begin, "InvalidClauseComposition",
                 "a subquery expression (EXISTS, COUNT or COLLECT { }) cannot update the graph");
    Scope inner = scope;
    std::vector<std::string> columns;
    auto& clauses = e.subquery->clauses;
    for (std::size_t i = 0; i < clauses.size(); ++i)
        b.bind_clause_in(clauses[i], inner, i + 1 == clauses.size(), columns);
    if (e.kind == ExprKind::CollectSubquery &&
        (clauses.back().kind != bound::ClauseKind::Return || columns.size() != 1))
        src.fail(e.begin, "InvalidClauseComposition",
                 "COLLECT { } must end with a RETURN of one column");
}

namespace {

// The variables an importing WITH (the first clause of a CALL body) brings in, or a failure at
// the first thing in it that is not a plain outer variable.
Scope imported(const Source& src, const bound::Clause& with, const Scope& outer) {
    const bound::Projection& p = with.projection;
    if (p.distinct || !p.order.empty() || p.skip || p.limit || p.where)
        src.fail(with.begin, "InvalidImportingWith",
                 "an importing WITH at the start of CALL { } may only name variables: DISTINCT, "
                 "ORDER BY, SKIP, LIMIT and WHERE belong in a WITH after it");
    if (p.star) return outer;
    Scope in;
    for (const auto& item : p.items) {
        const bound::Expr& e = *item.expr;
        if (e.kind != ExprKind::Variable || (item.has_alias && item.alias != e.name))
            src.fail(e.begin, "InvalidImportingWith",
                     "an importing WITH at the start of CALL { } may only name outer variables "
                     "(WITH a, b): alias or compute them in a WITH after it");
        auto it = outer.find(e.name);
        if (it == outer.end())
            src.fail(e.begin, "UndefinedVariable",
                     fmt::format("variable '{}' is not defined", e.name));
        in[e.name] = it->second;
    }
    return in;
}

}  // namespace

void bind_call_subquery(NestedBinder& b, bound::Clause& c, Scope& scope, bool last,
                        std::vector<std::string>& columns) {
    const Source& src = b.source();
    auto& body = c.body;
    Scope inner;
    if (body.front().kind == bound::ClauseKind::With) {
        inner = imported(src, body.front(), scope);
        body.erase(body.begin());
        if (body.empty())
            src.fail(c.begin, "InvalidClauseComposition",
                     "CALL { } needs a clause after its importing WITH");
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < body.size(); ++i)
        b.bind_clause_in(body[i], inner, i + 1 == body.size(), names);
    const bound::Clause& end = body.back();
    using K = bound::ClauseKind;
    if (end.kind == K::Match || end.kind == K::With || end.kind == K::Unwind ||
        end.kind == K::LoadCsv)
        src.fail(end.begin, "InvalidClauseComposition",
                 "CALL { } must end with RETURN or an update");
    c.yields.clear();
    if (end.kind == K::Return || (end.kind == K::Call && !end.subquery))
        for (const auto& name : names) {
            if (scope.count(name))
                src.fail(
                    c.begin, "VariableAlreadyBound",
                    fmt::format("variable '{}' returned by CALL {{ }} is already bound", name));
            const Var& v = inner.at(name);
            c.yields.push_back({name, name, v.slot});
            scope[name] = v;
        }
    if (last && !c.yields.empty())
        src.fail(c.begin, "InvalidClauseComposition",
                 "CALL { … RETURN … } cannot be the last clause: expected a RETURN after it");
    if (last) columns.clear();
}

}  // namespace liaison::query::binding
