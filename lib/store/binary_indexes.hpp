#pragma once
// The property index definitions of a base image: u32 entries of GRAPH_INFO after the graph id
// and label (docs/storage-engine.md §4), read and checked here.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "liaison/model/index_definition.hpp"

namespace liaison::binary {

// Entries 2 .. count-1 of GRAPH_INFO, per index: name StrId, entity (0 node, 1 relationship),
// label or type StrId, property count, property StrIds. `u32(k)` reads entry k, `string_at(k)`
// the string entry k names (both check their bounds). Throws InputError naming the file and
// the entry: an entity other than 0 or 1, a count past the section, names not ascending, or a
// definition add_index refuses.
std::vector<IndexDefinition> read_index_definitions(
    std::uint64_t count, const std::function<std::uint32_t(std::uint64_t)>& u32,
    const std::function<std::string(std::uint64_t)>& string_at, const std::string& file);

}  // namespace liaison::binary
