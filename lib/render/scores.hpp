#pragma once
// Node scores for sizing and communities for colouring a drawing, from the analysis request
// layer (liaison/analysis/registry.hpp): the same names and definitions as `liaison rank`.
#include <cstdint>
#include <string>
#include <vector>

#include "liaison/model/property_graph.hpp"

namespace liaison::render {

// Names accepted by node_scores: the registry's measures.
std::vector<std::string> available_scores();
std::string score_names();  // "degree, betweenness, …" for help texts

// One score per node index: the measure on the whole network read undirected and unweighted
// (a drawing's emphasis should not depend on which way a relation happens to be stored); degree
// counts every tie, parallel ones each. Throws ArgumentError naming `field` for an unknown name.
std::vector<double> node_scores(const PropertyGraph& g, const std::string& name,
                                const std::string& field = "--size-by");

// A community number per node index: the registry's default algorithm (Leiden) on the same
// projection, with this seed.
std::vector<int> communities(const PropertyGraph& g, std::uint64_t seed = 0);

}  // namespace liaison::render
