#include "liaison/extract/gold.hpp"

#include <algorithm>

namespace liaison::extract {

namespace {
bool cites(const Sources& sources, std::string_view document) {
    return std::any_of(sources.begin(), sources.end(),
                       [&](const Source& s) { return s.document == document; });
}
}  // namespace

PropertyGraph restrict_to_document(const PropertyGraph& g, std::string_view document) {
    PropertyGraph out;
    out.graph_id = g.graph_id;
    out.graph_label = g.graph_label;
    for (const RelationType& t : g.relations().all())
        if (!t.builtin) out.relations().declare(t);
    std::vector<bool> keep(g.node_count(), false);
    for (NodeIndex n = 0; n < g.node_count(); ++n) keep[n] = cites(g.node(n).sources, document);
    for (const Edge& e : g.edges())
        if (cites(e.sources, document)) keep[e.source] = keep[e.target] = true;
    std::vector<NodeIndex> index(g.node_count(), kNoIndex);
    for (NodeIndex n = 0; n < g.node_count(); ++n)
        if (keep[n]) index[n] = out.add_node(g.node(n));
    for (const Edge& e : g.edges()) {
        if (!cites(e.sources, document)) continue;
        Edge copy = e;
        copy.type = out.relation(g.type_name(e));
        copy.source = index[e.source];
        copy.target = index[e.target];
        out.add_edge(std::move(copy));
    }
    auto it = g.documents().find(document);
    if (it != g.documents().end()) out.documents().emplace(it->first, it->second);
    return out;
}

}  // namespace liaison::extract
