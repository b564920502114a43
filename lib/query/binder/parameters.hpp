#pragma once
// The parameters a bound query needs, checked before it runs: a query that reads `$x` (or a
// standalone `CALL p` that takes its arguments from the parameters) fails at compile time when
// `x` was not given, as openCypher wants, not at the first row that reads it.
#include "liaison/query/value.hpp"
#include "query/binder/binder.hpp"

namespace liaison::query {

// Throws QueryError (ParameterMissing, MissingParameter) naming the first parameter missing
// from `params` (sorted by name).
void check_parameters(const BoundQuery& q, const ValueMap& params);

}  // namespace liaison::query
