#include "render/html_viewer.hpp"

#include <set>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace liaison::render {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void write_string(Writer& w, std::string_view s) {
    w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
}

void write_properties(Writer& w, const Properties& props) {
    w.StartObject();
    for (const auto& [key, value] : props) {
        write_string(w, key);
        write_string(w, value.to_display());
    }
    w.EndObject();
}

void write_time(Writer& w, const TimeSpan& t) {
    w.Key("time");
    write_string(w, t.empty() ? std::string() : t.to_string());
    w.Key("first");
    write_string(w, t.date ? t.date->to_string() : t.start ? t.start->to_string() : "");
    w.Key("last");
    write_string(w, t.date ? t.date->to_string() : t.end ? t.end->to_string() : "");
}

void write_sources(Writer& w, const Sources& sources, std::set<std::string>& docs) {
    w.Key("sources");
    w.StartArray();
    for (const Source& s : sources) {
        docs.insert(s.document);
        w.StartObject();
        w.Key("document");
        write_string(w, s.document);
        w.Key("quote");
        write_string(w, s.quote);
        w.EndObject();
    }
    w.EndArray();
}

void write_node(Writer& w, const Node& n, std::set<std::string>& docs) {
    w.StartObject();
    w.Key("id");
    write_string(w, n.id);
    w.Key("element");
    write_string(w, node_element_id(n));
    w.Key("labels");
    w.StartArray();
    for (const std::string& l : n.labels) write_string(w, l);
    w.EndArray();
    w.Key("en");
    write_string(w, n.names.en);
    w.Key("ar");
    write_string(w, n.names.ar);
    w.Key("aliases");
    w.StartArray();
    for (const std::string& a : n.names.aliases) write_string(w, a);
    w.EndArray();
    w.Key("properties");
    write_properties(w, n.properties);
    write_time(w, n.time);
    write_sources(w, n.sources, docs);
    w.EndObject();
}

void write_edge(Writer& w, const PropertyGraph& g, const DrawnEdge& d, std::size_t k,
                std::set<std::string>& docs) {
    const RelationType& type = g.relations().get(d.type);
    w.StartObject();
    w.Key("element");
    write_string(w, edge_element_id(k));
    w.Key("type");
    write_string(w, type.name);
    w.Key("en");
    write_string(w, type.en);
    w.Key("ar");
    write_string(w, type.ar);
    w.Key("symmetric");
    w.Bool(type.symmetric);
    w.Key("source");
    write_string(w, g.node(d.source).id);
    w.Key("target");
    write_string(w, g.node(d.target).id);
    w.Key("ties");
    w.StartArray();
    for (EdgeIndex e : d.members) {
        const Edge& edge = g.edge(e);
        w.StartObject();
        w.Key("id");
        write_string(w, edge.id);
        w.Key("properties");
        write_properties(w, edge.properties);
        write_time(w, edge.time);
        write_sources(w, edge.sources, docs);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
}

std::string data_json(const PropertyGraph& g, const View& view, const std::vector<DrawnEdge>& edges,
                      const std::string& title) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    std::set<std::string> docs;
    w.StartObject();
    w.Key("title");
    write_string(w, title);
    w.Key("description");
    write_string(w, view.description);
    w.Key("nodes");
    w.StartArray();
    for (NodeIndex n : view.nodes) write_node(w, g.node(n), docs);
    w.EndArray();
    w.Key("edges");
    w.StartArray();
    for (std::size_t k = 0; k < edges.size(); ++k) write_edge(w, g, edges[k], k, docs);
    w.EndArray();
    w.Key("documents");
    w.StartObject();
    for (const std::string& id : docs) {
        auto it = g.documents().find(id);
        if (it == g.documents().end()) continue;
        const Document& d = it->second;
        write_string(w, id);
        w.StartObject();
        w.Key("title");
        write_string(w, d.title);
        w.Key("outlet");
        write_string(w, d.outlet);
        w.Key("date");
        write_string(w, d.date ? d.date->to_string() : "");
        w.Key("url");
        write_string(w, d.url);
        w.EndObject();
    }
    w.EndObject();
    w.EndObject();
    // Inside <script>, "</" could close the element early; JSON allows "<\/" for it.
    std::string json = buffer.GetString();
    std::string safe;
    for (std::size_t i = 0; i < json.size(); ++i) {
        if (json[i] == '<' && i + 1 < json.size() && json[i + 1] == '/')
            safe += "<\\";
        else
            safe += json[i];
    }
    return safe;
}

std::string text_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

}  // namespace

std::string html_page(const PropertyGraph& g, const View& view, const std::vector<DrawnEdge>& edges,
                      const std::string& svg, const RenderOptions& options) {
    std::string title = !options.title.empty()   ? options.title
                        : !g.graph_label.empty() ? g.graph_label
                                                 : g.graph_id;
    // The SVG goes inline without its XML prologue and doctype.
    std::size_t start = svg.find("<svg");
    std::string inline_svg = start == std::string::npos ? svg : svg.substr(start);
    std::string page;
    page += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    page += "<title>" + text_escape(title) + "</title>\n<style>\n";
    page += kViewerStyle;
    page += "</style>\n</head>\n<body>\n";
    page += R"(<header id="bar">
<input id="search" type="search" placeholder="Search a name — ابحث عن اسم" autocomplete="off">
<button id="zoom-in" title="Zoom in">+</button><button id="zoom-out" title="Zoom out">&#8722;</button>
<button id="zoom-fit" title="Fit to window">Fit</button>
<span id="status"></span>
</header>
<main>
<div id="canvas">)";
    page += inline_svg;
    page += R"(</div>
<aside id="side">
<section id="details"><p class="hint">Click a node or a line to read its properties, dates and sources.</p></section>
<section id="results"></section>
<section id="filters"></section>
</aside>
</main>
<div id="tip" hidden></div>
<script type="application/json" id="liaison-data">)";
    page += data_json(g, view, edges, title);
    page += "</script>\n<script>\n";
    page += kViewerScript;
    page += "</script>\n</body>\n</html>\n";
    return page;
}

}  // namespace liaison::render
