#pragma once
// Expression evaluation with openCypher's three-valued logic and null propagation.
#include "query/binder/bound.hpp"
#include "query/executor/context.hpp"

namespace liaison::query {

// Evaluates an expression against a row (comprehensions bind their variable in the row).
Value eval(const bound::Expr& e, Row& row, ExecContext& ctx);

// WHERE semantics: only true passes; null and false do not. Non-booleans are a TypeError.
bool eval_predicate(const bound::Expr& e, Row& row, ExecContext& ctx);

// The property `key` of a node, relationship or map; null for null; TypeError otherwise.
Value property_of(ExecContext& ctx, const Value& target, const std::string& key);

}  // namespace liaison::query
