#include "query/executor/graph_access.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace liaison::query {

void runtime_error(const std::string& category, const std::string& code,
                   const std::string& message) {
    throw QueryError(Stage::Executor, category, code, message);
}

GraphWriter& ExecContext::w() {
    if (!writer) runtime_error("ProcedureError", "ReadOnly", "this query runs read-only");
    return *writer;
}

void type_error(const std::string& message) {
    runtime_error("TypeError", "InvalidArgumentType", message);
}

const Value& storable(const Value& v) {
    if (auto why = why_not_storable(v)) runtime_error("TypeError", "InvalidPropertyType", *why);
    return v;
}

void check_alive(ExecContext& ctx, const Value& v) {
    if (v.kind() == Value::Kind::Node && ctx.deleted_nodes.count(v.as_node().index))
        runtime_error("EntityNotFound", "DeletedEntityAccess", "the node was deleted");
    if (v.kind() == Value::Kind::Relationship && ctx.deleted_rels.count(v.as_rel().index))
        runtime_error("EntityNotFound", "DeletedEntityAccess", "the relationship was deleted");
}

bool is_generated_id(std::string_view id) {
    if (id.rfind("node-", 0) != 0 || id.size() == 5) return false;
    for (char c : id.substr(5))
        if (c < '0' || c > '9') return false;
    return true;
}

namespace {

// An entity's time span reads as the properties date, start and end (date values).
Value time_property(const TimeSpan& t, std::string_view key) {
    const std::optional<Date>* d = key == "date"    ? &t.date
                                   : key == "start" ? &t.start
                                   : key == "end"   ? &t.end
                                                    : nullptr;
    return d && *d ? Value(**d) : Value();
}

void add_time(const TimeSpan& t, const Properties& stored, ValueMap& out) {
    for (std::string_view key : {"date", "start", "end"}) {
        if (stored.contains(key)) continue;
        Value v = time_property(t, key);
        if (!v.is_null()) map_set(out, std::string(key), std::move(v));
    }
}

Value name_of(const Node& node) {
    if (!node.names.en.empty()) return node.names.en;
    if (!node.names.ar.empty()) return node.names.ar;
    return {};
}

}  // namespace

Value node_property(ExecContext& ctx, NodeRef n, std::string_view key) {
    check_alive(ctx, n);
    return node_property_value(ctx.g(), n.index, key);
}

Value node_property_value(const PropertyGraph& g, NodeIndex n, std::string_view key) {
    const Node& node = g.node(n);
    if (const auto* v = node.properties.get(key)) return *v;
    if (key == "name") return name_of(node);
    if (key == "name_en") return node.names.en.empty() ? Value() : Value(node.names.en);
    if (key == "name_ar") return node.names.ar.empty() ? Value() : Value(node.names.ar);
    if (key == "aliases") {
        if (node.names.aliases.empty()) return {};
        ValueList out(node.names.aliases.begin(), node.names.aliases.end());
        return out;
    }
    if (key == "id") return is_generated_id(node.id) ? Value() : Value(node.id);
    return time_property(node.time, key);
}

Value rel_property(ExecContext& ctx, RelRef r, std::string_view key) {
    check_alive(ctx, r);
    const Edge& edge = ctx.g().edge(r.index);
    if (const auto* v = edge.properties.get(key)) return *v;
    return time_property(edge.time, key);
}

ValueMap node_properties(ExecContext& ctx, NodeRef n) {
    check_alive(ctx, n);
    const Node& node = ctx.g().node(n.index);
    ValueMap out;
    for (const auto& [k, v] : node.properties) out.emplace_back(k, v);
    for (std::string_view key : {"name", "name_en", "name_ar", "aliases"}) {
        if (node.properties.contains(key)) continue;
        Value v = node_property(ctx, n, key);
        if (!v.is_null()) map_set(out, std::string(key), std::move(v));
    }
    add_time(node.time, node.properties, out);
    return out;
}

ValueMap rel_properties(ExecContext& ctx, RelRef r) {
    check_alive(ctx, r);
    ValueMap out;
    const Edge& edge = ctx.g().edge(r.index);
    for (const auto& [k, v] : edge.properties) out.emplace_back(k, v);
    add_time(edge.time, edge.properties, out);
    return out;
}

ValueList node_labels(ExecContext& ctx, NodeRef n) {
    check_alive(ctx, n);
    const Node& node = ctx.g().node(n.index);
    return ValueList(node.labels.begin(), node.labels.end());
}

std::string rel_type(ExecContext& ctx, RelRef r) {
    return ctx.g().relations().get(ctx.g().edge_ends(r.index).type).name;
}

namespace {

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'' || c == '\\') out += '\\';
        out += c;
    }
    return out + "'";
}

std::string props_text(ExecContext& ctx, const ValueMap& m) {
    if (m.empty()) return "";
    std::string out = " {";
    bool first = true;
    for (const auto& [k, v] : m) {
        out += (first ? "" : ", ") + k + ": " + to_cypher_text(ctx, v);
        first = false;
    }
    return out + "}";
}

std::string node_text(ExecContext& ctx, std::uint32_t n) {
    if (ctx.deleted_nodes.count(n) || n >= ctx.g().node_count()) return "(deleted)";
    std::string out = "(";
    for (const auto& l : ctx.g().node(n).labels) out += ":" + l;
    std::string props = props_text(ctx, node_properties(ctx, NodeRef{n}));
    if (out.size() == 1 && !props.empty()) props.erase(0, 1);
    return out + props + ")";
}

std::string rel_text(ExecContext& ctx, std::uint32_t r) {
    if (ctx.deleted_rels.count(r) || r >= ctx.g().edge_count()) return "[deleted]";
    std::string out = "[:";  // built in steps: GCC 12 -Wrestrict on "[:" + string&&
    out += rel_type(ctx, RelRef{r});
    out += props_text(ctx, rel_properties(ctx, RelRef{r}));
    return out + "]";
}

}  // namespace

std::string to_cypher_text(ExecContext& ctx, const Value& v) {
    using K = Value::Kind;
    switch (v.kind()) {
        case K::String:
            return quote(v.as_string());
        case K::List: {
            std::string out = "[";
            for (std::size_t i = 0; i < v.as_list().size(); ++i)
                out += (i ? ", " : "") + to_cypher_text(ctx, v.as_list()[i]);
            return out + "]";
        }
        case K::Map: {
            std::string out = "{";
            bool first = true;
            for (const auto& [k, x] : v.as_map()) {
                out += (first ? "" : ", ") + k + ": " + to_cypher_text(ctx, x);
                first = false;
            }
            return out + "}";
        }
        case K::Node:
            return node_text(ctx, v.as_node().index);
        case K::Relationship:
            return rel_text(ctx, v.as_rel().index);
        case K::Path: {
            const Path& p = v.as_path();
            std::string out = "<";
            out += node_text(ctx, p.nodes[0]);  // two steps: GCC 12 -Wrestrict on "<" + string&&
            for (std::size_t i = 0; i < p.rels.size(); ++i) {
                const Edge& e = ctx.g().edge(p.rels[i]);
                bool forward = e.source == p.nodes[i] || ctx.g().is_symmetric(e);
                out += (forward ? "-" : "<-") + rel_text(ctx, p.rels[i]) + (forward ? "->" : "-");
                out += node_text(ctx, p.nodes[i + 1]);
            }
            return out + ">";
        }
        default:
            return to_debug_string(v);
    }
}

}  // namespace liaison::query
