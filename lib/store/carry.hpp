#pragma once
// Carrying the commits made while a compaction was being built over to the snapshot it built
// (docs/storage-engine.md §8 B), so that a compaction beside steady writers still finishes.
#include <string>
#include <string_view>
#include <vector>

#include "liaison/model/property_graph.hpp"
#include "liaison/store/journal.hpp"

namespace liaison::store {

// `state` is the graph that `snapshot` (the bytes of the database file `path`) was encoded
// from, `tail` the transactions of journal `jpath` committed after it, in order. Applies them
// to `state` and returns each one's list of operations as it must read on top of `snapshot`.
// A journal names a parallel edge by its place among the edges with its ends and type, in edge
// order, and the snapshot's canonical order may place them differently; so an edge an
// operation names is found in `state` and renamed by its counterpart in the snapshot's graph:
// among the edges there of equal content, the one at the same place. Throws (an Error) when an
// operation does not apply; `state` is then part-way.
std::vector<std::string> carry_over(PropertyGraph& state, std::string_view snapshot,
                                    const std::string& path, const std::vector<JournalRecord>& tail,
                                    const std::string& jpath);

}  // namespace liaison::store
