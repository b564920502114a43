#pragma once
// Internal: how sections name entities, relations, dates and sources, so every section writes a
// fact the same way.
#include <string>
#include <vector>

#include "liaison/model/property_graph.hpp"
#include "liaison/report/document.hpp"
#include "report/sections.hpp"

namespace liaison::report::detail {

// The English name, else the Arabic one, else the id.
std::string english_name(const Node& n);
// An entity's English name cell (id attached) and its Arabic name cell.
Cell entity_cell(const PropertyGraph& g, NodeIndex n);
Cell arabic_cell(const PropertyGraph& g, NodeIndex n);
Cell labels_cell(const Node& n);  // "Person, Treaty"
// A relation type as read in English ("met with"), falling back to its name in lower case.
std::string relation_label(const PropertyGraph& g, RelationId type);
// "2025-11-24" or "2025-11-24 .. 2025-11-27"; empty for an undated fact.
std::string time_text(const TimeSpan& t);
// "Abdellatif Hammouchi met with Argentina".
std::string fact_text(const PropertyGraph& g, const Edge& e);
// The documents cited by sources, each once, in order, linking to the provenance appendix.
Cell sources_cell(const Context& c, const Sources& sources);
// The anchor of a document in the provenance appendix.
std::string document_anchor(const Context& c, const std::string& document);
// Nodes sorted by degree descending, then id.
void sort_by_degree(const Context& c, std::vector<NodeIndex>& nodes);
// Names joined with "; ", the first `max` of them, then "and N more".
std::string name_list(const PropertyGraph& g, const std::vector<NodeIndex>& nodes, std::size_t max);
// Resolves each name (LookupError when unknown or ambiguous), duplicates dropped, order kept.
std::vector<NodeIndex> resolve_all(const PropertyGraph& g, const std::vector<std::string>& names);
// "1 tie" / "3 ties".
std::string count_of(std::size_t n, const char* singular, const char* plural);

}  // namespace liaison::report::detail
