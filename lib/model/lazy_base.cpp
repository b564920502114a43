// The lazy part of a PropertyGraph: a graph over a stored base (the binary store's mapped image)
// answers counts, ids, edge ends, adjacency, names and labels from the base, keeps appended and
// replaced entities beside it, and loads the base whole only when asked for all of it
// (docs/storage-engine.md §0 and §6).
#include <algorithm>
#include <mutex>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/model/names.hpp"
#include "liaison/model/property_graph.hpp"
#include "model/graph_detail.hpp"

namespace liaison {

using detail::erase_sorted;
using detail::insert_sorted;
using detail::kNoNodes;
using detail::next_revision;

namespace {
thread_local bool loading_here = false;  // this thread is loading a graph's base
}  // namespace

// The sequence at[j] - j counts, for each removed position, the live positions before it; the
// index-th live position comes after exactly the removed ones whose count is at most index.
std::uint32_t PropertyGraph::Removed::position(std::uint32_t index) const {
    std::size_t lo = 0, hi = at.size();
    while (lo < hi) {
        std::size_t mid = (lo + hi) / 2;
        if (at[mid] - mid <= index)
            lo = mid + 1;
        else
            hi = mid;
    }
    return index + static_cast<std::uint32_t>(lo);
}

std::optional<std::uint32_t> PropertyGraph::Removed::index(std::uint32_t position) const {
    auto it = std::lower_bound(at.begin(), at.end(), position);
    if (it != at.end() && *it == position) return std::nullopt;
    return position - static_cast<std::uint32_t>(it - at.begin());
}

void PropertyGraph::Removed::add(std::uint32_t position) {
    auto it = std::lower_bound(at.begin(), at.end(), position);
    if (it == at.end() || *it != position) at.insert(it, position);
}

// A live base edge's ends never name a removed node (removing a node removes its edges).
EdgeEnds PropertyGraph::base_ends(std::uint32_t position) const {
    EdgeEnds ends = lazy_.base_->edge_ends(position);
    if (!removed_nodes_.at.empty()) {
        ends.source = *removed_nodes_.index(ends.source);
        ends.target = *removed_nodes_.index(ends.target);
    }
    return ends;
}

void PropertyGraph::attach_base(std::shared_ptr<const GraphBase> base) {
    nodes_.clear();
    edges_.clear();
    out_.clear();
    in_.clear();
    by_id_.clear();
    by_label_.clear();
    by_type_.clear();
    by_name_.clear();
    node_revision_ = next_revision();
    base_nodes_ = base ? base->node_count() : 0;
    base_edges_ = base ? base->edge_count() : 0;
    lazy_.handed_.reset();
    replaced_nodes_.clear();
    replaced_edges_.clear();
    removed_nodes_.at.clear();
    removed_edges_.at.clear();
    lazy_.base_ = std::move(base);
    lazy_.pending_.store(lazy_.base_ != nullptr, std::memory_order_release);
}

void PropertyGraph::defer_documents(std::shared_ptr<const GraphBase> base) {
    if (!documents_.empty())
        throw ArgumentError("defer_documents: the graph already holds documents");
    lazy_.documents_ = std::move(base);
    lazy_.documents_pending_.store(lazy_.documents_ != nullptr, std::memory_order_release);
}

// Under the lazy part's lock: readers on other threads may ask for the documents at once.
void PropertyGraph::load_documents() const {
    std::lock_guard<std::mutex> hold(lazy_.mutex_);
    if (!lazy_.documents_pending_.load(std::memory_order_relaxed)) return;
    auto* self = const_cast<PropertyGraph*>(this);
    std::map<std::string, Document, std::less<>> read;
    lazy_.documents_->read_documents(read);  // a bad section throws: nothing half read is kept
    self->documents_ = std::move(read);
    self->lazy_.documents_pending_.store(false, std::memory_order_release);
}

// Loads the base under the lock (another reader may be loading it too) and puts what was
// appended meanwhile after it, as add_node and add_edges would have: the result is exactly the
// graph an eager open and replay gives (same indices, list orders and indexes).
void PropertyGraph::load_base() const {
    if (loading_here) return;  // add_edges below, called while this thread loads
    std::lock_guard<std::mutex> hold(lazy_.mutex_);
    if (!lazy_.pending_.load(std::memory_order_relaxed)) return;
    auto* self = const_cast<PropertyGraph*>(this);
    loading_here = true;
    struct Done {
        ~Done() { loading_here = false; }
    } done;
    PropertyGraph full = lazy_.base_->load();
    std::vector<Node> appended_nodes = std::move(self->nodes_);
    std::vector<Edge> appended_edges = std::move(self->edges_);
    if (lazy_.handed_ && lazy_.handed_->appended_handed) {
        // Readers may hold references into the appended part: keep it where it is.
        auto& h = *self->lazy_.handed_;
        h.appended_nodes = std::move(appended_nodes);
        h.appended_edges = std::move(appended_edges);
        appended_nodes = h.appended_nodes;
        appended_edges = h.appended_edges;
    }
    // The edits kept beside the base, by base position: a replaced edge's ends (same place)
    // are read from the base, where they are still positions.
    for (const auto& [p, node] : replaced_nodes_) {
        full.unindex_node(p);
        full.nodes_[p] = node;
        full.index_node(p);
    }
    for (const auto& [p, edge] : replaced_edges_) {
        Edge& at = full.edges_[p];
        NodeIndex source = at.source, target = at.target;
        at = edge;
        at.source = source;
        at.target = target;
    }
    if (removed_nodes_.at.empty() && removed_edges_.at.empty()) {
        self->nodes_ = std::move(full.nodes_);
        self->edges_ = std::move(full.edges_);
        self->out_ = std::move(full.out_);
        self->in_ = std::move(full.in_);
        self->by_id_ = std::move(full.by_id_);
        self->by_label_ = std::move(full.by_label_);
        self->by_name_ = std::move(full.by_name_);
    } else {  // what the removals left, renumbered as remove_node and remove_edge do
        self->nodes_.clear();
        self->nodes_.reserve(live_base_nodes() + appended_nodes.size());
        for (std::uint32_t p = 0; p < full.nodes_.size(); ++p)
            if (removed_nodes_.index(p)) self->nodes_.push_back(std::move(full.nodes_[p]));
        self->edges_.clear();
        self->edges_.reserve(live_base_edges() + appended_edges.size());
        for (std::uint32_t p = 0; p < full.edges_.size(); ++p) {
            if (!removed_edges_.index(p)) continue;
            Edge& ed = full.edges_[p];
            ed.source = *removed_nodes_.index(ed.source);
            ed.target = *removed_nodes_.index(ed.target);
            self->edges_.push_back(std::move(ed));
        }
        // The base's indexes, renumbered: folding every name again would cost more than the
        // load itself.
        auto renumber = [&](auto& postings) {
            for (auto it = postings.begin(); it != postings.end();) {
                std::size_t kept = 0;
                for (NodeIndex p : it->second)
                    if (auto n = removed_nodes_.index(p)) it->second[kept++] = *n;
                it->second.resize(kept);
                it = kept ? std::next(it) : postings.erase(it);
            }
        };
        renumber(full.by_label_);
        renumber(full.by_name_);
        for (auto it = full.by_id_.begin(); it != full.by_id_.end();) {
            auto n = removed_nodes_.index(it->second);
            if (n) it->second = *n;
            it = n ? std::next(it) : full.by_id_.erase(it);
        }
        self->by_id_ = std::move(full.by_id_);
        self->by_label_ = std::move(full.by_label_);
        self->by_name_ = std::move(full.by_name_);
        full = PropertyGraph();
        self->node_revision_ = next_revision();
        self->out_.assign(self->nodes_.size(), {});
        self->in_.assign(self->nodes_.size(), {});
        std::vector<Edge> kept_edges = std::move(self->edges_);
        self->edges_.clear();
        self->add_edges(std::move(kept_edges));  // lists sized exactly, as a fresh load's
    }
    self->by_type_.clear();
    if (lazy_.handed_) {  // readers may hold references into the replaced entities
        self->lazy_.handed_->replaced_nodes = std::move(self->replaced_nodes_);
        self->lazy_.handed_->replaced_edges = std::move(self->replaced_edges_);
    }
    self->replaced_nodes_.clear();
    self->replaced_edges_.clear();
    for (Node& node : appended_nodes) {
        auto n = static_cast<NodeIndex>(self->nodes_.size());
        self->nodes_.push_back(std::move(node));
        self->out_.emplace_back();
        self->in_.emplace_back();
        self->index_node(n);
    }
    if (!appended_edges.empty()) self->add_edges(std::move(appended_edges));
    // Other readers wait on the lock until everything is in place. The node revision stays:
    // the content it names has not changed. The base and its counts stay: readers of ids and
    // edge ends below them read it without the lock.
    self->lazy_.pending_.store(false, std::memory_order_release);
}

std::size_t PropertyGraph::lazy_count(bool nodes) const {
    std::lock_guard<std::mutex> hold(lazy_.mutex_);
    if (!lazy_.pending_.load(std::memory_order_relaxed))
        return nodes ? nodes_.size() : edges_.size();
    if (nodes) return live_base_nodes() + nodes_.size();
    return live_base_edges() + edges_.size();
}

std::string PropertyGraph::node_id(NodeIndex n) const {
    if (lazy_.pending()) {
        // The base and the removals change only under an edit, never beside a reader.
        if (n < live_base_nodes()) return lazy_.base_->node_id(removed_nodes_.position(n));
        std::lock_guard<std::mutex> hold(lazy_.mutex_);
        if (lazy_.pending_.load(std::memory_order_relaxed)) {
            if (n < live_base_nodes()) return lazy_.base_->node_id(removed_nodes_.position(n));
            return nodes_.at(n - live_base_nodes()).id;
        }
    }
    return nodes_.at(n).id;
}

EdgeEnds PropertyGraph::edge_ends(EdgeIndex e) const {
    if (lazy_.pending()) {
        if (e < live_base_edges()) return base_ends(removed_edges_.position(e));
        std::lock_guard<std::mutex> hold(lazy_.mutex_);
        if (lazy_.pending_.load(std::memory_order_relaxed)) {
            if (e < live_base_edges()) return base_ends(removed_edges_.position(e));
            const Edge& ed = edges_.at(e - live_base_edges());
            return {ed.source, ed.target, ed.type};
        }
    }
    const Edge& ed = edges_.at(e);
    return {ed.source, ed.target, ed.type};
}

std::uint32_t PropertyGraph::parallel_rank(EdgeIndex e) const {
    if (lazy_.pending()) {
        std::lock_guard<std::mutex> hold(lazy_.mutex_);
        if (lazy_.pending_.load(std::memory_order_relaxed)) {
            const std::size_t live = live_base_edges();
            auto ends_of = [&](EdgeIndex x) -> EdgeEnds {
                if (x < live) return base_ends(removed_edges_.position(x));
                const Edge& ed = edges_.at(x - live);
                return {ed.source, ed.target, ed.type};
            };
            const EdgeEnds me = ends_of(e);
            auto same = [&](const EdgeEnds& o) {
                return o.source == me.source && o.target == me.target && o.type == me.type;
            };
            std::uint32_t rank = 0;
            if (me.source < live_base_nodes())
                for (EdgeIndex p : lazy_.base_->source_run(removed_nodes_.position(me.source))) {
                    auto other = removed_edges_.index(p);
                    if (!other) continue;
                    if (*other >= e) break;
                    rank += same(base_ends(p));
                }
            for (auto x = static_cast<EdgeIndex>(live); x < e; ++x) rank += same(ends_of(x));
            return rank;
        }
    }
    const Edge& ed = edges_.at(e);
    std::uint32_t rank = 0;
    for (EdgeIndex other : out_[ed.source]) {
        if (other >= e) break;
        const Edge& o = edges_[other];
        rank += o.source == ed.source && o.target == ed.target && o.type == ed.type;
    }
    return rank;
}

namespace {
// Past this many decoded entities (nodes and edges together) of a base, loading it whole is the
// cheaper way on. One budget for both: listing every node of a graph with ten times more edges
// (a community table) costs a tenth of loading it.
bool within_decode_limit(std::size_t decoded, std::size_t base) {
    return decoded < base / 4 + 1024;
}
}  // namespace

const Node& PropertyGraph::lazy_node(NodeIndex n) const {
    {
        std::lock_guard<std::mutex> hold(lazy_.mutex_);
        if (!lazy_.pending_.load(std::memory_order_relaxed)) return nodes_.at(n);
        auto* self = const_cast<PropertyGraph*>(this);
        if (!lazy_.handed_) self->lazy_.handed_ = std::make_unique<LazyPart::Handed>();
        LazyPart::Handed& h = *self->lazy_.handed_;
        if (n >= live_base_nodes()) {
            h.appended_handed = true;
            return nodes_.at(n - live_base_nodes());
        }
        const std::uint32_t p = removed_nodes_.position(n);
        if (auto r = replaced_nodes_.find(p); r != replaced_nodes_.end()) return r->second;
        auto it = h.nodes.find(p);
        if (it != h.nodes.end()) return *it->second;
        if (within_decode_limit(h.nodes.size() + h.edges.size(), base_nodes_ + base_edges_))
            return *h.nodes.emplace(p, std::make_unique<Node>(lazy_.base_->node(p))).first->second;
    }
    materialise();
    return nodes_.at(n);
}

const Edge& PropertyGraph::lazy_edge(EdgeIndex e) const {
    {
        std::lock_guard<std::mutex> hold(lazy_.mutex_);
        if (!lazy_.pending_.load(std::memory_order_relaxed)) return edges_.at(e);
        auto* self = const_cast<PropertyGraph*>(this);
        if (!lazy_.handed_) self->lazy_.handed_ = std::make_unique<LazyPart::Handed>();
        LazyPart::Handed& h = *self->lazy_.handed_;
        if (e >= live_base_edges()) {
            h.appended_handed = true;
            return edges_.at(e - live_base_edges());
        }
        const std::uint32_t p = removed_edges_.position(e);
        if (auto r = replaced_edges_.find(p); r != replaced_edges_.end()) return r->second;
        auto it = h.edges.find(p);
        if (it != h.edges.end()) return *it->second;
        if (within_decode_limit(h.nodes.size() + h.edges.size(), base_nodes_ + base_edges_)) {
            auto decoded = std::make_unique<Edge>(lazy_.base_->edge(p));
            if (!removed_nodes_.at.empty()) {  // its ends as indices now
                decoded->source = *removed_nodes_.index(decoded->source);
                decoded->target = *removed_nodes_.index(decoded->target);
            }
            return *h.edges.emplace(p, std::move(decoded)).first->second;
        }
    }
    materialise();
    return edges_.at(e);
}

namespace {
// Whether a node is on the posting list of `key`: a folded name (names) or a label.
bool posted(const Node& node, bool names, const std::string& key) {
    if (!names) return node.has_label(key);
    auto same = [&](const std::string& x) { return !x.empty() && fold_name(x) == key; };
    return same(node.names.ar) || same(node.names.en) ||
           std::any_of(node.names.aliases.begin(), node.names.aliases.end(), same);
}
}  // namespace

// find_name (names) or nodes_with_label (labels) of a lazy graph: the base's postings, corrected
// for the replaced base nodes, then the appended nodes that carry the name or label, as
// index_node would list them. Kept until the base loads, and kept right by repost_lazy.
const std::vector<NodeIndex>& PropertyGraph::lazy_postings(bool names, std::string_view key) const {
    std::string folded = names ? fold_name(key) : std::string(key);
    std::lock_guard<std::mutex> hold(lazy_.mutex_);
    if (!lazy_.pending_.load(std::memory_order_relaxed)) {  // another reader loaded it
        if (names) {
            auto it = by_name_.find(folded);
            return it == by_name_.end() ? kNoNodes : it->second;
        }
        auto it = by_label_.find(folded);
        return it == by_label_.end() ? kNoNodes : it->second;
    }
    auto* self = const_cast<PropertyGraph*>(this);
    if (!lazy_.handed_) self->lazy_.handed_ = std::make_unique<LazyPart::Handed>();
    auto& cache = names ? self->lazy_.handed_->names : self->lazy_.handed_->labels;
    auto it = cache.find(folded);
    if (it != cache.end()) return *it->second;
    std::vector<NodeIndex> list;
    for (NodeIndex p : names ? lazy_.base_->find_name(key) : lazy_.base_->nodes_with_label(key))
        if (auto n = removed_nodes_.index(p)) list.push_back(*n);
    for (const auto& [p, node] : replaced_nodes_) {  // never a removed position
        NodeIndex n = *removed_nodes_.index(p);
        if (posted(node, names, folded))
            insert_sorted(list, n);
        else
            erase_sorted(list, n);
    }
    for (std::size_t i = 0; i < nodes_.size(); ++i)
        if (posted(nodes_[i], names, folded))
            list.push_back(static_cast<NodeIndex>(live_base_nodes() + i));
    return *cache
                .emplace(std::move(folded),
                         std::make_unique<std::vector<NodeIndex>>(std::move(list)))
                .first->second;
}

// Under the lock: the posting lists readers were handed follow node n's new content, as an
// eager graph's indexes do.
void PropertyGraph::repost_lazy(NodeIndex n, const Node& node) {
    if (!lazy_.handed_) return;
    for (bool names : {true, false})
        for (auto& [key, list] : names ? lazy_.handed_->names : lazy_.handed_->labels) {
            if (posted(node, names, key))
                insert_sorted(*list, n);
            else
                erase_sorted(*list, n);
        }
}

// replace_node on a lazy graph, without loading it; false when it must load first (a base
// node renamed: the base's id index would still find it by its old id).
bool PropertyGraph::lazy_replace_node(NodeIndex n, Node& node) {
    std::lock_guard<std::mutex> hold(lazy_.mutex_);
    if (!lazy_.pending_.load(std::memory_order_relaxed)) return false;
    const std::size_t live = live_base_nodes();
    LIAISON_ASSERT(n < live + nodes_.size());
    const bool in_base = n < live;
    const std::uint32_t p = in_base ? removed_nodes_.position(n) : 0;
    const std::string old_id = in_base ? lazy_.base_->node_id(p) : nodes_[n - live].id;
    if (node.id != old_id) {
        if (in_base) return false;
        auto there = lazy_.base_->find_id(node.id);
        if (!is_node_id(node.id) || (there && removed_nodes_.index(*there)) ||
            by_id_.count(node.id))
            throw ArgumentError(fmt::format("cannot rename node to '{}'", node.id));
        by_id_.erase(old_id);
        by_id_.emplace(node.id, n);
    }
    repost_lazy(n, node);
    node_revision_ = next_revision();
    if (!in_base) {
        nodes_[n - live] = std::move(node);
        return true;
    }
    Node& kept = replaced_nodes_[p];
    kept = std::move(node);
    // A reference handed out before (the base's decoded node) sees the change, as in an eager
    // graph.
    if (lazy_.handed_)
        if (auto it = lazy_.handed_->nodes.find(p); it != lazy_.handed_->nodes.end())
            *it->second = kept;
    return true;
}

// replace_edge on a lazy graph, without loading it; false when a base edge would move to other
// ends or another type (the base's adjacency would still list it where it was).
bool PropertyGraph::lazy_replace_edge(EdgeIndex e, Edge& edge) {
    std::lock_guard<std::mutex> hold(lazy_.mutex_);
    if (!lazy_.pending_.load(std::memory_order_relaxed)) return false;
    const std::size_t live = live_base_edges();
    LIAISON_ASSERT(e < live + edges_.size());
    const std::size_t nodes = live_base_nodes() + nodes_.size();
    if (edge.source >= nodes || edge.target >= nodes || edge.type >= relations_.size())
        throw ArgumentError("edge endpoint or type out of range");
    if (e >= live) {  // the lazy accessors read an appended edge's ends from its content
        edges_[e - live] = std::move(edge);
        return true;
    }
    const std::uint32_t p = removed_edges_.position(e);
    const EdgeEnds was = base_ends(p);
    if (was.source != edge.source || was.target != edge.target || was.type != edge.type)
        return false;
    Edge& kept = replaced_edges_[p];
    kept = std::move(edge);
    if (lazy_.handed_)
        if (auto it = lazy_.handed_->edges.find(p); it != lazy_.handed_->edges.end())
            *it->second = kept;
    return true;
}

// remove_edge on a lazy graph: a base edge's position joins the removed ones, an appended edge
// leaves the appended part; later edges move down by one either way.
bool PropertyGraph::lazy_remove_edge(EdgeIndex e) {
    std::lock_guard<std::mutex> hold(lazy_.mutex_);
    if (!lazy_.pending_.load(std::memory_order_relaxed)) return false;
    const std::size_t live = live_base_edges();
    LIAISON_ASSERT(e < live + edges_.size());
    if (e >= live) {
        edges_.erase(edges_.begin() + static_cast<std::ptrdiff_t>(e - live));
    } else {
        const std::uint32_t p = removed_edges_.position(e);
        removed_edges_.add(p);
        replaced_edges_.erase(p);
    }
    node_revision_ = next_revision();  // as rebuild_indexes does for an eager graph
    return true;
}

// remove_node on a lazy graph: its edges go first (the base's runs of its position and the
// appended edges at it), then the node; every index above it moves down by one, in the
// appended and replaced content, the id index and the posting lists handed out.
bool PropertyGraph::lazy_remove_node(NodeIndex n) {
    std::lock_guard<std::mutex> hold(lazy_.mutex_);
    if (!lazy_.pending_.load(std::memory_order_relaxed)) return false;
    const std::size_t live = live_base_nodes();
    LIAISON_ASSERT(n < live + nodes_.size());
    auto at_n = [n](const Edge& ed) { return ed.source == n || ed.target == n; };
    edges_.erase(std::remove_if(edges_.begin(), edges_.end(), at_n), edges_.end());
    if (n < live) {
        const std::uint32_t p = removed_nodes_.position(n);
        for (const auto& run : {lazy_.base_->source_run(p), lazy_.base_->target_run(p)})
            for (EdgeIndex e : run) {
                removed_edges_.add(e);
                replaced_edges_.erase(e);
            }
        removed_nodes_.add(p);
        replaced_nodes_.erase(p);
    } else {
        by_id_.erase(nodes_[n - live].id);
        nodes_.erase(nodes_.begin() + static_cast<std::ptrdiff_t>(n - live));
    }
    auto down = [n](NodeIndex& x) {
        if (x > n) --x;
    };
    auto ends_down = [&](Edge& ed) {
        down(ed.source);
        down(ed.target);
    };
    for (Edge& ed : edges_) ends_down(ed);
    for (auto& [p, ed] : replaced_edges_) ends_down(ed);
    for (auto& [key, x] : by_id_) down(x);
    if (lazy_.handed_) {
        for (auto& [p, ed] : lazy_.handed_->edges) ends_down(*ed);
        for (auto* cache : {&lazy_.handed_->names, &lazy_.handed_->labels})
            for (auto& [key, list] : *cache) {
                erase_sorted(*list, n);
                for (NodeIndex& x : *list) down(x);
            }
    }
    node_revision_ = next_revision();
    return true;
}

const std::vector<EdgeIndex>& PropertyGraph::incident_edges(NodeIndex n, Direction dir,
                                                            std::vector<EdgeIndex>& scratch) const {
    if (lazy_.pending()) {
        std::lock_guard<std::mutex> hold(lazy_.mutex_);
        if (lazy_.pending_.load(std::memory_order_relaxed)) {
            // Out: n's own edges (its source run) and the symmetric edges that end at n (not
            // self-loops); In: the converse. Base edges come before appended ones.
            const bool out = dir != Direction::In;
            const GraphBase& base = *lazy_.base_;
            bool any_symmetric = false;
            for (RelationId t = 0; t < relations_.size(); ++t)
                any_symmetric = any_symmetric || relations_.get(t).symmetric;
            scratch.clear();
            if (n < live_base_nodes()) {
                const std::uint32_t p = removed_nodes_.position(n);
                scratch = out ? base.source_run(p) : base.target_run(p);
                if (any_symmetric) {
                    std::vector<EdgeIndex> other = out ? base.target_run(p) : base.source_run(p);
                    std::size_t own = scratch.size();
                    for (EdgeIndex e : other) {
                        EdgeEnds ends = base.edge_ends(e);
                        if (ends.source != ends.target && relations_.get(ends.type).symmetric)
                            scratch.push_back(e);
                    }
                    std::inplace_merge(scratch.begin(),
                                       scratch.begin() + static_cast<std::ptrdiff_t>(own),
                                       scratch.end());
                }
                if (!removed_edges_.at.empty()) {  // positions to indices, the removed left out
                    std::size_t kept = 0;
                    for (EdgeIndex e : scratch)
                        if (auto i = removed_edges_.index(e)) scratch[kept++] = *i;
                    scratch.resize(kept);
                }
            }
            const std::size_t live = live_base_edges();
            for (std::size_t i = 0; i < edges_.size(); ++i) {
                const Edge& ed = edges_[i];
                NodeIndex mine = out ? ed.source : ed.target, theirs = out ? ed.target : ed.source;
                if (mine == n ||
                    (theirs == n && ed.source != ed.target && relations_.get(ed.type).symmetric))
                    scratch.push_back(static_cast<EdgeIndex>(live + i));
            }
            return scratch;
        }
    }
    return dir == Direction::In ? in_[n] : out_[n];
}

bool PropertyGraph::node_property_used(std::string_view key) const {
    if (lazy_.pending()) {
        std::lock_guard<std::mutex> hold(lazy_.mutex_);
        if (lazy_.pending_.load(std::memory_order_relaxed)) {
            // The base may still count a replaced node's old content: a "used" answer errs
            // on the safe side (the planner then reads the property instead of an index).
            for (const Node& node : nodes_)
                if (node.properties.contains(key)) return true;
            for (const auto& [n, node] : replaced_nodes_)
                if (node.properties.contains(key)) return true;
            return lazy_.base_->node_property_used(key);
        }
    }
    for (const Node& node : nodes_)
        if (node.properties.contains(key)) return true;
    return false;
}

}  // namespace liaison
