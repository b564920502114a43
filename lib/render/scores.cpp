#include "render/scores.hpp"

#include <fmt/format.h>

#include "core/error.hpp"
#include "render/view.hpp"

#ifdef LIAISON_RENDER_WITH_ANALYSIS
#include "analysis/centrality.hpp"
#include "analysis/community.hpp"
#include "analysis/csr.hpp"
#endif

namespace liaison::render {

namespace {

#ifdef LIAISON_RENDER_WITH_ANALYSIS
// The whole graph read undirected and unweighted: a drawing's emphasis should not depend on
// which way a relation happens to be stored.
analysis::Csr undirected(const PropertyGraph& g) {
    std::vector<analysis::WeightedEdge> edges;
    edges.reserve(g.edge_count());
    for (const Edge& e : g.edges()) edges.push_back({e.source, e.target, 1.0});
    return analysis::Csr::from_edges(static_cast<analysis::Vertex>(g.node_count()), edges, {});
}
#endif

}  // namespace

std::vector<std::string> available_scores() {
#ifdef LIAISON_RENDER_WITH_ANALYSIS
    return {"degree", "betweenness", "pagerank", "closeness", "eigenvector"};
#else
    return {"degree"};
#endif
}

std::string score_names() { return fmt::format("{}", fmt::join(available_scores(), ", ")); }

std::vector<double> node_scores(const PropertyGraph& g, const std::string& name) {
    if (name == "degree") return degree_scores(g);
#ifdef LIAISON_RENDER_WITH_ANALYSIS
    if (name == "betweenness") return analysis::betweenness(undirected(g)).value;
    if (name == "pagerank") return analysis::page_rank(undirected(g)).value;
    if (name == "closeness") return analysis::closeness(undirected(g)).value;
    if (name == "eigenvector") return analysis::eigenvector(undirected(g)).value;
#endif
    throw ArgumentError(
        fmt::format("--size-by: unknown score '{}' (available: {})", name, score_names()));
}

std::vector<int> communities(const PropertyGraph& g) {
#ifdef LIAISON_RENDER_WITH_ANALYSIS
    analysis::LouvainOptions options;
    options.seed = 1;
    analysis::Partition p = analysis::louvain(undirected(g), options);
    return std::vector<int>(p.membership.begin(), p.membership.end());
#else
    (void)g;
    throw ArgumentError("communities need lib/analysis, which this build does not include");
#endif
}

}  // namespace liaison::render
