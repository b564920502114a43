#pragma once
/// @file
/// Finding an entity the way an analyst names it: by id or by any spelling of any name.
#include <string_view>
#include <vector>

#include "liaison/model/property_graph.hpp"

namespace liaison {

struct LookupResult {
    std::vector<NodeIndex> matches;  // best tier that matched, sorted by id
    enum class Tier { None, Id, ExactName, Words } tier = Tier::None;
};

// Tries, in order: the id; a name or alias equal after folding; names or aliases containing all
// the query's folded words (so "حموشي" finds "عبد اللطيف حموشي"). Returns the first tier that
// matches anything.
LookupResult lookup(const PropertyGraph& g, std::string_view query);

// When a query names nothing: the entities whose names come closest, best first, at most `max`.
// Each folded query word must be within a third of its length (edits, at least 1) of some word
// of one name or alias, Arabic or English, after common transliteration variants are made alike
// (doubled letters, ou/u, ch/sh); fewer edits in total rank first.
std::vector<NodeIndex> closest_names(const PropertyGraph& g, std::string_view query,
                                     std::size_t max = 5);

/// The single entity a query names; throws LookupError when none matches ("no entity named …")
/// (with the closest names, if any) or several do ("… is ambiguous: a (A), b (B)").
NodeIndex resolve(const PropertyGraph& g, std::string_view query);

}  // namespace liaison
