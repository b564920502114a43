#pragma once
// The operations a write transaction records, one JSON object each in the journal. They name
// nodes by their stable id and edges by (source id, relation, target id, ordinal), never by
// index, because indices shift when something is removed.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/model/property_graph.hpp"

namespace liaison::store {

// An edge as the journal names it: its endpoints' ids, its relation, and its position among the
// edges with the same (source, relation, target) in edge-index order (0 for the first).
struct EdgeRef {
    std::string source;
    std::string relation;
    std::string target;
    std::uint32_t ordinal = 0;
    std::string to_string() const;  // "a -[MET_WITH]-> b" plus " #2" when ordinal > 0
};

// An edge's content with its endpoints and type by name, independent of any graph's indices.
struct EdgeData {
    std::string id;
    std::string source;
    std::string relation;
    std::string target;
    Properties properties;
    TimeSpan time;
    Sources sources;
};

enum class OpKind {
    AddNode,          // node: a new node
    PutNode,          // node: replaces the node with node.id
    RemoveNode,       // id: removes the node and every edge at it
    AddEdge,          // edge
    PutEdge,          // ref → edge
    RemoveEdge,       // ref
    PutDocument,      // document: adds or replaces
    RemoveDocument,   // id: fails while a source cites it
    DeclareRelation,  // relation
    SetGraphInfo,     // id, label: the graph's own id and label
    CreateIndex,      // index: a new property index definition
    DropIndex,        // id: the name of the index to remove
};

struct Op {
    OpKind kind = OpKind::AddNode;
    Node node;
    EdgeData edge;
    EdgeRef ref;
    Document document;
    RelationType relation;
    std::string id;
    std::string label;
    IndexDefinition index;
};

EdgeRef edge_ref(const PropertyGraph& g, EdgeIndex e);
// The edges with a reference's ends and type, in the order its ordinal counts them; read
// without loading a lazy graph.
std::vector<EdgeIndex> parallel_edges(const PropertyGraph& g, const EdgeRef& ref);
// The edge a reference names; throws LookupError when there is none.
EdgeIndex resolve(const PropertyGraph& g, const EdgeRef& ref);
EdgeData edge_data(const PropertyGraph& g, const Edge& e);
// The edge in g's indices; throws LookupError for an unknown endpoint, ArgumentError for an
// undeclared relation type.
Edge to_edge(const PropertyGraph& g, const EdgeData& d);

// Checks that `op` keeps g a network the native reader accepts, then applies it. On an error
// (ArgumentError for invalid content, LookupError for a missing node or edge) g is unchanged.
void apply(PropertyGraph& g, const Op& op);
// apply for an operation read back from a journal: the same lookups and errors, its content
// held to the native format's rules directly instead of by a round trip through its JSON (which
// it passed when it was committed), so replay costs O(operation).
void apply_replayed(PropertyGraph& g, const Op& op);

// Whether replaying `ops` over a lazily read base loads the base whole: an edge moved to other
// ends or another type (a graph over a mapped base keeps additions, edits in place and
// removals beside it, not moves).
bool loads_base(const std::vector<Op>& ops);

// The JSON text of a list of operations (one line, no raw newlines), and back. decode_ops throws
// InputError (with `name`) on anything that is not a well-formed operation list.
std::string encode_ops(const std::vector<Op>& ops);
std::vector<Op> decode_ops(std::string_view json, const std::string& name);
// One property value in the same JSON encoding; throws InputError.
Value decode_value(std::string_view json, const std::string& name);

}  // namespace liaison::store
