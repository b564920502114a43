#include "render/drawing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "liaison/core/markup_text.hpp"

namespace liaison::render {

namespace {

// Graphviz reads backslash escapes (\n, \N, \G …) in plain labels; a literal backslash doubles.
std::string escape_label(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n' || c == '\r')
            out += ' ';
        else
            out += c;
    }
    return out;
}

std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

// Breaks a name at spaces into lines of about `width` code points, so long names make tall
// nodes rather than very wide ones.
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t space = text.find(' ', pos);
        if (space == std::string_view::npos) space = text.size();
        std::string_view word = text.substr(pos, space - pos);
        if (!word.empty()) {
            if (!line.empty() && code_points(line) + 1 + code_points(word) > width) {
                lines.push_back(line);
                line.clear();
            }
            if (!line.empty()) line += ' ';
            line += word;
        }
        pos = space + 1;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

// English lines (the first with the glyph), then Arabic lines: one direction per line, so the
// bidi algorithm never reorders a mixed line.
std::string node_label(const Node& n, const NodeStyle& style) {
    constexpr std::size_t kWidth = 26;
    std::vector<std::string> lines =
        wrap(n.names.en.empty() && n.names.ar.empty() ? n.id : n.names.en, kWidth);
    if (!style.glyph.empty()) {
        if (lines.empty())
            lines.push_back(style.glyph);
        else
            lines.front() = style.glyph + " " + lines.front();
    }
    for (std::string& l : wrap(n.names.ar, kWidth)) lines.push_back(std::move(l));
    std::string label;
    for (const std::string& l : lines) label += (label.empty() ? "" : "\\n") + escape_label(l);
    return label;
}

std::string relation_name(const PropertyGraph& g, RelationId t) {
    const RelationType& type = g.relations().get(t);
    return type.en.empty() ? type.name : type.en;
}

// The dates a line stands for: one tie's own span, or the first start to the last end.
std::string line_dates(const PropertyGraph& g, const DrawnEdge& d) {
    std::optional<Date> lo, hi;
    for (EdgeIndex e : d.members) {
        const TimeSpan& t = g.edge(e).time;
        std::optional<Date> first = t.date ? t.date : t.start;
        std::optional<Date> last = t.date ? t.date : (t.end ? t.end : t.start);
        if (first && (!lo || first->first_day() < lo->first_day())) lo = first;
        if (last && (!hi || last->last_day() > hi->last_day())) hi = last;
    }
    if (d.members.size() == 1) return g.edge(d.members.front()).time.to_string();
    if (!lo && !hi) return "";
    std::string a = lo ? lo->to_string() : "…", b = hi ? hi->to_string() : "…";
    return a == b ? a : a + " – " + b;
}

std::string count_mark(const DrawnEdge& d) { return fmt::format("×{}", d.members.size()); }

// The full label: relation, count of merged ties, dates.
std::string edge_label(const PropertyGraph& g, const DrawnEdge& d) {
    std::string text = escape_label(relation_name(g, d.type));
    if (d.members.size() > 1) text += " " + count_mark(d);
    if (std::string dates = line_dates(g, d); !dates.empty()) text += "\\n" + escape_label(dates);
    return text;
}

// Above this many lines, labels on every line overlap into a smear around the busiest entities
// (the seed network has 200); Auto then marks only merged lines with their count.
constexpr std::size_t kMaxLabelledLines = 40;

double edge_weight(const Edge& e) {
    const Value* w = e.properties.get("weight");
    return w && w->is_number() && w->to_number() > 0 ? w->to_number() : 1.0;
}

std::string number(double v) { return fmt::format("{:.3g}", v); }

void set_graph_attributes(gv::Graph& out, const DrawingInput& in) {
    const Style& s = in.options.style;
    Agraph_t* g = out.get();
    out.set(g, "fontname", s.font);
    out.set(g, "bgcolor", s.background);
    out.set(g, "pad", "0.3");
    out.set(g, "outputorder", "edgesfirst");
    // Routing splines around nodes costs about nodes × edges obstacle checks per edge (a minute
    // for 300 nodes and 800 edges); straight lines keep big drawings to a second.
    const bool big = in.view.nodes.size() * in.edges.size() > 40000;
    switch (in.layout) {
        case Layout::Dot:
            out.set(g, "rankdir", "LR");
            out.set(g, "ranksep", "0.8");
            break;
        case Layout::Twopi:
            if (in.view.focus) out.set(g, "root", in.graph.node(*in.view.focus).id);
            out.set(g, "ranksep", "2.2");
            [[fallthrough]];
        default:
            out.set(g, "overlap", "prism");
            out.set(g, "overlap_scaling", "2");
            out.set(g, "sep", "+10");
            out.set(g, "splines", big ? "line" : "true");
            break;
    }
    if (in.layout == Layout::Sfdp) {
        out.set(g, "K", "1.2");
        out.set(g, "repulsiveforce", "1.5");
    }
    if (in.layout == Layout::Neato || in.layout == Layout::Fdp) out.set(g, "len", "1.6");
    if (in.options.legend) {
        out.set_html(g, "label", legend_label(in));
        out.set(g, "labelloc", "t");
        out.set(g, "labeljust", "c");
    }
}

std::vector<double> font_sizes(const DrawingInput& in) {
    double lo = 0, hi = 0;
    bool first = true;
    for (NodeIndex n : in.view.nodes) {
        double v = in.scores[n];
        if (first) lo = hi = v, first = false;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    const Style& s = in.options.style;
    std::vector<double> size;
    for (NodeIndex n : in.view.nodes) {
        double t = hi > lo ? (in.scores[n] - lo) / (hi - lo) : 0.0;
        size.push_back(s.min_font + std::sqrt(t) * (s.max_font - s.min_font));
    }
    return size;
}

}  // namespace

std::string html_escape(std::string_view text) { return escape_markup(text); }

std::string node_element_id(const Node& n) { return "node-" + n.id; }
std::string edge_element_id(std::size_t k) { return fmt::format("edge-{}", k); }

std::vector<DrawnEdge> draw_edges(const PropertyGraph& g, const std::vector<EdgeIndex>& edges,
                                  bool merge) {
    std::vector<DrawnEdge> drawn;
    std::map<std::tuple<NodeIndex, NodeIndex, RelationId>, std::size_t> seen;
    for (EdgeIndex e : edges) {
        const Edge& edge = g.edge(e);
        NodeIndex s = edge.source, t = edge.target;
        if (g.is_symmetric(edge) && t < s) std::swap(s, t);
        auto key = std::make_tuple(s, t, edge.type);
        auto it = merge ? seen.find(key) : seen.end();
        if (it == seen.end()) {
            if (merge) seen.emplace(key, drawn.size());
            drawn.push_back({edge.source, edge.target, edge.type, {e}, edge_weight(edge)});
        } else {
            drawn[it->second].members.push_back(e);
            drawn[it->second].weight += edge_weight(edge);
        }
    }
    return drawn;
}

namespace {

// neato's and fdp's own random start makes a drawing differ from run to run (Graphviz 2.42, even
// with a fixed `start` seed), and so would a report holding it. Each node starts instead at a
// point drawn from a hash of its id, in a square that grows with the node count: the same view
// gives the same drawing in any process, and a node starts at the same place in every view.
std::string start_position(std::string_view id, std::size_t nodes) {
    std::uint64_t h = 14695981039346656037ull;  // FNV-1a
    for (unsigned char c : id) h = (h ^ c) * 1099511628211ull;
    const double side = 90.0 * std::sqrt(static_cast<double>(std::max<std::size_t>(nodes, 1)));
    const double x = static_cast<double>(h & 0xffffffffu) / 4294967296.0 * side;
    const double y = static_cast<double>(h >> 32) / 4294967296.0 * side;
    return fmt::format("{:.2f},{:.2f}", x, y);
}

}  // namespace

void build_drawing(gv::Graph& out, const DrawingInput& in) {
    const PropertyGraph& g = in.graph;
    const Style& style = in.options.style;
    set_graph_attributes(out, in);

    std::vector<std::string> groups =
        group_nodes(g, in.view, in.options.group_by, in.options.community);
    std::map<std::string, Agraph_t*> clusters;
    std::vector<double> fonts = font_sizes(in);
    std::vector<Agnode_t*> gv_node(g.node_count(), nullptr);

    for (std::size_t i = 0; i < in.view.nodes.size(); ++i) {
        NodeIndex n = in.view.nodes[i];
        const Node& node = g.node(n);
        const NodeStyle& ns = style.node_style(node.labels);
        Agnode_t* v = out.node(node.id);
        gv_node[n] = v;
        out.set(v, "id", node_element_id(node));
        out.set(v, "label", node_label(node, ns));
        // Whole names as the tooltip: the SVG then holds each name unbroken (for search and for
        // readers that hover), whatever the label's line breaks.
        std::string tip = escape_label(node.names.en);
        if (!node.names.ar.empty()) tip += (tip.empty() ? "" : "\\n") + escape_label(node.names.ar);
        out.set(v, "tooltip", tip.empty() ? node.id : tip);
        out.set(v, "shape", ns.shape);
        out.set(v, "style", ns.shape == "box" ? "filled,rounded" : "filled");
        bool by_community = !in.options.community.empty() && n < in.options.community.size() &&
                            in.options.community[n] >= 0;
        out.set(v, "fillcolor",
                by_community
                    ? style.community_color(static_cast<std::size_t>(in.options.community[n]))
                    : ns.fill);
        out.set(v, "color", ns.border);
        out.set(v, "penwidth", in.view.focus == n ? "3.5" : "1.4");
        out.set(v, "fontname", style.font);
        out.set(v, "fontsize", number(fonts[i]));
        out.set(v, "margin", "0.12,0.06");
        if (in.layout == Layout::Neato || in.layout == Layout::Fdp)
            out.set(v, "pos", start_position(node.id, in.view.nodes.size()));
        if (!groups[i].empty()) {
            Agraph_t*& sub = clusters[groups[i]];
            if (!sub) {
                sub = out.subgraph("cluster_" + groups[i]);
                std::string title = groups[i];
                if (auto c = g.find_id(groups[i])) {
                    const Names& names = g.node(*c).names;
                    title = names.en.empty() ? g.node(*c).id : names.en;
                    if (!names.ar.empty()) title += "\\n" + escape_label(names.ar);
                }
                out.set(sub, "label", title);
                out.set(sub, "style", "rounded,dashed");
                out.set(sub, "color", "#9e9e9e");
                out.set(sub, "fontname", style.font);
                out.set(sub, "fontsize", number(style.min_font + 2));
            }
            out.node(sub, v);
        }
    }

    const EdgeLabels labels = in.options.edge_labels;
    const bool full_labels = labels == EdgeLabels::All ||
                             (labels == EdgeLabels::Auto && in.edges.size() <= kMaxLabelledLines);
    for (std::size_t k = 0; k < in.edges.size(); ++k) {
        const DrawnEdge& d = in.edges[k];
        const RelationType& type = g.relations().get(d.type);
        const EdgeStyle& es = in.lines[d.type];
        Agedge_t* e = out.edge(gv_node[d.source], gv_node[d.target]);
        out.set(e, "id", edge_element_id(k));
        out.set(e, "color", es.color);
        out.set(e, "style", es.line);
        double width = es.width * (1.0 + std::log2(std::max(1.0, d.weight)));
        out.set(e, "penwidth", number(std::min(width, 12.0)));
        out.set(e, "arrowsize", "0.7");
        if (type.symmetric) out.set(e, "dir", "none");
        // The whole label as the tooltip: hovering a line tells what it stands for, labels or not.
        out.set(e, "tooltip", edge_label(g, d));
        std::string text = full_labels                                          ? edge_label(g, d)
                           : labels == EdgeLabels::Auto && d.members.size() > 1 ? count_mark(d)
                                                                                : "";
        if (!text.empty()) {
            out.set(e, "label", text);
            out.set(e, "fontname", style.font);
            out.set(e, "fontsize", number(style.edge_font));
            out.set(e, "fontcolor", es.color);
        }
    }
}

}  // namespace liaison::render
