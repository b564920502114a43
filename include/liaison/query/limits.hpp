#pragma once
// What a query may spend and what it changed: the limits given to execute() and the counts it
// returns (QueryResult::stats).
#include <cstdint>

namespace liaison::query {

// Bounds on one query's time and memory; reaching one throws QueryError (ResourceError).
struct QueryLimits {
    double timeout_seconds = 60;                        // 0: no limit
    std::uint64_t max_memory = std::uint64_t{2} << 30;  // bytes of growth; 0: no limit
    // Repetitions of a GQL quantifier (`((a)-->(b)){1,5}`, `+`, `*`, `-[r]-{2,}`): a path of an
    // unbounded one that would repeat more often, or a larger upper bound, is an error.
    std::int64_t max_quantifier = 100;
};

// What an updating query changed.
struct QueryStats {
    std::int64_t nodes_created = 0;
    std::int64_t nodes_deleted = 0;
    std::int64_t relationships_created = 0;
    std::int64_t relationships_deleted = 0;
    std::int64_t labels_added = 0;
    std::int64_t labels_removed = 0;
    std::int64_t properties_set = 0;
    std::int64_t indexes_added = 0;  // CREATE INDEX / DROP INDEX
    std::int64_t indexes_removed = 0;
    bool contains_updates() const {
        return nodes_created || nodes_deleted || relationships_created || relationships_deleted ||
               labels_added || labels_removed || properties_set || indexes_added || indexes_removed;
    }
};

}  // namespace liaison::query
