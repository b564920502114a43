// The events section: each event with its dates, place, host and organisers, its participants,
// the meetings held at it (ties of a meeting type that name the event or one of its parts), the
// other facts that name it, and what it discussed.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "liaison/analysis/time_slices.hpp"
#include "report/facts.hpp"
#include "report/sections.hpp"

namespace liaison::report::detail {

namespace {

// Relations that describe the event itself (shown in its facts table, not as participation).
const std::set<std::string, std::less<>> kEventFacts = {"HOSTED",  "ORGANIZED_BY",     "HELD_IN",
                                                        "PART_OF", "SELECTED_TO_HOST", "DISCUSSED"};

std::vector<NodeIndex> ends(const PropertyGraph& g, NodeIndex event, std::string_view type,
                            bool incoming) {
    std::vector<NodeIndex> out;
    const auto& list = incoming ? g.in_edges(event) : g.out_edges(event);
    for (EdgeIndex e : list) {
        const Edge& ed = g.edge(e);
        if (g.type_name(ed) != type) continue;
        NodeIndex other = g.other_end(e, event);
        if (std::find(out.begin(), out.end(), other) == out.end()) out.push_back(other);
    }
    return out;
}

// Whether a string property of the edge names one of the ids.
bool names_any(const Edge& e, const std::set<std::string>& ids) {
    for (const auto& [key, value] : e.properties) {
        if (value.kind() == Value::Kind::String && ids.count(value.as_string())) return true;
    }
    return false;
}

std::string details(const Edge& e) {
    auto text = [&](const char* key) -> std::string {
        const Value* v = e.properties.get(key);
        return v && v->kind() == Value::Kind::String ? v->as_string() : "";
    };
    if (std::string subject = text("subject_en"); !subject.empty()) return subject;
    std::string region = text("region"), counterpart = text("counterpart_en");
    if (!region.empty() && !counterpart.empty()) return region + ": " + counterpart;
    return region + counterpart;
}

// A tie's dates; for an undated tie, its "when" property (the source's words) if it has one.
std::string when_text(const PropertyGraph& g, EdgeIndex e) {
    const TimeSpan t = analysis::effective_time(g, e);
    if (!t.empty()) return time_text(t);
    const Value* when = g.edge(e).properties.get("when");
    return when ? when->to_display() : "";
}

void sort_by_time(const PropertyGraph& g, std::vector<EdgeIndex>& edges) {
    auto key = [&](EdgeIndex e) {
        TimeSpan t = analysis::effective_time(g, e);
        const Edge& ed = g.edge(e);
        return std::make_tuple(t.empty(), t.first_day(), t.last_day(), g.node(ed.source).id,
                               g.node(ed.target).id, g.type_name(ed), e);
    };
    std::sort(edges.begin(), edges.end(),
              [&](EdgeIndex a, EdgeIndex b) { return key(a) < key(b); });
}

Section one_event(Context& c, const SectionSpec& s, NodeIndex ev, const std::string& anchor) {
    const PropertyGraph& g = c.g;
    const Node& node = g.node(ev);
    Section sec{anchor, c.level + 1, english_name(node), "event", {}};

    Table facts;
    facts.columns = {"field", "value"};
    facts.numeric = {false, false};
    auto fact = [&](const char* name, std::string value) {
        if (!value.empty()) facts.rows.push_back({text_cell(name), text_cell(std::move(value))});
    };
    fact("Arabic name", node.names.ar);
    // A "when" property (dates as the source words them) joins the dates, so "when" shows once.
    const Value* when = node.properties.get("when");
    std::string said = when ? when->to_display() : "";
    std::string dates = node.time.empty() ? said : time_text(node.time);
    if (!node.time.empty() && !said.empty() && said != dates) dates += " (" + said + ")";
    fact("when", dates.empty() ? "not dated" : dates);
    fact("where", name_list(g, ends(g, ev, "HELD_IN", false), 0));
    fact("hosted by", name_list(g, ends(g, ev, "HOSTED", true), 0));
    fact("selected to host", name_list(g, ends(g, ev, "SELECTED_TO_HOST", true), 0));
    fact("organized by", name_list(g, ends(g, ev, "ORGANIZED_BY", false), 0));
    fact("part of", name_list(g, ends(g, ev, "PART_OF", false), 0));
    std::vector<NodeIndex> parts = ends(g, ev, "PART_OF", true);
    fact("parts", name_list(g, parts, 0));
    for (const auto& [key, value] : node.properties)
        if (key != "when") fact(key.c_str(), value.to_display());
    sec.blocks.push_back(std::move(facts));

    // Participants: every other entity tied to the event, by the relations that tie them.
    std::vector<NodeIndex> who;
    std::map<NodeIndex, std::vector<EdgeIndex>> how;
    g.for_each_incident(ev, Direction::Both, [&](EdgeIndex e, NodeIndex other) {
        if (kEventFacts.count(g.type_name(g.edge(e))) || other == ev) return;
        if (!how.count(other)) who.push_back(other);
        how[other].push_back(e);
    });
    sort_by_degree(c, who);
    if (!who.empty()) {
        Table t;
        t.caption = fmt::format("Participants ({})", who.size());
        t.columns = {"entity", "Arabic name", "labels", "relation", "sources"};
        t.numeric = {false, false, false, false, false};
        for (NodeIndex n : who) {
            std::vector<std::string> rels;
            Sources sources;
            for (EdgeIndex e : how[n]) {
                std::string r = relation_label(g, g.edge(e).type);
                if (std::find(rels.begin(), rels.end(), r) == rels.end()) rels.push_back(r);
                sources.insert(sources.end(), g.edge(e).sources.begin(), g.edge(e).sources.end());
            }
            t.rows.push_back({entity_cell(g, n), arabic_cell(g, n), labels_cell(g.node(n)),
                              text_cell(fmt::format("{}", fmt::join(rels, "; "))),
                              sources_cell(c, sources)});
        }
        sec.blocks.push_back(std::move(t));
    }

    // Meetings and other facts that name the event (or one of its parts) in a property.
    std::set<std::string> ids = {node.id};
    for (NodeIndex p : parts) ids.insert(g.node(p).id);
    std::vector<EdgeIndex> meetings, other;
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        const Edge& ed = g.edge(e);
        if (ed.source == ev || ed.target == ev || !names_any(ed, ids)) continue;
        const std::string& type = g.type_name(ed);
        bool meeting = std::find(s.meeting_types.begin(), s.meeting_types.end(), type) !=
                       s.meeting_types.end();
        (meeting ? meetings : other).push_back(e);
    }
    sort_by_time(g, meetings);
    sort_by_time(g, other);
    if (!meetings.empty()) {
        Table t;
        t.caption = fmt::format("Meetings ({})", meetings.size());
        t.columns = {"when", "who", "relation", "with", "Arabic name", "about", "sources"};
        t.numeric = std::vector<bool>(t.columns.size(), false);
        for (EdgeIndex e : meetings) {
            const Edge& ed = g.edge(e);
            t.rows.push_back({text_cell(when_text(g, e)), entity_cell(g, ed.source),
                              text_cell(relation_label(g, ed.type)), entity_cell(g, ed.target),
                              arabic_cell(g, ed.target), text_cell(details(ed)),
                              sources_cell(c, ed.sources)});
        }
        sec.blocks.push_back(std::move(t));
    }
    if (!other.empty()) {
        Table t;
        t.caption = "Other facts tied to the event";
        t.columns = {"when", "fact", "sources"};
        t.numeric = {false, false, false};
        for (EdgeIndex e : other) {
            const Edge& ed = g.edge(e);
            t.rows.push_back({text_cell(when_text(g, e)), text_cell(fact_text(g, ed)),
                              sources_cell(c, ed.sources)});
        }
        sec.blocks.push_back(std::move(t));
    }

    std::vector<EdgeIndex> discussed;
    for (EdgeIndex e : g.out_edges(ev))
        if (g.type_name(g.edge(e)) == "DISCUSSED" && g.edge(e).source == ev) discussed.push_back(e);
    if (!discussed.empty()) {
        Table t;
        t.caption = fmt::format("Discussed ({})", discussed.size());
        t.columns = {"topic", "Arabic name", "sources"};
        t.numeric = {false, false, false};
        for (EdgeIndex e : discussed) {
            NodeIndex topic = g.edge(e).target;
            t.rows.push_back(
                {entity_cell(g, topic), arabic_cell(g, topic), sources_cell(c, g.edge(e).sources)});
        }
        sec.blocks.push_back(std::move(t));
    }
    return sec;
}

}  // namespace

std::vector<Section> events_section(Context& c, const SectionSpec& s) {
    const PropertyGraph& g = c.g;
    std::vector<NodeIndex> events = resolve_all(g, s.entities);
    if (s.entities.empty()) {
        events = g.nodes_with_label("Event");
        // Dated events in date order, then undated ones, each by id.
        std::sort(events.begin(), events.end(), [&](NodeIndex a, NodeIndex b) {
            const TimeSpan &x = g.node(a).time, &y = g.node(b).time;
            return std::make_tuple(x.empty(), x.first_day(), g.node(a).id) <
                   std::make_tuple(y.empty(), y.first_day(), g.node(b).id);
        });
    }
    std::string base = section_anchor(c, s);
    Section head{base, c.level, section_title(s, "Events"), "events", {}};
    std::vector<std::string> names;
    for (NodeIndex e : events) names.push_back(english_name(g.node(e)));
    head.blocks.push_back(Paragraph{
        events.empty() ? std::string("The network records no events (entities labelled Event).")
                       : fmt::format("{}: {}. Meetings are ties of type {} that name the event "
                                     "or one of its parts.",
                                     count_of(events.size(), "event", "events"),
                                     fmt::join(names, "; "), fmt::join(s.meeting_types, ", "))});
    std::vector<Section> out = {std::move(head)};
    for (NodeIndex e : events)
        out.push_back(one_event(c, s, e, base + "-" + anchor_slug(g.node(e).id)));
    return out;
}

}  // namespace liaison::report::detail
