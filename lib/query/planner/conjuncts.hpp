#pragma once
// WHERE analysis for the planner: a predicate split at its top-level ANDs, the row slots each
// conjunct reads, and equalities `v.key = constant` that can seek a node through an index.
#include <set>
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

}  // namespace liaison::query
