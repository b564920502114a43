#pragma once
// The analysis algorithms as query procedures (lib/analysis):
//   CALL liaison.pagerank({types: ['MET_WITH']}) YIELD node, score
//   CALL liaison.degree / betweenness / closeness / harmonic / eigenvector / katz (config)
//        YIELD node, score
//   CALL liaison.louvain({resolution: 1.0, seed: 0}) YIELD node, community
// The config map selects the projection: labels, types, direction ('undirected' (default),
// 'directed', 'reversed'), from / to (a time window: '2025', '2025-11-24'), weight (an edge
// property; weighted by it), fold (a label folded away, e.g. 'Event'); and the algorithm's
// options: damping, normalized, resolution, seed.
namespace liaison::query {

// Adds the procedures to the registry (idempotent).
void register_analysis_procedures();

}  // namespace liaison::query
