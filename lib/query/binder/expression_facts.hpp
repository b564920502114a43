#pragma once
// What the binder asks of an expression (expression_facts.cpp): whether it is or holds an
// aggregate call, whether it calls a volatile function. canonical() and contains_aggregate()
// are declared in binder.hpp for the planner.
#include "query/binder/bound.hpp"

namespace liaison::query {

// count(*) or a call of an aggregate function (not looking inside its arguments).
bool is_aggregate_call(const bound::Expr& e);
// Whether an expression calls a function whose value changes at each call (rand()).
bool calls_volatile(const bound::Expr& e);

}  // namespace liaison::query
