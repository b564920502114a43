#pragma once
// Finding an entity the way an analyst names it: by id or by any spelling of any name.
#include <string_view>
#include <vector>

#include "model/property_graph.hpp"

namespace liaison {

struct LookupResult {
    std::vector<NodeIndex> matches;  // best tier that matched, sorted by id
    enum class Tier { None, Id, ExactName, Words } tier = Tier::None;
};

// Tries, in order: the id; a name or alias equal after folding; names or aliases containing all
// the query's folded words (so "حموشي" finds "عبد اللطيف حموشي"). Returns the first tier that
// matches anything.
LookupResult lookup(const PropertyGraph& g, std::string_view query);

// The single entity a query names; throws LookupError when none matches ("no entity named …")
// or several do ("… is ambiguous: a (A), b (B)").
NodeIndex resolve(const PropertyGraph& g, std::string_view query);

}  // namespace liaison
