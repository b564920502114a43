#pragma once
// Aggregate functions: count, sum, avg, min, max, collect, percentileCont, percentileDisc,
// stDev, stDevP. Nulls are skipped; DISTINCT keeps each value once.
#include <memory>
#include <string>

#include "liaison/query/value.hpp"
#include "query/executor/functions.hpp"
#include "query/executor/governor.hpp"

namespace liaison::query {

class Aggregator {
public:
    virtual ~Aggregator() = default;
    // `value` is the argument for this row; `extra` the second argument (percentiles).
    virtual void add(const Value& value, const Value& extra) = 0;
    virtual Value result() const = 0;
};

// `kind` from the function table; count_star for count(*).
// Aggregators that keep values check their growth with `gov`.
std::unique_ptr<Aggregator> make_aggregator(AggregateKind kind, bool distinct, bool count_star,
                                            Governor& gov);

}  // namespace liaison::query
