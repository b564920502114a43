#include "query/binder/binder.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "query/binder/catalog.hpp"
#include "query/binder/expression_facts.hpp"
#include "query/binder/nested.hpp"
#include "query/binder/type_checks.hpp"
#include "query/executor/functions.hpp"

namespace liaison::query {

using bound::ExprKind;

namespace {

using binding::Scope;
using binding::VarType;
using namespace binding;

enum class PatternMode { Match, Create, Merge, Predicate, Local };

struct ExprContext {
    bool allow_aggregates = false;
    bool in_aggregate = false;
    std::vector<bound::Expr*>* aggregates = nullptr;
};

class Binder : public binding::NestedBinder {
public:
    explicit Binder(std::string_view text) : text_(text), src_{text} {}

    // For the nested scopes of binder/nested.cpp.
    int slot_for(const std::string& name) override { return new_slot(name); }
    void bind_in(bound::Expr* e, Scope& scope) override { bind_expr(e, scope, {}); }
    void bind_clause_in(bound::Clause& c, Scope& scope, bool last,
                        std::vector<std::string>& columns) override {
        bind_clause(c, scope, last, columns);
    }
    const binding::Source& source() const override { return src_; }

    BoundQuery run(const ast::Query& parsed) {
        bound::Query q = bound::from_ast(parsed);
        BoundQuery out;
        std::vector<std::string> columns;
        for (std::size_t i = 1; i < q.union_all.size(); ++i)
            if (q.union_all[i] != q.union_all[0])
                fail(q.parts[i + 1].clauses.front().begin, "InvalidClauseComposition",
                     "UNION and UNION ALL cannot be mixed in one query");
        for (std::size_t i = 0; i < q.parts.size(); ++i) {
            Scope scope;
            columns.clear();
            csv_line_slot_ = csv_file_slot_ = -1;
            auto& clauses = q.parts[i].clauses;
            for (std::size_t c = 0; c < clauses.size(); ++c) {
                bool last = c + 1 == clauses.size();
                bind_clause(clauses[c], scope, last, columns);
            }
            const bound::Clause& last = clauses.back();
            if (last.kind == bound::ClauseKind::Match || last.kind == bound::ClauseKind::With ||
                last.kind == bound::ClauseKind::Unwind || last.kind == bound::ClauseKind::LoadCsv) {
                fail(last.begin, "InvalidClauseComposition",
                     "a query cannot end with MATCH, WITH, UNWIND or LOAD CSV: expected RETURN or "
                     "an update");
            }
            if (i > 0 && columns != out.columns)
                fail(clauses.front().begin, "DifferentColumnsInUnion",
                     "every part of a UNION must return the same columns");
            out.columns = columns;
        }
        out.tree = std::move(q);
        out.text = std::string(text_);
        out.slot_count = static_cast<int>(names_.size());
        out.slot_names = names_;
        return out;
    }

private:
    [[noreturn]] void fail(std::size_t offset, const std::string& code, const std::string& message,
                           const std::string& category = "SyntaxError") const {
        src_.fail(offset, code, message, category);
    }

    int new_slot(const std::string& name) {
        names_.push_back(name.empty() ? fmt::format("  anon_{}", names_.size()) : name);
        return static_cast<int>(names_.size()) - 1;
    }

    // --- expressions ------------------------------------------------------------------------
    void bind_expr(bound::Expr* e, Scope& scope, ExprContext ctx) {
        if (!e) return;
        switch (e->kind) {
            case ExprKind::Variable: {
                auto it = scope.find(e->name);
                if (it == scope.end())
                    fail(e->begin, "UndefinedVariable",
                         fmt::format("variable '{}' is not defined", e->name));
                e->slot = it->second.slot;
                return;
            }
            case ExprKind::Property: {
                const bound::Expr& base = *e->args[0];
                if (base.kind == ExprKind::Variable) {
                    auto it = scope.find(base.name);
                    if (it != scope.end() && it->second.type == VarType::Path)
                        fail(e->begin, "InvalidArgumentType", "a path has no properties");
                    if (it != scope.end() &&
                        (it->second.type == VarType::Number || it->second.type == VarType::String ||
                         it->second.type == VarType::Boolean || it->second.type == VarType::List))
                        fail(e->begin, "InvalidArgumentType",
                             fmt::format("'{}' is not a map, node or relationship", base.name),
                             "TypeError");
                }
                break;
            }
            case ExprKind::Function:
            case ExprKind::CountStar: {
                const FunctionDef* f = &count_function();
                if (e->kind == ExprKind::Function && e->args.empty() && csv_line_slot_ >= 0 &&
                    (lower(e->name) == "linenumber" || lower(e->name) == "file")) {
                    // The row's place in the file LOAD CSV read it from: hidden slots.
                    e->kind = ExprKind::Variable;
                    e->slot = lower(e->name) == "file" ? csv_file_slot_ : csv_line_slot_;
                    return;
                }
                if (e->kind == ExprKind::Function) {
                    f = find_function(e->name);
                    if (!f)
                        fail(e->begin, "UnknownFunction",
                             fmt::format("unknown function '{}'", e->name));
                    int n = static_cast<int>(e->args.size());
                    if (n < f->min_args || (f->max_args >= 0 && n > f->max_args))
                        fail(e->begin, "InvalidNumberOfArguments",
                             fmt::format("wrong number of arguments to {}()", e->name));
                    // openCypher 9 removed size() of a pattern; a pattern comprehension says
                    // it instead.
                    if (f->name == "size" && e->args[0]->kind == ExprKind::PatternPredicate)
                        fail(e->begin, "UnexpectedSyntax",
                             "size() of a pattern is not supported: count a pattern comprehension, "
                             "size([(a)-->() | 1])");
                    check_function_arguments(src_, *f, *e, scope);
                }
                e->function = f;
                bool aggregate = f->is_aggregate();
                if (aggregate) {
                    if (ctx.in_aggregate)
                        fail(e->begin, "NestedAggregation", "an aggregate cannot contain another");
                    if (!ctx.allow_aggregates || !ctx.aggregates)
                        fail(e->begin, "InvalidAggregation",
                             "aggregate functions are only allowed in WITH and RETURN");
                    for (const auto& a : e->args)
                        if (a && calls_volatile(*a))
                            fail(e->begin, "NonConstantExpression",
                                 "an aggregate cannot take a random argument");
                    ctx.aggregates->push_back(e);
                    e->aggregate_slot = new_slot("  aggregate");
                    ctx.in_aggregate = true;
                }
                for (auto& a : e->args) bind_expr(a.get(), scope, ctx);
                return;
            }
            case ExprKind::ListComprehension:
            case ExprKind::Quantifier: {
                bind_expr(e->args[0].get(), scope, ctx);
                Scope inner = scope;
                e->slot = new_slot(e->name);
                inner[e->name] = {e->slot, element_type(*e->args[0])};
                ExprContext local = ctx;
                local.allow_aggregates = false;
                for (std::size_t i = 1; i < e->args.size(); ++i)
                    bind_expr(e->args[i].get(), inner, local);
                return;
            }
            case ExprKind::Reduce: {
                bind_expr(e->args[0].get(), scope, ctx);
                bind_expr(e->args[1].get(), scope, ctx);
                Scope inner = scope;
                e->slot2 = new_slot(e->name2);
                e->slot = new_slot(e->name);
                inner[e->name2] = {e->slot2, VarType::Any};
                inner[e->name] = {e->slot, VarType::Any};
                ExprContext local = ctx;
                local.allow_aggregates = false;
                bind_expr(e->args[2].get(), inner, local);
                return;
            }
            case ExprKind::PatternPredicate: {
                Scope copy = scope;
                bind_part(*e->pattern, copy, PatternMode::Predicate, nullptr, &scope);
                return;
            }
            case ExprKind::CountSubquery:
            case ExprKind::CollectSubquery:
                bind_subquery(*this, *e, scope);
                return;
            case ExprKind::PatternComprehension:
            case ExprKind::Exists:
                if (e->subquery) {
                    bind_subquery(*this, *e, scope);
                    return;
                }
                if (e->pattern) {
                    Scope inner = scope;
                    std::set<int> rels;
                    bind_part(*e->pattern, inner, PatternMode::Local, &rels, &scope);
                    ExprContext local = ctx;
                    local.allow_aggregates = false;
                    for (auto& a : e->args) bind_expr(a.get(), inner, local);
                    return;
                }
                break;
            case ExprKind::Unary:
            case ExprKind::Binary:
                check_boolean_operands(src_, *e);
                check_arithmetic_operands(src_, *e, scope);
                break;
            default:
                break;
        }
        for (auto& a : e->args) bind_expr(a.get(), scope, ctx);
    }

    void check_new_order_aggregates(const bound::Expr& e, const bound::Projection& p,
                                    const Scope& next) const {
        if (is_aggregate_call(e)) {
            for (const bound::Expr* known : p.aggregates)
                if (canonical(*known) == canonical(e)) return;
            std::set<std::string> used;
            collect_vars(e, used);
            for (const auto& u : used)
                if (!next.count(u))
                    fail(e.begin, "UndefinedVariable",
                         fmt::format("variable '{}' is not projected by WITH", u));
            return;
        }
        for (const auto& a : e.args)
            if (a) check_new_order_aggregates(*a, p, next);
    }

    // --- patterns ---------------------------------------------------------------------------
    void bind_part(bound::PatternPart& part, Scope& scope, PatternMode mode,
                   std::set<int>* clause_rels, const Scope* before) {
        bool creating = mode == PatternMode::Create || mode == PatternMode::Merge;
        if (!part.path_var.empty()) {
            if (scope.count(part.path_var))
                fail(part.begin, "VariableAlreadyBound",
                     fmt::format("variable '{}' is already bound", part.path_var));
            if (mode == PatternMode::Predicate)
                fail(part.begin, "UndefinedVariable", "a pattern predicate cannot name its path");
        }
        if (!part.path_var.empty()) {
            // The path variable names the whole pattern; no node or relationship inside it
            // may reuse the name.
            for (const auto& n : part.nodes)
                if (n.var == part.path_var)
                    fail(n.begin, "VariableAlreadyBound",
                         fmt::format("variable '{}' is already bound", n.var));
            for (const auto& r : part.rels)
                if (r.var == part.path_var)
                    fail(r.begin, "VariableAlreadyBound",
                         fmt::format("variable '{}' is already bound", r.var));
        }
        if (part.function != bound::PathFunction::None) {
            if (part.rels.size() != 1)
                fail(part.begin, "InvalidArgumentType",
                     "shortestPath needs a pattern with exactly one relationship");
        }
        for (std::size_t i = 0; i < part.nodes.size(); ++i) {
            bound::NodePattern& n = part.nodes[i];
            bool has_detail = !n.labels.empty() || n.properties;
            if (!n.var.empty()) {
                auto it = scope.find(n.var);
                if (it != scope.end()) {
                    check_type(src_, n.begin, n.var, it->second.type, VarType::Node);
                    if (creating && (has_detail || part.nodes.size() == 1))
                        fail(n.begin, "VariableAlreadyBound",
                             fmt::format("variable '{}' is already bound", n.var));
                    n.slot = it->second.slot;
                    n.prebound = before && before->count(n.var);
                } else {
                    if (mode == PatternMode::Predicate)
                        fail(n.begin, "UndefinedVariable",
                             fmt::format("variable '{}' is not defined", n.var));
                    n.slot = new_slot(n.var);
                    scope[n.var] = {n.slot, VarType::Node};
                }
            } else {
                n.slot = new_slot("");
            }
            if (n.properties) {
                if (n.properties->kind == ExprKind::Parameter &&
                    (mode == PatternMode::Match || mode == PatternMode::Merge))
                    fail(n.properties->begin, "InvalidParameterUse",
                         "a parameter cannot stand for a property map in MATCH or MERGE");
                bind_expr(n.properties.get(), scope, {});
            }
        }
        for (bound::RelPattern& r : part.rels) {
            if (r.group && (creating || mode == PatternMode::Predicate ||
                            part.function != bound::PathFunction::None))
                fail(r.begin, "NotSupported",
                     "a quantified path pattern is only supported in MATCH and in EXISTS, COUNT "
                     "and COLLECT subqueries");
            if (creating) {
                if (r.types.size() != 1)
                    fail(r.begin, "NoSingleRelationshipType",
                         "a relationship to create needs exactly one type");
                if (r.direction == bound::RelDirection::Both && mode == PatternMode::Create)
                    fail(r.begin, "RequiresDirectedRelationship",
                         "a relationship to create needs a direction");
                if (r.var_length)
                    fail(r.begin, "CreatingVarLength",
                         "cannot create a variable-length relationship");
            }
            if (!r.var.empty()) {
                auto it = scope.find(r.var);
                if (it != scope.end()) {
                    if (creating)
                        fail(r.begin, "VariableAlreadyBound",
                             fmt::format("variable '{}' is already bound", r.var));
                    check_type(src_, r.begin, r.var, it->second.type,
                               r.var_length ? VarType::RelList : VarType::Rel);
                    if (clause_rels && clause_rels->count(it->second.slot))
                        fail(r.begin, "RelationshipUniquenessViolation",
                             fmt::format("relationship '{}' appears twice in one pattern", r.var));
                    r.slot = it->second.slot;
                    r.prebound = before && before->count(r.var);
                } else {
                    if (mode == PatternMode::Predicate)
                        fail(r.begin, "UndefinedVariable",
                             fmt::format("variable '{}' is not defined", r.var));
                    r.slot = new_slot(r.var);
                    scope[r.var] = {r.slot, r.var_length ? VarType::RelList : VarType::Rel};
                }
            } else {
                r.slot = new_slot("");
            }
            if (clause_rels) clause_rels->insert(r.slot);
            if (r.properties) {
                if (r.properties->kind == ExprKind::Parameter &&
                    (mode == PatternMode::Match || mode == PatternMode::Merge))
                    fail(r.properties->begin, "InvalidParameterUse",
                         "a parameter cannot stand for a property map in MATCH or MERGE");
                bind_expr(r.properties.get(), scope, {});
            }
            if (r.var_length && r.min_hops && r.max_hops && *r.min_hops < 0)
                fail(r.begin, "InvalidRelationshipPattern", "a length bound cannot be negative");
            if (r.group) bind_group(*this, r, scope, before ? *before : Scope{}, part.path_var);
        }
        if (!part.path_var.empty()) {
            part.path_slot = new_slot(part.path_var);
            scope[part.path_var] = {part.path_slot, VarType::Path};
        }
    }

    // --- clauses ----------------------------------------------------------------------------
    void bind_set_items(std::vector<bound::SetItem>& items, Scope& scope) {
        for (auto& item : items) {
            bind_expr(item.target.get(), scope, {});
            bind_expr(item.value.get(), scope, {});
            if (item.value) check_pattern_values(src_, *item.value, false);
        }
    }

    // The variable of UNWIND, FOREACH or LOAD CSV, which must be new.
    void bind_new_variable(bound::Clause& c, Scope& scope, VarType type) {
        if (scope.count(c.alias))
            fail(c.begin, "VariableAlreadyBound",
                 fmt::format("variable '{}' is already bound", c.alias));
        c.slot = new_slot(c.alias);
        scope[c.alias] = {c.slot, type};
    }

    void bind_clause(bound::Clause& c, Scope& scope, bool last, std::vector<std::string>& columns) {
        switch (c.kind) {
            case bound::ClauseKind::Match: {
                std::set<int> rels;
                Scope before = scope;
                for (auto& part : c.pattern)
                    bind_part(part, scope, PatternMode::Match, &rels, &before);
                bind_expr(c.where.get(), scope, {});
                check_where(src_, c.where.get(), scope);
                break;
            }
            case bound::ClauseKind::Unwind:
                bind_expr(c.expr.get(), scope, {});
                bind_new_variable(c, scope, VarType::Any);
                break;
            case bound::ClauseKind::Create:
                for (auto& part : c.pattern)
                    bind_part(part, scope, PatternMode::Create, nullptr, nullptr);
                break;
            case bound::ClauseKind::Foreach: {
                // The variable and what the body binds are seen by the body only.
                bind_expr(c.expr.get(), scope, {});
                Scope inner = scope;
                bind_new_variable(c, inner, element_type(*c.expr));
                std::vector<std::string> no_columns;
                for (auto& b : c.body) bind_clause(b, inner, false, no_columns);
                break;
            }
            case bound::ClauseKind::LoadCsv:
                bind_expr(c.expr.get(), scope, {});
                bind_new_variable(c, scope, c.with_headers ? VarType::Any : VarType::List);
                csv_line_slot_ = c.line_slot = new_slot("  linenumber");
                csv_file_slot_ = c.file_slot = new_slot("  file");
                break;
            case bound::ClauseKind::Merge: {
                Scope before = scope;
                for (auto& part : c.pattern)
                    bind_part(part, scope, PatternMode::Merge, nullptr, &before);
                bind_set_items(c.on_create, scope);
                bind_set_items(c.on_match, scope);
                break;
            }
            case bound::ClauseKind::Set:
            case bound::ClauseKind::Remove:
                bind_set_items(c.set_items, scope);
                break;
            case bound::ClauseKind::Delete:
                for (auto& e : c.exprs) {
                    // Only nodes, relationships and paths (or null) can be deleted.
                    if (e->kind == ExprKind::LabelTest)
                        fail(e->begin, "InvalidDelete", "DELETE removes entities, not labels");
                    if (e->kind == ExprKind::Binary ||
                        (e->kind == ExprKind::Literal && !e->value.is_null()))
                        fail(e->begin, "InvalidArgumentType",
                             "DELETE expects a node, a relationship or a path");
                    bind_expr(e.get(), scope, {});
                }
                break;
            case bound::ClauseKind::Schema:
                break;  // names only: nothing to bind
            case bound::ClauseKind::Call: {
                if (c.subquery) {
                    bind_call_subquery(*this, c, scope, last, columns);
                    break;
                }
                for (auto& e : c.exprs) bind_expr(e.get(), scope, {});
                auto info = find_procedure(c.procedure);
                if (!info)
                    fail(c.begin, "ProcedureNotFound",
                         fmt::format("unknown procedure {}", c.procedure), "ProcedureError");
                if (c.exprs.size() > info->inputs.size() ||
                    (c.has_arguments && c.exprs.size() < info->required_inputs))
                    fail(c.begin, "InvalidNumberOfArguments",
                         fmt::format("{} takes {} arguments", c.procedure, info->inputs.size()));
                check_procedure_arguments(src_, c, *info);
                if (!last && !c.has_arguments && !info->inputs.empty())
                    fail(c.begin, "InvalidArgumentPassingMode",
                         "a CALL inside a query must pass its arguments in parentheses");
                if (!last && c.yield_star)
                    fail(c.begin, "UnexpectedSyntax",
                         "YIELD * is only allowed in a CALL that stands alone");
                if (!last && c.yields.empty() && !c.yield_star && !info->outputs.empty())
                    fail(c.begin, "UndefinedVariable",
                         "a CALL inside a query must YIELD the fields it uses");
                if (c.yields.empty()) {
                    for (const auto& out : info->outputs) c.yields.push_back({out, out, -1});
                } else {
                    for (const auto& y : c.yields)
                        if (std::find(info->outputs.begin(), info->outputs.end(), y.field) ==
                            info->outputs.end())
                            fail(c.begin, "UndefinedVariable",
                                 fmt::format("{} yields no field '{}'", c.procedure, y.field));
                }
                for (auto& y : c.yields) {
                    if (scope.count(y.alias))
                        fail(c.begin, "VariableAlreadyBound",
                             fmt::format("variable '{}' is already bound", y.alias));
                    y.slot = new_slot(y.alias);
                    scope[y.alias] = {y.slot, VarType::Any};
                }
                bind_expr(c.where.get(), scope, {});
                if (last) {
                    columns.clear();
                    for (auto& y : c.yields) columns.push_back(y.alias);
                }
                break;
            }
            case bound::ClauseKind::With:
            case bound::ClauseKind::Return:
                bind_projection(c, scope);
                if (c.kind == bound::ClauseKind::Return) {
                    columns.clear();
                    for (auto& item : c.projection.items) columns.push_back(item.alias);
                    if (!last)
                        fail(c.begin, "InvalidClauseComposition", "RETURN must be the last clause");
                }
                break;
        }
    }

    // Checks that an expression of an aggregating projection uses variables only through
    // grouping keys; returns false when it does not.
    bool grouped(const bound::Expr& e, const std::set<std::string>& keys) const {
        if (is_aggregate_call(e)) return true;
        if (e.kind == ExprKind::Variable) return keys.count(canonical(e)) > 0;
        if (e.kind == ExprKind::Property && keys.count(canonical(e))) return true;
        if (e.kind == ExprKind::ListComprehension || e.kind == ExprKind::Quantifier ||
            e.kind == ExprKind::Reduce || e.kind == ExprKind::PatternComprehension)
            return true;  // local variables; checked no further
        for (const auto& a : e.args)
            if (a && !grouped(*a, keys)) return false;
        return true;
    }

    void collect_vars(const bound::Expr& e, std::set<std::string>& out) const {
        if (e.kind == ExprKind::Variable) out.insert(e.name);
        for (const auto& a : e.args)
            if (a) collect_vars(*a, out);
    }

    void check_constant(bound::ExprPtr& e, const char* what) {
        if (!e) return;
        std::set<std::string> vars;
        collect_vars(*e, vars);
        if (!vars.empty() || contains_aggregate(*e) || e->kind == ExprKind::PatternPredicate)
            fail(e->begin, "NonConstantExpression", fmt::format("{} must be a constant", what));
        Scope empty;
        bind_expr(e.get(), empty, {});
        if (e->kind == ExprKind::Literal) {
            if (e->value.kind() == Value::Kind::Int && e->value.as_int() < 0)
                fail(e->begin, "NegativeIntegerArgument",
                     fmt::format("{} cannot be negative", what));
            if (e->value.kind() != Value::Kind::Int)
                fail(e->begin, "InvalidArgumentType", fmt::format("{} must be an integer", what));
        }
    }

    void bind_projection(bound::Clause& c, Scope& scope) {
        bound::Projection& p = c.projection;
        bool is_with = c.kind == bound::ClauseKind::With;
        if (p.star) {
            if (scope.empty() && !is_with)
                fail(c.begin, "NoVariablesInScope", "RETURN * needs variables in scope");
            std::vector<bound::ProjectionItem> star;
            for (const auto& [name, var] : scope) {
                bound::ProjectionItem item;
                item.expr = bound::make_expr(ExprKind::Variable, c.begin, c.begin);
                item.expr->name = name;
                item.alias = name;
                item.has_alias = true;
                star.push_back(std::move(item));
            }
            for (auto& item : p.items) star.push_back(std::move(item));
            p.items = std::move(star);
        }
        ExprContext ctx;
        ctx.allow_aggregates = true;
        ctx.aggregates = &p.aggregates;
        std::set<std::string> aliases;
        for (auto& item : p.items) {
            bind_expr(item.expr.get(), scope, ctx);
            check_pattern_values(src_, *item.expr, false);
            if (is_with && !item.has_alias && item.expr->kind != ExprKind::Variable)
                fail(item.expr->begin, "NoExpressionAlias",
                     "an expression in WITH needs an alias (AS name)");
            if (!aliases.insert(item.alias).second)
                fail(item.expr->begin, "ColumnNameConflict",
                     fmt::format("column '{}' appears twice", item.alias));
        }
        p.aggregating = !p.aggregates.empty();
        std::set<std::string> keys;
        std::set<std::string> key_vars;
        for (auto& item : p.items) {
            if (!contains_aggregate(*item.expr)) {
                keys.insert(canonical(*item.expr));
                collect_vars(*item.expr, key_vars);
            }
        }
        if (p.aggregating) {
            for (auto& item : p.items)
                if (contains_aggregate(*item.expr) && !grouped(*item.expr, keys))
                    fail(item.expr->begin, "AmbiguousAggregationExpression",
                         "an expression mixing aggregates and variables must use grouping keys");
        }
        Scope next;
        for (auto& item : p.items) {
            item.slot = new_slot(item.alias);
            next[item.alias] = {item.slot, infer(*item.expr, scope)};
        }
        // ORDER BY sees the new names, and the old ones unless the projection collapses rows.
        Scope order_scope = scope;
        for (const auto& [name, var] : next) order_scope[name] = var;
        std::set<std::string> item_keys;
        for (auto& item : p.items) item_keys.insert(canonical(*item.expr));
        for (auto& s : p.order) {
            if (!p.aggregating && contains_aggregate(*s.expr))
                fail(s.expr->begin, "InvalidAggregation",
                     "ORDER BY can aggregate only when the projection aggregates");
            if (p.aggregating && contains_aggregate(*s.expr)) {
                // After an aggregating WITH only its projected names remain: an aggregate of
                // ORDER BY that the projection does not compute may use only those.
                if (is_with) check_new_order_aggregates(*s.expr, p, next);
                std::set<std::string> known = keys;
                for (const auto& [name, var] : next) {
                    bound::Expr v;
                    v.kind = ExprKind::Variable;
                    v.name = name;
                    known.insert(canonical(v));
                }
                if (!grouped(*s.expr, known)) {
                    std::set<std::string> used;
                    collect_vars(*s.expr, used);
                    for (const auto& u : used)
                        if (!next.count(u) && !key_vars.count(u))
                            fail(s.expr->begin, "UndefinedVariable",
                                 fmt::format("variable '{}' is not projected", u));
                    fail(s.expr->begin, "AmbiguousAggregationExpression",
                         "ORDER BY mixes aggregates with expressions that are not grouping keys");
                }
            } else if (p.aggregating || p.distinct) {
                check_order_key(*s.expr, next, item_keys, key_vars, p);
            }
            std::vector<bound::Expr*> order_aggregates;
            ExprContext octx;
            octx.allow_aggregates = p.aggregating;
            octx.aggregates = &order_aggregates;
            bind_expr(s.expr.get(), order_scope, octx);
            for (bound::Expr* a : order_aggregates) {
                for (bound::Expr* known : p.aggregates) {
                    if (canonical(*known) == canonical(*a)) {
                        a->aggregate_slot = known->aggregate_slot;
                        break;
                    }
                }
            }
            for (bound::Expr* a : order_aggregates) {
                bool found = false;
                for (bound::Expr* known : p.aggregates)
                    found |= known == a || known->aggregate_slot == a->aggregate_slot;
                if (!found) p.aggregates.push_back(a);
            }
        }
        check_constant(p.skip, "SKIP");
        check_constant(p.limit, "LIMIT");
        if (p.where) {
            if (contains_aggregate(*p.where))
                fail(p.where->begin, "InvalidAggregation", "WHERE cannot aggregate");
            bind_expr(p.where.get(), p.aggregating ? next : order_scope, {});
        }
        scope = std::move(next);
    }

    void check_order_key(const bound::Expr& e, const Scope& next,
                         const std::set<std::string>& items, const std::set<std::string>& key_vars,
                         const bound::Projection& p) {
        if (items.count(canonical(e))) return;
        if (is_aggregate_call(e)) return;
        if (e.kind == ExprKind::Variable) {
            if (next.count(e.name)) return;
            if (p.aggregating && key_vars.count(e.name))
                fail(e.begin, "AmbiguousAggregationExpression",
                     "ORDER BY mixes aggregates with variables that are not grouping keys");
            fail(e.begin, "UndefinedVariable",
                 fmt::format("variable '{}' is not projected by DISTINCT or aggregation", e.name));
        }
        for (const auto& a : e.args)
            if (a) check_order_key(*a, next, items, key_vars, p);
    }

    std::string_view text_;
    binding::Source src_;
    std::vector<std::string> names_;
    int csv_line_slot_ = -1, csv_file_slot_ = -1;  // of the last LOAD CSV, for linenumber()
};

}  // namespace

BoundQuery bind(const ast::Query& query, std::string_view text) { return Binder(text).run(query); }

}  // namespace liaison::query
