#pragma once
// Which part of a network a drawing shows: the whole network, an ego network, one event and its
// participants, a time window, a projection by labels and types, and a cap on the node count.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "liaison/core/date.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison::render {

struct ViewSpec {
    std::string ego;           // an entity (id or any name); empty: no ego view
    int hops = 1;              // ego radius, >= 1
    std::string event;         // an entity, usually an Event: it and its participants; empty: none
    TimeWindow window;         // see select_view
    bool keep_undated = true;  // with a window: undated ties stay between kept entities
    std::vector<std::string> labels;  // keep nodes carrying any of these labels (empty: all)
    std::vector<std::string> types;   // keep edges of these relation types (empty: all)
    std::size_t max_nodes = 0;        // keep at most this many nodes, the most central (0: all)
};

struct View {
    std::vector<NodeIndex> nodes;    // kept nodes, in graph index order
    std::vector<EdgeIndex> edges;    // kept edges, in graph index order
    std::optional<NodeIndex> focus;  // the ego or the event
    std::size_t candidates = 0;      // nodes before the max_nodes cap
    std::vector<NodeIndex> dropped;  // removed by the cap, most central first
    std::size_t dropped_edges = 0;   // edges lost with them
    std::string description;         // what the view shows, in English
};

// Selects a view. Steps, in order:
//  1. projection: nodes with one of spec.labels, edges of one of spec.types whose ends both stay;
//  2. time window (when bounded): the window rule of liaison/analysis/window.hpp, as every
//     analysis applies it: a tie is dated by its own date, else its event's; a dated entity
//     stays when its dates overlap the window, an undated one when a dated tie in the window
//     (among those step 1 kept) touches it; undated ties (HEADS, LOCATED_IN …) stay between
//     kept entities unless keep_undated is false;
//  3. ego (spec.ego): nodes within spec.hops edges of the ego, edges read in both directions,
//     and the edges among them;
//  4. event (spec.event): the event and its neighbours; the edges touching the event; edges
//     among the neighbours that name the event (property "event") or fall inside its span, or
//     have no time;
//  5. cap (spec.max_nodes): the nodes with the highest `centrality` (ties by id) stay, the focus
//     always stays; edges to removed nodes go.
// `centrality` is indexed by node (size node_count()); an empty vector means degree.
// Entity arguments resolve with liaison::resolve (LookupError when unknown or ambiguous).
View select_view(const PropertyGraph& g, const ViewSpec& spec,
                 const std::vector<double>& centrality);

// Degree of each node: the number of incident edges, each edge counted once (a symmetric edge
// once, a self-loop once), parallel edges each counted. O(n + m).
std::vector<double> degree_scores(const PropertyGraph& g);

enum class GroupBy { None, Community, Country };

// The cluster of each kept node (parallel to view.nodes; empty string: no cluster).
//  - Community: "community N" from `community` (indexed by node; negative: none).
//  - Country: a Country node is its own group; otherwise the node's "country" property (an id
//    or an ISO alpha-3 code of a Country node); otherwise the first Country node reached by an
//    outgoing edge; otherwise the first Country reached in two outgoing steps (a person who
//    HEADS an agency that REPRESENTS a country). Group keys are Country node ids.
std::vector<std::string> group_nodes(const PropertyGraph& g, const View& view, GroupBy by,
                                     const std::vector<int>& community);

}  // namespace liaison::render
