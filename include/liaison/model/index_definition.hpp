#pragma once
/// @file
/// Property index definitions (`CREATE INDEX … FOR (n:Label) ON (n.prop)`): part of a network's
/// schema, saved with it in both stores (docs/format.md, "Indexes"). Only the definition is
/// stored; the query engine builds the index itself in memory from the graph.
#include <string>
#include <string_view>
#include <vector>

namespace liaison {

struct IndexDefinition {
    std::string name;                     // [A-Za-z_][A-Za-z0-9_]*, unique in the network
    bool relationships = false;           // FOR ()-[r:TYPE]-() rather than FOR (n:Label)
    std::string label;                    // the node label, or the relationship type
    std::vector<std::string> properties;  // one or more keys, in the order given
    bool operator==(const IndexDefinition&) const = default;
    // Same target and properties (the name aside): Neo4j's "equivalent" index.
    bool equivalent(const IndexDefinition& other) const;
};

bool is_index_name(std::string_view name);  // [A-Za-z_][A-Za-z0-9_]*, at most 200 bytes

// Throws ArgumentError naming what is wrong (the name, the label or type, a property).
void check_index_definition(const IndexDefinition& d);
// "index_" and eight hex digits of a hash of the target and properties: a stable default name.
std::string default_index_name(const IndexDefinition& d);

// The definitions of a network, kept sorted by name. add_index throws ArgumentError for an
// invalid definition, a name in use or an equivalent index; drop_index returns false when there
// is no index of that name.
void add_index(std::vector<IndexDefinition>& indexes, IndexDefinition d);
bool drop_index(std::vector<IndexDefinition>& indexes, std::string_view name);
const IndexDefinition* find_index(const std::vector<IndexDefinition>& indexes,
                                  std::string_view name);

}  // namespace liaison
