#pragma once
// How graph entities look to queries. A node's properties are its stored properties plus its
// names: `name` (English, else Arabic), `name_en`, `name_ar`, `aliases` (only those that are
// set; a stored property of the same key wins). `id` reads the node's slug id unless a property
// named id is stored; `date`, `start` and `end` read the entity's time span as dates;
// nodes created by queries get ids "node-<k>", which read as no id. Relationships expose their
// stored properties.
#include <string>
#include <string_view>

#include "liaison/core/value.hpp"
#include "query/executor/context.hpp"

namespace liaison::query {

// Ids of nodes created by queries ("node-<k>"); they are not shown as an `id` property.
bool is_generated_id(std::string_view id);

// The value itself when it can be stored as a property (liaison::why_not_storable); throws
// TypeError (InvalidPropertyType) for maps, nodes, relationships, paths and nested lists.
const Value& storable(const Value& v);

Value node_property(ExecContext& ctx, NodeRef n, std::string_view key);
// The same without the query's context (property indexes read it).
Value node_property_value(const PropertyGraph& g, NodeIndex n, std::string_view key);
Value rel_property(ExecContext& ctx, RelRef r, std::string_view key);
ValueMap node_properties(ExecContext& ctx, NodeRef n);
ValueMap rel_properties(ExecContext& ctx, RelRef r);
ValueList node_labels(ExecContext& ctx, NodeRef n);
std::string rel_type(ExecContext& ctx, RelRef r);

// Throws EntityNotFound when the entity was deleted by this query.
void check_alive(ExecContext& ctx, const Value& v);

// openCypher's literal text of a value as the TCK writes results: strings quoted, nodes as
// (:Label {key: value}), relationships as [:TYPE {key: value}], paths as <(a)-[r]->(b)>.
std::string to_cypher_text(ExecContext& ctx, const Value& v);

}  // namespace liaison::query
