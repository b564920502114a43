#pragma once
/// @file
/// The in-memory property graph at the centre of liaison (docs/model.md).
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "liaison/core/compact_string.hpp"
#include "liaison/core/date.hpp"
#include "liaison/core/thin_vector.hpp"
#include "liaison/core/value.hpp"
#include "liaison/model/index_definition.hpp"
#include "liaison/model/relations.hpp"

namespace liaison {

// Dense indices into a graph. They are positions, not identities: removing a node or an edge
// renumbers those after it. Stable identities are Node::id (and Edge::id where given).
using NodeIndex = std::uint32_t;
using EdgeIndex = std::uint32_t;
inline constexpr std::uint32_t kNoIndex = UINT32_MAX;

struct Names {
    std::string ar;
    std::string en;
    std::vector<std::string> aliases;
    // "English / Arabic" or whichever exists; falls back to the id in callers.
    std::string display() const;
};

struct Source {
    Source() = default;
    // A constructor rather than aggregate initialisation, so that {document, quote} stays
    // complete (no missing-initializer warning) now that offsets follow.
    Source(std::string doc, std::string words, std::optional<std::int64_t> from = {},
           std::optional<std::int64_t> to = {})
        : document(std::move(doc)), quote(std::move(words)), start(from), end(to) {}
    std::string document;  // a document id of the graph
    std::string quote;     // exact words of the document supporting the fact
    // Where the quote stands in the document's text, in Unicode code points (end exclusive);
    // set by the extractor so that a reviewer can find the words again.
    std::optional<std::int64_t> start{};
    std::optional<std::int64_t> end{};
    bool operator==(const Source&) const = default;
};

// A node's or edge's sources: one pointer wide, since most edges have none.
using Sources = ThinVector<Source>;

// When a fact holds: a single (partial) date, or a start and/or an end.
struct TimeSpan {
    std::optional<Date> date;
    std::optional<Date> start;
    std::optional<Date> end;
    bool empty() const { return !date && !start && !end; }
    // First and last day covered; open ends are unbounded (INT64_MIN / INT64_MAX).
    std::int64_t first_day() const;
    std::int64_t last_day() const;
    std::string to_string() const;  // "2025-11-24" or "2025-11-24 .. 2025-11-27"
    bool operator==(const TimeSpan&) const = default;
};

struct Node {
    std::string id;                   // ASCII slug, unique
    std::vector<std::string> labels;  // Person, Agency, Organization, Country, City, Event, …
    Names names;
    Properties properties;
    TimeSpan time;
    Sources sources;
    bool has_label(std::string_view label) const;
    std::string display_name() const;  // names.display(), or the id
};

// 56 bytes (was 120): a loaded graph holds millions. The members are ordered so that the small
// ones fill the words between the pointers, the type the 4 bytes after the properties' size.
struct Edge {
    CompactString id;  // optional
    [[no_unique_address]] Properties properties;
    RelationId type = 0;
    TimeSpan time;
    NodeIndex source = kNoIndex;
    NodeIndex target = kNoIndex;
    Sources sources;
};

struct Document {
    std::string id;
    std::string title;
    std::string outlet;
    std::optional<Date> date;
    std::string file;
    std::string language;
    std::string url;
    bool operator==(const Document&) const = default;
};

enum class Direction { Out, In, Both };

// An edge's endpoints and relation, without its content.
struct EdgeEnds {
    NodeIndex source = kNoIndex, target = kNoIndex;
    RelationId type = 0;
};

class PropertyGraph;

// A stored graph (the binary store's mapped base image) that a PropertyGraph reads on demand:
// counts, ids, edge ends, adjacency, names, labels and single nodes and edges are answered from
// its own columns and indexes; whole-graph accessors load it all (docs/storage-engine.md §0).
class GraphBase {
public:
    virtual ~GraphBase() = default;
    virtual std::size_t node_count() const = 0;
    virtual std::size_t edge_count() const = 0;
    virtual std::string node_id(NodeIndex n) const = 0;
    virtual std::optional<NodeIndex> find_id(std::string_view id) const = 0;
    // Relation ids are those of the graph the base was attached to.
    virtual EdgeEnds edge_ends(EdgeIndex e) const = 0;
    // Edges whose source is n, ascending; edges whose target is n, ascending.
    virtual std::vector<EdgeIndex> source_run(NodeIndex n) const = 0;
    virtual std::vector<EdgeIndex> target_run(NodeIndex n) const = 0;
    // One node or edge, as load() would hold it.
    virtual Node node(NodeIndex n) const = 0;
    virtual Edge edge(EdgeIndex e) const = 0;
    // Nodes whose folded name or alias equals the folded query, ascending; nodes of a label.
    virtual std::vector<NodeIndex> find_name(std::string_view name) const = 0;
    virtual std::vector<NodeIndex> nodes_with_label(std::string_view label) const = 0;
    // Whether some node stores a property `key`.
    virtual bool node_property_used(std::string_view key) const = 0;
    // The whole stored graph, as an eager PropertyGraph whose relation ids are those of the
    // graph it is attached to (declared in the same order).
    virtual PropertyGraph load() const = 0;
    // The stored documents, for a graph that deferred them (defer_documents).
    virtual void read_documents(std::map<std::string, Document, std::less<>>& into) const = 0;
};

class PropertyGraph {
public:
    // Graph-level attributes of the file.
    std::string graph_id;
    std::string graph_label;
    // Property index definitions (CREATE INDEX), sorted by name; see index_definition.hpp.
    std::vector<IndexDefinition> indexes;

    // --- building and editing -------------------------------------------------------------
    // Throws ArgumentError on a duplicate or malformed id.
    NodeIndex add_node(Node node);
    // Throws ArgumentError when an endpoint is out of range.
    EdgeIndex add_edge(Edge edge);
    // Appends many edges at once, as add_edge would one by one (same indices and lists), but
    // sizes each adjacency list exactly: a reader's bulk load, without regrowth slack.
    void add_edges(std::vector<Edge> edges);
    // Room for this many nodes in total, so a bulk load does not rehash or regrow.
    void reserve_nodes(std::size_t count);
    // Replaces a node's content, keeping its index; reindexes names and labels.
    void replace_node(NodeIndex n, Node node);
    void replace_edge(EdgeIndex e, Edge edge);
    // Removes a node and every incident edge; renumbers later indices.
    void remove_node(NodeIndex n);
    void remove_edge(EdgeIndex e);
    // A lazy graph keeps these four edits beside its base (replaced content, removed positions)
    // and costs O(change) for them, not a load; only renaming a base node, or moving a base
    // edge to other ends or another type, loads it first.

    RelationRegistry& relations() { return relations_; }
    const RelationRegistry& relations() const { return relations_; }
    // The relation id for a name, declaring it (directed) when unknown.
    RelationId relation(std::string_view name);

    // A graph over a base may read its documents on first use (defer_documents).
    std::map<std::string, Document, std::less<>>& documents() {
        if (lazy_.documents_pending()) load_documents();
        return documents_;
    }
    const std::map<std::string, Document, std::less<>>& documents() const {
        if (lazy_.documents_pending()) load_documents();
        return documents_;
    }

    // A graph over a stored base: the base's nodes and edges come first (indices 0..), content
    // is loaded on first access, appended nodes and edges wait beside it until then. Replaces
    // nodes and edges; keeps the registry, documents and graph attributes (the caller sets
    // them from the base, declaring relations in the base's order).
    void attach_base(std::shared_ptr<const GraphBase> base);
    // The documents are the base's, read from it on first use of documents(): a database of
    // millions of event reports opens without reading them (the graph must hold none yet).
    void defer_documents(std::shared_ptr<const GraphBase> base);
    // Whether the base's content is still waiting to be loaded.
    bool lazy() const { return lazy_.pending(); }
    // Loads the base now (what any content accessor does on first use). Safe from any thread.
    void materialise() const {
        if (lazy_.pending()) load_base();
    }

    // --- reading ---------------------------------------------------------------------------
    std::size_t node_count() const { return lazy_.pending() ? lazy_count(true) : nodes_.size(); }
    std::size_t edge_count() const { return lazy_.pending() ? lazy_count(false) : edges_.size(); }
    // Changes whenever a node is added, replaced or removed, and is unique across graphs (one
    // global counter), so (address, node_revision) identifies the nodes' content for caches.
    std::uint64_t node_revision() const { return node_revision_; }
    // A lazy graph decodes a node or edge of its base on first access and keeps it (the
    // reference stays valid for the graph's life); past a quarter of the base it loads it all.
    const Node& node(NodeIndex n) const {
        if (lazy_.pending()) return lazy_node(n);
        return nodes_[n];
    }
    const Edge& edge(EdgeIndex e) const {
        if (lazy_.pending()) return lazy_edge(e);
        return edges_[e];
    }
    const std::vector<Node>& nodes() const {
        materialise();
        return nodes_;
    }
    const std::vector<Edge>& edges() const {
        materialise();
        return edges_;
    }
    // Served without loading a lazy graph's content: a node's id, an edge's ends, and how many
    // edges before e have its source, target and type (its ordinal among parallel edges).
    std::string node_id(NodeIndex n) const;
    EdgeEnds edge_ends(EdgeIndex e) const;
    std::uint32_t parallel_rank(EdgeIndex e) const;
    const std::string& type_name(const Edge& e) const { return relations_.get(e.type).name; }
    bool is_symmetric(const Edge& e) const { return relations_.get(e.type).symmetric; }

    std::optional<NodeIndex> find_id(std::string_view id) const;
    // Whether some node stores a property `key` (not a name: a stored property).
    bool node_property_used(std::string_view key) const;
    // Nodes carrying a label, in index order (empty when none).
    const std::vector<NodeIndex>& nodes_with_label(std::string_view label) const;
    std::vector<std::string> labels() const;  // every label in use, sorted
    // Edges of a type, in index order.
    const std::vector<EdgeIndex>& edges_of_type(RelationId type) const;
    const std::vector<EdgeIndex>& edges_of_type(std::string_view type) const;

    // Nodes whose folded name or alias equals the folded query (see fold_name).
    const std::vector<NodeIndex>& find_name(std::string_view name) const;

    // Edges leaving n (n is the source; or either end of a symmetric edge), entering n (n is the
    // target; or either end of a symmetric edge). Both lists in edge-index order.
    const std::vector<EdgeIndex>& out_edges(NodeIndex n) const {
        materialise();
        return out_[n];
    }
    const std::vector<EdgeIndex>& in_edges(NodeIndex n) const {
        materialise();
        return in_[n];
    }
    // out_edges(n) (dir Out or Both) or in_edges(n) (dir In) without loading a lazy graph: the
    // list is then built in `scratch` from the base's runs and the appended edges.
    const std::vector<EdgeIndex>& incident_edges(NodeIndex n, Direction dir,
                                                 std::vector<EdgeIndex>& scratch) const;
    // Visits each edge incident to n once (a symmetric edge once, a self-loop once) with the
    // node at its other end.
    void for_each_incident(NodeIndex n, Direction dir,
                           const std::function<void(EdgeIndex, NodeIndex)>& visit) const;
    NodeIndex other_end(EdgeIndex e, NodeIndex n) const;

private:
    void index_node(NodeIndex n);
    void unindex_node(NodeIndex n);
    void index_edge(EdgeIndex e);
    void rebuild_indexes();
    void load_base() const;
    void load_documents() const;
    std::size_t lazy_count(bool nodes) const;
    const Node& lazy_node(NodeIndex n) const;
    const Edge& lazy_edge(EdgeIndex e) const;
    const std::vector<NodeIndex>& lazy_postings(bool names, std::string_view key) const;
    bool lazy_replace_node(NodeIndex n, Node& node);
    bool lazy_replace_edge(EdgeIndex e, Edge& edge);
    bool lazy_remove_node(NodeIndex n);
    bool lazy_remove_edge(EdgeIndex e);
    void repost_lazy(NodeIndex n, const Node& node);
    EdgeEnds base_ends(std::uint32_t position) const;  // a base edge's ends, as indices now
    std::size_t live_base_nodes() const { return base_nodes_ - removed_nodes_.at.size(); }
    std::size_t live_base_edges() const { return base_edges_ - removed_edges_.at.size(); }

    // The lazy part of a PropertyGraph: which base it still has to load, and the lock that makes
    // loading safe when several threads read the graph. A copy of a graph still waiting for its
    // base waits for the same base (sharing the mapping), with a lock of its own.
    struct LazyPart {
        LazyPart() = default;
        LazyPart(const LazyPart& o)
            : base_(o.pending() ? o.base_ : nullptr),
              documents_(o.documents_pending() ? o.documents_ : nullptr) {
            pending_.store(base_ != nullptr, std::memory_order_relaxed);
            documents_pending_.store(documents_ != nullptr, std::memory_order_relaxed);
        }
        LazyPart(LazyPart&& o) noexcept
            : base_(std::move(o.base_)),
              documents_(std::move(o.documents_)),
              handed_(std::move(o.handed_)) {
            pending_.store(base_ != nullptr && o.pending(), std::memory_order_relaxed);
            documents_pending_.store(documents_ != nullptr && o.documents_pending(),
                                     std::memory_order_relaxed);
            o.pending_.store(false, std::memory_order_relaxed);
            o.documents_pending_.store(false, std::memory_order_relaxed);
        }
        LazyPart& operator=(const LazyPart& o) {
            if (this != &o) {
                base_ = o.pending() ? o.base_ : nullptr;
                documents_ = o.documents_pending() ? o.documents_ : nullptr;
                pending_.store(base_ != nullptr, std::memory_order_relaxed);
                documents_pending_.store(documents_ != nullptr, std::memory_order_relaxed);
                handed_.reset();
            }
            return *this;
        }
        LazyPart& operator=(LazyPart&& o) noexcept {
            if (this != &o) {
                bool was = o.pending(), docs = o.documents_pending();
                base_ = std::move(o.base_);
                documents_ = std::move(o.documents_);
                handed_ = std::move(o.handed_);
                pending_.store(base_ != nullptr && was, std::memory_order_relaxed);
                documents_pending_.store(documents_ != nullptr && docs, std::memory_order_relaxed);
                o.pending_.store(false, std::memory_order_relaxed);
                o.documents_pending_.store(false, std::memory_order_relaxed);
            }
            return *this;
        }
        bool pending() const { return pending_.load(std::memory_order_acquire); }
        bool documents_pending() const {
            return documents_pending_.load(std::memory_order_acquire);
        }

        // What readers were handed while the base waited: entities decoded from it, posting
        // lists, and the appended part as it was when loading replaced it. Kept (never moved)
        // until the graph is attached to a base again, assigned or destroyed, so references
        // stay valid after loading.
        struct Handed {
            std::unordered_map<NodeIndex, std::unique_ptr<Node>> nodes;
            std::unordered_map<EdgeIndex, std::unique_ptr<Edge>> edges;
            std::map<std::string, std::unique_ptr<std::vector<NodeIndex>>, std::less<>> names,
                labels;
            std::vector<Node> appended_nodes;
            std::vector<Edge> appended_edges;
            bool appended_handed = false;  // a reference into the appended part was given out
            // The replaced base entities as loading found them (references may point there).
            std::unordered_map<std::uint32_t, Node> replaced_nodes;
            std::unordered_map<std::uint32_t, Edge> replaced_edges;
        };

        // The base stays set once loaded (readers without the lock may still be using it).
        std::shared_ptr<const GraphBase> base_;
        std::atomic<bool> pending_{false};
        // Where the documents wait (defer_documents), until documents() reads them.
        std::shared_ptr<const GraphBase> documents_;
        std::atomic<bool> documents_pending_{false};
        mutable std::mutex mutex_;
        std::unique_ptr<Handed> handed_;  // made on first use, under mutex_
    };

    // While lazy_ is pending, nodes_ and edges_ hold only what was appended after the base
    // (indices base_nodes_.. and base_edges_..), by_id_ only the appended nodes, and the other
    // indexes nothing; loading puts the base in front and builds every index.
    LazyPart lazy_;
    std::size_t base_nodes_ = 0, base_edges_ = 0;
    // While lazy_ is pending: the base positions removed (an index skips them: the k-th node
    // of the base still there is node k), and the new content of replaced base nodes and edges
    // by base position (an edge keeps its ends and type), read in place of the base's. Copied
    // with the graph; O(change).
    struct Removed {
        std::vector<std::uint32_t> at;  // sorted
        std::uint32_t position(std::uint32_t index) const;
        std::optional<std::uint32_t> index(std::uint32_t position) const;  // none if removed
        void add(std::uint32_t position);
    };
    Removed removed_nodes_, removed_edges_;
    std::unordered_map<std::uint32_t, Node> replaced_nodes_;
    std::unordered_map<std::uint32_t, Edge> replaced_edges_;

    std::vector<Node> nodes_;
    std::vector<Edge> edges_;
    std::vector<std::vector<EdgeIndex>> out_, in_;
    std::unordered_map<std::string, NodeIndex> by_id_;
    std::map<std::string, std::vector<NodeIndex>, std::less<>> by_label_;
    // Edges by type, built on first use of edges_of_type and kept up to date from then on: only
    // the type listing asks, and every other graph saves the 4 bytes per edge.
    struct TypeIndex {
        TypeIndex() = default;
        TypeIndex(const TypeIndex& o) { *this = o; }
        TypeIndex(TypeIndex&& o) noexcept : lists(std::move(o.lists)), built(o.built) { o.clear(); }
        TypeIndex& operator=(TypeIndex&& o) noexcept {
            if (this != &o) {
                lists = std::move(o.lists);
                built = o.built;
                o.clear();
            }
            return *this;
        }
        TypeIndex& operator=(const TypeIndex& o) {
            if (this != &o) {
                std::lock_guard<std::mutex> hold(o.mutex);
                lists = o.lists;
                built = o.built;
            }
            return *this;
        }
        void clear() {
            lists.clear();
            built = false;
        }
        mutable std::mutex mutex;
        std::vector<std::vector<EdgeIndex>> lists;
        bool built = false;
    };
    mutable TypeIndex by_type_;
    std::unordered_map<std::string, std::vector<NodeIndex>> by_name_;
    std::map<std::string, Document, std::less<>> documents_;
    RelationRegistry relations_;
    std::uint64_t node_revision_ = 0;
};

bool is_node_id(std::string_view id);  // ^[a-z0-9][a-z0-9._-]*$ (ASCII slug)

}  // namespace liaison
