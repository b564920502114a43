#pragma once
// Shared by the JSON formats (node-link, Cytoscape.js): parsing with positions, flat records
// to and from JSON objects. Internal to lib/interchange.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>
#include <vector>

#include "interchange/assemble.hpp"
#include "interchange/flat.hpp"
#include "liaison/interchange/interchange.hpp"

namespace liaison::detail {

using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// Parses; a syntax error is reported with its file:line:column and false returned.
bool parse_json_text(const NamedText& in, rapidjson::Document& doc, ProblemLog& log);

// Positions of the elements of the array at `path` (object keys from the root), in order;
// empty when there is no such array.
std::vector<TextPosition> element_positions(const NamedText& in,
                                            const std::vector<std::string>& path);

// Writes a record's members: booleans, numbers, strings and string lists as JSON, dates as
// "YYYY[-MM[-DD]]", mixed values in the native format's JSON, sources as an array of objects.
void write_record(JsonWriter& w, const flat::Record& r, const flat::Schema& s);
// Reads the members of an object into a record, using the declared types (liaison_types) where
// given and the JSON kind otherwise. Members named in `skip` are left out.
flat::Record read_record(const rapidjson::Value& object, const flat::Schema& s,
                         const std::vector<std::string>& skip, std::vector<std::string>& errors);

// Reads {"node": {…}, "edge": {…}} of graph-level liaison_types, documents and relations from
// a graph-attributes object; reports problems at `where`.
void read_graph_attributes(const rapidjson::Value& object, GraphAssembler& out, flat::Schema& nodes,
                           flat::Schema& edges, const TextPosition& where, ProblemLog& log);
// The members written for graph attributes: id, label, documents, relations, liaison_types.
void write_graph_attributes(JsonWriter& w, const PropertyGraph& g, const flat::Schema& nodes,
                            const flat::Schema& edges);

std::string json_text(const rapidjson::Value& v);

}  // namespace liaison::detail
