#pragma once
// Binding the parts of a query that open a scope of their own inside a clause: quantified path
// patterns (`((x)-[r]->(y) WHERE …){1,3}`, whose variables are single elements inside the group
// and lists after it) and subqueries (`EXISTS { … }`, `COUNT { … }`, `COLLECT { … }`, which see
// the outer variables and add none). The binder (binder.cpp) calls these through NestedBinder.
#include <string>
#include <vector>

#include "query/binder/bound.hpp"
#include "query/binder/type_checks.hpp"

namespace liaison::query::binding {

// What binding a nested scope needs from the binder.
class NestedBinder {
public:
    virtual ~NestedBinder() = default;
    virtual int slot_for(const std::string& name) = 0;
    virtual void bind_in(bound::Expr* e, Scope& scope) = 0;
    virtual void bind_clause_in(bound::Clause& c, Scope& scope, bool last,
                                std::vector<std::string>& columns) = 0;
    virtual const Source& source() const = 0;
};

// Binds the group of `r` (a quantified path pattern) in a MATCH: each of its variables gets a
// slot, is known as a single node or relationship to the group's WHERE and property maps (with
// the variables of `before`, bound before the clause), and is added to `scope` as a list.
void bind_group(NestedBinder& b, bound::RelPattern& r, Scope& scope, const Scope& before,
                const std::string& path_var);

// Binds e.subquery with the variables of `scope` visible; its own variables stay inside.
void bind_subquery(NestedBinder& b, bound::Expr& e, const Scope& scope);

// Binds the clause `CALL { … }`: its body sees only what its first clause imports (`WITH a, b`,
// which is then dropped, the variables keeping their slots); its RETURN columns become c.yields
// and are added to `scope`. `last` and `columns` are the enclosing query's, as for any clause.
void bind_call_subquery(NestedBinder& b, bound::Clause& c, Scope& scope, bool last,
                        std::vector<std::string>& columns);

}  // namespace liaison::query::binding
