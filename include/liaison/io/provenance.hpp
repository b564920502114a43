#pragma once
// Checking that every cited quote stands verbatim in its document.
#include <string>
#include <vector>

#include "liaison/model/property_graph.hpp"

namespace liaison {

// For each source of each node and edge, reads the document's file (Document::file, relative to
// `documents_dir`) and checks the quote is an exact substring. Returns one message per problem
// ("edge a -MET_WITH-> b: quote not found in doc-000 (000_x.txt): «…»"); empty when all hold.
// When a source gives offsets, also checks that the document's text at [start, end) (in code
// points) is the quote. Also reports nodes and edges without any source when `require_sources`
// is set.
std::vector<std::string> check_provenance(const PropertyGraph& g, const std::string& documents_dir,
                                          bool require_sources);

}  // namespace liaison
