#include "io/json_value.hpp"

#include <cmath>

#include "core/error.hpp"

namespace liaison::json {

void write_string(Writer& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_value(Writer& w, const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Null:
            w.Null();
            break;
        case Value::Kind::Bool:
            w.Bool(v.as_bool());
            break;
        case Value::Kind::Int:
            w.Int64(v.as_int());
            break;
        case Value::Kind::Float:
            if (!std::isfinite(v.as_float()))
                throw ArgumentError("cannot store a non-finite float (NaN or infinity)");
            w.Double(v.as_float());
            break;
        case Value::Kind::String:
            write_string(w, v.as_string());
            break;
        case Value::Kind::Date:
            w.StartObject();
            w.Key("date");
            write_string(w, v.as_date().to_string());
            w.EndObject();
            break;
        case Value::Kind::List:
            w.StartArray();
            for (const Value& item : v.as_list()) write_value(w, item);
            w.EndArray();
            break;
    }
}

void write_relation(Writer& w, const RelationType& t) {
    w.StartObject();
    if (!t.ar.empty()) {
        w.Key("ar");
        write_string(w, t.ar);
    }
    if (!t.en.empty()) {
        w.Key("en");
        write_string(w, t.en);
    }
    w.Key("symmetric");
    w.Bool(t.symmetric);
    w.EndObject();
}

}  // namespace liaison::json
