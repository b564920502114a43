#pragma once
// The flat view of nodes and edges shared by every interchange format: a record of named,
// typed attributes per element (what GraphML keys, GEXF attributes, CSV columns, DOT attributes
// and JSON members hold), plus the graph-level metadata the formats carry as JSON text.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "liaison/core/value.hpp"
#include "liaison/interchange/error.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::flat {

// How an attribute's values are written as text, decided per key over all elements:
// one scalar kind → that kind (a date or temporal type as its ISO text); lists of strings →
// List; anything else (mixed kinds, nulls, lists holding dates or numbers) → Json, the native
// format's JSON for each value.
enum class AttrType {
    Bool,
    Int,
    Float,
    String,
    Date,
    List,
    Json,
    LocalTime,
    Time,
    LocalDateTime,
    DateTime,
    Duration
};
// "boolean", "long", "double", "string", "date", "string[]", "json", "localtime", "time",
// "localdatetime", "datetime", "duration" (Neo4j's names for the last five).
const char* type_name(AttrType type);
std::optional<AttrType> parse_type(std::string_view name);
// Dates, the temporal types and durations: written as ISO text, typed by their name.
bool is_typed_text(AttrType type);

using Record = std::vector<std::pair<std::string, Value>>;

// Keys with a fixed meaning. Node: labels, name_ar, name_en, aliases, date, start, end, sources.
// Edge: type, symmetric, date, start, end, sources. A property whose key is reserved (or starts
// with "property.") is written as "property.KEY" so it cannot shadow them.
inline constexpr const char* kPropertyPrefix = "property.";
std::string property_key(std::string_view key, bool edge);
// The property a flat key names ("property.type" → "type"); nullopt for reserved keys.
std::optional<std::string> property_of(std::string_view key, bool edge);

// Node → record: reserved keys first, then properties (sorted). Sources are JSON text.
Record flatten_node(const Node& node);
Record flatten_edge(const PropertyGraph& g, const Edge& edge);

// Key order and types of one domain (nodes or edges), inferred from the records.
struct Schema {
    std::vector<std::string> keys;  // reserved keys first, in their fixed order, then sorted
    std::map<std::string, AttrType, std::less<>> types;
    AttrType type_of(std::string_view key) const;
};
Schema infer_schema(const std::vector<Record>& records);

// Value as text for a key of the given type; lists use JSON arrays (List) unless
// `list_separator` is given (CSV arrays, "a;b").
std::string to_text(const Value& value, AttrType type, char list_separator = 0);
// Text back to a value of the type; nullopt with `error` set when it does not parse.
std::optional<Value> from_text(std::string_view text, AttrType type, std::string& error,
                               char list_separator = 0);

// The native format's JSON for a value ({"date": …} for dates) and back.
std::string value_json(const Value& value);
std::optional<Value> parse_value_json(std::string_view text, std::string& error);

// Sources as JSON text ([{"document": …, "quote": …}]) and back.
std::string sources_json(const Sources& sources);
std::optional<Sources> parse_sources_json(std::string_view text, std::string& error);

// Documents ({"ID": {"title": …}}) and declared relation types ({"NAME": {"symmetric": …}},
// built-ins left out) as JSON text, and back into a graph.
std::string documents_json(const PropertyGraph& g);
std::string relations_json(const PropertyGraph& g);
std::string types_json(const Schema& nodes, const Schema& edges);  // {"node":{k:t},"edge":{…}}
// Each returns an error message, empty on success.
std::string read_documents_json(std::string_view text, PropertyGraph& g);
std::string read_relations_json(std::string_view text, PropertyGraph& g);
std::string read_types_json(std::string_view text, Schema& nodes, Schema& edges);

}  // namespace liaison::flat
