#pragma once
// Tokens → AST. Throws QueryError (stage Parser, category SyntaxError) naming the line, the
// column and what was expected ("expected ')' but found 'RETURN'").
#include <string_view>

#include "query/parser/ast.hpp"

namespace liaison::query {

ast::Query parse_query(std::string_view text);

// Parses a single expression (used for literals in tests and --param values).
ast::ExprPtr parse_expression(std::string_view text);

}  // namespace liaison::query
