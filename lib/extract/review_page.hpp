#pragma once
// The self-contained review page (`liaison review --html`): each article with every quote
// highlighted, the facts with accept / reject / edit, and a button that downloads the decisions
// as JSON for `liaison review --apply`. The page loads nothing from the network.
#include <map>
#include <string>

#include "liaison/model/property_graph.hpp"

namespace liaison::extract {

// `texts` maps a document id to its article's text; a document without one is shown by its
// quotes only.
std::string review_page(const PropertyGraph& candidates,
                        const std::map<std::string, std::string>& texts);

// The page's script and stylesheet (compiled in from review_page/).
extern const char* const kReviewScript;
extern const char* const kReviewStyle;

}  // namespace liaison::extract
