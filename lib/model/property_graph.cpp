#include "liaison/model/property_graph.hpp"

#include <algorithm>
#include <atomic>
#include <limits>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/model/names.hpp"
#include "model/graph_detail.hpp"
#include "model/index_stats.hpp"

namespace liaison {

using detail::erase_sorted;
using detail::insert_sorted;
using detail::kNoEdges;
using detail::kNoNodes;
using detail::next_revision;

// The loaded graph's budget per edge (docs/storage-engine.md, "A loaded graph's memory").
static_assert(sizeof(void*) != 8 || sizeof(Edge) <= 56, "an Edge grew past 56 bytes");

namespace detail {

std::uint64_t next_revision() {
    static std::atomic<std::uint64_t> revisions{0};
    return revisions.fetch_add(1, std::memory_order_relaxed) + 1;
}

const std::vector<NodeIndex> kNoNodes;
const std::vector<EdgeIndex> kNoEdges;

namespace {
thread_local std::uint64_t steps_taken = 0;  // see detail::index_steps
}  // namespace

// A linear search here made loading nodes that share a name or label quadratic.
void insert_sorted(std::vector<NodeIndex>& list, NodeIndex n) {
    ++steps_taken;
    if (list.empty() || list.back() < n) {
        list.push_back(n);
        return;
    }
    auto it = std::lower_bound(list.begin(), list.end(), n);
    if (it != list.end() && *it == n) return;
    steps_taken += static_cast<std::uint64_t>(list.end() - it);
    list.insert(it, n);
}

void erase_sorted(std::vector<NodeIndex>& list, NodeIndex n) {
    ++steps_taken;
    auto it = std::lower_bound(list.begin(), list.end(), n);
    if (it == list.end() || *it != n) return;
    steps_taken += static_cast<std::uint64_t>(list.end() - it);
    list.erase(it);
}

std::uint64_t index_steps() { return steps_taken; }

}  // namespace detail

bool is_node_id(std::string_view id) {
    if (id.empty() || id.size() > 200) return false;
    auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    if (!ok_first(id[0])) return false;
    for (char c : id)
        if (!ok_first(c) && c != '.' && c != '_' && c != '-') return false;
    return true;
}

std::string Names::display() const {
    if (!en.empty() && !ar.empty()) return en + " / " + ar;
    return en.empty() ? ar : en;
}

std::int64_t TimeSpan::first_day() const {
    if (date) return date->first_day();
    if (start) return start->first_day();
    return std::numeric_limits<std::int64_t>::min();
}

std::int64_t TimeSpan::last_day() const {
    if (date) return date->last_day();
    if (end) return end->last_day();
    return std::numeric_limits<std::int64_t>::max();
}

std::string TimeSpan::to_string() const {
    if (date) return date->to_string();
    if (!start && !end) return "";
    if (start && end && *start == *end) return start->to_string();
    return fmt::format("{} .. {}", start ? start->to_string() : "", end ? end->to_string() : "");
}

bool Node::has_label(std::string_view label) const {
    return std::find(labels.begin(), labels.end(), label) != labels.end();
}

std::string Node::display_name() const {
    std::string d = names.display();
    return d.empty() ? id : d;
}

// ---- building and editing --------------------------------------------------------------------

NodeIndex PropertyGraph::add_node(Node node) {
    if (!is_node_id(node.id))
        throw ArgumentError(fmt::format(
            "node id '{}' is not an ASCII slug (lowercase letters, digits, '.', '_', '-')",
            node.id));
    if (find_id(node.id)) throw ArgumentError(fmt::format("duplicate node id '{}'", node.id));
    if (node_count() >= kNoIndex - 1) throw ArgumentError("too many nodes");
    if (lazy_.pending()) {
        // Appended beside the base: only the id index knows it until the base is loaded.
        auto n = static_cast<NodeIndex>(live_base_nodes() + nodes_.size());
        by_id_.emplace(node.id, n);
        {
            std::lock_guard<std::mutex> hold(lazy_.mutex_);
            repost_lazy(n, node);  // posting lists handed out before list it too
        }
        nodes_.push_back(std::move(node));
        node_revision_ = next_revision();
        return n;
    }
    auto n = static_cast<NodeIndex>(nodes_.size());
    nodes_.push_back(std::move(node));
    out_.emplace_back();
    in_.emplace_back();
    index_node(n);
    return n;
}

EdgeIndex PropertyGraph::add_edge(Edge edge) {
    const std::size_t nodes = node_count(), edges = edge_count();
    if (edge.source >= nodes || edge.target >= nodes)
        throw ArgumentError("edge endpoint out of range");
    if (edge.type >= relations_.size()) throw ArgumentError("edge relation type out of range");
    if (edges >= kNoIndex - 1) throw ArgumentError("too many edges");
    auto e = static_cast<EdgeIndex>(edges);
    edges_.push_back(std::move(edge));
    if (!lazy_.pending()) index_edge(e);
    return e;
}

void PropertyGraph::add_edges(std::vector<Edge> edges) {
    materialise();
    for (const Edge& ed : edges) {
        if (ed.source >= nodes_.size() || ed.target >= nodes_.size())
            throw ArgumentError("edge endpoint out of range");
        if (ed.type >= relations_.size()) throw ArgumentError("edge relation type out of range");
    }
    if (edges.size() >= kNoIndex - 1 - edges_.size()) throw ArgumentError("too many edges");
    const std::size_t first = edges_.size();
    if (edges_.empty())
        edges_ = std::move(edges);
    else
        edges_.insert(edges_.end(), std::make_move_iterator(edges.begin()),
                      std::make_move_iterator(edges.end()));
    // Count first, so that every list is allocated once at its final size.
    std::vector<std::uint32_t> outs(nodes_.size()), ins(nodes_.size());
    std::vector<std::size_t> types;
    for (std::size_t e = first; e < edges_.size(); ++e) {
        const Edge& ed = edges_[e];
        ++outs[ed.source];
        ++ins[ed.target];
        if (relations_.get(ed.type).symmetric && ed.source != ed.target) {
            ++outs[ed.target];
            ++ins[ed.source];
        }
        if (types.size() <= ed.type) types.resize(ed.type + 1u);
        ++types[ed.type];
    }
    for (std::size_t n = 0; n < nodes_.size(); ++n) {
        out_[n].reserve(out_[n].size() + outs[n]);
        in_[n].reserve(in_[n].size() + ins[n]);
    }
    if (by_type_.built) {
        auto& lists = by_type_.lists;
        if (lists.size() < types.size()) lists.resize(types.size());
        for (std::size_t t = 0; t < types.size(); ++t) lists[t].reserve(lists[t].size() + types[t]);
    }
    // The lists of random nodes miss the cache on nearly every append: load the lists' headers
    // 16 edges ahead and their ends 8 ahead, so that the appends find them there.
    const std::size_t count = edges_.size();
    for (std::size_t e = first; e < count; ++e) {
        if (e + 16 < count) {
            const Edge& ed = edges_[e + 16];
            __builtin_prefetch(out_.data() + ed.source);
            __builtin_prefetch(in_.data() + ed.target);
            __builtin_prefetch(out_.data() + ed.target);
            __builtin_prefetch(in_.data() + ed.source);
        }
        if (e + 8 < count) {
            const Edge& ed = edges_[e + 8];
            const auto& o = out_[ed.source];
            const auto& i = in_[ed.target];
            __builtin_prefetch(o.data() + o.size(), 1);
            __builtin_prefetch(i.data() + i.size(), 1);
            if (relations_.get(ed.type).symmetric && ed.source != ed.target) {
                const auto& o2 = out_[ed.target];
                const auto& i2 = in_[ed.source];
                __builtin_prefetch(o2.data() + o2.size(), 1);
                __builtin_prefetch(i2.data() + i2.size(), 1);
            }
        }
        index_edge(static_cast<EdgeIndex>(e));
    }
}

void PropertyGraph::reserve_nodes(std::size_t count) {
    if (lazy_.pending()) return;
    nodes_.reserve(count);
    out_.reserve(count);
    in_.reserve(count);
    by_id_.reserve(count);
    by_name_.reserve(count);
}

RelationId PropertyGraph::relation(std::string_view name) {
    if (auto id = relations_.find(name)) return *id;
    return relations_.declare({std::string(name), false, "", "", false});
}

void PropertyGraph::replace_node(NodeIndex n, Node node) {
    if (lazy_.pending() && lazy_replace_node(n, node)) return;
    materialise();
    LIAISON_ASSERT(n < nodes_.size());
    if (node.id != nodes_[n].id) {
        if (!is_node_id(node.id) || by_id_.count(node.id))
            throw ArgumentError(fmt::format("cannot rename node to '{}'", node.id));
    }
    unindex_node(n);
    nodes_[n] = std::move(node);
    index_node(n);
}

void PropertyGraph::replace_edge(EdgeIndex e, Edge edge) {
    if (lazy_.pending() && lazy_replace_edge(e, edge)) return;
    materialise();
    LIAISON_ASSERT(e < edges_.size());
    if (edge.source >= nodes_.size() || edge.target >= nodes_.size() ||
        edge.type >= relations_.size())
        throw ArgumentError("edge endpoint or type out of range");
    Edge& old = edges_[e];
    const bool same_place =
        old.source == edge.source && old.target == edge.target && old.type == edge.type;
    old = std::move(edge);
    // The indexes know an edge by its ends and type only; rebuilding them (and folding every
    // node's names again) for a change of content made a writer of n edits O(n²).
    if (!same_place) rebuild_indexes();
}

void PropertyGraph::remove_edge(EdgeIndex e) {
    if (lazy_.pending() && lazy_remove_edge(e)) return;
    materialise();
    LIAISON_ASSERT(e < edges_.size());
    edges_.erase(edges_.begin() + e);
    rebuild_indexes();
}

void PropertyGraph::remove_node(NodeIndex n) {
    if (lazy_.pending() && lazy_remove_node(n)) return;
    materialise();
    LIAISON_ASSERT(n < nodes_.size());
    std::vector<Edge> kept;
    kept.reserve(edges_.size());
    for (Edge& ed : edges_) {
        if (ed.source == n || ed.target == n) continue;
        if (ed.source > n) --ed.source;
        if (ed.target > n) --ed.target;
        kept.push_back(std::move(ed));
    }
    edges_ = std::move(kept);
    nodes_.erase(nodes_.begin() + n);
    rebuild_indexes();
}

void PropertyGraph::rebuild_indexes() {
    node_revision_ = next_revision();  // after a removal, possibly of the last node
    by_id_.clear();
    by_label_.clear();
    by_name_.clear();
    by_type_.clear();
    out_.assign(nodes_.size(), {});
    in_.assign(nodes_.size(), {});
    for (NodeIndex n = 0; n < nodes_.size(); ++n) index_node(n);
    for (EdgeIndex e = 0; e < edges_.size(); ++e) index_edge(e);
}

void PropertyGraph::index_node(NodeIndex n) {
    node_revision_ = next_revision();  // every added or replaced node passes here
    const Node& node = nodes_[n];
    by_id_.emplace(node.id, n);
    for (const auto& label : node.labels) insert_sorted(by_label_[label], n);
    auto add_name = [&](const std::string& name) {
        if (!name.empty()) insert_sorted(by_name_[fold_name(name)], n);
    };
    add_name(node.names.ar);
    add_name(node.names.en);
    for (const auto& a : node.names.aliases) add_name(a);
}

void PropertyGraph::unindex_node(NodeIndex n) {
    const Node& node = nodes_[n];
    by_id_.erase(node.id);
    for (const auto& label : node.labels) {
        auto it = by_label_.find(label);
        if (it == by_label_.end()) continue;
        erase_sorted(it->second, n);
        if (it->second.empty()) by_label_.erase(it);
    }
    // Only the lists of the node's own names hold it (they were folded the same way).
    auto drop_name = [&](const std::string& name) {
        if (name.empty()) return;
        auto it = by_name_.find(fold_name(name));
        if (it == by_name_.end()) return;
        erase_sorted(it->second, n);
        if (it->second.empty()) by_name_.erase(it);
    };
    drop_name(node.names.ar);
    drop_name(node.names.en);
    for (const auto& a : node.names.aliases) drop_name(a);
}

void PropertyGraph::index_edge(EdgeIndex e) {
    const Edge& ed = edges_[e];
    out_[ed.source].push_back(e);
    in_[ed.target].push_back(e);
    if (relations_.get(ed.type).symmetric && ed.source != ed.target) {
        out_[ed.target].push_back(e);
        in_[ed.source].push_back(e);
    }
    if (by_type_.built) {
        auto& lists = by_type_.lists;
        if (lists.size() <= ed.type) lists.resize(ed.type + 1u);
        lists[ed.type].push_back(e);
    }
}

std::optional<NodeIndex> PropertyGraph::find_id(std::string_view id) const {
    if (lazy_.pending()) {
        // The base and the removals change only under an edit, never beside a reader; an
        // appended node may take a removed node's id.
        if (auto p = lazy_.base_->find_id(id))
            if (auto n = removed_nodes_.index(*p)) return n;
        std::lock_guard<std::mutex> hold(lazy_.mutex_);
        if (lazy_.pending_.load(std::memory_order_relaxed)) {
            auto it = by_id_.find(std::string(id));
            if (it == by_id_.end()) return std::nullopt;
            return it->second;
        }
    }
    auto it = by_id_.find(std::string(id));
    if (it == by_id_.end()) return std::nullopt;
    return it->second;
}

const std::vector<NodeIndex>& PropertyGraph::nodes_with_label(std::string_view label) const {
    if (lazy_.pending()) return lazy_postings(false, label);
    auto it = by_label_.find(label);
    return it == by_label_.end() ? kNoNodes : it->second;
}

std::vector<std::string> PropertyGraph::labels() const {
    materialise();
    std::vector<std::string> out;
    for (const auto& [label, list] : by_label_) out.push_back(label);
    return out;
}

const std::vector<EdgeIndex>& PropertyGraph::edges_of_type(RelationId type) const {
    materialise();
    std::lock_guard<std::mutex> hold(by_type_.mutex);  // readers on several threads
    auto& lists = by_type_.lists;
    if (!by_type_.built) {
        std::vector<std::size_t> counts(relations_.size());
        for (const Edge& ed : edges_) ++counts[ed.type];
        lists.assign(relations_.size(), {});
        for (std::size_t t = 0; t < counts.size(); ++t) lists[t].reserve(counts[t]);
        for (EdgeIndex e = 0; e < edges_.size(); ++e) lists[edges_[e].type].push_back(e);
        by_type_.built = true;
    }
    return type < lists.size() ? lists[type] : kNoEdges;
}

const std::vector<EdgeIndex>& PropertyGraph::edges_of_type(std::string_view type) const {
    auto id = relations_.find(type);
    return id ? edges_of_type(*id) : kNoEdges;
}

const std::vector<NodeIndex>& PropertyGraph::find_name(std::string_view name) const {
    if (lazy_.pending()) return lazy_postings(true, name);
    auto it = by_name_.find(fold_name(name));
    return it == by_name_.end() ? kNoNodes : it->second;
}

NodeIndex PropertyGraph::other_end(EdgeIndex e, NodeIndex n) const {
    EdgeEnds ed = edge_ends(e);
    return ed.source == n ? ed.target : ed.source;
}

void PropertyGraph::for_each_incident(
    NodeIndex n, Direction dir, const std::function<void(EdgeIndex, NodeIndex)>& visit) const {
    std::vector<EdgeIndex> outs, ins;
    if (dir == Direction::Out || dir == Direction::In) {
        for (EdgeIndex e : incident_edges(n, dir, outs)) visit(e, other_end(e, n));
        return;
    }
    // Both: the out-list holds every edge where n is the source plus symmetric edges at either
    // end; add the in-edges that are not already there (directed edges where n is only the
    // target).
    for (EdgeIndex e : incident_edges(n, Direction::Out, outs)) visit(e, other_end(e, n));
    for (EdgeIndex e : incident_edges(n, Direction::In, ins)) {
        EdgeEnds ed = edge_ends(e);
        if (ed.source == n) continue;  // self-loop or symmetric edge already visited
        if (relations_.get(ed.type).symmetric) continue;
        visit(e, ed.source);
    }
}

}  // namespace liaison
