#pragma once
// Bound query → a tree of operators per UNION part. For each pattern part the planner picks the
// start node by selectivity: a node bound earlier (cost 0), a node given by id (`{id: 'x'}` or
// `WHERE n.id = 'x'`, cost 1), a node given by name (likewise, via the name index), else the
// label with the fewest nodes, else a scan of all nodes; then it expands to both sides from
// there. So `(a:Person)-->(b:Country {id: 'mar'})` starts at the country however the pattern
// is written. WHERE conjuncts are checked inside the match as soon as their variables are bound.
#include <string>
#include <vector>

#include "liaison/model/property_graph.hpp"
#include "query/binder/binder.hpp"
#include "query/executor/operator.hpp"
#include "query/executor/operators.hpp"

namespace liaison::query {

struct Plan {
    std::vector<OperatorPtr> roots;              // one per UNION part
    std::vector<std::vector<int>> column_slots;  // per part, the slots of the columns
    std::vector<bool> union_all;
    std::vector<std::string> columns;
    bool updates = false;  // has CREATE/MERGE/SET/REMOVE/DELETE
};

// The plan reads the bound tree of `query`, which must outlive it.
Plan plan_query(const BoundQuery& query, const PropertyGraph& g);

// The plan of a subquery (EXISTS, COUNT or COLLECT { … }): its operators start from `arg`,
// which is given the outer row before each run; `columns` are the slots its RETURN fills.
struct SubqueryPlan {
    OperatorPtr root;
    Argument* arg = nullptr;
    std::vector<int> columns;
};
SubqueryPlan plan_subquery(const bound::SingleQuery& sq, int slot_count, std::string_view text,
                           const PropertyGraph& g);

// A pattern part as text, e.g. "(a:Person)-[:MET_WITH]-(b)".
std::string pattern_text(const bound::PatternPart& part);

}  // namespace liaison::query
