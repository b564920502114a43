#pragma once
// AST → bound query: builds the bound tree (binder/bound.hpp) from the parsed one, which it
// leaves as parsed; resolves every variable to a row slot and every function call to its table
// entry, checks scoping, aggregation, pattern rules and the argument types known before running,
// and throws QueryError (stage Binder, SyntaxError with an openCypher code such as
// UndefinedVariable or VariableAlreadyBound) naming the line and column.
//
// Slots are global to a query: each variable binding gets its own slot in one row vector, so
// operators never remap rows; WITH and RETURN only change which slots a name refers to.
#include <string>
#include <string_view>
#include <vector>

#include "query/binder/bound.hpp"
#include "query/parser/ast.hpp"

namespace liaison::query {

struct BoundQuery {
    bound::Query tree;
    int slot_count = 0;
    std::vector<std::string> slot_names;  // for EXPLAIN; "  anon_3" for anonymous elements
    std::vector<std::string> columns;     // of the final RETURN (empty for write-only queries)
    std::string text;                     // the query text (for EXPLAIN)
};

BoundQuery bind(const ast::Query& query, std::string_view text);

// A canonical text of an expression: equal for expressions written alike up to spacing and
// keyword case (used to match ORDER BY keys and grouping keys).
std::string canonical(const bound::Expr& e);

// Whether an expression contains an aggregate call (outside nested comprehension scopes too).
bool contains_aggregate(const bound::Expr& e);

}  // namespace liaison::query
