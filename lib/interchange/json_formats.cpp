// NetworkX node-link JSON (networkx.node_link_data) and Cytoscape.js JSON (cy.json()). Both
// carry flat attributes as JSON members and graph metadata (documents, relations, the types of
// attributes) in their graph-level object.
#include <fmt/format.h>

#include "interchange/formats.hpp"
#include "interchange/json_util.hpp"
#include "io/json_value.hpp"

namespace liaison::detail {

using json::write_string;

namespace {

struct Records {
    std::vector<flat::Record> nodes, edges;
    flat::Schema ns, es;
};

Records flatten(const PropertyGraph& g) {
    Records r;
    for (const Node& n : g.nodes()) r.nodes.push_back(flat::flatten_node(n));
    for (const Edge& e : g.edges()) r.edges.push_back(flat::flatten_edge(g, e));
    r.ns = flat::infer_schema(r.nodes);
    r.es = flat::infer_schema(r.edges);
    return r;
}

// One element per line: a writer per element, joined by hand.
template <typename F>
std::string element(F&& write) {
    rapidjson::StringBuffer buffer;
    JsonWriter w(buffer);
    write(w);
    return {buffer.GetString(), buffer.GetSize()};
}

std::string join_lines(const std::vector<std::string>& items, const char* indent) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += fmt::format("{}{}{}\n", indent, items[i], i + 1 < items.size() ? "," : "");
    return out;
}

std::string string_member(const rapidjson::Value& o, const char* key) {
    auto it = o.FindMember(key);
    if (it == o.MemberEnd()) return {};
    if (it->value.IsString()) return it->value.GetString();
    return json_text(it->value);  // NetworkX writes integer ids as numbers
}

TextPosition position_at(const std::vector<TextPosition>& positions, std::size_t i,
                         const std::string& file) {
    return i < positions.size() ? positions[i] : TextPosition{file, 0, 0};
}

void report_all(ProblemLog& log, const TextPosition& where, const std::string& what,
                const std::vector<std::string>& errors) {
    for (const auto& e : errors) log.report(where, fmt::format("{}: {}", what, e));
}

}  // namespace

std::string write_node_link(const PropertyGraph& g) {
    Records r = flatten(g);
    std::vector<std::string> nodes, links;
    for (std::size_t i = 0; i < g.node_count(); ++i)
        nodes.push_back(element([&](JsonWriter& w) {
            w.StartObject();
            w.Key("id");
            write_string(w, g.node(static_cast<NodeIndex>(i)).id);
            write_record(w, r.nodes[i], r.ns);
            w.EndObject();
        }));
    for (std::size_t i = 0; i < g.edge_count(); ++i)
        links.push_back(element([&](JsonWriter& w) {
            const Edge& e = g.edge(static_cast<EdgeIndex>(i));
            w.StartObject();
            w.Key("source");
            write_string(w, g.node(e.source).id);
            w.Key("target");
            write_string(w, g.node(e.target).id);
            w.Key("key");
            write_string(w, element_edge_id(g, static_cast<EdgeIndex>(i)));
            write_record(w, r.edges[i], r.es);
            w.EndObject();
        }));
    std::string graph = element([&](JsonWriter& w) {
        w.StartObject();
        write_graph_attributes(w, g, r.ns, r.es);
        w.EndObject();
    });
    return fmt::format(
        "{{\"directed\": true, \"multigraph\": true,\n\"graph\": {},\n\"nodes\": [\n{}],\n"
        "\"links\": [\n{}]}}\n",
        graph, join_lines(nodes, " "), join_lines(links, " "));
}

void read_node_link(const NamedText& in, GraphAssembler& out, ProblemLog& log) {
    rapidjson::Document doc;
    if (!parse_json_text(in, doc, log)) return;
    TextPosition top{in.name, 1, 1};
    if (!doc.IsObject() || !doc.HasMember("nodes") || !doc["nodes"].IsArray()) {
        log.report(top, "expected a node-link object with a \"nodes\" array");
        return;
    }
    const char* links_key = doc.HasMember("links") ? "links" : "edges";
    out.set_directed(!doc.HasMember("directed") || !doc["directed"].IsBool() ||
                     doc["directed"].GetBool());
    flat::Schema ns, es;
    if (doc.HasMember("graph")) read_graph_attributes(doc["graph"], out, ns, es, top, log);
    auto node_pos = element_positions(in, {"nodes"});
    std::size_t i = 0;
    for (const auto& n : doc["nodes"].GetArray()) {
        TextPosition where = position_at(node_pos, i++, in.name);
        if (!n.IsObject()) {
            log.report(where, "a node must be a JSON object");
            continue;
        }
        std::vector<std::string> errors;
        ImportedNode node{string_member(n, "id"), where, read_record(n, ns, {"id"}, errors)};
        report_all(log, where, fmt::format("node '{}'", node.id), errors);
        if (errors.empty()) out.add_node(std::move(node));
    }
    if (!doc.HasMember(links_key) || !doc[links_key].IsArray()) return;
    auto link_pos = element_positions(in, {links_key});
    i = 0;
    for (const auto& e : doc[links_key].GetArray()) {
        TextPosition where = position_at(link_pos, i++, in.name);
        if (!e.IsObject()) {
            log.report(where, "a link must be a JSON object");
            continue;
        }
        std::vector<std::string> errors;
        ImportedEdge edge{real_edge_id(string_member(e, "key")), string_member(e, "source"),
                          string_member(e, "target"), where,
                          read_record(e, es, {"source", "target", "key"}, errors)};
        report_all(log, where, "link", errors);
        if (errors.empty()) out.add_edge(std::move(edge));
    }
}

std::string write_cytoscape(const PropertyGraph& g) {
    Records r = flatten(g);
    std::vector<std::string> nodes, edges;
    for (std::size_t i = 0; i < g.node_count(); ++i)
        nodes.push_back(element([&](JsonWriter& w) {
            const Node& n = g.node(static_cast<NodeIndex>(i));
            w.StartObject();
            w.Key("data");
            w.StartObject();
            w.Key("id");
            write_string(w, n.id);
            w.Key("name");
            write_string(w, n.display_name());
            w.Key("value");  // NetworkX's cytoscape_graph keys nodes by it
            write_string(w, n.id);
            write_record(w, r.nodes[i], r.ns);
            w.EndObject();
            w.EndObject();
        }));
    for (std::size_t i = 0; i < g.edge_count(); ++i)
        edges.push_back(element([&](JsonWriter& w) {
            const Edge& e = g.edge(static_cast<EdgeIndex>(i));
            w.StartObject();
            w.Key("data");
            w.StartObject();
            w.Key("id");
            write_string(w, element_edge_id(g, static_cast<EdgeIndex>(i)));
            w.Key("key");  // NetworkX's multigraph key: parallel edges stay apart
            write_string(w, element_edge_id(g, static_cast<EdgeIndex>(i)));
            w.Key("source");
            write_string(w, g.node(e.source).id);
            w.Key("target");
            write_string(w, g.node(e.target).id);
            w.Key("interaction");
            write_string(w, g.type_name(e));
            write_record(w, r.edges[i], r.es);
            w.EndObject();
            w.EndObject();
        }));
    std::string data = element([&](JsonWriter& w) {
        w.StartObject();
        write_graph_attributes(w, g, r.ns, r.es);
        w.EndObject();
    });
    return fmt::format(
        "{{\"format_version\": \"1.0\", \"generated_by\": \"liaison\", \"directed\": true, "
        "\"multigraph\": true,\n"
        "\"data\": {},\n\"elements\": {{\n\"nodes\": [\n{}],\n\"edges\": [\n{}]}}}}\n",
        data, join_lines(nodes, " "), join_lines(edges, " "));
}

void read_cytoscape(const NamedText& in, GraphAssembler& out, ProblemLog& log) {
    rapidjson::Document doc;
    if (!parse_json_text(in, doc, log)) return;
    TextPosition top{in.name, 1, 1};
    if (!doc.IsObject() || !doc.HasMember("elements")) {
        log.report(top, "expected a Cytoscape.js object with \"elements\"");
        return;
    }
    flat::Schema ns, es;
    if (doc.HasMember("data")) read_graph_attributes(doc["data"], out, ns, es, top, log);
    if (doc.HasMember("directed") && doc["directed"].IsBool())
        out.set_directed(doc["directed"].GetBool());
    const rapidjson::Value& elements = doc["elements"];

    auto add = [&](const rapidjson::Value& item, bool is_edge, const TextPosition& where) {
        if (!item.IsObject() || !item.HasMember("data") || !item["data"].IsObject()) {
            log.report(where, "an element must be an object with \"data\"");
            return;
        }
        const rapidjson::Value& d = item["data"];
        std::vector<std::string> errors;
        if (!is_edge) {
            std::string id = string_member(d, "id");
            // "value" repeating the id is NetworkX's node key, not a property.
            bool value_is_id = d.HasMember("value") && string_member(d, "value") == id;
            ImportedNode node{id, where,
                              value_is_id ? read_record(d, ns, {"id", "value"}, errors)
                                          : read_record(d, ns, {"id"}, errors)};
            report_all(log, where, fmt::format("node '{}'", node.id), errors);
            if (errors.empty()) out.add_node(std::move(node));
            return;
        }
        flat::Record rec = read_record(d, es, {"id", "source", "target"}, errors);
        for (auto& [key, value] : rec)
            if (key == "interaction") key = "label";  // Cytoscape's edge type, when no "type"
        ImportedEdge edge{real_edge_id(string_member(d, "id")), string_member(d, "source"),
                          string_member(d, "target"), where, std::move(rec)};
        report_all(log, where, "edge", errors);
        if (errors.empty()) out.add_edge(std::move(edge));
    };

    if (elements.IsArray()) {  // [{"group": "nodes", "data": …}, …]
        auto pos = element_positions(in, {"elements"});
        std::size_t i = 0;
        for (const auto& item : elements.GetArray()) {
            TextPosition where = position_at(pos, i++, in.name);
            bool is_edge = item.IsObject() && item.HasMember("group") && item["group"].IsString()
                               ? std::string(item["group"].GetString()) == "edges"
                               : item.IsObject() && item.HasMember("data") &&
                                     item["data"].IsObject() && item["data"].HasMember("source");
            add(item, is_edge, where);
        }
        return;
    }
    for (const auto& [key, is_edge] : {std::pair{"nodes", false}, std::pair{"edges", true}}) {
        if (!elements.IsObject() || !elements.HasMember(key)) continue;
        if (!elements[key].IsArray()) {
            log.report(top, fmt::format("elements.{} must be an array", key));
            continue;
        }
        auto pos = element_positions(in, {"elements", key});
        std::size_t i = 0;
        for (const auto& item : elements[key].GetArray())
            add(item, is_edge, position_at(pos, i++, in.name));
    }
}

}  // namespace liaison::detail
