#pragma once
// Writing liaison values with RapidJSON, one way for every writer of them: the native format,
// the store's journal records and the JSON interchange formats.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/core/value.hpp"
#include "liaison/model/property_graph.hpp"
#include "liaison/model/relations.hpp"

namespace liaison::json {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& w, std::string_view s);
// null, booleans, numbers and strings as themselves, a date as {"date": "YYYY[-MM[-DD]]"}, a
// temporal value or duration as {"datetime": ISO TEXT} (liaison::typed_key names the member), a
// list as an array. Throws ArgumentError on a non-finite float, which JSON cannot hold, and on
// values that are not properties (maps, nodes, relationships, paths).
void write_value(Writer& w, const Value& v);
// A typed value, {"date": …}, {"localtime": …}, {"time": …}, {"localdatetime": …},
// {"datetime": …} or {"duration": …} with ISO 8601 text; nullopt with `error` saying what was
// expected otherwise.
std::optional<Value> read_typed(const rapidjson::Value& v, std::string& error);
// A relation type's description: {"ar": ..., "en": ..., "symmetric": ...}, names left out when
// empty (the native format's graph metadata and the flat formats' relation table).
void write_relation(Writer& w, const RelationType& t);

// Sources as an array of {"document", "end", "quote", "start"} (sorted keys; the offsets only
// when set), the same in every format that carries them.
void write_sources(Writer& w, const Sources& sources);
// One source, {"document": TEXT, "quote": TEXT} with optional "start" and "end" (both or neither,
// non-negative integers, start <= end); nullopt with `error` saying what was expected otherwise.
std::optional<Source> read_source(const rapidjson::Value& v, std::string& error);

}  // namespace liaison::json
