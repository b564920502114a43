// GraphML (graphml.graphdrawing.org): typed <key>s for every flat attribute, one <node> and one
// <edge> per element. Types GraphML lacks (dates, temporal values, lists, mixed values) are strings
// whose key carries liaison:type, which other tools ignore.
#include <map>

#include <fmt/format.h>

#include "interchange/formats.hpp"
#include "interchange/xml.hpp"

namespace liaison::detail {

namespace {

bool needs_liaison_type(flat::AttrType t) {
    return flat::is_typed_text(t) || t == flat::AttrType::List || t == flat::AttrType::Json;
}

void write_keys(std::string& out, const flat::Schema& s, const char* domain, const char* prefix) {
    for (std::size_t i = 0; i < s.keys.size(); ++i) {
        flat::AttrType t = s.type_of(s.keys[i]);
        out += fmt::format("  <key id=\"{}{}\" for=\"{}\" attr.name=\"{}\" attr.type=\"{}\"",
                           prefix, i, domain, xml_escape(s.keys[i]), xml_attr_type(t));
        if (needs_liaison_type(t)) out += fmt::format(" liaison:type=\"{}\"", flat::type_name(t));
        out += "/>\n";
    }
}

void write_data(std::string& out, const flat::Schema& s, const char* prefix,
                const flat::Record& r) {
    for (const auto& [key, value] : r) {
        std::size_t i =
            static_cast<std::size_t>(std::find(s.keys.begin(), s.keys.end(), key) - s.keys.begin());
        out += fmt::format("<data key=\"{}{}\">{}</data>", prefix, i,
                           xml_escape(flat::to_text(value, s.type_of(key))));
    }
}

struct Key {
    std::string domain;  // node, edge, graph, all
    std::string name;
    flat::AttrType type = flat::AttrType::String;
    std::optional<std::string> fallback;  // <default>
};

}  // namespace

std::string write_graphml(const PropertyGraph& g, bool mixed) {
    std::vector<flat::Record> nodes, edges;
    for (const Node& n : g.nodes()) nodes.push_back(flat::flatten_node(n));
    for (const Edge& e : g.edges()) edges.push_back(flat::flatten_edge(g, e));
    flat::Schema ns = flat::infer_schema(nodes), es = flat::infer_schema(edges);

    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:liaison=\"urn:liaison\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    std::vector<std::pair<std::string, std::string>> graph_data;
    if (!g.graph_label.empty()) graph_data.emplace_back("label", g.graph_label);
    if (!g.documents().empty()) graph_data.emplace_back("documents", flat::documents_json(g));
    std::string relations = flat::relations_json(g);
    if (relations != "{}") graph_data.emplace_back("relations", relations);
    for (std::size_t i = 0; i < graph_data.size(); ++i)
        out +=
            fmt::format("  <key id=\"g{}\" for=\"graph\" attr.name=\"{}\" attr.type=\"string\"/>\n",
                        i, graph_data[i].first);
    write_keys(out, ns, "node", "n");
    write_keys(out, es, "edge", "e");
    const bool undirected = all_undirected(g, mixed);
    out += fmt::format("  <graph id=\"{}\" edgedefault=\"{}\">\n",
                       xml_escape(g.graph_id.empty() ? "G" : g.graph_id),
                       undirected ? "undirected" : "directed");
    for (std::size_t i = 0; i < graph_data.size(); ++i)
        out +=
            fmt::format("    <data key=\"g{}\">{}</data>\n", i, xml_escape(graph_data[i].second));
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        out +=
            fmt::format("    <node id=\"{}\">", xml_escape(g.node(static_cast<NodeIndex>(i)).id));
        write_data(out, ns, "n", nodes[i]);
        out += "</node>\n";
    }
    for (std::size_t i = 0; i < g.edge_count(); ++i) {
        const Edge& e = g.edge(static_cast<EdgeIndex>(i));
        out += "    <edge";
        if (!e.id.empty()) out += fmt::format(" id=\"{}\"", xml_escape(e.id));
        if (!undirected && undirected_edge(g, e, mixed)) out += " directed=\"false\"";
        out += fmt::format(" source=\"{}\" target=\"{}\">", xml_escape(g.node(e.source).id),
                           xml_escape(g.node(e.target).id));
        write_data(out, es, "e", edges[i]);
        out += "</edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

void read_graphml(const NamedText& in, GraphAssembler& out, ProblemLog& log) {
    XmlReader x(in.text, in.name);
    std::map<std::string, Key> keys;
    std::optional<ImportedNode> node;
    std::optional<ImportedEdge> edge;
    std::string last_key;
    int graph_depth = -1;
    bool seen_graph = false;

    auto add_defaults = [&](flat::Record& r, const char* domain) {
        for (const auto& [id, k] : keys) {
            if (!k.fallback || (k.domain != domain && k.domain != "all")) continue;
            // Captured by name: clang 14 cannot capture a structured binding.
            const std::string& name = k.name;
            bool present =
                std::any_of(r.begin(), r.end(), [&](const auto& a) { return a.first == name; });
            std::string error;
            if (!present)
                if (auto v = flat::from_text(*k.fallback, k.type, error))
                    r.emplace_back(k.name, *v);
        }
    };

    while (x.next()) {
        const std::string& tag = x.name();
        if (!x.is_start()) {
            if (tag == "node" && node) {
                add_defaults(node->attributes, "node");
                out.add_node(std::move(*node));
                node.reset();
            } else if (tag == "edge" && edge) {
                add_defaults(edge->attributes, "edge");
                out.add_edge(std::move(*edge));
                edge.reset();
            } else if (tag == "graph" && x.depth() == graph_depth) {
                graph_depth = -2;  // nested graphs are not read
            }
            continue;
        }
        if (tag == "key") {
            Key k;
            std::string id = x.attribute("id").value_or("");
            k.domain = x.attribute("for").value_or("all");
            k.name = x.attribute("attr.name").value_or(id);
            std::string type = x.attribute("type", kLiaisonNamespace)
                                   .value_or(x.attribute("attr.type").value_or("string"));
            k.type = flat::parse_type(type).value_or(flat::AttrType::String);
            keys[id] = k;
            last_key = id;
        } else if (tag == "default" && !last_key.empty()) {
            keys[last_key].fallback = x.text();
        } else if (tag == "graph") {
            if (seen_graph) {
                log.report(x.position(), "nested graphs are not supported");
                continue;
            }
            seen_graph = true;
            graph_depth = x.depth();
            out.set_directed(x.attribute("edgedefault").value_or("directed") != "undirected");
            out.graph().graph_id = x.attribute("id").value_or("");
            if (out.graph().graph_id == "G") out.graph().graph_id.clear();
        } else if (tag == "node" && graph_depth >= 0) {
            node = ImportedNode{x.attribute("id").value_or(""), x.position(), {}};
            if (node->id.empty()) log.report(x.position(), "<node> without an id");
            if (x.is_empty()) {
                add_defaults(node->attributes, "node");
                out.add_node(std::move(*node));
                node.reset();
            }
        } else if (tag == "edge" && graph_depth >= 0) {
            edge = ImportedEdge{real_edge_id(x.attribute("id").value_or("")),
                                x.attribute("source").value_or(""),
                                x.attribute("target").value_or(""),
                                x.position(),
                                {}};
            if (auto d = x.attribute("directed"))
                edge->attributes.emplace_back("symmetric", Value(*d == "false"));
            if (x.is_empty()) {
                add_defaults(edge->attributes, "edge");
                out.add_edge(std::move(*edge));
                edge.reset();
            }
        } else if (tag == "data") {
            TextPosition where = x.position();
            std::string key = x.attribute("key").value_or("");
            auto k = keys.find(key);
            std::string text = x.text();
            if (k == keys.end()) {
                log.report(where, fmt::format("<data> refers to undeclared key '{}'", key));
                continue;
            }
            if (!node && !edge) {  // graph data
                std::string error;
                if (k->second.name == "label")
                    out.graph().graph_label = text;
                else if (k->second.name == "documents")
                    error = flat::read_documents_json(text, out.graph());
                else if (k->second.name == "relations")
                    error = flat::read_relations_json(text, out.graph());
                if (!error.empty()) log.report(where, error);
                continue;
            }
            std::string error;
            auto v = flat::from_text(text, k->second.type, error);
            if (!v) {
                log.report(where, fmt::format("{} '{}': {}: {}", node ? "node" : "edge",
                                              node ? node->id : edge->source + " → " + edge->target,
                                              k->second.name, error));
                continue;
            }
            (node ? node->attributes : edge->attributes)
                .emplace_back(k->second.name, std::move(*v));
        }
    }
    if (!seen_graph) log.report({in.name, 1, 1}, "no <graph> element: not a GraphML file");
}

}  // namespace liaison::detail
