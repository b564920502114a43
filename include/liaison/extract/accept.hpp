#pragma once
/// @file
/// Committing reviewed candidates (docs/extract.md, "Review and accept"): the accepted facts,
/// matched to a database's entities as `liaison merge` matches them.
#include <map>
#include <string>
#include <vector>

#include "liaison/interchange/merge.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::extract {

struct AcceptCounts {
    long nodes = 0, edges = 0;                  // accepted (nodes include needed ends)
    long pending_nodes = 0, pending_edges = 0;  // left out, still to review
    long rejected_nodes = 0, rejected_edges = 0;
};

struct AcceptPlan {
    PropertyGraph facts;  // the accepted facts, without review-only properties
    AcceptCounts counts;
    // From the nodes' `match`: candidate id → database id, or "" for a new entity.
    std::map<std::string, std::string> decisions;
    // Nodes the candidates file marks `match: ambiguous` (candidates from `match_ids`).
    std::vector<Ambiguity> ambiguous;
};

/// Selects the accepted facts of a candidates file: accepted edges with their ends (a pending
/// end comes with its edge), accepted nodes; pending and rejected facts are left out and
/// counted. Drops `review`, `match` and `match_ids`; keeps `confidence` and `rule`, sources
/// (quotes and offsets) and the documents they cite. Throws InputError (naming `name`) when an
/// accepted edge has a rejected end, listing each such edge and end.
AcceptPlan plan_accept(const PropertyGraph& candidates, const std::string& name);

/// Folds the plan into `base` with merge_graphs (entity matching by id, iso3 and folded names;
/// the plan's decisions first). The result is incomplete (nothing to commit) when an entity is
/// ambiguous, in the file or against `base`.
/// `name` and `base_name` name the inputs in `merged_from`.
MergeResult merge_accepted(const PropertyGraph& base, const AcceptPlan& plan,
                           const std::string& name, const std::string& base_name);

}  // namespace liaison::extract
