// GEXF (gexf.net), the format Gephi reads best: 1.2 by default (NetworkX 2.x reads 1.1 and 1.2
// only), 1.3 on request. A dynamic graph whose nodes and edges carry a spell of days for the
// timeline, static attributes for every flat attribute, and viz: colour, size and position when
// the caller gives them. Partial dates widen to the days they cover (2025-11 → 2025-11-01 ..
// 2025-11-30); the exact dates stay in the date/start/end attributes. Symmetric relations are
// undirected edges of a mixed graph. Graph metadata rides in liaison: attributes on <graph>.
#include <map>

#include <fmt/format.h>

#include "interchange/formats.hpp"
#include "interchange/xml.hpp"

namespace liaison::detail {

namespace {

std::string first_day(const Date& d) {
    return Date{d.year, d.month ? d.month : std::int8_t{1}, d.day ? d.day : std::int8_t{1}}
        .to_string();
}

std::string last_day(const Date& d) {
    auto month = d.month ? d.month : std::int8_t{12};
    auto day = d.day ? d.day : static_cast<std::int8_t>(days_in_month(d.year, month));
    return Date{d.year, month, day}.to_string();
}

// <spells><spell start="…" end="…"/></spells> for Gephi's timeline; nothing for undated
// elements.
std::string spells(const TimeSpan& t) {
    const std::optional<Date>& from = t.date ? t.date : t.start;
    const std::optional<Date>& to = t.date ? t.date : t.end;
    if (!from && !to) return {};
    std::string out = "<spells><spell";
    if (from) out += fmt::format(" start=\"{}\"", first_day(*from));
    if (to) out += fmt::format(" end=\"{}\"", last_day(*to));
    return out + "/></spells>";
}

std::string viz_colour(std::uint32_t rgb) {
    return fmt::format("<viz:color r=\"{}\" g=\"{}\" b=\"{}\"/>", (rgb >> 16) & 0xff,
                       (rgb >> 8) & 0xff, rgb & 0xff);
}

std::string viz_node(const NodeLook& look) {
    std::string out = viz_colour(look.rgb) + fmt::format("<viz:size value=\"{:g}\"/>", look.size);
    if (look.position)
        out += fmt::format("<viz:position x=\"{:g}\" y=\"{:g}\" z=\"0\"/>", (*look.position)[0],
                           (*look.position)[1]);
    return out;
}

struct Namespaces {
    const char* gexf;
    const char* viz;
    const char* version;
};

Namespaces namespaces(GexfVersion v) {
    if (v == GexfVersion::V1_3) return {"http://gexf.net/1.3", "http://gexf.net/1.3/viz", "1.3"};
    return {"http://www.gexf.net/1.2draft", "http://www.gexf.net/1.2draft/viz", "1.2"};
}

void write_attributes(std::string& out, const flat::Schema& s, const char* cls) {
    out += fmt::format("    <attributes class=\"{}\" mode=\"static\">\n", cls);
    for (std::size_t i = 0; i < s.keys.size(); ++i) {
        flat::AttrType t = s.type_of(s.keys[i]);
        out += fmt::format("      <attribute id=\"{}\" title=\"{}\" type=\"{}\"", i,
                           xml_escape(s.keys[i]), xml_attr_type(t));
        if (std::string(xml_attr_type(t)) == "string" && t != flat::AttrType::String)
            out += fmt::format(" liaison:type=\"{}\"", flat::type_name(t));
        out += "/>\n";
    }
    out += "    </attributes>\n";
}

void write_attvalues(std::string& out, const flat::Schema& s, const flat::Record& r) {
    if (r.empty()) return;
    out += "<attvalues>";
    for (const auto& [key, value] : r) {
        auto i = std::find(s.keys.begin(), s.keys.end(), key) - s.keys.begin();
        out += fmt::format("<attvalue for=\"{}\" value=\"{}\"/>", i,
                           xml_escape(flat::to_text(value, s.type_of(key))));
    }
    out += "</attvalues>";
}

struct Attribute {
    std::string title;
    flat::AttrType type = flat::AttrType::String;
    std::optional<std::string> fallback;
};

bool has_time(const flat::Record& r) {
    return std::any_of(r.begin(), r.end(), [](const auto& a) {
        return a.first == "date" || a.first == "start" || a.first == "end";
    });
}

}  // namespace

std::string write_gexf(const PropertyGraph& g, const ExportOptions& options) {
    std::vector<flat::Record> nodes, edges;
    for (const Node& n : g.nodes()) nodes.push_back(flat::flatten_node(n));
    for (const Edge& e : g.edges()) edges.push_back(flat::flatten_edge(g, e));
    flat::Schema ns = flat::infer_schema(nodes), es = flat::infer_schema(edges);
    const Namespaces space = namespaces(options.gexf_version);
    const bool undirected = all_undirected(g, options.mixed);

    std::string out = fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<gexf xmlns=\"{0}\" xmlns:viz=\"{1}\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:liaison=\"urn:liaison\" "
        "xsi:schemaLocation=\"{0} {0}/gexf.xsd\" version=\"{2}\">\n",
        space.gexf, space.viz, space.version);
    out += "  <meta>\n    <creator>liaison</creator>\n";
    if (!g.graph_label.empty())
        out += fmt::format("    <description>{}</description>\n", xml_escape(g.graph_label));
    out += fmt::format(
        "  </meta>\n  <graph defaultedgetype=\"{}\" mode=\"dynamic\" timeformat=\"date\"",
        undirected ? "undirected" : "directed");
    if (!g.graph_id.empty()) out += fmt::format(" liaison:id=\"{}\"", xml_escape(g.graph_id));
    if (!g.documents().empty())
        out += fmt::format(" liaison:documents=\"{}\"", xml_escape(flat::documents_json(g)));
    if (std::string r = flat::relations_json(g); r != "{}")
        out += fmt::format(" liaison:relations=\"{}\"", xml_escape(r));
    out += ">\n";
    write_attributes(out, ns, "node");
    write_attributes(out, es, "edge");
    out += "    <nodes>\n";
    for (std::size_t i = 0; i < g.node_count(); ++i) {
        const Node& n = g.node(static_cast<NodeIndex>(i));
        out += fmt::format("      <node id=\"{}\" label=\"{}\">", xml_escape(n.id),
                           xml_escape(n.display_name()));
        write_attvalues(out, ns, nodes[i]);
        out += spells(n.time);
        if (i < options.node_looks.size()) out += viz_node(options.node_looks[i]);
        out += "</node>\n";
    }
    out += "    </nodes>\n    <edges>\n";
    for (std::size_t i = 0; i < g.edge_count(); ++i) {
        const Edge& e = g.edge(static_cast<EdgeIndex>(i));
        const std::string& type = g.type_name(e);
        out += fmt::format(
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\"{} label=\"{}\" kind=\"{}\">",
            xml_escape(element_edge_id(g, static_cast<EdgeIndex>(i))),
            xml_escape(g.node(e.source).id), xml_escape(g.node(e.target).id),
            !undirected && undirected_edge(g, e, options.mixed) ? " type=\"undirected\"" : "",
            xml_escape(type), xml_escape(type));
        write_attvalues(out, es, edges[i]);
        out += spells(e.time);
        if (i < options.edge_colours.size()) out += viz_colour(options.edge_colours[i]);
        out += "</edge>\n";
    }
    out += "    </edges>\n  </graph>\n</gexf>\n";
    return out;
}

void read_gexf(const NamedText& in, GraphAssembler& out, ProblemLog& log) {
    XmlReader x(in.text, in.name);
    std::map<std::string, Attribute> attrs[2];  // node, edge
    int cls = -1;                               // the <attributes> class being read
    std::string last_attr;
    std::optional<ImportedNode> node;
    std::optional<ImportedEdge> edge;
    flat::Record spell_of;  // start/end of the current element, used when no attribute dates
    bool seen_graph = false;
    int node_depth = -1;

    auto finish = [&](flat::Record& r, int domain) {
        for (const auto& [id, a] : attrs[domain]) {
            if (!a.fallback) continue;
            // Captured by name: clang 14 cannot capture a structured binding.
            const std::string& title = a.title;
            bool present =
                std::any_of(r.begin(), r.end(), [&](const auto& p) { return p.first == title; });
            std::string error;
            if (!present)
                if (auto v = flat::from_text(*a.fallback, a.type, error))
                    r.emplace_back(a.title, *v);
        }
        if (!has_time(r)) r.insert(r.end(), spell_of.begin(), spell_of.end());
        spell_of.clear();
    };
    auto read_spell = [&] {
        spell_of.clear();
        if (auto s = x.attribute("start")) spell_of.emplace_back("start", Value(*s));
        if (auto e = x.attribute("end")) spell_of.emplace_back("end", Value(*e));
    };
    auto end_node = [&] {
        finish(node->attributes, 0);
        out.add_node(std::move(*node));
        node.reset();
    };
    auto end_edge = [&] {
        finish(edge->attributes, 1);
        out.add_edge(std::move(*edge));
        edge.reset();
    };

    while (x.next()) {
        const std::string& tag = x.name();
        if (!x.is_start()) {
            if (tag == "node" && node && x.depth() == node_depth)
                end_node();
            else if (tag == "edge" && edge)
                end_edge();
            else if (tag == "attributes")
                cls = -1;
            continue;
        }
        if (tag == "description" && !seen_graph) {
            out.graph().graph_label = x.text();
        } else if (tag == "graph") {
            seen_graph = true;
            out.set_directed(x.attribute("defaultedgetype").value_or("undirected") != "undirected");
            out.graph().graph_id = x.attribute("id", kLiaisonNamespace).value_or("");
            std::string error;
            if (auto d = x.attribute("documents", kLiaisonNamespace))
                error = flat::read_documents_json(*d, out.graph());
            if (auto r = x.attribute("relations", kLiaisonNamespace); r && error.empty())
                error = flat::read_relations_json(*r, out.graph());
            if (!error.empty()) log.report(x.position(), error);
        } else if (tag == "attributes") {
            std::string c = x.attribute("class").value_or("");
            cls = c == "node" ? 0 : c == "edge" ? 1 : -1;
        } else if (tag == "attribute" && cls >= 0) {
            Attribute a;
            std::string id = x.attribute("id").value_or("");
            a.title = x.attribute("title").value_or(id);
            std::string type = x.attribute("type", kLiaisonNamespace)
                                   .value_or(x.attribute("type").value_or("string"));
            a.type = flat::parse_type(type).value_or(flat::AttrType::String);
            attrs[cls][id] = a;
            last_attr = id;
        } else if (tag == "default" && cls >= 0) {
            attrs[cls][last_attr].fallback = x.text();
        } else if (tag == "node" && !node) {
            node = ImportedNode{x.attribute("id").value_or(""), x.position(), {}};
            node_depth = x.depth();
            if (auto label = x.attribute("label"))
                node->attributes.emplace_back("label", Value(*label));
            read_spell();
            if (x.is_empty()) end_node();
        } else if (tag == "edge") {
            edge = ImportedEdge{real_edge_id(x.attribute("id").value_or("")),
                                x.attribute("source").value_or(""),
                                x.attribute("target").value_or(""),
                                x.position(),
                                {}};
            auto label = x.attribute("kind");
            if (!label) label = x.attribute("label");
            if (label) edge->attributes.emplace_back("label", Value(*label));
            if (auto w = x.attribute("weight")) {
                std::string error;
                if (auto v = flat::from_text(*w, flat::AttrType::Float, error))
                    edge->attributes.emplace_back("weight", *v);
            }
            if (x.attribute("type").value_or("") == "undirected")
                edge->attributes.emplace_back("symmetric", Value(true));
            read_spell();
            if (x.is_empty()) end_edge();
        } else if (tag == "spell" && (node || edge)) {
            // liaison keeps one interval: the first spell (its own files have one).
            if (spell_of.empty()) read_spell();
        } else if (tag == "attvalue" && (node || edge)) {
            int domain = edge ? 1 : 0;
            std::string id = x.attribute("for").value_or(x.attribute("id").value_or(""));
            auto a = attrs[domain].find(id);
            if (a == attrs[domain].end()) {
                log.report(x.position(),
                           fmt::format("<attvalue> refers to undeclared attribute '{}'", id));
                continue;
            }
            if (x.attribute("start") || x.attribute("end")) continue;  // dynamic values: not kept
            std::string text = x.attribute("value").value_or(""), error;
            auto v = flat::from_text(text, a->second.type, error);
            if (!v) {
                log.report(x.position(), fmt::format("{}: {}", a->second.title, error));
                continue;
            }
            (edge ? edge->attributes : node->attributes)
                .emplace_back(a->second.title, std::move(*v));
        }
    }
    if (!seen_graph) log.report({in.name, 1, 1}, "no <graph> element: not a GEXF file");
}

}  // namespace liaison::detail
