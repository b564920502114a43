#pragma once
/// @file
/// The in-memory property graph at the centre of liaison (docs/model.md).
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "liaison/core/date.hpp"
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
    std::vector<Source> sources;
    bool has_label(std::string_view label) const;
    std::string display_name() const;  // names.display(), or the id
};

struct Edge {
    std::string id;  // optional
    RelationId type = 0;
    NodeIndex source = kNoIndex;
    NodeIndex target = kNoIndex;
    Properties properties;
    TimeSpan time;
    std::vector<Source> sources;
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

    RelationRegistry& relations() { return relations_; }
    const RelationRegistry& relations() const { return relations_; }
    // The relation id for a name, declaring it (directed) when unknown.
    RelationId relation(std::string_view name);

    std::map<std::string, Document, std::less<>>& documents() { return documents_; }
    const std::map<std::string, Document, std::less<>>& documents() const { return documents_; }

    // --- reading ---------------------------------------------------------------------------
    std::size_t node_count() const { return nodes_.size(); }
    std::size_t edge_count() const { return edges_.size(); }
    // Changes whenever a node is added, replaced or removed, and is unique across graphs (one
    // global counter), so (address, node_revision) identifies the nodes' content for caches.
    std::uint64_t node_revision() const { return node_revision_; }
    const Node& node(NodeIndex n) const { return nodes_[n]; }
    const Edge& edge(EdgeIndex e) const { return edges_[e]; }
    const std::vector<Node>& nodes() const { return nodes_; }
    const std::vector<Edge>& edges() const { return edges_; }
    const std::string& type_name(const Edge& e) const { return relations_.get(e.type).name; }
    bool is_symmetric(const Edge& e) const { return relations_.get(e.type).symmetric; }

    std::optional<NodeIndex> find_id(std::string_view id) const;
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
    const std::vector<EdgeIndex>& out_edges(NodeIndex n) const { return out_[n]; }
    const std::vector<EdgeIndex>& in_edges(NodeIndex n) const { return in_[n]; }
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

    std::vector<Node> nodes_;
    std::vector<Edge> edges_;
    std::vector<std::vector<EdgeIndex>> out_, in_;
    std::unordered_map<std::string, NodeIndex> by_id_;
    std::map<std::string, std::vector<NodeIndex>, std::less<>> by_label_;
    std::vector<std::vector<EdgeIndex>> by_type_;
    std::unordered_map<std::string, std::vector<NodeIndex>> by_name_;
    std::map<std::string, Document, std::less<>> documents_;
    RelationRegistry relations_;
    std::uint64_t node_revision_ = 0;
};

bool is_node_id(std::string_view id);  // ^[a-z0-9][a-z0-9._-]*$ (ASCII slug)

}  // namespace liaison
