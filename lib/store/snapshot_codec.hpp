#pragma once
// What a database file holds, in either store: the canonical JSON text (NAME.json) or a binary
// base image (NAME.liaison). The Database's protocol (journal, lock, compaction) is the same for
// both; only these two steps differ.
#include <string>
#include <string_view>

#include "liaison/model/property_graph.hpp"

namespace liaison::store {

// The bytes of the database file `path` holding `g`.
std::string encode_snapshot(const PropertyGraph& g, const std::string& path);
// The graph those bytes hold. With `full_check`, a binary image is also held to every rule of
// the native reader (as its JSON text would be), before a new file is written from it.
PropertyGraph decode_snapshot(std::string_view bytes, const std::string& path,
                              bool full_check = false);

}  // namespace liaison::store
