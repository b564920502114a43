#pragma once
// The bound tree: what the binder makes of a parsed query, and what the planner and executor
// read. Its shape follows the AST (the same kinds, operators and children, so the planner can
// still quote the source text by offsets), with what binding resolved: each variable's row slot,
// each function call's table entry, each aggregate's result slot, which pattern elements were
// bound before their clause, and which projections aggregate. The AST itself is never written.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "liaison/query/value.hpp"
#include "query/parser/ast.hpp"

namespace liaison::query {
struct FunctionDef;  // executor/functions.hpp
}

namespace liaison::query::bound {

// The vocabulary of the syntax stays that of the AST.
using ast::ClauseKind;
using ast::ExprKind;
using ast::MapItemKind;
using ast::NullOrder;
using ast::Op;
using ast::op_text;
using ast::PathFunction;
using ast::RelDirection;
using ast::SetKind;

struct Expr;
struct PatternPart;
struct SingleQuery;
using ExprPtr = std::unique_ptr<Expr>;

struct Expr {
    Expr() = default;
    // Frees the children through a worklist, as the AST does: a chain of 30,000 operators is a
    // tree that deep.
    ~Expr();
    Expr(Expr&&) = default;
    Expr& operator=(Expr&&) = default;

    ExprKind kind = ExprKind::Literal;
    Op op = Op::None;
    std::vector<Op> ops;                 // Comparison chain operators
    Value value;                         // Literal
    std::string name;                    // Variable / Parameter / Function / Property key
    std::string name2;                   // Reduce accumulator
    std::vector<std::string> keys;       // Map keys, MapProjection keys, LabelTest labels
    std::vector<MapItemKind> map_items;  // MapProjection item kinds
    std::vector<ExprPtr> args;           // children; nulls for absent optional parts
    std::unique_ptr<PatternPart> pattern;
    std::unique_ptr<SingleQuery> subquery;  // Exists, CountSubquery, CollectSubquery
    bool distinct = false;
    bool has_subject = false;
    bool has_else = false;
    std::size_t begin = 0, end = 0;  // source offsets

    // Resolved by the binder.
    int slot = -1;            // Variable: row slot; comprehensions: the iteration variable
    int slot2 = -1;           // Reduce: accumulator slot
    int aggregate_slot = -1;  // aggregate call: where the aggregated value lands
    const FunctionDef* function = nullptr;  // Function, CountStar: the table entry called
};

ExprPtr make_expr(ExprKind kind, std::size_t begin, std::size_t end);

struct NodePattern {
    std::string var;  // empty when anonymous
    std::vector<std::string> labels;
    ExprPtr properties;  // Map or Parameter, or null
    std::size_t begin = 0;
    int slot = -1;
    bool prebound = false;  // the variable was bound before this clause
};

struct RelPattern {
    std::string var;
    std::vector<std::string> types;  // alternatives (:A|B)
    ExprPtr properties;
    RelDirection direction = RelDirection::Both;
    bool var_length = false;
    std::optional<std::int64_t> min_hops, max_hops;
    std::size_t begin = 0;
    int slot = -1;  // a group's slot holds every relationship it crossed, in pattern order
    bool prebound = false;
    bool quantified = false;  // a GQL quantifier ({m,n}, +, *)
    // A quantified path pattern (see ast::RelPattern): the repeated pattern, whose variables
    // hold one element while `group_where` is checked and the list of them after the match.
    std::unique_ptr<PatternPart> group;
    ExprPtr group_where;
};

struct PatternPart {
    std::string path_var;
    PathFunction function = PathFunction::None;
    std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
    std::vector<RelPattern> rels;
    std::size_t begin = 0;
    int path_slot = -1;
};

struct SortItem {
    ExprPtr expr;
    bool descending = false;
    NullOrder nulls = NullOrder::Default;
};

struct ProjectionItem {
    ExprPtr expr;
    std::string alias;  // the column name
    bool has_alias = false;
    int slot = -1;
};

struct Projection {
    bool distinct = false;
    bool star = false;  // already expanded into items
    std::vector<ProjectionItem> items;
    std::vector<SortItem> order;
    ExprPtr skip, limit;
    ExprPtr where;
    bool aggregating = false;       // some item or sort key holds an aggregate call
    std::vector<Expr*> aggregates;  // every aggregate call in items and sort keys
};

struct SetItem {
    SetKind kind = SetKind::Property;
    ExprPtr target;
    ExprPtr value;
    std::vector<std::string> labels;
};

struct YieldItem {
    std::string field;
    std::string alias;
    int slot = -1;
};

struct Clause {
    ClauseKind kind = ClauseKind::Match;
    std::size_t begin = 0;
    bool optional = false;
    std::vector<PatternPart> pattern;
    ExprPtr where;
    Projection projection;
    ExprPtr expr;  // Unwind
    std::string alias;
    int slot = -1;  // Unwind
    std::vector<SetItem> set_items;
    std::vector<SetItem> on_create, on_match;
    std::vector<ExprPtr> exprs;  // Delete; Call arguments
    bool detach = false;
    std::string procedure;
    bool has_arguments = false;
    bool yield_star = false;
    std::vector<YieldItem> yields;  // Call: every field yielded, defaults filled in
    std::vector<Clause> body;       // Foreach; Call with subquery: without its importing WITH
    bool subquery = false;          // Call: CALL { … }, whose columns are in yields
    bool with_headers = false;      // LoadCsv
    char terminator = ',';
    int line_slot = -1;  // LoadCsv: hidden slots read by linenumber() and file()
    int file_slot = -1;
    ast::SchemaCommand schema;  // Schema
};

struct SingleQuery {
    std::vector<Clause> clauses;
};

struct Query {
    bool explain = false;
    bool profile = false;
    std::vector<SingleQuery> parts;
    std::vector<bool> union_all;
};

// The bound form of a parsed tree before binding: the same shape, nothing resolved. The binder
// starts from it; a constant expression (a parameter's literal text) can be evaluated from it.
ExprPtr from_ast(const ast::Expr& e);
Query from_ast(const ast::Query& q);

}  // namespace liaison::query::bound
