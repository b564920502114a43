#pragma once
// The abstract syntax tree of a query, as parsed. Nodes own their children through
// std::unique_ptr and carry a kind tag. The binder reads it and builds a separate bound tree
// (binder/bound.hpp); nothing writes into it after parsing.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "liaison/model/index_definition.hpp"
#include "liaison/query/value.hpp"

namespace liaison::query::ast {

struct Expr;
struct PatternPart;
struct SingleQuery;
using ExprPtr = std::unique_ptr<Expr>;

enum class ExprKind {
    Literal,               // value
    Parameter,             // name
    Variable,              // name
    Property,              // args[0].name
    Subscript,             // args[0][args[1]]
    Slice,                 // args[0][args[1]..args[2]]; absent bounds are null pointers
    List,                  // [args...]
    Map,                   // {keys[i]: args[i]}
    Unary,                 // op (Not, Neg, Pos) args[0]
    Binary,                // op args[0] args[1]
    Comparison,            // args[0] ops[0] args[1] ops[1] args[2] ... (a chain: a < b < c)
    IsNull,                // args[0] IS NULL
    IsNotNull,             // args[0] IS NOT NULL
    LabelTest,             // args[0]:labels...
    Function,              // name(args), distinct
    CountStar,             // count(*)
    Case,                  // [subject] (when then)* [else]; see has_subject / has_else
    ListComprehension,     // [name IN args[0] WHERE args[1] | args[2]]; absent parts null
    Quantifier,            // all/any/none/single(name IN args[0] WHERE args[1]); op = quantifier
    Reduce,                // reduce(name2 = args[0], name IN args[1] | args[2])
    PatternComprehension,  // [path_var = pattern WHERE args[0] | args[1]]
    PatternPredicate,      // a pattern used as a boolean (exists)
    MapProjection,         // name {items}: keys/args with map_items kinds
    Exists,                // exists(args[0]) on a property, or EXISTS { pattern | subquery }
    CountSubquery,         // COUNT { subquery }: the number of its rows
    CollectSubquery,       // COLLECT { subquery }: its one column as a list
};

enum class Op {
    None,
    // unary
    Not,
    Neg,
    Pos,
    // arithmetic
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    Pow,
    // boolean
    And,
    Or,
    Xor,
    // comparison
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    // predicates
    In,
    StartsWith,
    EndsWith,
    Contains,
    Regex,
    // quantifiers
    All,
    Any,
    None_,
    Single,
};

const char* op_text(Op op);

enum class MapItemKind { Property, AllProperties, Literal, Variable };

struct Expr {
    Expr() = default;
    // Frees the children through a worklist: a chain of 30,000 operators is a tree that deep,
    // and a recursive destructor would exhaust the stack.
    ~Expr();
    Expr(Expr&&) = default;
    Expr& operator=(Expr&&) = default;

    ExprKind kind = ExprKind::Literal;
    Op op = Op::None;
    std::vector<Op> ops;                   // Comparison chain operators
    Value value;                           // Literal
    std::string name;                      // Variable / Parameter / Function / Property key
    std::string name2;                     // Reduce accumulator
    std::vector<std::string> keys;         // Map keys, MapProjection keys, LabelTest labels
    std::vector<MapItemKind> map_items;    // MapProjection item kinds
    std::vector<ExprPtr> args;             // children; may hold nulls for absent optional parts
    std::unique_ptr<PatternPart> pattern;  // PatternPredicate / PatternComprehension / Exists
    std::shared_ptr<const SingleQuery> subquery;  // Exists, Count/CollectSubquery: { MATCH … }
    bool distinct = false;                        // Function
    bool has_subject = false;                     // Case
    bool has_else = false;                        // Case
    std::size_t begin = 0, end = 0;               // source offsets
};

ExprPtr make_expr(ExprKind kind, std::size_t begin, std::size_t end);

// The tree height every stage can recurse over safely (binder, planner, evaluator); the parser
// rejects deeper expressions.
inline constexpr std::size_t kMaxExprHeight = 1000;
// The first node of `e` deeper than `limit` levels (counting `e` as level 1), or null. Iterative.
const Expr* deeper_than(const Expr& e, std::size_t limit);
ExprPtr clone(const Expr& e);

enum class RelDirection { Left, Right, Both };  // <-[]-, -[]->, -[]-

struct NodePattern {
    std::string var;  // empty when anonymous
    std::vector<std::string> labels;
    ExprPtr properties;  // Map or Parameter, or null
    std::size_t begin = 0;
};

struct RelPattern {
    std::string var;
    std::vector<std::string> types;  // alternatives (:A|B)
    ExprPtr properties;
    RelDirection direction = RelDirection::Both;
    bool var_length = false;
    std::optional<std::int64_t> min_hops, max_hops;  // for var_length; absent = default
    std::size_t begin = 0;
    // Written with a GQL quantifier (`-[r]-{1,3}`, `+`, `*`) rather than `*1..3`.
    bool quantified = false;
    // A quantified path pattern `((x)-[r]->(y) WHERE c){1,3}` is one element of its part,
    // standing between two of its nodes: `group` is the repeated pattern (its first and last
    // nodes meet the neighbouring ones), `group_where` its condition; min_hops and max_hops
    // count repetitions.
    std::shared_ptr<const PatternPart> group;
    std::shared_ptr<const Expr> group_where;
};

enum class PathFunction { None, Shortest, AllShortest };

struct PatternPart {
    std::string path_var;
    PathFunction function = PathFunction::None;
    std::vector<NodePattern> nodes;  // nodes.size() == rels.size() + 1
    std::vector<RelPattern> rels;
    std::size_t begin = 0;
};

std::unique_ptr<PatternPart> clone(const PatternPart& p);

// Where nulls sort: by default (GQL, Neo4j) last ascending and first descending.
enum class NullOrder { Default, First, Last };

struct SortItem {
    ExprPtr expr;
    bool descending = false;
    NullOrder nulls = NullOrder::Default;
};

struct ProjectionItem {
    ExprPtr expr;
    std::string alias;  // the column name: the alias, or the expression's text
    bool has_alias = false;
};

struct Projection {
    bool distinct = false;
    bool star = false;
    std::vector<ProjectionItem> items;
    std::vector<SortItem> order;
    ExprPtr skip, limit;
    ExprPtr where;  // WITH ... WHERE
};

enum class SetKind { Property, Replace, Merge, Labels };  // n.p = v, n = map, n += map, n:L

struct SetItem {
    SetKind kind = SetKind::Property;
    ExprPtr target;  // Property expression (n.p) or Variable
    ExprPtr value;
    std::vector<std::string> labels;
};

enum class ClauseKind {
    Match,
    Unwind,
    With,
    Return,
    Create,
    Merge,
    Set,
    Delete,
    Remove,
    Call,
    Foreach,  // FOREACH (alias IN expr | body...)
    LoadCsv,  // LOAD CSV [WITH HEADERS] FROM expr AS alias [FIELDTERMINATOR terminator]
    Schema,   // CREATE INDEX / DROP INDEX, a statement of its own (parse_schema.cpp)
};

// CREATE INDEX … FOR (n:Label) ON (n.p) or DROP INDEX name.
struct SchemaCommand {
    bool drop = false;
    bool if_exists = false;  // CREATE … IF NOT EXISTS, DROP … IF EXISTS
    IndexDefinition index;   // DROP: the name only; CREATE: an empty name takes a default
};

struct YieldItem {
    std::string field;
    std::string alias;
};

struct Clause {
    ClauseKind kind = ClauseKind::Match;
    std::size_t begin = 0;
    bool optional = false;                     // OPTIONAL MATCH
    std::vector<PatternPart> pattern;          // Match, Create, Merge (one part)
    ExprPtr where;                             // Match, Call
    Projection projection;                     // With, Return
    ExprPtr expr;                              // Unwind
    std::string alias;                         // Unwind
    std::vector<SetItem> set_items;            // Set, Remove
    std::vector<SetItem> on_create, on_match;  // Merge
    std::vector<ExprPtr> exprs;                // Delete; Call arguments
    bool detach = false;                       // Delete
    std::string procedure;                     // Call: dotted name
    bool has_arguments = false;                // Call: parentheses given
    bool yield_star = false;
    std::vector<YieldItem> yields;  // Call
    std::vector<Clause> body;       // Foreach: the update clauses run per element; CALL { body }
    bool subquery = false;          // Call: CALL { … } rather than a procedure
    bool with_headers = false;      // LoadCsv
    char terminator = ',';          // LoadCsv: FIELDTERMINATOR
    SchemaCommand schema;           // Schema
};

struct SingleQuery {
    std::vector<Clause> clauses;
};

// Calls f on each expression a pattern part or a clause holds directly (not on their children).
void for_each_expr(const PatternPart& p, const std::function<void(const Expr*)>& f);
void for_each_expr(const Clause& c, const std::function<void(const Expr*)>& f);

struct Query {
    bool explain = false;
    bool profile = false;
    std::vector<SingleQuery> parts;  // joined by UNION
    std::vector<bool> union_all;     // parts.size() - 1 flags
};

}  // namespace liaison::query::ast
