#include "liaison/render/render.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "render/drawing.hpp"
#include "render/html_viewer.hpp"

namespace liaison::render {

namespace {

constexpr std::pair<Format, const char*> kFormats[] = {
    {Format::Svg, "svg"}, {Format::Png, "png"},   {Format::Pdf, "pdf"},
    {Format::Dot, "dot"}, {Format::Html, "html"},
};
constexpr std::pair<Layout, const char*> kLayouts[] = {
    {Layout::Sfdp, "sfdp"},   {Layout::Neato, "neato"}, {Layout::Fdp, "fdp"},
    {Layout::Twopi, "twopi"}, {Layout::Circo, "circo"}, {Layout::Dot, "dot"},
};

// Graphviz output formats. PNG and PDF go through cairo/pango, which shape Arabic (the gd
// renderers do not). SVG uses the core renderer so text stays text: selectable, searchable,
// with its font named; the browser shapes it. DOT is the laid-out graph with every attribute.
const char* graphviz_format(Format f) {
    switch (f) {
        case Format::Png:
            return "png:cairo";
        case Format::Pdf:
            return "pdf:cairo";
        case Format::Dot:
            return "dot";
        case Format::Svg:
        case Format::Html:
            return "svg:svg:core";
    }
    return "svg:svg:core";
}

Layout choose_layout(const RenderOptions& opt, std::vector<std::string>& warnings) {
    const bool clusters = opt.group_by != GroupBy::None;
    if (!opt.layout) {
        if (clusters) return Layout::Fdp;
        return opt.view.ego.empty() ? Layout::Sfdp : Layout::Twopi;
    }
    if (clusters && !draws_clusters(*opt.layout)) {
        warnings.push_back(
            fmt::format("layout {} does not draw clusters; using fdp", layout_name(*opt.layout)));
        return Layout::Fdp;
    }
    return *opt.layout;
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
    for (const auto& [f, n] : kFormats)
        if (name == n) return f;
    if (name == "htm") return Format::Html;
    return std::nullopt;
}

std::optional<Format> format_of_path(std::string_view path) {
    std::size_t dot = path.rfind('.');
    std::size_t slash = path.find_last_of('/');
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash))
        return std::nullopt;
    std::string ext(path.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == "gv") return Format::Dot;
    return parse_format(ext);
}

const char* format_name(Format f) {
    for (const auto& [x, n] : kFormats)
        if (x == f) return n;
    return "?";
}

std::optional<Layout> parse_layout(std::string_view name) {
    for (const auto& [l, n] : kLayouts)
        if (name == n) return l;
    return std::nullopt;
}

const char* layout_name(Layout l) {
    for (const auto& [x, n] : kLayouts)
        if (x == l) return n;
    return "?";
}

std::optional<EdgeLabels> parse_edge_labels(std::string_view name) {
    if (name == "auto") return EdgeLabels::Auto;
    if (name == "all") return EdgeLabels::All;
    if (name == "none") return EdgeLabels::None;
    return std::nullopt;
}

std::optional<Page> parse_page(std::string_view name) {
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "a4") return Page::A4;
    if (lower == "a3") return Page::A3;
    if (lower == "letter") return Page::Letter;
    return std::nullopt;
}

std::pair<double, double> page_points(Page page) {
    switch (page) {
        case Page::A4:
            return {595.28, 841.89};  // 210 × 297 mm
        case Page::A3:
            return {841.89, 1190.55};  // 297 × 420 mm
        case Page::Letter:
            return {612, 792};  // 8.5 × 11 in
        case Page::Drawing:
            break;
    }
    return {0, 0};
}

bool draws_clusters(Layout l) { return l == Layout::Dot || l == Layout::Fdp; }

RenderOutput render(const PropertyGraph& g, const RenderOptions& options,
                    const std::vector<Format>& formats) {
    if (!(options.dpi >= 10 && options.dpi <= 1200))
        throw ArgumentError("dpi must be in [10, 1200]");
    if (!options.size_scores.empty() && options.size_scores.size() != g.node_count())
        throw ArgumentError("size_scores must hold one score per node");
    if (!options.community.empty() && options.community.size() != g.node_count())
        throw ArgumentError("community must hold one number per node");
    const std::vector<double> scores =
        options.size_scores.empty() ? degree_scores(g) : options.size_scores;

    RenderOutput out;
    out.view = select_view(g, options.view, scores);
    out.layout = choose_layout(options, out.warnings);
    if (out.view.nodes.empty()) throw ArgumentError("the view selects no entity: nothing to draw");
    std::vector<DrawnEdge> edges = draw_edges(g, out.view.edges, options.merge_parallel);
    if (options.max_lines > 0 && edges.size() > options.max_lines) {
        // The heaviest lines, in their drawing order; equal weights keep the earlier line.
        std::vector<std::size_t> order(edges.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return edges[a].members.size() > edges[b].members.size();
        });
        std::vector<char> keep(edges.size(), 0);
        for (std::size_t i = 0; i < options.max_lines; ++i) keep[order[i]] = 1;
        std::vector<DrawnEdge> kept;
        kept.reserve(options.max_lines);
        for (std::size_t i = 0; i < edges.size(); ++i) {
            if (keep[i]) {
                kept.push_back(std::move(edges[i]));
            } else {
                ++out.dropped_lines;
                out.dropped_line_ties += edges[i].members.size();
            }
        }
        edges = std::move(kept);
    }
    out.drawn_edges = edges.size();

    // --dpi sets the PNG's pixels (and, as it always has, the PDF's page size). SVG and DOT stay
    // at Graphviz's 72 points per inch, the only resolution at which the SVG writer's width,
    // height and viewBox agree.
    std::vector<gv::Context::Output> gv_outputs;
    for (Format f : formats) {
        const bool resolution = f == Format::Png || f == Format::Pdf;
        gv_outputs.push_back(
            {graphviz_format(f), resolution ? options.dpi : 0.0,
             f == Format::Pdf ? page_points(options.page) : std::pair<double, double>{0, 0}});
    }
    std::vector<std::string> rendered;
    {
        auto guard = gv::lock();
        gv::ErrorCapture errors;
        gv::Graph drawing(g.graph_id.empty() ? "liaison" : g.graph_id, true);
        build_drawing(drawing, DrawingInput{g, options, out.view, edges, scores, out.layout,
                                            line_styles(g, options.style, edges)});
        gv::Context context;
        rendered = context.render(drawing, layout_name(out.layout), gv_outputs);
        for (const std::string& m : errors.messages()) out.warnings.push_back("graphviz: " + m);
    }
    for (std::size_t i = 0; i < formats.size(); ++i) {
        if (formats[i] == Format::Html)
            out.data.push_back(html_page(g, out.view, edges, rendered[i], options));
        else
            out.data.push_back(std::move(rendered[i]));
    }
    return out;
}

std::string describe_output(const PropertyGraph& g, const RenderOptions& options,
                            const RenderOutput& out) {
    const View& v = out.view;
    std::string text =
        fmt::format("{}: {} entities, {} ties ({} lines), layout {}", v.description, v.nodes.size(),
                    v.edges.size(), out.drawn_edges, layout_name(out.layout));
    if (!v.dropped.empty()) {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < std::min<std::size_t>(5, v.dropped.size()); ++i)
            names.push_back(g.node(v.dropped[i]).id);
        text += fmt::format(
            "; kept the {} most central of {} entities by {}, dropped {} entities ({}{}) and {} "
            "ties",
            v.nodes.size(), v.candidates, options.size_by, v.dropped.size(), fmt::join(names, ", "),
            v.dropped.size() > names.size() ? ", …" : "", v.dropped_edges);
    }
    if (out.dropped_lines > 0)
        text += fmt::format(
            "; drew the {} heaviest of {} lines, leaving out {} lines of {} ties (--max-lines)",
            out.drawn_edges, out.drawn_edges + out.dropped_lines, out.dropped_lines,
            out.dropped_line_ties);
    return text;
}

}  // namespace liaison::render
