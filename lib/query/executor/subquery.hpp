#pragma once
// EXISTS { … }, COUNT { … } and COLLECT { … } with a subquery: planned once per query (on first
// use, from the bound tree) and run for each outer row, which the subquery reads through an
// Argument operator.
#include "query/binder/bound.hpp"
#include "query/executor/context.hpp"

namespace liaison::query {

// Whether the subquery has a row (Exists), how many (CountSubquery), or its one column as a
// list (CollectSubquery), for the outer `row`.
Value eval_subquery(const bound::Expr& e, const Row& row, ExecContext& ctx);

}  // namespace liaison::query
