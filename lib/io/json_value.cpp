#include "io/json_value.hpp"

#include <cmath>
#include <utility>

#include <fmt/format.h>

#include "liaison/core/error.hpp"

namespace liaison::json {

void write_string(Writer& w, std::string_view s) {
    // The readers refuse NUL characters (a C API would cut the text there): never write what
    // cannot be read back.
    if (s.find('\0') != std::string_view::npos)
        throw ArgumentError(fmt::format("cannot store text with a NUL character: \"{}…\"",
                                        s.substr(0, s.find('\0'))));
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
        case Value::Kind::Temporal:
        case Value::Kind::Duration:
            w.StartObject();
            w.Key(typed_key(v));
            write_string(w, v.to_display());
            w.EndObject();
            break;
        case Value::Kind::List:
            w.StartArray();
            for (const Value& item : v.as_list()) write_value(w, item);
            w.EndArray();
            break;
        case Value::Kind::Map:
        case Value::Kind::Node:
        case Value::Kind::Relationship:
        case Value::Kind::Path:
            throw ArgumentError(*why_not_storable(v));
    }
}

std::optional<Value> read_typed(const rapidjson::Value& v, std::string& error) {
    if (!v.IsObject() || v.MemberCount() != 1) {
        error =
            "expected a typed value: one member naming the type, {\"date\": \"2015-07\"}, "
            "{\"datetime\": \"2015-07-21T21:40Z\"}, …";
        return std::nullopt;
    }
    const auto& m = *v.MemberBegin();
    std::string_view key(m.name.GetString(), m.name.GetStringLength());
    if (!is_typed_key(key) || !m.value.IsString()) {
        error = fmt::format(
            "expected {{\"TYPE\": TEXT}} with TYPE one of date, localtime, time, localdatetime, "
            "datetime, duration; got '{}'",
            key);
        return std::nullopt;
    }
    return parse_typed(key, {m.value.GetString(), m.value.GetStringLength()}, error);
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

void write_sources(Writer& w, const Sources& sources) {
    w.StartArray();
    for (const Source& s : sources) {
        w.StartObject();
        w.Key("document");
        write_string(w, s.document);
        if (s.end) {
            w.Key("end");
            w.Int64(*s.end);
        }
        w.Key("quote");
        write_string(w, s.quote);
        if (s.start) {
            w.Key("start");
            w.Int64(*s.start);
        }
        w.EndObject();
    }
    w.EndArray();
}

std::optional<Source> read_source(const rapidjson::Value& v, std::string& error) {
    auto text = [&](const char* key) -> const rapidjson::Value* {
        auto it = v.FindMember(key);
        return it != v.MemberEnd() && it->value.IsString() ? &it->value : nullptr;
    };
    if (!v.IsObject() || !text("document") || !text("quote")) {
        error = "each source must be {\"document\": TEXT, \"quote\": TEXT}";
        return std::nullopt;
    }
    Source s{{text("document")->GetString(), text("document")->GetStringLength()},
             {text("quote")->GetString(), text("quote")->GetStringLength()}};
    for (auto [key, slot] : {std::pair{"start", &s.start}, std::pair{"end", &s.end}}) {
        auto it = v.FindMember(key);
        if (it == v.MemberEnd()) continue;
        if (!it->value.IsInt64() || it->value.GetInt64() < 0) {
            error = fmt::format("source '{}' must be a non-negative integer", key);
            return std::nullopt;
        }
        *slot = it->value.GetInt64();
    }
    if (s.start.has_value() != s.end.has_value()) {
        error = "a source offset alone; expected both 'start' and 'end' or neither";
        return std::nullopt;
    }
    if (s.start && *s.end < *s.start) {
        error = fmt::format("source 'end' {} is before 'start' {}", *s.end, *s.start);
        return std::nullopt;
    }
    return s;
}

}  // namespace liaison::json
