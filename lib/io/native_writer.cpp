// The canonical writer: keys sorted, fixed layout, one node / edge / document per line, UTF-8
// unescaped. Saving what was loaded from a canonical file reproduces it byte for byte.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "io/json_value.hpp"
#include "liaison/core/error.hpp"
#include "liaison/io/native_format.hpp"

namespace liaison {

namespace {

using json::write_string;
using json::write_value;
using json::Writer;

// Members shared by node and edge metadata, in sorted key order around the caller's own.
void write_time_key(Writer& w, const char* key, const std::optional<Date>& d) {
    if (!d) return;
    w.Key(key);
    write_string(w, d->to_string());
}

void write_properties(Writer& w, const Properties& props) {
    if (props.empty()) return;
    w.Key("properties");
    w.StartObject();
    for (const auto& [key, value] : props) {
        write_string(w, key);
        write_value(w, value);
    }
    w.EndObject();
}

void write_sources(Writer& w, const Sources& sources) {
    if (sources.empty()) return;
    w.Key("sources");
    json::write_sources(w, sources);
}

std::string node_line(const Node& n) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    w.Key("metadata");
    w.StartObject();
    if (!n.names.aliases.empty()) {
        w.Key("aliases");
        w.StartArray();
        for (const auto& a : n.names.aliases) write_string(w, a);
        w.EndArray();
    }
    write_time_key(w, "date", n.time.date);
    write_time_key(w, "end", n.time.end);
    w.Key("labels");
    w.StartArray();
    for (const auto& l : n.labels) write_string(w, l);
    w.EndArray();
    if (!n.names.ar.empty() || !n.names.en.empty()) {
        w.Key("names");
        w.StartObject();
        if (!n.names.ar.empty()) {
            w.Key("ar");
            write_string(w, n.names.ar);
        }
        if (!n.names.en.empty()) {
            w.Key("en");
            write_string(w, n.names.en);
        }
        w.EndObject();
    }
    write_properties(w, n.properties);
    write_sources(w, n.sources);
    write_time_key(w, "start", n.time.start);
    w.EndObject();
    w.EndObject();
    return buf.GetString();
}

std::string edge_line(const PropertyGraph& g, const Edge& e) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    if (!e.id.empty()) {
        w.Key("id");
        write_string(w, e.id);
    }
    bool has_meta = !e.properties.empty() || !e.time.empty() || !e.sources.empty();
    if (has_meta) {
        w.Key("metadata");
        w.StartObject();
        write_time_key(w, "date", e.time.date);
        write_time_key(w, "end", e.time.end);
        write_properties(w, e.properties);
        write_sources(w, e.sources);
        write_time_key(w, "start", e.time.start);
        w.EndObject();
    }
    w.Key("relation");
    write_string(w, g.type_name(e));
    w.Key("source");
    write_string(w, g.node(e.source).id);
    w.Key("target");
    write_string(w, g.node(e.target).id);
    w.EndObject();
    return buf.GetString();
}

std::string document_line(const Document& d) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    auto field = [&](const char* key, const std::string& v) {
        if (v.empty()) return;
        w.Key(key);
        write_string(w, v);
    };
    if (d.date) field("date", d.date->to_string());
    field("file", d.file);
    field("language", d.language);
    field("outlet", d.outlet);
    field("title", d.title);
    field("url", d.url);
    w.EndObject();
    return buf.GetString();
}

// {"entity": "node", "label": L, "properties": [...]} or, for relationships, "type": T last:
// sorted keys, like every other line of the canonical form.
std::string index_line(const IndexDefinition& d) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    w.StartObject();
    w.Key("entity");
    write_string(w, d.relationships ? "relationship" : "node");
    if (!d.relationships) {
        w.Key("label");
        write_string(w, d.label);
    }
    w.Key("properties");
    w.StartArray();
    for (const auto& p : d.properties) write_string(w, p);
    w.EndArray();
    if (d.relationships) {
        w.Key("type");
        write_string(w, d.label);
    }
    w.EndObject();
    return std::string(buf.GetString(), buf.GetSize());
}

std::string relation_line(const RelationType& t) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    json::write_relation(w, t);
    return buf.GetString();
}

std::string quoted(const std::string& s) {
    rapidjson::StringBuffer buf;
    Writer w(buf);
    write_string(w, s);
    return buf.GetString();
}

// Writes `"key": {` then one `"k": line` per entry, then `}`.
template <typename Entries>
void write_map_block(std::string& out, const std::string& indent, const char* key,
                     const Entries& entries, bool last) {
    out += fmt::format("{}\"{}\": {{", indent, key);
    if (entries.empty()) {
        out += "}";
    } else {
        out += "\n";
        for (std::size_t i = 0; i < entries.size(); ++i)
            out += fmt::format("{}  {}: {}{}\n", indent, quoted(entries[i].first),
                               entries[i].second, i + 1 < entries.size() ? "," : "");
        out += indent + "}";
    }
    out += last ? "\n" : ",\n";
}

}  // namespace

std::string write_graph_json(const PropertyGraph& g) {
    // Edge order: (source id, target id, relation, first day, id), ties kept in insertion order.
    std::vector<EdgeIndex> order(g.edge_count());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](EdgeIndex a, EdgeIndex b) {
        const Edge& x = g.edge(a);
        const Edge& y = g.edge(b);
        auto key = [&](const Edge& e) {
            return std::tie(g.node(e.source).id, g.node(e.target).id, g.type_name(e));
        };
        if (key(x) != key(y)) return key(x) < key(y);
        if (x.time.first_day() != y.time.first_day())
            return x.time.first_day() < y.time.first_day();
        return x.id < y.id;
    });

    std::vector<std::pair<std::string, std::string>> docs, relations, nodes, indexes;
    for (const IndexDefinition& d : g.indexes) indexes.emplace_back(d.name, index_line(d));
    std::sort(indexes.begin(), indexes.end());
    for (const auto& [id, d] : g.documents()) docs.emplace_back(id, document_line(d));
    for (const RelationType& t : g.relations().all())
        if (!t.builtin) relations.emplace_back(t.name, relation_line(t));
    std::sort(relations.begin(), relations.end());
    std::vector<NodeIndex> by_id(g.node_count());
    std::iota(by_id.begin(), by_id.end(), 0);
    std::sort(by_id.begin(), by_id.end(),
              [&](NodeIndex a, NodeIndex b) { return g.node(a).id < g.node(b).id; });
    nodes.reserve(by_id.size());
    for (NodeIndex n : by_id) nodes.emplace_back(g.node(n).id, node_line(g.node(n)));

    std::string out = "{\n  \"graph\": {\n    \"directed\": true,\n";
    out += "    \"edges\": [";
    if (order.empty()) {
        out += "],\n";
    } else {
        out += "\n";
        for (std::size_t i = 0; i < order.size(); ++i)
            out += fmt::format("      {}{}\n", edge_line(g, g.edge(order[i])),
                               i + 1 < order.size() ? "," : "");
        out += "    ],\n";
    }
    if (!g.graph_id.empty()) out += fmt::format("    \"id\": {},\n", quoted(g.graph_id));
    if (!g.graph_label.empty()) out += fmt::format("    \"label\": {},\n", quoted(g.graph_label));
    out += "    \"metadata\": {\n      \"liaison\": {\n";
    write_map_block(out, "        ", "documents", docs, false);
    // Written only when there are some, so networks without indexes keep their bytes.
    if (!indexes.empty()) write_map_block(out, "        ", "indexes", indexes, false);
    out += "        \"profile\": 1,\n";
    write_map_block(out, "        ", "relations", relations, true);
    out += "      }\n    },\n";
    write_map_block(out, "    ", "nodes", nodes, true);
    out += "  }\n}\n";
    return out;
}

void save_graph_file(const PropertyGraph& g, const std::string& path) {
    write_file_atomic(path, write_graph_json(g));
}

}  // namespace liaison
