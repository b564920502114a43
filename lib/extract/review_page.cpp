#include "extract/review_page.hpp"

#include <cstdio>
#include <vector>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "liaison/core/markup_text.hpp"
#include "liaison/extract/review.hpp"

namespace liaison::extract {

namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void put(Writer& w, const char* key, const std::string& value) {
    w.Key(key);
    w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

std::string name_of(const Node& n) {
    if (!n.names.ar.empty() && !n.names.en.empty()) return n.names.ar + " / " + n.names.en;
    return n.names.ar.empty() ? (n.names.en.empty() ? n.id : n.names.en) : n.names.ar;
}

std::string property_text(const Properties& p, const char* key) {
    const Value* v = p.get(key);
    if (!v || v->is_null()) return {};
    if (v->kind() == Value::Kind::Float) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", v->as_float());
        return buf;
    }
    return v->to_display();
}

void put_sources(Writer& w, const Sources& sources) {
    w.Key("sources");
    w.StartArray();
    for (const Source& s : sources) {
        w.StartObject();
        put(w, "document", s.document);
        put(w, "quote", s.quote);
        w.Key("start");
        s.start ? w.Int64(*s.start) : w.Null();
        w.Key("end");
        s.end ? w.Int64(*s.end) : w.Null();
        w.EndObject();
    }
    w.EndArray();
}

std::string page_data(const PropertyGraph& g, const std::map<std::string, std::string>& texts) {
    rapidjson::StringBuffer buffer;
    Writer w(buffer);
    w.StartObject();
    w.Key("documents");
    w.StartArray();
    for (const auto& [id, d] : g.documents()) {
        w.StartObject();
        put(w, "id", id);
        put(w, "title", d.title);
        put(w, "language", d.language);
        w.Key("text");
        if (auto t = texts.find(id); t != texts.end())
            w.String(t->second.c_str(), static_cast<rapidjson::SizeType>(t->second.size()));
        else
            w.Null();
        w.EndObject();
    }
    w.EndArray();
    w.Key("nodes");
    w.StartArray();
    for (const Node& n : g.nodes()) {
        w.StartObject();
        put(w, "id", n.id);
        put(w, "name", name_of(n));
        w.EndObject();
    }
    w.EndArray();
    w.Key("relations");
    w.StartArray();
    for (const RelationType& t : g.relations().all())
        w.String(t.name.c_str(), static_cast<rapidjson::SizeType>(t.name.size()));
    w.EndArray();
    w.Key("facts");
    w.StartArray();
    // Every fact: the review order, then the nodes edges need, so that their names and
    // matches can be edited too.
    std::vector<FactRef> facts = review_order(g);
    std::vector<bool> listed(g.node_count(), false);
    for (FactRef f : facts)
        if (!f.edge) listed[f.index] = true;
    for (NodeIndex n = 0; n < g.node_count(); ++n)
        if (!listed[n]) facts.push_back({false, n});
    for (FactRef f : facts) {
        w.StartObject();
        put(w, "id", fact_id(g, f));
        if (f.edge) {
            const Edge& e = g.edge(f.index);
            put(w, "kind", "edge");
            put(w, "type", g.type_name(e));
            put(w, "source", g.node(e.source).id);
            put(w, "target", g.node(e.target).id);
            put(w, "date", e.time.empty() ? std::string() : e.time.to_string());
            w.Key("planned");
            w.Bool(property_text(e.properties, "status") == "planned");
            put(w, "confidence", property_text(e.properties, "confidence"));
            put(w, "rule", property_text(e.properties, "rule"));
            put(w, "review", review_name(review_of(e.properties)));
            put_sources(w, e.sources);
        } else {
            const Node& n = g.node(f.index);
            std::string labels;
            for (const auto& l : n.labels) labels += (labels.empty() ? "" : ", ") + l;
            put(w, "kind", "node");
            put(w, "type", labels);
            put(w, "ar", n.names.ar);
            put(w, "en", n.names.en);
            put(w, "match", property_text(n.properties, "match"));
            put(w, "date", n.time.empty() ? std::string() : n.time.to_string());
            put(w, "confidence", property_text(n.properties, "confidence"));
            put(w, "rule", property_text(n.properties, "rule"));
            put(w, "review", review_name(review_of(n.properties)));
            put_sources(w, n.sources);
        }
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    // "</" would end the script element early; "<\/" is the same JSON string.
    std::string json(buffer.GetString(), buffer.GetSize());
    for (std::size_t at = 0; (at = json.find("</", at)) != std::string::npos; at += 3)
        json.replace(at, 2, "<\\/");
    return json;
}

}  // namespace

std::string review_page(const PropertyGraph& g, const std::map<std::string, std::string>& texts) {
    std::string title = g.graph_label.empty() ? g.graph_id : g.graph_label;
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<title>Review: " + escape_markup(title) + "</title>\n<style>\n";
    out += kReviewStyle;
    out += "</style>\n</head>\n<body>\n<header><h1 dir=\"auto\">Review: " + escape_markup(title) +
           "</h1><button type=\"button\" id=\"download\">Download decisions</button></header>\n"
           "<main><section class=\"articles\"></section>"
           "<section class=\"facts\"><ol></ol></section></main>\n"
           "<script type=\"application/json\" id=\"review-data\">";
    out += page_data(g, texts);
    out += "</script>\n<script>\n";
    out += kReviewScript;
    out += "</script>\n</body>\n</html>\n";
    return out;
}

}  // namespace liaison::extract
