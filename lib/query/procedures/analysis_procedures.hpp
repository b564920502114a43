#pragma once
// The analysis registry's algorithms as query procedures, one per name
// (liaison/analysis/registry.hpp):
//   CALL liaison.pagerank({types: ['MET_WITH']}) YIELD node, score
//   CALL liaison.degree / betweenness / closeness / harmonic / eigenvector / katz / clustering /
//        core (config) YIELD node, score
//   CALL liaison.leiden / louvain / label_propagation ({resolution: 1.0, seed: 0})
//        YIELD node, community
// The config map selects the projection: labels, types, direction ('undirected' (default),
// 'directed', 'reversed'), from / to (a date value or a window text: '2025', '2023..2025', an
// event's id), keep_undated, weight (an edge property, or 'count'), fold (a label folded
// away, e.g. 'Event'); every other key is an option of the algorithm, with the registry's
// defaults and checks (an unknown key is an error naming the nearest option).
namespace liaison::query {

// Adds the procedures to the registry (idempotent).
void register_analysis_procedures();

}  // namespace liaison::query
