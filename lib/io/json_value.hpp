#pragma once
// Writing liaison values with RapidJSON, one way for every writer of them: the native format,
// the store's journal records and the JSON interchange formats.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string_view>

#include "core/value.hpp"
#include "model/relations.hpp"

namespace liaison::json {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& w, std::string_view s);
// null, booleans, numbers and strings as themselves, a date as {"date": "YYYY[-MM[-DD]]"}, a
// list as an array. Throws ArgumentError on a non-finite float, which JSON cannot hold.
void write_value(Writer& w, const Value& v);
// A relation type's description: {"ar": ..., "en": ..., "symmetric": ...}, names left out when
// empty (the native format's graph metadata and the flat formats' relation table).
void write_relation(Writer& w, const RelationType& t);

}  // namespace liaison::json
