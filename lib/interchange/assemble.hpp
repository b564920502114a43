#pragma once
// Builds a PropertyGraph from elements as import formats give them (ids as written, flat
// attributes), reporting every bad element to a ProblemLog with its position.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "interchange/flat.hpp"
#include "liaison/interchange/error.hpp"
#include "liaison/model/property_graph.hpp"

namespace liaison {

struct ImportedNode {
    std::string id;  // as the file writes it; not necessarily a slug
    TextPosition where;
    flat::Record attributes;  // flat keys (flat.hpp) or a foreign tool's own ("label", "name")
};

struct ImportedEdge {
    std::string id;  // optional
    std::string source, target;
    TextPosition where;
    flat::Record attributes;  // "type" (or "relation"/"label"), "symmetric", time, sources, …
};

// Rules applied to foreign input:
// - an id that is not a slug becomes one (lower-cased, other characters → "-"; "n-K" when
//   nothing is left); the original is kept as property `original_id`, and a note says so;
// - a node without labels gets "Entity"; a node without names takes its original id as its
//   English (or, in Arabic script, Arabic) name; a "label" or "name" attribute names it (a node
//   with a "labels" attribute, even empty, as liaison exports them, is kept as it is);
// - an edge without a type is "LINKED_TO"; an unknown type is declared symmetric when the edge
//   says so ("symmetric") or the input graph is undirected, directed otherwise;
// - a source citing an unknown document declares it (id only), and a note says so.
class GraphAssembler {
public:
    explicit GraphAssembler(ProblemLog& log) : log_(log) {}
    // Whether the input graph is directed (decides how unknown relation types are declared).
    void set_directed(bool directed) { directed_ = directed; }
    // Edges naming a node never declared create it (edge lists, DOT); otherwise a problem.
    void set_create_missing_nodes(bool create) { create_missing_ = create; }
    // For graph id, label, documents and relations declared before the elements.
    PropertyGraph& graph() { return g_; }

    void add_node(ImportedNode node);
    void add_edge(ImportedEdge edge);
    // Builds the graph; throws ImportError (through the log) when anything was bad.
    PropertyGraph finish();
    const std::vector<std::string>& notes() const { return notes_; }
    // Each node added so far, by the id its file gave (csv_fast.cpp resolves endpoints itself).
    const std::map<std::string, NodeIndex>& nodes_by_original() const { return by_original_; }
    // Whether an edge without a "symmetric" attribute of an unknown type is declared directed.
    bool directed() const { return directed_; }

private:
    std::optional<NodeIndex> endpoint(const std::string& id, const TextPosition& where);
    std::string slug_for(const std::string& original);
    void declare_documents(const Sources& sources);

    ProblemLog& log_;
    bool directed_ = true;
    bool create_missing_ = false;
    PropertyGraph g_;
    std::map<std::string, NodeIndex> by_original_;
    std::vector<ImportedEdge> edges_;
    std::vector<std::string> notes_;
    std::size_t renamed_ = 0;
};

// Turns free text into a node-id slug ("Vienna, Austria" → "vienna-austria"); empty when no
// ASCII letter or digit is left.
std::string slugify(std::string_view text);

}  // namespace liaison
