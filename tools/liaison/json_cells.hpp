#pragma once
// Table cells for the network's own things (names, dates, entities, property values), shown to
// people as text and written to machines as typed JSON, one shape in every command.
#include <string>

#include "liaison/core/json_text.hpp"
#include "liaison/model/property_graph.hpp"
#include "output.hpp"

namespace liaison::cli {

inline std::string json_or_null(const std::string& text) {
    return text.empty() ? "null" : json_quote(text);
}

// {"en": TEXT|null, "ar": TEXT|null}
inline std::string names_json(const Names& n) {
    return "{\"en\": " + json_or_null(n.en) + ", \"ar\": " + json_or_null(n.ar) + "}";
}

// null, {"date": D} or {"start": D|null, "end": D|null}: the native format's fields, ISO text.
inline std::string time_json(const TimeSpan& t) {
    if (t.empty()) return "null";
    if (t.date) return "{\"date\": " + json_quote(t.date->to_string()) + "}";
    return "{\"start\": " + json_or_null(t.start ? t.start->to_string() : "") +
           ", \"end\": " + json_or_null(t.end ? t.end->to_string() : "") + "}";
}

// {"id": ID, "name": {"en", "ar"}}
inline std::string node_json(const Node& n) {
    return "{\"id\": " + json_quote(n.id) + ", \"name\": " + names_json(n.names) + "}";
}

// A property value as itself: numbers, booleans, lists; dates as {"date": D}, temporal values
// as {"datetime": TEXT} and the like (the native format's encoding).
inline std::string value_json(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Null:
            return "null";
        case Value::Kind::Bool:
            return v.as_bool() ? "true" : "false";
        case Value::Kind::Int:
            return std::to_string(v.as_int());
        case Value::Kind::Float:
            return Cell::number(v.as_float(), "").json;
        case Value::Kind::String:
            return json_quote(v.as_string());
        case Value::Kind::Date:
        case Value::Kind::Temporal:
        case Value::Kind::Duration:
            return "{\"" + std::string(typed_key(v)) + "\": " + json_quote(v.to_display()) + "}";
        case Value::Kind::List: {
            std::string out = "[";
            for (const Value& item : v.as_list())
                out += (out.size() > 1 ? ", " : "") + value_json(item);
            return out + "]";
        }
        default:  // maps and graph references are never stored
            return json_quote(v.to_display());
    }
}

// A name column: `shown` in a table, the names object in JSON.
inline Cell names_cell(const Node& n, std::string shown) {
    return Cell::raw(std::move(shown), names_json(n.names));
}

}  // namespace liaison::cli
