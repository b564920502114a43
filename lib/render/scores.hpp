#pragma once
// Node scores for sizing and communities for colouring a drawing. Degree is computed here; the
// other scores and communities come from lib/analysis when the build has it.
#include <string>
#include <vector>

#include "model/property_graph.hpp"

namespace liaison::render {

// Names accepted by node_scores, e.g. {"degree", "betweenness", "pagerank"}.
std::vector<std::string> available_scores();
std::string score_names();  // "degree, betweenness, …" for help texts

// One score per node index. "degree" counts incident edges (see degree_scores); the others are
// lib/analysis's definitions on the whole graph read undirected. Throws ArgumentError for an
// unknown or unavailable name.
std::vector<double> node_scores(const PropertyGraph& g, const std::string& name);

// A community number per node index (Louvain, fixed seed, undirected); throws ArgumentError when
// the build has no lib/analysis.
std::vector<int> communities(const PropertyGraph& g);

}  // namespace liaison::render
