#include "liaison/render/view.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include <fmt/format.h>

#include "liaison/analysis/window.hpp"
#include "liaison/core/error.hpp"
#include "liaison/model/lookup.hpp"

namespace liaison::render {

namespace {

bool contains(const std::vector<std::string>& list, const std::string& s) {
    return std::find(list.begin(), list.end(), s) != list.end();
}

// Edges touching kept nodes whose other end is kept too, visited once each.
template <typename Visit>
void for_each_kept_neighbour(const PropertyGraph& g, NodeIndex n,
                             const std::vector<char>& keep_edge, Visit visit) {
    g.for_each_incident(n, Direction::Both, [&](EdgeIndex e, NodeIndex other) {
        if (keep_edge[e]) visit(e, other);
    });
}

void check_names(const PropertyGraph& g, const ViewSpec& spec) {
    // nodes_with_label, not labels(): listing the labels would load a lazy graph whole.
    for (const std::string& label : spec.labels)
        if (g.nodes_with_label(label).empty())
            throw ArgumentError(fmt::format("--labels: no node carries the label '{}'", label));
    for (const std::string& type : spec.types)
        if (!g.relations().find(type))
            throw ArgumentError(fmt::format("--types: unknown relation type '{}'", type));
    if (spec.hops < 1) throw ArgumentError("hops must be at least 1");
}

void apply_window(const PropertyGraph& g, const TimeWindow& w, bool keep_undated,
                  std::vector<char>& keep_node, std::vector<char>& keep_edge) {
    const analysis::WindowFilter in(g, w, keep_undated, &keep_edge);
    for (NodeIndex n = 0; n < g.node_count(); ++n) keep_node[n] = keep_node[n] && in.node(n);
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        const Edge& edge = g.edge(e);
        keep_edge[e] =
            keep_edge[e] && in.edge(e) && keep_node[edge.source] && keep_node[edge.target];
    }
}

void apply_ego(const PropertyGraph& g, NodeIndex ego, int hops, std::vector<char>& keep_node,
               std::vector<char>& keep_edge) {
    std::vector<int> dist(g.node_count(), -1);
    std::deque<NodeIndex> queue{ego};
    dist[ego] = 0;
    while (!queue.empty()) {
        NodeIndex n = queue.front();
        queue.pop_front();
        if (dist[n] == hops) continue;
        for_each_kept_neighbour(g, n, keep_edge, [&](EdgeIndex, NodeIndex other) {
            if (dist[other] < 0) {
                dist[other] = dist[n] + 1;
                queue.push_back(other);
            }
        });
    }
    for (NodeIndex n = 0; n < g.node_count(); ++n) keep_node[n] = dist[n] >= 0;
    for (EdgeIndex e = 0; e < g.edge_count(); ++e)
        keep_edge[e] = keep_edge[e] && keep_node[g.edge(e).source] && keep_node[g.edge(e).target];
}

void apply_event(const PropertyGraph& g, NodeIndex event, std::vector<char>& keep_node,
                 std::vector<char>& keep_edge) {
    std::vector<char> in(g.node_count(), 0);
    std::vector<char> edge_in(g.edge_count(), 0);
    in[event] = 1;
    for_each_kept_neighbour(g, event, keep_edge, [&](EdgeIndex e, NodeIndex other) {
        in[other] = 1;
        edge_in[e] = 1;
    });
    const Node& ev = g.node(event);
    const bool timed = !ev.time.empty();
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        const Edge& edge = g.edge(e);
        if (!keep_edge[e] || edge_in[e] || !in[edge.source] || !in[edge.target]) continue;
        const Value* named = edge.properties.get("event");
        bool names_event =
            named && named->kind() == Value::Kind::String && named->as_string() == ev.id;
        bool inside = timed && !edge.time.empty() && edge.time.first_day() >= ev.time.first_day() &&
                      edge.time.last_day() <= ev.time.last_day();
        if (names_event || inside || edge.time.empty()) edge_in[e] = 1;
    }
    keep_node.assign(in.begin(), in.end());
    keep_edge.assign(edge_in.begin(), edge_in.end());
}

// One script per line: the English name (else the Arabic one, else the id), never both.
std::string single_name(const Node& n) {
    return !n.names.en.empty() ? n.names.en : !n.names.ar.empty() ? n.names.ar : n.id;
}

std::string describe(const PropertyGraph& g, const ViewSpec& spec, const View& v) {
    std::string text;
    if (!spec.ego.empty())
        text = fmt::format("ego network of {} ({} hop{})", single_name(g.node(*v.focus)), spec.hops,
                           spec.hops == 1 ? "" : "s");
    else if (!spec.event.empty())
        text = fmt::format("{} and its participants", single_name(g.node(*v.focus)));
    else
        text = "whole network";
    if (!spec.labels.empty()) text += fmt::format("; labels {}", fmt::join(spec.labels, ", "));
    if (!spec.types.empty()) text += fmt::format("; relations {}", fmt::join(spec.types, ", "));
    if (!spec.window.unbounded()) text += fmt::format("; {}", spec.window.to_string());
    return text;
}

}  // namespace

std::vector<double> degree_scores(const PropertyGraph& g) {
    std::vector<double> d(g.node_count(), 0.0);
    for (EdgeIndex i = 0; i < g.edge_count(); ++i) {  // ends only: a lazy graph stays unloaded
        const EdgeEnds e = g.edge_ends(i);
        d[e.source] += 1;
        if (e.target != e.source) d[e.target] += 1;
    }
    return d;
}

View select_view(const PropertyGraph& g, const ViewSpec& spec,
                 const std::vector<double>& centrality) {
    check_names(g, spec);
    if (!centrality.empty() && centrality.size() != g.node_count())
        throw ArgumentError("centrality must hold one score per node");
    std::vector<char> keep_node(g.node_count(), 1);
    std::vector<char> keep_edge(g.edge_count(), 1);
    if (!spec.labels.empty()) {
        std::fill(keep_node.begin(), keep_node.end(), 0);
        for (const std::string& l : spec.labels)
            for (NodeIndex n : g.nodes_with_label(l)) keep_node[n] = 1;
    }
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        const EdgeEnds edge = g.edge_ends(e);
        keep_edge[e] =
            keep_node[edge.source] && keep_node[edge.target] &&
            (spec.types.empty() || contains(spec.types, g.relations().get(edge.type).name));
    }
    if (!spec.window.unbounded())
        apply_window(g, spec.window, spec.keep_undated, keep_node, keep_edge);

    View view;
    if (!spec.ego.empty()) {
        view.focus = resolve(g, spec.ego);
        apply_ego(g, *view.focus, spec.hops, keep_node, keep_edge);
    } else if (!spec.event.empty()) {
        view.focus = resolve(g, spec.event);
        apply_event(g, *view.focus, keep_node, keep_edge);
    }
    if (view.focus) keep_node[*view.focus] = 1;

    for (NodeIndex n = 0; n < g.node_count(); ++n)
        if (keep_node[n]) view.nodes.push_back(n);
    view.candidates = view.nodes.size();

    if (spec.max_nodes > 0 && view.nodes.size() > spec.max_nodes) {
        std::vector<double> score = centrality.empty() ? degree_scores(g) : centrality;
        std::vector<NodeIndex> order = view.nodes;
        std::sort(order.begin(), order.end(), [&](NodeIndex a, NodeIndex b) {
            bool fa = view.focus == a, fb = view.focus == b;
            if (fa != fb) return fa;
            if (score[a] != score[b]) return score[a] > score[b];
            return g.node(a).id < g.node(b).id;
        });
        view.dropped.assign(order.begin() + static_cast<std::ptrdiff_t>(spec.max_nodes),
                            order.end());
        order.resize(spec.max_nodes);
        std::fill(keep_node.begin(), keep_node.end(), 0);
        for (NodeIndex n : order) keep_node[n] = 1;
        std::sort(order.begin(), order.end());
        view.nodes = std::move(order);
    }
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        if (!keep_edge[e]) continue;
        const EdgeEnds ends = g.edge_ends(e);
        if (keep_node[ends.source] && keep_node[ends.target])
            view.edges.push_back(e);
        else
            ++view.dropped_edges;
    }
    view.description = describe(g, spec, view);
    return view;
}

std::vector<std::string> group_nodes(const PropertyGraph& g, const View& view, GroupBy by,
                                     const std::vector<int>& community) {
    std::vector<std::string> group(view.nodes.size());
    if (by == GroupBy::Community) {
        for (std::size_t i = 0; i < view.nodes.size(); ++i) {
            NodeIndex n = view.nodes[i];
            if (n < community.size() && community[n] >= 0)
                group[i] = fmt::format("community {}", community[n]);
        }
    } else if (by == GroupBy::Country) {
        std::unordered_map<std::string, NodeIndex> by_iso;
        for (NodeIndex c : g.nodes_with_label("Country"))
            if (const Value* iso = g.node(c).properties.get("iso3");
                iso && iso->kind() == Value::Kind::String)
                by_iso.emplace(iso->as_string(), c);
        auto is_country = [&](NodeIndex n) { return g.node(n).has_label("Country"); };
        auto first_out_country = [&](NodeIndex n) -> std::optional<NodeIndex> {
            for (EdgeIndex e : g.out_edges(n)) {
                NodeIndex other = g.other_end(e, n);
                if (is_country(other)) return other;
            }
            return std::nullopt;
        };
        for (std::size_t i = 0; i < view.nodes.size(); ++i) {
            NodeIndex n = view.nodes[i];
            std::optional<NodeIndex> country;
            if (is_country(n)) country = n;
            if (!country)
                if (const Value* p = g.node(n).properties.get("country");
                    p && p->kind() == Value::Kind::String) {
                    if (auto id = g.find_id(p->as_string()); id && is_country(*id))
                        country = id;
                    else if (auto it = by_iso.find(p->as_string()); it != by_iso.end())
                        country = it->second;
                }
            if (!country) country = first_out_country(n);
            if (!country)
                for (EdgeIndex e : g.out_edges(n))
                    if ((country = first_out_country(g.other_end(e, n)))) break;
            if (country) group[i] = g.node(*country).id;
        }
    }
    return group;
}

}  // namespace liaison::render
