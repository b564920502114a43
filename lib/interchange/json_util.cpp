#include "interchange/json_util.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "interchange/assemble.hpp"
#include "io/json_locate.hpp"
#include "io/json_strict.hpp"
#include "io/json_value.hpp"
#include "liaison/core/utf8.hpp"

namespace liaison::detail {

using json::write_string;

namespace {

void raw(JsonWriter& w, const std::string& json, rapidjson::Type type) {
    w.RawValue(json.data(), json.size(), type);
}

// Offset just past a JSON value starting at `i` (strings and nesting skipped).
std::size_t skip_value(std::string_view t, std::size_t i) {
    int depth = 0;
    bool in_string = false;
    for (; i < t.size(); ++i) {
        char c = t[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"') {
                in_string = false;
                if (depth == 0) return i + 1;
            }
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']') {
            if (--depth <= 0) return i + 1;
        } else if (depth == 0 && (c == ',' || c == '\n' || c == ' ')) {
            return i;
        }
    }
    return t.size();
}

}  // namespace

std::string json_text(const rapidjson::Value& v) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    v.Accept(w);
    return {buffer.GetString(), buffer.GetSize()};
}

bool parse_json_text(const NamedText& in, rapidjson::Document& doc, ProblemLog& log) {
    if (std::size_t deep = find_nesting_over(in.text, 64); deep != std::string::npos) {
        LineColumn lc = line_column_at(in.text, deep);
        log.report({in.name, lc.line, lc.column}, "JSON nested too deeply");
        return false;
    }
    // Strict, as the native reader: nothing the graph cannot keep exactly passes silently.
    if (auto bad = parse_strict(in.text, doc)) {
        LineColumn lc = line_column_at(in.text, bad->offset);
        log.report({in.name, lc.line, lc.column}, bad->message);
        return false;
    }
    if (!doc.HasParseError()) return true;
    LineColumn lc = line_column_at(in.text, doc.GetErrorOffset());
    log.report({in.name, lc.line, lc.column}, "not valid JSON");
    return false;
}

std::vector<TextPosition> element_positions(const NamedText& in,
                                            const std::vector<std::string>& path) {
    std::string_view t = in.text;
    std::size_t at = locate_json_path(t, path);
    std::vector<std::size_t> offsets;
    if (at == std::string::npos || at >= t.size() || t[at] != '[') return {};
    std::size_t i = at + 1;
    for (;;) {
        while (i < t.size() &&
               (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == '\t' || t[i] == ','))
            ++i;
        if (i >= t.size() || t[i] == ']') break;
        offsets.push_back(i);
        i = skip_value(t, i);
    }
    // One pass over the text turns the offsets into lines and columns.
    std::vector<TextPosition> out;
    std::size_t line = 1, column = 1, pos = 0;
    for (std::size_t off : offsets) {
        for (; pos < off; ++pos) {
            if (t[pos] == '\n') {
                ++line;
                column = 1;
            } else if ((static_cast<unsigned char>(t[pos]) & 0xC0) != 0x80) {
                ++column;
            }
        }
        out.push_back({in.name, line, column});
    }
    return out;
}

void write_record(JsonWriter& w, const flat::Record& r, const flat::Schema& s) {
    for (const auto& [key, value] : r) {
        write_string(w, key);
        flat::AttrType t = s.type_of(key);
        if (key == "sources")
            raw(w, value.as_string(), rapidjson::kArrayType);
        else if (flat::is_typed_text(t))
            write_string(w, value.to_display());  // ISO text, typed in liaison_types
        else if (value.kind() == Value::Kind::List)
            raw(w, flat::value_json(value), rapidjson::kArrayType);
        else if (typed_key(value))
            raw(w, flat::value_json(value), rapidjson::kObjectType);
        else if (value.kind() == Value::Kind::String)
            write_string(w, value.as_string());
        else
            raw(w, flat::value_json(value), rapidjson::kNumberType);
    }
}

flat::Record read_record(const rapidjson::Value& object, const flat::Schema& s,
                         const std::vector<std::string>& skip, std::vector<std::string>& errors) {
    flat::Record r;
    for (const auto& m : object.GetObject()) {
        std::string key(m.name.GetString(), m.name.GetStringLength());
        if (std::find(skip.begin(), skip.end(), key) != skip.end()) continue;
        const rapidjson::Value& v = m.value;
        std::string error;
        std::optional<Value> value;
        if (key == "sources" && v.IsArray()) {
            value = Value(json_text(v));
        } else if (v.IsString()) {
            std::string text(v.GetString(), v.GetStringLength());
            auto t = s.types.find(key);
            if (t != s.types.end() && flat::is_typed_text(t->second))
                value = flat::from_text(text, t->second, error);
            else
                value = Value(std::move(text));
        } else {
            value = flat::parse_value_json(json_text(v), error);
            if (!value && v.IsObject()) {  // a foreign tool's nested object: keep its JSON text
                value = Value(json_text(v));
                error.clear();
            }
        }
        if (!value) {
            errors.push_back(fmt::format("{}: {}", key, error));
            continue;
        }
        r.emplace_back(std::move(key), std::move(*value));
    }
    return r;
}

void read_graph_attributes(const rapidjson::Value& object, GraphAssembler& out, flat::Schema& nodes,
                           flat::Schema& edges, const TextPosition& where, ProblemLog& log) {
    if (!object.IsObject()) return;
    auto text = [&](const char* key) -> std::string {
        auto it = object.FindMember(key);
        if (it == object.MemberEnd()) return {};
        return it->value.IsString() ? it->value.GetString() : json_text(it->value);
    };
    out.graph().graph_id = text("id");
    out.graph().graph_label = text("label");
    if (out.graph().graph_label.empty()) out.graph().graph_label = text("name");
    std::string error;
    if (std::string d = text("documents"); !d.empty())
        error = flat::read_documents_json(d, out.graph());
    if (std::string r = text("relations"); !r.empty() && error.empty())
        error = flat::read_relations_json(r, out.graph());
    if (std::string t = text("liaison_types"); !t.empty() && error.empty())
        error = flat::read_types_json(t, nodes, edges);
    if (!error.empty()) log.report(where, error);
}

void write_graph_attributes(JsonWriter& w, const PropertyGraph& g, const flat::Schema& nodes,
                            const flat::Schema& edges) {
    if (!g.documents().empty()) {
        w.Key("documents");
        raw(w, flat::documents_json(g), rapidjson::kObjectType);
    }
    if (!g.graph_id.empty()) {
        w.Key("id");
        write_string(w, g.graph_id);
    }
    if (!g.graph_label.empty()) {
        w.Key("label");
        write_string(w, g.graph_label);
    }
    w.Key("liaison_types");
    raw(w, flat::types_json(nodes, edges), rapidjson::kObjectType);
    if (std::string r = flat::relations_json(g); r != "{}") {
        w.Key("relations");
        raw(w, r, rapidjson::kObjectType);
    }
}

}  // namespace liaison::detail
