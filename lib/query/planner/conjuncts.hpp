#pragma once
// WHERE analysis for the planner: a predicate split at its top-level ANDs, the row slots each
// conjunct reads, and equalities `v.key = constant` that can seek a node through an index.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "query/binder/bound.hpp"

namespace liaison::query {

// `a AND (b AND c)` → a, b, c (a row passes the whole only when it passes each).
void split_conjuncts(const bound::Expr& e, std::vector<const bound::Expr*>& out);

// Every row slot an expression may read: its variables and the elements of nested patterns.
void referenced_slots(const bound::Expr& e, std::set<int>& out);

// For `v.key = c` or `c = v.key`, with v the variable in `slot` and c a parameter or a string
// literal: c. Else nullptr.
const bound::Expr* key_equality(const bound::Expr& e, int slot, std::string_view key);

// A condition a property index can answer for the variable in `slot`: `v.key = c`, `v.key IN c`
// or `v.key < c` (<=, >, >=; either side), with c a literal or a parameter (see seek_value). `op`
// is the seek as `v.key op c` (Eq, In, Lt, Le, Gt, Ge); `value` is c.
struct IndexCondition {
    std::string key;
    bound::Op op = bound::Op::Eq;
    const bound::Expr* value = nullptr;
};
// `bound` holds the slots bound before the pattern: c may also be a variable among them or a
// property of one (`UNWIND $ids AS x MATCH (n:L {key: x})`).
std::optional<IndexCondition> index_condition(const bound::Expr& e, int slot,
                                              const std::set<int>& bound);
// Whether an index seek may evaluate `e` before the match: a literal, a parameter, a list of
// literals, or a variable bound earlier (or a property of one).
bool seek_value(const bound::Expr& e, const std::set<int>& bound);

}  // namespace liaison::query
