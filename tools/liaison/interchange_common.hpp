#pragma once
// Helpers shared by import, export, merge and dedupe (header-only: the CLI's sources are the
// cmd_*.cpp files).
#include <fmt/format.h>

#include <filesystem>
#include <string>

#include "liaison/interchange/merge.hpp"
#include "liaison/store/database.hpp"

namespace liaison::cli {

// "graphs/net.json" → "net": how an input is named in merged_from.
inline std::string input_name(const std::string& path) {
    std::filesystem::path p(path);
    std::string stem = p.stem().string();
    if (std::filesystem::is_directory(p) || stem.empty()) stem = p.filename().string();
    return stem.empty() ? path : stem;
}

inline bool same_node(const Node& a, const Node& b) {
    return a.id == b.id && a.labels == b.labels && a.names.ar == b.names.ar &&
           a.names.en == b.names.en && a.names.aliases == b.names.aliases &&
           a.properties == b.properties && a.time == b.time && a.sources == b.sources;
}

inline bool same_edge(const Edge& a, const Edge& b) {
    return a.id == b.id && a.type == b.type && a.source == b.source && a.target == b.target &&
           a.properties == b.properties && a.time == b.time && a.sources == b.sources;
}

// Stages `after` in `tx` (which has no changes yet): relation types, documents, changed and new
// nodes, changed and new edges. `after` must be what merge_graphs made of tx.graph() itself (the
// graph with nodes and edges replaced in place or appended), inside the same Database::update:
// indices of a graph loaded earlier would name other entities once another writer has committed.
// Returns the number of operations.
inline std::size_t stage_merge(WriteTransaction& tx, const PropertyGraph& after) {
    // The committed state the transaction started from; tx.graph() becomes a copy on the first
    // change, this one stays as it was.
    const PropertyGraph& before = tx.graph();
    for (const RelationType& t : after.relations().all())
        if (!t.builtin && !before.relations().find(t.name)) tx.declare_relation(t);
    for (const auto& [id, d] : after.documents()) {
        auto have = before.documents().find(id);
        if (have == before.documents().end() || !(have->second == d)) tx.put_document(d);
    }
    for (NodeIndex i = 0; i < after.node_count(); ++i) {
        if (i < before.node_count() && same_node(before.node(i), after.node(i))) continue;
        if (i < before.node_count())
            tx.update_node(after.node(i));
        else
            tx.add_node(after.node(i));
    }
    for (EdgeIndex e = 0; e < after.edge_count(); ++e) {
        Edge edge = after.edge(e);
        // Relation ids may differ between the two registries: go by name.
        edge.type = *tx.graph().relations().find(after.type_name(after.edge(e)));
        if (e < before.edge_count()) {
            if (!same_edge(before.edge(e), after.edge(e))) tx.update_edge(e, edge);
        } else {
            tx.add_edge(edge);
        }
    }
    return tx.size();
}

inline std::string ambiguity_text(const Ambiguity& a, const std::string& incoming) {
    std::string out =
        fmt::format("{} entity '{}' ({}) could be:\n", incoming, a.incoming_id, a.incoming_name);
    for (std::size_t i = 0; i < a.candidates.size(); ++i)
        out += fmt::format("  {}. {} — {}\n", i + 1, a.candidates[i].base_id,
                           a.candidates[i].evidence);
    return out;
}

}  // namespace liaison::cli
