// Window texts and the window rule (window.hpp).
#include "liaison/analysis/window.hpp"

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/model/lookup.hpp"

namespace liaison::analysis {

namespace {

constexpr const char* kForms =
    "a date (2025, 2025-11, 2025-11-24), a range (2023..2025, 2023-11.., ..2025-06) or a "
    "dated entity (an event)";

// Written like a date or a range: only digits, '-' and '.', with a digit or "..". An entity id
// is a slug with letters, so nothing that looks like this is taken for a name.
bool looks_like_dates(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (!(c >= '0' && c <= '9') && c != '-' && c != '.') return false;
    return true;
}

[[noreturn]] void bad(std::string_view field, std::string_view text, std::string_view why) {
    throw ArgumentError(
        fmt::format("{}: '{}' is not a window: {}; expected {}", field, text, why, kForms));
}

// A date or a range; `why` says what is wrong when it is neither.
std::optional<TimeWindow> dates(std::string_view text, std::string* why) {
    auto date = [&](std::string_view part) -> std::optional<Date> {
        auto d = Date::parse(part);
        if (!d && why) *why = fmt::format("'{}' is not a calendar date", part);
        return d;
    };
    TimeWindow w;
    const auto dots = text.find("..");
    if (dots == std::string_view::npos) {
        auto d = date(text);
        if (!d) return std::nullopt;
        w.from = w.to = *d;
        return w;
    }
    const std::string_view from = text.substr(0, dots), to = text.substr(dots + 2);
    if (from.empty() && to.empty()) {
        if (why) *why = "both ends are open";
        return std::nullopt;
    }
    if (!from.empty() && !(w.from = date(from))) return std::nullopt;
    if (!to.empty() && !(w.to = date(to))) return std::nullopt;
    if (w.from && w.to && w.to->last_day() < w.from->first_day()) {
        if (why) *why = "it ends before it starts";
        return std::nullopt;
    }
    return w;
}

TimeWindow entity_window(const PropertyGraph& g, std::string_view text, std::string_view field) {
    NodeIndex n = kNoIndex;
    try {
        n = resolve(g, text);
    } catch (const LookupError& e) {
        throw ArgumentError(
            fmt::format("{}: '{}' is neither {} ({})", field, text, kForms, e.what()));
    }
    const Node& node = g.node(n);
    if (node.time.empty())
        throw ArgumentError(
            fmt::format("{}: '{}' names {}, which has no date, so it bounds no "
                        "window; expected {}",
                        field, text, node.id, kForms));
    const TimeSpan& t = node.time;
    return TimeWindow{t.date ? t.date : t.start, t.date ? t.date : t.end};
}

void check_order(const TimeWindow& w, std::string_view to_field) {
    if (w.from && w.to && w.to->last_day() < w.from->first_day())
        throw ArgumentError(fmt::format("{}: the window ends ({}) before it starts ({})", to_field,
                                        w.to->to_string(), w.from->to_string()));
}

}  // namespace

std::optional<TimeWindow> parse_dates(std::string_view text, std::string_view field) {
    if (!looks_like_dates(text)) return std::nullopt;
    std::string why;
    auto w = dates(text, &why);
    if (!w) bad(field, text, why);
    return w;
}

TimeWindow parse_window(const PropertyGraph& g, std::string_view text, std::string_view field) {
    if (text.empty())
        throw ArgumentError(fmt::format("{}: empty window; expected {}", field, kForms));
    if (auto w = parse_dates(text, field)) return *w;
    return entity_window(g, text, field);
}

TimeWindow window_from_bounds(const PropertyGraph& g, std::string_view from, std::string_view to,
                              std::string_view from_field, std::string_view to_field) {
    TimeWindow w;
    if (!from.empty()) w.from = parse_window(g, from, from_field).from;
    if (!to.empty()) w.to = parse_window(g, to, to_field).to;
    check_order(w, to_field);
    return w;
}

TimeWindow window_from_bounds(std::string_view from, std::string_view to,
                              std::string_view from_field, std::string_view to_field) {
    auto bound = [](std::string_view text, std::string_view field) {
        auto w = parse_dates(text, field);
        if (!w)
            bad(field, text,
                "entities name a window only where the network is known (on the command line)");
        return *w;
    };
    TimeWindow w;
    if (!from.empty()) w.from = bound(from, from_field).from;
    if (!to.empty()) w.to = bound(to, to_field).to;
    check_order(w, to_field);
    return w;
}

std::optional<TimeWindow> parse_window(std::string_view text) { return dates(text, nullptr); }

TimeSpan effective_time(const PropertyGraph& g, EdgeIndex e) {
    const Edge& ed = g.edge(e);
    if (!ed.time.empty()) return ed.time;
    for (NodeIndex end : {ed.source, ed.target}) {
        const Node& n = g.node(end);
        if (n.has_label("Event") && !n.time.empty()) return n.time;
    }
    if (const Value* event = ed.properties.get("event");
        event && event->kind() == Value::Kind::String) {
        if (auto n = g.find_id(event->as_string())) return g.node(*n).time;
    }
    return {};
}

bool in_window(const TimeSpan& span, const TimeWindow& window, bool keep_undated) {
    if (window.unbounded()) return true;
    if (span.empty()) return keep_undated;
    return window.contains_span(span.first_day(), span.last_day());
}

WindowFilter::WindowFilter(const PropertyGraph& g, const TimeWindow& window, bool keep_undated,
                           const std::vector<char>* candidates) {
    if (window.unbounded()) {
        all_ = true;
        return;
    }
    // 0: out; 1: in; dated entities are decided by their own dates, undated ones by activity.
    node_in_.assign(g.node_count(), 0);
    std::vector<char> dated(g.node_count(), 0);
    for (NodeIndex n = 0; n < g.node_count(); ++n) {
        const TimeSpan& t = g.node(n).time;
        if (t.empty()) continue;
        dated[n] = 1;
        node_in_[n] = in_window(t, window, false) ? 1 : 0;
    }
    // An edge's own verdict by its time; `timed` marks the dated ties in the window.
    edge_in_.assign(g.edge_count(), 0);
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        const TimeSpan t = effective_time(g, e);
        if (t.empty()) {
            edge_in_[e] = keep_undated ? 1 : 0;
            continue;
        }
        if (!in_window(t, window, false)) continue;
        edge_in_[e] = 1;
        if (candidates && !(*candidates)[e]) continue;
        const Edge& ed = g.edge(e);
        for (NodeIndex end : {ed.source, ed.target})
            if (!dated[end]) node_in_[end] = 1;
    }
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        const Edge& ed = g.edge(e);
        if (edge_in_[e] && (!node_in_[ed.source] || !node_in_[ed.target])) edge_in_[e] = 0;
    }
}

}  // namespace liaison::analysis
