// The diagram section: a rendered view of the network (lib/render), inline as SVG.
#include <cstdlib>
#include <mutex>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/render/render.hpp"
#include "liaison/render/view.hpp"
#include "render/scores.hpp"
#include "report/facts.hpp"
#include "report/sections.hpp"

namespace liaison::report::detail {

namespace {

// The <svg> element alone: an inline figure takes no XML prolog, doctype or comments.
std::string svg_element(const std::string& svg) {
    std::size_t at = svg.find("<svg");
    std::string out = at == std::string::npos ? svg : svg.substr(at);
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
}

// Graphviz's force-directed layouts draw from the C library's random generators (rand, drand48)
// without always reseeding them, so a drawing could depend on what was drawn before it in the
// process. Both are reseeded before each layout, under one lock so threads cannot interleave
// between the seed and the layout. (Layouts can still depend on the process's allocation
// history, see docs/report.md, "Determinism".)
render::RenderOutput render_seeded(const PropertyGraph& g, const render::RenderOptions& r) {
    static std::mutex mutex;
    std::lock_guard<std::mutex> lock(mutex);
    std::srand(1);
    srand48(1);
    return render::render(g, r, {render::Format::Svg});
}

}  // namespace

std::vector<Section> diagram_section(Context& c, const SectionSpec& s) {
    const PropertyGraph& g = c.g;
    render::RenderOptions r;
    r.view.ego = s.ego;
    r.view.hops = s.hops;
    r.view.event = s.event;
    r.view.window = s.projection.window;
    r.view.keep_undated = s.projection.keep_undated;
    r.view.labels = s.projection.labels;
    r.view.types = s.projection.edge_types;
    r.view.max_nodes = s.max_nodes;
    if (!s.layout.empty()) {
        r.layout = render::parse_layout(s.layout);
        if (!r.layout) throw ArgumentError(fmt::format("layout: unknown engine '{}'", s.layout));
    }
    r.group_by = s.group_by == "community" ? render::GroupBy::Community
                 : s.group_by == "country" ? render::GroupBy::Country
                                           : render::GroupBy::None;
    r.edge_labels = s.edge_labels ? render::EdgeLabels::All : render::EdgeLabels::None;
    r.legend = s.legend;
    r.title = s.caption.empty() ? section_title(s, "") : s.caption;
    r.size_by = s.size_by;
    r.size_scores = render::node_scores(g, s.size_by, "size_by");
    // The renderer both fills and clusters by `community`: grouping by community colours too.
    if (s.color_by == "community" || s.group_by == "community")
        r.community = render::communities(g, c.seed);
    render::RenderOutput out = render_seeded(g, r);

    std::string fallback = s.ego.empty() && s.event.empty()
                               ? "Diagram of the network"
                               : fmt::format("Diagram: {}", s.ego.empty() ? s.event : s.ego);
    Section sec{section_anchor(c, s), c.level, section_title(s, fallback), "diagram", {}};
    std::string caption = s.caption.empty() ? render::describe_output(g, r, out) : s.caption;
    while (!caption.empty() && (caption.back() == '.' || caption.back() == ' ')) caption.pop_back();
    caption += fmt::format(". Node size by {}; colour by {}.", s.size_by, s.color_by);
    sec.blocks.push_back(Figure{svg_element(out.data.front()), caption});
    if (!out.warnings.empty())
        sec.blocks.push_back(
            Paragraph{fmt::format("Renderer notes: {}.", fmt::join(out.warnings, "; "))});
    return {std::move(sec)};
}

}  // namespace liaison::report::detail
