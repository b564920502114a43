#pragma once
// Gold networks for scoring: a network of several articles (graphs/) restricted to one of them.
#include <string_view>

#include "liaison/model/property_graph.hpp"

namespace liaison::extract {

// The nodes and edges a document's quotes support, with the ends of those edges and that one
// document: the gold of one article.
PropertyGraph restrict_to_document(const PropertyGraph& g, std::string_view document);

}  // namespace liaison::extract
