#pragma once
// The pipeline behind execute(), for the store's query entry point (store_query.cpp): internal,
// not installed, because it speaks of the parser's tree and the executor's writer.
#include <string_view>

#include "liaison/query/query.hpp"
#include "query/executor/context.hpp"
#include "query/parser/ast.hpp"

namespace liaison::query {

QueryResult run_query(const PropertyGraph& g, GraphWriter* writer, ast::Query query,
                      std::string_view text, const ValueMap& params,
                      const QueryLimits& limits = {});
bool has_updates(const ast::Query& q);

}  // namespace liaison::query
