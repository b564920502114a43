#include "interchange/flat.hpp"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "io/json_strict.hpp"
#include "io/json_value.hpp"

namespace liaison::flat {

namespace {

using json::write_string;
using json::write_value;
using json::Writer;

constexpr std::array kNodeReserved = {"labels", "name_ar", "name_en", "aliases", "date", "start",
                                      "end",    "sources", "id",      "label",   "name", "time"};
constexpr std::array kEdgeReserved = {"type",    "symmetric", "date",  "start",      "end",
                                      "sources", "id",        "label", "source",     "target",
                                      "key",     "relation",  "time",  "interaction"};
// The order reserved keys are written in (those that are written at all).
constexpr std::array kNodeOrder = {"labels", "name_ar", "name_en", "aliases",
                                   "date",   "start",   "end",     "sources"};
constexpr std::array kEdgeOrder = {"type", "symmetric", "date", "start", "end", "sources"};

template <std::size_t N>
bool contains(const std::array<const char*, N>& keys, std::string_view key) {
    return std::any_of(keys.begin(), keys.end(), [&](const char* k) { return key == k; });
}

bool is_reserved(std::string_view key, bool edge) {
    return edge ? contains(kEdgeReserved, key) : contains(kNodeReserved, key);
}

std::optional<Value> value_from_dom(const rapidjson::Value& j, bool in_list, std::string& error) {
    if (j.IsNull()) return Value{};
    if (j.IsBool()) return Value(j.GetBool());
    if (j.IsInt64()) return Value(static_cast<std::int64_t>(j.GetInt64()));
    if (j.IsNumber()) return Value(j.GetDouble());
    if (j.IsString()) return Value(std::string(j.GetString(), j.GetStringLength()));
    if (j.IsObject()) return json::read_typed(j, error);
    if (in_list) {
        error = "lists cannot hold lists";
        return std::nullopt;
    }
    ValueList items;
    for (const auto& item : j.GetArray()) {
        auto v = value_from_dom(item, true, error);
        if (!v) return std::nullopt;
        items.push_back(std::move(*v));
    }
    return Value(std::move(items));
}

bool parse_json(std::string_view text, rapidjson::Document& doc, std::string& error) {
    if (auto bad = detail::parse_strict(text, doc)) {
        error = bad->message;
        return false;
    }
    if (doc.HasParseError()) {
        error = "not valid JSON";
        return false;
    }
    return true;
}

std::string optional_date(const std::optional<Date>& d) { return d ? d->to_string() : ""; }

bool is_string_list(const Value& v) {
    if (v.kind() != Value::Kind::List) return false;
    return std::all_of(v.as_list().begin(), v.as_list().end(),
                       [](const Value& x) { return x.kind() == Value::Kind::String; });
}

Value string_list(const std::vector<std::string>& items) {
    ValueList out;
    for (const auto& s : items) out.emplace_back(s);
    return Value(std::move(out));
}

void add_time(Record& r, const TimeSpan& t) {
    if (t.date) r.emplace_back("date", Value(*t.date));
    if (t.start) r.emplace_back("start", Value(*t.start));
    if (t.end) r.emplace_back("end", Value(*t.end));
}

}  // namespace

const char* type_name(AttrType type) {
    switch (type) {
        case AttrType::Bool:
            return "boolean";
        case AttrType::Int:
            return "long";
        case AttrType::Float:
            return "double";
        case AttrType::String:
            return "string";
        case AttrType::Date:
            return "date";
        case AttrType::List:
            return "string[]";
        case AttrType::Json:
            return "json";
        case AttrType::LocalTime:
            return "localtime";
        case AttrType::Time:
            return "time";
        case AttrType::LocalDateTime:
            return "localdatetime";
        case AttrType::DateTime:
            return "datetime";
        case AttrType::Duration:
            return "duration";
    }
    return "string";
}

bool is_typed_text(AttrType type) {
    return type == AttrType::Date || type == AttrType::LocalTime || type == AttrType::Time ||
           type == AttrType::LocalDateTime || type == AttrType::DateTime ||
           type == AttrType::Duration;
}

std::optional<AttrType> parse_type(std::string_view name) {
    if (name == "boolean" || name == "bool") return AttrType::Bool;
    if (name == "long" || name == "int" || name == "integer" || name == "short" || name == "byte")
        return AttrType::Int;
    if (name == "double" || name == "float") return AttrType::Float;
    if (name == "string" || name == "char" || name == "anyURI") return AttrType::String;
    if (name == "date") return AttrType::Date;
    if (name == "string[]" || name == "list" || name == "liststring") return AttrType::List;
    if (name == "json") return AttrType::Json;
    if (name == "localtime") return AttrType::LocalTime;
    if (name == "time") return AttrType::Time;
    if (name == "localdatetime") return AttrType::LocalDateTime;
    if (name == "datetime") return AttrType::DateTime;
    if (name == "duration") return AttrType::Duration;
    return std::nullopt;
}

std::string property_key(std::string_view key, bool edge) {
    if (is_reserved(key, edge) || key.starts_with(kPropertyPrefix))
        return std::string(kPropertyPrefix) + std::string(key);
    return std::string(key);
}

std::optional<std::string> property_of(std::string_view key, bool edge) {
    if (key.starts_with(kPropertyPrefix)) return std::string(key.substr(9));
    if (is_reserved(key, edge)) return std::nullopt;
    return std::string(key);
}

Record flatten_node(const Node& node) {
    Record r;
    r.emplace_back("labels", string_list(node.labels));
    if (!node.names.ar.empty()) r.emplace_back("name_ar", Value(node.names.ar));
    if (!node.names.en.empty()) r.emplace_back("name_en", Value(node.names.en));
    if (!node.names.aliases.empty()) r.emplace_back("aliases", string_list(node.names.aliases));
    add_time(r, node.time);
    if (!node.sources.empty()) r.emplace_back("sources", Value(sources_json(node.sources)));
    for (const auto& [key, value] : node.properties)
        r.emplace_back(property_key(key, false), value);
    return r;
}

Record flatten_edge(const PropertyGraph& g, const Edge& edge) {
    Record r;
    r.emplace_back("type", Value(g.type_name(edge)));
    r.emplace_back("symmetric", Value(g.is_symmetric(edge)));
    add_time(r, edge.time);
    if (!edge.sources.empty()) r.emplace_back("sources", Value(sources_json(edge.sources)));
    for (const auto& [key, value] : edge.properties) r.emplace_back(property_key(key, true), value);
    return r;
}

AttrType Schema::type_of(std::string_view key) const {
    auto it = types.find(key);
    return it == types.end() ? AttrType::String : it->second;
}

Schema infer_schema(const std::vector<Record>& records) {
    Schema s;
    // Value::Kind, -1 for string lists, kTemporalCode + Temporal::Type for temporal values.
    constexpr int kTemporalCode = 100;
    std::map<std::string, std::set<int>, std::less<>> kinds;
    for (const auto& r : records)
        for (const auto& [key, value] : r)
            kinds[key].insert(is_string_list(value) ? -1
                              : value.kind() == Value::Kind::Temporal
                                  ? kTemporalCode + static_cast<int>(value.as_temporal().type)
                                  : static_cast<int>(value.kind()));
    for (const auto& [key, set] : kinds) {
        AttrType t = AttrType::Json;
        if (set.size() == 1) {
            switch (*set.begin()) {
                case -1:
                    t = AttrType::List;
                    break;
                case static_cast<int>(Value::Kind::Bool):
                    t = AttrType::Bool;
                    break;
                case static_cast<int>(Value::Kind::Int):
                    t = AttrType::Int;
                    break;
                case static_cast<int>(Value::Kind::Float):
                    t = AttrType::Float;
                    break;
                case static_cast<int>(Value::Kind::String):
                    t = AttrType::String;
                    break;
                case static_cast<int>(Value::Kind::Date):
                    t = AttrType::Date;
                    break;
                case static_cast<int>(Value::Kind::Duration):
                    t = AttrType::Duration;
                    break;
                case kTemporalCode + static_cast<int>(Temporal::Type::LocalTime):
                    t = AttrType::LocalTime;
                    break;
                case kTemporalCode + static_cast<int>(Temporal::Type::Time):
                    t = AttrType::Time;
                    break;
                case kTemporalCode + static_cast<int>(Temporal::Type::LocalDateTime):
                    t = AttrType::LocalDateTime;
                    break;
                case kTemporalCode + static_cast<int>(Temporal::Type::DateTime):
                    t = AttrType::DateTime;
                    break;
                default:
                    break;
            }
        }
        s.types[key] = t;
    }
    for (const auto& order : {std::vector<const char*>(kNodeOrder.begin(), kNodeOrder.end()),
                              std::vector<const char*>(kEdgeOrder.begin(), kEdgeOrder.end())})
        for (const char* k : order)
            if (kinds.count(k) && std::find(s.keys.begin(), s.keys.end(), k) == s.keys.end())
                s.keys.emplace_back(k);
    for (const auto& [key, set] : kinds)
        if (std::find(s.keys.begin(), s.keys.end(), key) == s.keys.end()) s.keys.push_back(key);
    return s;
}

std::string to_text(const Value& value, AttrType type, char list_separator) {
    switch (type) {
        case AttrType::Bool:
            return value.as_bool() ? "true" : "false";
        case AttrType::Int:
            return std::to_string(value.as_int());
        case AttrType::Float:
        case AttrType::Json:
            return value_json(value);
        case AttrType::String:
            return value.as_string();
        case AttrType::Date:
        case AttrType::LocalTime:
        case AttrType::Time:
        case AttrType::LocalDateTime:
        case AttrType::DateTime:
        case AttrType::Duration:
            return value.to_display();  // the ISO text
        case AttrType::List:
            if (list_separator == 0) return value_json(value);
            {
                std::string out;
                const ValueList& items = value.as_list();
                for (std::size_t i = 0; i < items.size(); ++i) {
                    if (i > 0) out += list_separator;
                    out += items[i].as_string();
                }
                return out;
            }
    }
    return {};
}

std::optional<Value> from_text(std::string_view text, AttrType type, std::string& error,
                               char list_separator) {
    switch (type) {
        case AttrType::Bool:
            if (text == "true" || text == "True" || text == "TRUE" || text == "1")
                return Value(true);
            if (text == "false" || text == "False" || text == "FALSE" || text == "0")
                return Value(false);
            error = fmt::format("'{}' is not a boolean (true or false)", text);
            return std::nullopt;
        case AttrType::Int: {
            std::int64_t v = 0;
            auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec == std::errc() && end == text.data() + text.size() && !text.empty())
                return Value(v);
            error = fmt::format("'{}' is not an integer", text);
            return std::nullopt;
        }
        case AttrType::Float: {
            std::string s(text);
            char* end = nullptr;
            double v = std::strtod(s.c_str(), &end);
            if (!s.empty() && end == s.c_str() + s.size() && std::isfinite(v)) return Value(v);
            error = fmt::format("'{}' is not a number", text);
            return std::nullopt;
        }
        case AttrType::String:
            return Value(std::string(text));
        case AttrType::Date:
            if (auto d = Date::parse(text)) return Value(*d);
            error = fmt::format("'{}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", text);
            return std::nullopt;
        case AttrType::LocalTime:
        case AttrType::Time:
        case AttrType::LocalDateTime:
        case AttrType::DateTime:
        case AttrType::Duration:
            return parse_typed(type_name(type), text, error);
        case AttrType::List:
            if (list_separator != 0) {
                ValueList items;
                std::size_t start = 0;
                for (;;) {
                    std::size_t at = text.find(list_separator, start);
                    items.emplace_back(std::string(text.substr(start, at - start)));
                    if (at == text.npos) break;
                    start = at + 1;
                }
                if (text.empty()) items.clear();
                return Value(std::move(items));
            }
            [[fallthrough]];
        case AttrType::Json:
            return parse_value_json(text, error);
    }
    return std::nullopt;
}

std::string value_json(const Value& value) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    write_value(w, value);
    return {buffer.GetString(), buffer.GetSize()};
}

std::optional<Value> parse_value_json(std::string_view text, std::string& error) {
    rapidjson::Document doc;
    if (!parse_json(text, doc, error)) {
        error = fmt::format("'{}' is not a JSON value", text);
        return std::nullopt;
    }
    return value_from_dom(doc, false, error);
}

std::string sources_json(const Sources& sources) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    json::write_sources(w, sources);
    return {buffer.GetString(), buffer.GetSize()};
}

std::optional<Sources> parse_sources_json(std::string_view text, std::string& error) {
    rapidjson::Document doc;
    if (!parse_json(text, doc, error)) return std::nullopt;
    if (!doc.IsArray()) {
        error = "sources must be a JSON array of {\"document\": …, \"quote\": …}";
        return std::nullopt;
    }
    Sources out;
    for (const auto& item : doc.GetArray()) {
        auto source = json::read_source(item, error);
        if (!source) return std::nullopt;
        out.push_back(std::move(*source));
    }
    return out;
}

std::string documents_json(const PropertyGraph& g) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    for (const auto& [id, d] : g.documents()) {
        write_string(w, id);
        w.StartObject();
        auto member = [&](const char* key, const std::string& v) {
            if (v.empty()) return;
            w.Key(key);
            write_string(w, v);
        };
        member("date", optional_date(d.date));
        member("file", d.file);
        member("language", d.language);
        member("outlet", d.outlet);
        member("title", d.title);
        member("url", d.url);
        w.EndObject();
    }
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

std::string relations_json(const PropertyGraph& g) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    for (const RelationType& t : g.relations().all()) {
        if (t.builtin) continue;
        write_string(w, t.name);
        json::write_relation(w, t);
    }
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

std::string types_json(const Schema& nodes, const Schema& edges) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    for (const auto& [domain, schema] : {std::pair{"edge", &edges}, std::pair{"node", &nodes}}) {
        w.Key(domain);
        w.StartObject();
        for (const auto& [key, type] : schema->types) {
            write_string(w, key);
            w.String(type_name(type));
        }
        w.EndObject();
    }
    w.EndObject();
    return {buffer.GetString(), buffer.GetSize()};
}

std::string read_documents_json(std::string_view text, PropertyGraph& g) {
    rapidjson::Document doc;
    std::string error;
    if (!parse_json(text, doc, error) || !doc.IsObject())
        return "documents must be a JSON object keyed by document id";
    for (const auto& m : doc.GetObject()) {
        if (!m.value.IsObject()) return "each document must be a JSON object";
        Document d;
        d.id = m.name.GetString();
        for (const auto& f : m.value.GetObject()) {
            if (!f.value.IsString()) return fmt::format("document {}: fields must be text", d.id);
            std::string key = f.name.GetString(), v = f.value.GetString();
            if (key == "title")
                d.title = v;
            else if (key == "outlet")
                d.outlet = v;
            else if (key == "file")
                d.file = v;
            else if (key == "language")
                d.language = v;
            else if (key == "url")
                d.url = v;
            else if (key == "date") {
                d.date = Date::parse(v);
                if (!d.date) return fmt::format("document {}: '{}' is not a date", d.id, v);
            }
        }
        g.documents()[d.id] = d;
    }
    return {};
}

std::string read_relations_json(std::string_view text, PropertyGraph& g) {
    rapidjson::Document doc;
    std::string error;
    if (!parse_json(text, doc, error) || !doc.IsObject())
        return "relations must be a JSON object keyed by relation type";
    for (const auto& m : doc.GetObject()) {
        if (!m.value.IsObject() || !m.value.HasMember("symmetric") ||
            !m.value["symmetric"].IsBool())
            return fmt::format("relation {}: expected {{\"symmetric\": true|false}}",
                               m.name.GetString());
        RelationType t;
        t.name = m.name.GetString();
        t.symmetric = m.value["symmetric"].GetBool();
        if (m.value.HasMember("ar") && m.value["ar"].IsString()) t.ar = m.value["ar"].GetString();
        if (m.value.HasMember("en") && m.value["en"].IsString()) t.en = m.value["en"].GetString();
        try {
            g.relations().declare(t);
        } catch (const Error& e) {
            return e.what();
        }
    }
    return {};
}

std::string read_types_json(std::string_view text, Schema& nodes, Schema& edges) {
    rapidjson::Document doc;
    std::string error;
    if (!parse_json(text, doc, error) || !doc.IsObject())
        return "liaison_types must be a JSON object";
    for (const auto& [domain, schema] : {std::pair{"node", &nodes}, std::pair{"edge", &edges}}) {
        if (!doc.HasMember(domain) || !doc[domain].IsObject()) continue;
        for (const auto& m : doc[domain].GetObject()) {
            auto t = m.value.IsString() ? parse_type(m.value.GetString()) : std::nullopt;
            if (!t) return fmt::format("liaison_types: unknown type for '{}'", m.name.GetString());
            schema->types[m.name.GetString()] = *t;
        }
    }
    return {};
}

}  // namespace liaison::flat
