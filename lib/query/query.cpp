#include "liaison/query/query.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "query/binder/binder.hpp"
#include "query/binder/parameters.hpp"
#include "query/executor/eval.hpp"
#include "query/executor/graph_access.hpp"
#include "query/executor/operators.hpp"
#include "query/parser/parser.hpp"
#include "query/pipeline.hpp"
#include "query/planner/planner.hpp"

namespace liaison::query {

namespace {

void snapshot(ExecContext& ctx, QueryResult& r, const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Node: {
            std::uint32_t n = v.as_node().index;
            if (r.nodes.count(n) || ctx.deleted_nodes.count(n)) return;
            const Node& node = ctx.g().node(n);
            r.nodes[n] = {node.id, node.labels, node_properties(ctx, v.as_node())};
            return;
        }
        case Value::Kind::Relationship: {
            std::uint32_t e = v.as_rel().index;
            if (r.rels.count(e) || ctx.deleted_rels.count(e)) return;
            const Edge& edge = ctx.g().edge(e);
            r.rels[e] = {ctx.g().type_name(edge), edge.source, edge.target,
                         rel_properties(ctx, v.as_rel())};
            snapshot(ctx, r, NodeRef{edge.source});
            snapshot(ctx, r, NodeRef{edge.target});
            return;
        }
        case Value::Kind::Path:
            for (auto n : v.as_path().nodes) snapshot(ctx, r, NodeRef{n});
            for (auto e : v.as_path().rels) snapshot(ctx, r, RelRef{e});
            return;
        case Value::Kind::List:
            for (const auto& x : v.as_list()) snapshot(ctx, r, x);
            return;
        case Value::Kind::Map:
            for (const auto& [k, x] : v.as_map()) snapshot(ctx, r, x);
            return;
        default:
            return;
    }
}

void execute_plan(const PropertyGraph& g, GraphWriter* writer, Plan& plan, const ValueMap& params,
                  bool profile, const QueryLimits& limits, QueryResult& result);

}  // namespace

namespace {

bool has_updates(const std::vector<ast::Clause>& clauses) {
    for (const auto& c : clauses)
        if (c.kind == ast::ClauseKind::Create || c.kind == ast::ClauseKind::Merge ||
            c.kind == ast::ClauseKind::Set || c.kind == ast::ClauseKind::Remove ||
            c.kind == ast::ClauseKind::Delete || c.kind == ast::ClauseKind::Foreach ||
            c.kind == ast::ClauseKind::Schema || (c.subquery && has_updates(c.body)))
            return true;
    return false;
}

}  // namespace

bool has_updates(const ast::Query& q) {
    for (const auto& part : q.parts)
        if (has_updates(part.clauses)) return true;
    return false;
}

QueryResult run_query(const PropertyGraph& g, GraphWriter* writer, ast::Query query,
                      std::string_view text, const ValueMap& params, const QueryLimits& limits) {
    BoundQuery bound = liaison::query::bind(query, text);
    Plan plan = plan_query(bound, g);
    QueryResult result;
    result.columns = plan.columns;
    bool explain = bound.tree.explain, profile = bound.tree.profile;
    auto plan_text = [&](bool with_profile) {
        std::string out;
        for (std::size_t i = 0; i < plan.roots.size(); ++i) {
            if (i > 0) out += plan.union_all[i - 1] ? "UnionAll\n" : "Union\n";
            out += explain_plan(*plan.roots[i], with_profile);
        }
        return out;
    };
    if (explain) {
        result.plan = plan_text(false);
        result.explain_only = true;
        return result;
    }
    // Parameters may come unsorted (an initializer list); lookups need them sorted by name.
    ValueMap sorted = params;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    check_parameters(bound, sorted);
    try {
        execute_plan(g, writer, plan, sorted, profile, limits, result);
    } catch (const std::bad_alloc&) {
        // The budget is checked periodically; an allocation the system refuses in between ends
        // the query the same way.
        throw QueryError(Stage::Executor, "ResourceError", "MemoryLimitExceeded",
                         "query ran out of memory");
    }
    if (profile) result.plan = plan_text(true);
    return result;
}

namespace {

void execute_plan(const PropertyGraph& g, GraphWriter* writer, Plan& plan, const ValueMap& params,
                  bool profile, const QueryLimits& limits, QueryResult& result) {
    ExecContext ctx;
    ctx.gov.start(limits);
    ctx.profile = profile;
    ctx.graph = &g;
    ctx.writer = writer;
    ctx.params = &params;
    bool distinct_union = false;
    for (bool all : plan.union_all) distinct_union |= !all;
    std::set<ValueList, ValueLess> seen;
    for (std::size_t i = 0; i < plan.roots.size(); ++i) {
        Operator& root = *plan.roots[i];
        root.open(ctx);
        Row row;
        bool returns = !plan.column_slots[i].empty();
        while (root.next(row)) {
            if (!returns) continue;
            std::vector<Value> out;
            for (int s : plan.column_slots[i]) out.push_back(row[s]);
            ctx.gov.tick();
            if (distinct_union && !seen.insert(out).second) continue;
            for (const auto& v : out) snapshot(ctx, result, v);
            before_growth(ctx.gov, result.rows);
            result.rows.push_back(std::move(out));
        }
        root.finish();
    }
    apply_deletions(ctx);
    result.stats = ctx.stats;
}

}  // namespace

QueryResult execute(PropertyGraph& g, std::string_view text, const ValueMap& params,
                    const QueryLimits& limits) {
    ast::Query query = parse_query(text);
    if (!has_updates(query)) return run_query(g, nullptr, std::move(query), text, params, limits);
    // Writes are all-or-nothing: keep a copy to restore when the query fails part-way.
    PropertyGraph backup = g;
    DirectWriter writer(g);
    try {
        return run_query(g, &writer, std::move(query), text, params, limits);
    } catch (...) {
        g = std::move(backup);
        throw;
    }
}

QueryResult execute(const PropertyGraph& g, std::string_view text, const ValueMap& params,
                    const QueryLimits& limits) {
    ast::Query query = parse_query(text);
    if (has_updates(query))
        throw QueryError(Stage::Planner, "SemanticError", "ReadOnly",
                         "this graph is read-only: the query cannot CREATE, MERGE, SET, REMOVE or "
                         "DELETE");
    return run_query(g, nullptr, std::move(query), text, params, limits);
}

Value parse_parameter(std::string_view text) {
    try {
        ast::ExprPtr e = parse_expression(text);
        ExecContext ctx;
        PropertyGraph g;
        ctx.graph = &g;
        Row row;
        std::function<bool(const ast::Expr&)> literal = [&](const ast::Expr& x) {
            if (x.kind == ast::ExprKind::Literal) return true;
            if (x.kind == ast::ExprKind::Unary && x.op == ast::Op::Neg) return literal(*x.args[0]);
            if (x.kind != ast::ExprKind::List && x.kind != ast::ExprKind::Map) return false;
            for (const auto& a : x.args)
                if (!a || !literal(*a)) return false;
            return true;
        };
        if (literal(*e)) return eval(*bound::from_ast(*e), row, ctx);
    } catch (const Error&) {
    }
    return std::string(text);
}

}  // namespace liaison::query
