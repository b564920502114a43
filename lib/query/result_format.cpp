// Text, display and JSON forms of result values, from the result's snapshots.
#include <fmt/format.h>

#include "liaison/core/json_text.hpp"
#include "liaison/query/query.hpp"

namespace liaison::query {

namespace {

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

}  // namespace

std::string QueryResult::text(const Value& v) const {
    using K = Value::Kind;
    auto props = [&](const ValueMap& m) {
        if (m.empty()) return std::string();
        std::string out = "{";
        bool first = true;
        for (const auto& [k, x] : m) {
            out += (first ? "" : ", ") + k + ": " + text(x);
            first = false;
        }
        return out + "}";
    };
    auto node = [&](std::uint32_t n) {
        auto it = nodes.find(n);
        if (it == nodes.end()) return std::string("()");
        std::string out = "(";
        for (const auto& l : it->second.labels) out += ":" + l;
        std::string p = props(it->second.properties);
        if (!p.empty()) out += (out.size() > 1 ? " " : "") + p;
        return out + ")";
    };
    auto rel = [&](std::uint32_t e) {
        auto it = rels.find(e);
        if (it == rels.end()) return std::string("[]");
        std::string p = props(it->second.properties);
        return "[:" + it->second.type + (p.empty() ? "" : " " + p) + "]";
    };
    switch (v.kind()) {
        case K::String:
            return quote(v.as_string());
        case K::List: {
            std::string out = "[";
            for (std::size_t i = 0; i < v.as_list().size(); ++i)
                out += (i ? ", " : "") + text(v.as_list()[i]);
            return out + "]";
        }
        case K::Map: {
            std::string out = "{";
            bool first = true;
            for (const auto& [k, x] : v.as_map()) {
                out += (first ? "" : ", ") + k + ": " + text(x);
                first = false;
            }
            return out + "}";
        }
        case K::Node:
            return node(v.as_node().index);
        case K::Relationship:
            return rel(v.as_rel().index);
        case K::Path: {
            const Path& p = v.as_path();
            std::string out = "<";
            out += node(p.nodes[0]);  // two steps: GCC 12 -Wrestrict on "<" + string&&
            for (std::size_t i = 0; i < p.rels.size(); ++i) {
                auto it = rels.find(p.rels[i]);
                bool forward = it == rels.end() || it->second.source == p.nodes[i];
                out += (forward ? "-" : "<-") + rel(p.rels[i]) + (forward ? "->" : "-");
                out += node(p.nodes[i + 1]);
            }
            return out + ">";
        }
        default:
            return to_debug_string(v);
    }
}

std::string QueryResult::display(const Value& v) const {
    using K = Value::Kind;
    switch (v.kind()) {
        case K::Null:
            return "";
        case K::String:
            return v.as_string();
        case K::Date:
            return v.as_date().to_string();
        case K::Temporal:
            return to_string(v.as_temporal());
        case K::Duration:
            return to_string(v.as_duration());
        case K::Node: {
            auto it = nodes.find(v.as_node().index);
            if (it == nodes.end()) return "()";
            const Value* name = map_get(it->second.properties, "name");
            return name && name->kind() == K::String
                       ? name->as_string() + " (" + it->second.id + ")"
                       : it->second.id;
        }
        case K::List: {
            std::string out = "[";
            for (std::size_t i = 0; i < v.as_list().size(); ++i)
                out += (i ? ", " : "") + display(v.as_list()[i]);
            return out + "]";
        }
        default:
            return text(v);
    }
}

std::string QueryResult::json(const Value& v) const {
    using K = Value::Kind;
    auto map_json = [&](const ValueMap& m) {
        std::string out = "{";
        bool first = true;
        for (const auto& [k, x] : m) {
            out += (first ? "" : ", ") + json_quote(k) + ": " + json(x);
            first = false;
        }
        return out + "}";
    };
    switch (v.kind()) {
        case K::Null:
            return "null";
        case K::Bool:
            return v.as_bool() ? "true" : "false";
        case K::Int:
            return std::to_string(v.as_int());
        case K::Float: {
            double d = v.as_float();
            // JSON has no Infinity or NaN: a typed object, so no reader takes it for a number
            // or a string (docs/query.md).
            return std::isfinite(d) ? format_float(d)
                                    : fmt::format("{{\"float\": {}}}", json_quote(format_float(d)));
        }
        case K::String:
            return json_quote(v.as_string());
        case K::Date:
            return json_quote(v.as_date().to_string());
        case K::Temporal:
            return json_quote(to_string(v.as_temporal()));
        case K::Duration:
            return json_quote(to_string(v.as_duration()));
        case K::List: {
            std::string out = "[";
            for (std::size_t i = 0; i < v.as_list().size(); ++i)
                out += (i ? ", " : "") + json(v.as_list()[i]);
            return out + "]";
        }
        case K::Map:
            return map_json(v.as_map());
        case K::Node: {
            auto it = nodes.find(v.as_node().index);
            if (it == nodes.end()) return "null";
            std::string labels = "[";
            for (std::size_t i = 0; i < it->second.labels.size(); ++i)
                labels += (i ? ", " : "") + json_quote(it->second.labels[i]);
            return fmt::format("{{\"id\": {}, \"labels\": {}], \"properties\": {}}}",
                               json_quote(it->second.id), labels, map_json(it->second.properties));
        }
        case K::Relationship: {
            auto it = rels.find(v.as_rel().index);
            if (it == rels.end()) return "null";
            auto id = [&](std::uint32_t n) {
                auto nt = nodes.find(n);
                return json_quote(nt == nodes.end() ? "" : nt->second.id);
            };
            return fmt::format(
                "{{\"type\": {}, \"source\": {}, \"target\": {}, \"properties\": {}}}",
                json_quote(it->second.type), id(it->second.source), id(it->second.target),
                map_json(it->second.properties));
        }
        case K::Path: {
            std::string out = "{\"nodes\": [";
            const Path& p = v.as_path();
            for (std::size_t i = 0; i < p.nodes.size(); ++i)
                out += (i ? ", " : "") + json(NodeRef{p.nodes[i]});
            out += "], \"relationships\": [";
            for (std::size_t i = 0; i < p.rels.size(); ++i)
                out += (i ? ", " : "") + json(RelRef{p.rels[i]});
            return out + "]}";
        }
    }
    return "null";
}

}  // namespace liaison::query
