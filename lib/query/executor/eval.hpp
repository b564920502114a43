#pragma once
// Expression evaluation with openCypher's three-valued logic and null propagation.
#include "query/executor/context.hpp"
#include "query/parser/ast.hpp"

namespace liaison::query {

// Evaluates an expression against a row (comprehensions bind their variable in the row).
Value eval(const ast::Expr& e, Row& row, ExecContext& ctx);

// WHERE semantics: only true passes; null and false do not. Non-booleans are a TypeError.
bool eval_predicate(const ast::Expr& e, Row& row, ExecContext& ctx);

// Calls a non-aggregate function on evaluated arguments (functions.cpp).
Value call_function(const std::string& lower_name, std::vector<Value>& args, ExecContext& ctx);

// The property `key` of a node, relationship or map; null for null; TypeError otherwise.
Value property_of(ExecContext& ctx, const Value& target, const std::string& key);

}  // namespace liaison::query
