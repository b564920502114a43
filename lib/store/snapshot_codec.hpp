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
// The bytes of a new database file `path` holding `g`, once `g` is known to keep the native
// format's rules (an InputError naming the entity and field otherwise): what create and replace
// write.
std::string encode_new_snapshot(const PropertyGraph& g, const std::string& path);
// The graph those bytes hold.
PropertyGraph decode_snapshot(std::string_view bytes, const std::string& path);
// The same graph as a later open reads it: a binary base is served lazily from `bytes`, which
// the caller keeps alive and unchanged while the graph is used.
PropertyGraph view_snapshot(std::string_view bytes, const std::string& path);

}  // namespace liaison::store
