// The timeline (dated facts in date order) and change (ties formed and lost between two time
// windows) sections.
#include <algorithm>
#include <tuple>

#include <fmt/format.h>

#include "liaison/analysis/time_slices.hpp"
#include "liaison/analysis/window.hpp"
#include "report/facts.hpp"
#include "report/sections.hpp"

namespace liaison::report::detail {

namespace {

bool has_any_label(const Node& n, const std::vector<std::string>& labels) {
    if (labels.empty()) return true;
    return std::any_of(labels.begin(), labels.end(),
                       [&](const std::string& l) { return n.has_label(l); });
}

// A dated fact: an edge with its own date, or an event with its dates.
struct Dated {
    TimeSpan time;
    EdgeIndex edge = kNoIndex;
    NodeIndex event = kNoIndex;
};

Table tie_table(Context& c, const std::vector<analysis::Tie>& ties, const char* caption,
                std::size_t limit) {
    const PropertyGraph& g = c.g;
    Table t;
    t.caption = fmt::format("{} ({})", caption, ties.size());
    t.columns = {"entity", "relation", "entity", "when", "ties", "sources"};
    t.numeric = {false, false, false, false, true, false};
    for (const analysis::Tie& tie : ties) {
        if (limit && t.rows.size() == limit) {
            t.omitted = ties.size() - limit;
            break;
        }
        Sources sources;
        std::vector<std::string> times;
        for (EdgeIndex e : tie.edges) {
            const Edge& ed = g.edge(e);
            sources.insert(sources.end(), ed.sources.begin(), ed.sources.end());
            std::string when = time_text(analysis::effective_time(g, e));
            if (std::find(times.begin(), times.end(), when) == times.end()) times.push_back(when);
        }
        t.rows.push_back(
            {entity_cell(g, tie.source), text_cell(relation_label(g, tie.type)),
             entity_cell(g, tie.target), text_cell(fmt::format("{}", fmt::join(times, "; "))),
             number_cell(static_cast<double>(tie.edges.size()), 0), sources_cell(c, sources)});
    }
    return t;
}

Table entity_table(const PropertyGraph& g, const std::vector<NodeIndex>& nodes, const char* caption,
                   std::size_t limit) {
    Table t;
    t.caption = fmt::format("{} ({})", caption, nodes.size());
    t.columns = {"entity", "Arabic name", "labels"};
    t.numeric = {false, false, false};
    for (NodeIndex n : nodes) {
        if (limit && t.rows.size() == limit) {
            t.omitted = nodes.size() - limit;
            break;
        }
        t.rows.push_back({entity_cell(g, n), arabic_cell(g, n), labels_cell(g.node(n))});
    }
    return t;
}

// The window of a dated event, and its name, for the default comparison.
std::vector<NodeIndex> dated_events(const PropertyGraph& g) {
    std::vector<NodeIndex> out;
    for (NodeIndex n : g.nodes_with_label("Event")) {
        const TimeSpan& t = g.node(n).time;
        if (!t.empty() && t.first_day() != INT64_MIN && t.last_day() != INT64_MAX) out.push_back(n);
    }
    std::sort(out.begin(), out.end(), [&](NodeIndex a, NodeIndex b) {
        return std::make_tuple(g.node(a).time.first_day(), g.node(a).time.last_day(),
                               g.node(a).id) <
               std::make_tuple(g.node(b).time.first_day(), g.node(b).time.last_day(), g.node(b).id);
    });
    return out;
}

TimeWindow window_of(const TimeSpan& t) {
    TimeWindow w;
    w.from = t.date ? t.date : t.start;
    w.to = t.date ? t.date : t.end;
    return w;
}

}  // namespace

std::vector<Section> timeline_section(Context& c, const SectionSpec& s) {
    const PropertyGraph& g = c.g;
    std::vector<NodeIndex> focus = resolve_all(g, s.entities);
    auto in_focus = [&](NodeIndex n) {
        return focus.empty() || std::find(focus.begin(), focus.end(), n) != focus.end();
    };
    const auto& types = s.projection.edge_types;
    std::vector<char> chosen(g.edge_count(), 0);
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        const Edge& ed = g.edge(e);
        chosen[e] = (types.empty() ||
                     std::find(types.begin(), types.end(), g.type_name(ed)) != types.end()) &&
                    has_any_label(g.node(ed.source), s.projection.labels) &&
                    has_any_label(g.node(ed.target), s.projection.labels);
    }
    // The window rule every section applies (liaison/analysis/window.hpp); the timeline then
    // lists the facts that carry a date of their own.
    const analysis::WindowFilter in(g, s.projection.window, false, &chosen);
    std::vector<Dated> facts;
    std::size_t undated = 0;
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        const Edge& ed = g.edge(e);
        if (!chosen[e] || (!in_focus(ed.source) && !in_focus(ed.target))) continue;
        if (ed.time.empty()) {
            ++undated;
            continue;
        }
        if (in.edge(e)) facts.push_back({ed.time, e, kNoIndex});
    }
    if (types.empty()) {
        for (NodeIndex n : g.nodes_with_label("Event")) {
            const Node& ev = g.node(n);
            if (ev.time.empty() || !has_any_label(ev, s.projection.labels) || !in_focus(n))
                continue;
            if (in.node(n)) facts.push_back({ev.time, kNoIndex, n});
        }
    }
    auto key = [&](const Dated& d) {
        std::string text = d.edge != kNoIndex ? fact_text(g, g.edge(d.edge)) : g.node(d.event).id;
        // Events open their day: they come before the facts that happen at them.
        return std::make_tuple(d.time.first_day(), d.event == kNoIndex, d.time.last_day(), text,
                               d.edge);
    };
    std::sort(facts.begin(), facts.end(),
              [&](const Dated& a, const Dated& b) { return key(a) < key(b); });

    Section sec{section_anchor(c, s), c.level, section_title(s, "Timeline"), "timeline", {}};
    std::string scope = focus.empty() ? "" : fmt::format(" involving {}", name_list(g, focus, 0));
    if (!s.projection.window.unbounded()) scope += " in " + s.projection.window.to_string();
    sec.blocks.push_back(Paragraph{fmt::format(
        "{} dated{}, in date order (a fact's own date; events by their dates). {} left out.",
        count_of(facts.size(), "fact", "facts"), scope,
        count_of(undated, "undated tie is", "undated ties are"))});
    Table t;
    t.columns = {"when", "entity", "relation", "entity", "sources"};
    t.numeric = {false, false, false, false, false};
    for (const Dated& d : facts) {
        if (s.limit && t.rows.size() == s.limit) {
            t.omitted = facts.size() - s.limit;
            break;
        }
        if (d.event != kNoIndex) {
            t.rows.push_back({text_cell(time_text(d.time)), entity_cell(g, d.event),
                              text_cell("takes place"), text_cell(""),
                              sources_cell(c, g.node(d.event).sources)});
            continue;
        }
        const Edge& ed = g.edge(d.edge);
        t.rows.push_back({text_cell(time_text(d.time)), entity_cell(g, ed.source),
                          text_cell(relation_label(g, ed.type)), entity_cell(g, ed.target),
                          sources_cell(c, ed.sources)});
    }
    sec.blocks.push_back(std::move(t));
    return {std::move(sec)};
}

std::vector<Section> change_section(Context& c, const SectionSpec& s) {
    const PropertyGraph& g = c.g;
    TimeWindow before, after;
    std::string before_name, after_name;
    if (s.before) {
        before = *s.before;
        after = *s.after;
    } else {
        std::vector<NodeIndex> events = dated_events(g);
        if (events.size() < 2) {
            Section sec{
                section_anchor(c, s), c.level, section_title(s, "What changed"), "change", {}};
            sec.blocks.push_back(Paragraph{
                "The network has fewer than two dated events, so there is no default pair of "
                "windows to compare; give \"before\" and \"after\" in the spec."});
            return {std::move(sec)};
        }
        before = window_of(g.node(events.front()).time);
        after = window_of(g.node(events.back()).time);
        before_name = " (" + english_name(g.node(events.front())) + ")";
        after_name = " (" + english_name(g.node(events.back())) + ")";
    }
    analysis::SliceOptions options;
    options.labels = s.projection.labels;
    options.edge_types = s.projection.edge_types;
    analysis::SliceDiff diff = analysis::diff_slices(g, before, after, options);

    Section sec{section_anchor(c, s),
                c.level,
                section_title(
                    s, fmt::format("What changed: {} → {}", before.to_string(), after.to_string())),
                "change",
                {}};
    sec.blocks.push_back(Paragraph{fmt::format(
        "Ties holding in {}{} compared with those holding in {}{} (a tie is one relation "
        "between two entities; parallel ties count once; an edge holds when its own date, or "
        "that of the event it belongs to, falls in the window): {} formed, {} lost, {} kept; "
        "{} entered and {} left.",
        before.to_string(), before_name, after.to_string(), after_name,
        count_of(diff.formed.size(), "tie", "ties"), diff.lost.size(), diff.kept.size(),
        count_of(diff.entered.size(), "entity", "entities"), diff.left.size())});
    sec.blocks.push_back(tie_table(c, diff.formed, "Ties formed", s.limit));
    sec.blocks.push_back(tie_table(c, diff.lost, "Ties lost", s.limit));
    sec.blocks.push_back(tie_table(c, diff.kept, "Ties kept", s.limit));
    sec.blocks.push_back(entity_table(g, diff.entered, "Entities that entered", s.limit));
    sec.blocks.push_back(entity_table(g, diff.left, "Entities that left", s.limit));
    return {std::move(sec)};
}

}  // namespace liaison::report::detail
