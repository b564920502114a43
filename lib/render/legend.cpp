// The drawing's header: title, time window, what the view shows, and a legend of shapes, colours,
// line styles and sizes. It is the root graph's HTML-like label, so every layout engine places it.
#include <algorithm>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "render/drawing.hpp"

namespace liaison::render {

namespace {

const char* arabic_label(std::string_view label) {
    static const std::pair<const char*, const char*> kNames[] = {
        {"Person", "شخص"},   {"Agency", "جهاز"}, {"Organization", "منظمة"},
        {"Country", "دولة"}, {"City", "مدينة"},  {"Place", "مكان"},
        {"Event", "حدث"},    {"Topic", "موضوع"}, {"Document", "وثيقة"},
    };
    for (const auto& [en, ar] : kNames)
        if (label == en) return ar;
    return "";
}

const char* line_sample(std::string_view line) {
    if (line == "dashed") return "\u2012 \u2012 \u2012 \u2012";  // ‒ ‒ ‒ ‒
    if (line == "dotted") return "\u00B7 \u00B7 \u00B7 \u00B7 \u00B7 \u00B7";
    if (line == "bold") return "\u25AC\u25AC\u25AC";  // ▬▬▬
    return "\u2500\u2500\u2500\u2500";                // ────
}

// The dates the drawing covers: an event view's are the event's own; otherwise the earliest start
// and latest end among the drawn ties. Entities' own spans (an organisation founded in 1923) say
// nothing about the events drawn, so they count only when no tie is dated.
std::string time_window(const DrawingInput& in) {
    std::optional<Date> lo, hi;
    auto widen = [&](const TimeSpan& t) {
        if (t.empty()) return;
        std::optional<Date> first = t.date ? t.date : t.start;
        std::optional<Date> last = t.date ? t.date : (t.end ? t.end : t.start);
        if (first && (!lo || first->first_day() < lo->first_day())) lo = first;
        if (last && (!hi || last->last_day() > hi->last_day())) hi = last;
    };
    const bool event_view = !in.options.view.event.empty() && in.view.focus;
    if (event_view) widen(in.graph.node(*in.view.focus).time);
    if (!lo && !hi)
        for (EdgeIndex e : in.view.edges) widen(in.graph.edge(e).time);
    if (!lo && !hi)
        for (NodeIndex n : in.view.nodes) widen(in.graph.node(n).time);
    if (!lo && !hi) return "undated";
    std::string a = lo ? lo->to_string() : "…", b = hi ? hi->to_string() : "…";
    return a == b ? a : a + " \u2013 " + b;
}

// The legend grows with the drawing, which grows with its node count: at 500 entities a 12-point
// legend is a speck above the network, in a PNG and on a fitted page alike.
double legend_scale(const DrawingInput& in) {
    return std::clamp(std::sqrt(static_cast<double>(in.view.nodes.size()) / 80.0), 1.0, 3.0);
}

std::string small(const std::string& text, double k, const char* color = "#444444") {
    return fmt::format("<FONT POINT-SIZE=\"{:.0f}\" COLOR=\"{}\">{}</FONT>", 12 * k, color, text);
}

std::vector<std::string> node_legend(const DrawingInput& in, double k) {
    const Style& style = in.options.style;
    // Legend rows follow the style's order for the labels present, then the rest.
    std::set<std::string> present;
    for (NodeIndex n : in.view.nodes) {
        const Node& node = in.graph.node(n);
        std::string label = "other";
        for (const std::string& l : node.labels)
            if (style.labels.count(l)) {
                label = l;
                break;
            }
        present.insert(label);
    }
    std::vector<std::string> cells;
    auto add = [&](const std::string& label, const NodeStyle& ns) {
        std::string name = html_escape(label);
        if (const char* ar = arabic_label(label); *ar) name += fmt::format("<BR/>{}", ar);
        cells.push_back(fmt::format(
            "<TD BGCOLOR=\"{}\" COLOR=\"{}\" BORDER=\"1\" FIXEDSIZE=\"TRUE\" WIDTH=\"{:.0f}\" "
            "HEIGHT=\"{:.0f}\"><FONT POINT-SIZE=\"{:.0f}\">{}</FONT></TD><TD "
            "ALIGN=\"LEFT\">{}</TD>",
            html_escape(ns.fill), html_escape(ns.border), 26 * k, 26 * k, 14 * k,
            html_escape(ns.glyph), small(name, k, "#222222")));
    };
    for (const auto& [label, ns] : style.labels)
        if (present.count(label)) add(label, ns);
    if (present.count("other")) add("other", style.other_node);
    return cells;
}

std::vector<std::string> edge_legend(const DrawingInput& in, double k) {
    std::set<RelationId> types;
    for (const DrawnEdge& d : in.edges) types.insert(d.type);
    std::vector<std::string> cells;
    for (RelationId t : types) {
        const RelationType& type = in.graph.relations().get(t);
        const EdgeStyle& es = in.lines[t];
        std::string name = html_escape(type.en.empty() ? type.name : type.en);
        if (!type.ar.empty()) name += "<BR/>" + html_escape(type.ar);
        cells.push_back(fmt::format(
            "<TD><FONT COLOR=\"{}\" POINT-SIZE=\"{:.0f}\"><B>{}</B></FONT></TD><TD "
            "ALIGN=\"LEFT\">{}</TD>",
            html_escape(es.color), 14 * k, line_sample(es.line), small(name, k, "#222222")));
    }
    return cells;
}

// Rows of at most `per_row` legend entries (each entry is a swatch cell and a name cell).
std::string rows_of(const std::vector<std::string>& entries, std::size_t per_row) {
    std::string out;
    for (std::size_t i = 0; i < entries.size(); i += per_row) {
        out += "<TR>";
        for (std::size_t j = i; j < std::min(entries.size(), i + per_row); ++j) out += entries[j];
        out += "</TR>";
    }
    return out;
}

}  // namespace

std::string legend_label(const DrawingInput& in) {
    const PropertyGraph& g = in.graph;
    const RenderOptions& opt = in.options;
    const double k = legend_scale(in);
    std::string title = !opt.title.empty()       ? opt.title
                        : !g.graph_label.empty() ? g.graph_label
                                                 : g.graph_id;
    std::string facts = fmt::format("{} \u00B7 {} \u00B7 {} entities, {} ties", in.view.description,
                                    time_window(in), in.view.nodes.size(), in.view.edges.size());
    std::string meaning = fmt::format("Node size: {} (larger = higher)", opt.size_by);
    if (!opt.community.empty()) meaning += " \u00B7 Fill colour: community";
    if (opt.merge_parallel) meaning += " \u00B7 Line width: number of ties (\u00D7N)";
    if (!in.view.dropped.empty())
        meaning += fmt::format(" \u00B7 Showing the {} most central of {} entities by {}",
                               in.view.nodes.size(), in.view.candidates, opt.size_by);
    std::string out = "<TABLE BORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">";
    if (!title.empty())
        out += fmt::format("<TR><TD><FONT POINT-SIZE=\"{:.0f}\"><B>{}</B></FONT></TD></TR>",
                           opt.style.title_font * k, html_escape(title));
    out += fmt::format("<TR><TD>{}</TD></TR>", small(html_escape(facts), k));
    out += fmt::format("<TR><TD>{}</TD></TR>", small(html_escape(meaning), k));
    std::vector<std::string> nodes = node_legend(in, k), edges = edge_legend(in, k);
    if (!nodes.empty())
        out += "<TR><TD><TABLE BORDER=\"0\" CELLSPACING=\"3\">" + rows_of(nodes, 6) +
               "</TABLE></TD></TR>";
    if (!edges.empty())
        out += "<TR><TD><TABLE BORDER=\"0\" CELLSPACING=\"3\">" + rows_of(edges, 6) +
               "</TABLE></TD></TR>";
    out += "</TABLE>";
    return out;
}

}  // namespace liaison::render
