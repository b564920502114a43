// The rankings and communities sections: centrality measures and community detection on a
// projection of the network (lib/analysis).
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "liaison/analysis/ranking.hpp"
#include "liaison/analysis/registry.hpp"
#include "report/facts.hpp"
#include "report/measures.hpp"
#include "report/sections.hpp"

namespace liaison::report::detail {

namespace {

bool shown(const Node& n, const std::vector<std::string>& labels) {
    if (labels.empty()) return true;
    return std::any_of(labels.begin(), labels.end(),
                       [&](const std::string& l) { return n.has_label(l); });
}

}  // namespace

std::vector<Section> rankings_section(Context& c, const SectionSpec& s) {
    const PropertyGraph& g = c.g;
    analysis::Projection p = analysis::project(g, projection_request(s.projection), "");
    const bool weighted = p.graph.weighted();
    std::vector<analysis::Scores> scores;
    for (const std::string& m : s.measures)
        scores.push_back(analysis::run_measure(p.graph, m, {}, "measures"));

    Section sec{
        section_anchor(c, s), c.level, section_title(s, "Who matters: rankings"), "rankings", {}};
    std::string who = s.show_labels.empty()
                          ? std::string("entities")
                          : fmt::format("entities labelled {}", fmt::join(s.show_labels, " or "));
    sec.blocks.push_back(Paragraph{
        fmt::format("The top {} {} by {}, computed on {}. Ties in score are broken by id.", s.top,
                    who, s.measures.front(), describe_projection(p, s.projection))});
    std::vector<std::string> defs;
    for (const std::string& m : s.measures)
        defs.push_back(
            analysis::find_algorithm(analysis::AlgorithmKind::Measure, m, "measures").definition);
    sec.blocks.push_back(Paragraph{fmt::format("Measures — {}.", fmt::join(defs, "; "))});
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (!scores[i].converged)
            sec.blocks.push_back(Paragraph{fmt::format(
                "Note: {} did not converge in {} iterations; its scores are approximate.",
                s.measures[i], scores[i].iterations)});
    }

    Table t;
    t.columns = {"#", "entity", "Arabic name", "labels"};
    t.numeric = {true, false, false, false};
    for (const std::string& m : s.measures) {
        t.columns.push_back(m);
        t.numeric.push_back(true);
    }
    std::vector<analysis::Vertex> order = analysis::ranking(scores.front().value, p.ids);
    std::size_t rank = 0;
    for (analysis::Vertex v : order) {
        NodeIndex n = p.graph.origins()[v];
        if (!shown(g.node(n), s.show_labels)) continue;
        if (rank == s.top) break;
        std::vector<Cell> row = {number_cell(static_cast<double>(++rank), 0), entity_cell(g, n),
                                 arabic_cell(g, n), labels_cell(g.node(n))};
        for (std::size_t i = 0; i < scores.size(); ++i)
            row.push_back(
                number_cell(scores[i].value[v], measure_decimals(s.measures[i], weighted)));
        t.rows.push_back(std::move(row));
    }
    sec.blocks.push_back(std::move(t));
    return {std::move(sec)};
}

std::vector<Section> communities_section(Context& c, const SectionSpec& s) {
    const PropertyGraph& g = c.g;
    analysis::Projection p = analysis::project(g, projection_request(s.projection), "");
    const std::uint64_t seed = s.seed.value_or(c.seed);
    const std::string& algorithm =
        s.algorithm.empty() ? analysis::default_community_algorithm() : s.algorithm;
    analysis::Partition part = detect_communities(p.graph, algorithm, s.resolution, seed);

    std::vector<std::vector<NodeIndex>> members(part.count);
    std::vector<std::size_t> neighbours(g.node_count(), 0);
    for (analysis::Vertex v = 0; v < p.graph.node_count(); ++v) {
        NodeIndex n = p.graph.origins()[v];
        neighbours[n] = p.graph.out().degree(v) + (p.graph.directed() ? p.graph.in().degree(v) : 0);
        members[part.membership[v]].push_back(n);
    }
    // Members in order of their ties inside the projection, then id: the hubs come first.
    for (auto& m : members) {
        std::sort(m.begin(), m.end(), [&](NodeIndex a, NodeIndex b) {
            if (neighbours[a] != neighbours[b]) return neighbours[a] > neighbours[b];
            return g.node(a).id < g.node(b).id;
        });
    }

    Section sec{section_anchor(c, s),
                c.level,
                section_title(s, "Which groups: communities"),
                "communities",
                {}};
    std::size_t small = 0, small_members = 0;
    for (const auto& m : members) {
        if (m.size() < s.min_size) {
            ++small;
            small_members += m.size();
        }
    }
    std::string text =
        fmt::format("{} (seed {}, resolution {}) divides {} into {}; modularity Q = {:.4f}.",
                    analysis::find_algorithm(analysis::AlgorithmKind::Communities, algorithm).title,
                    seed, fmt::format("{:.2f}", s.resolution), describe_projection(p, s.projection),
                    count_of(part.count, "community", "communities"), part.modularity);
    if (small)
        text += fmt::format(" {} smaller than {} ({}) are not listed.",
                            count_of(small, "community", "communities"), s.min_size,
                            count_of(small_members, "entity", "entities"));
    sec.blocks.push_back(Paragraph{text});

    Table t;
    t.columns = {"#", "size", "members (most connected first)", "labels"};
    t.numeric = {true, true, false, false};
    for (std::uint32_t k = 0; k < part.count; ++k) {
        if (members[k].size() < s.min_size) continue;
        std::vector<NodeIndex> listed;
        for (NodeIndex n : members[k])
            if (shown(g.node(n), s.show_labels)) listed.push_back(n);
        std::map<std::string, std::size_t> by_label;
        for (NodeIndex n : members[k])
            for (const auto& l : g.node(n).labels) ++by_label[l];
        std::vector<std::pair<std::string, std::size_t>> mix(by_label.begin(), by_label.end());
        std::stable_sort(mix.begin(), mix.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        std::vector<std::string> mix_text;
        for (const auto& [l, n] : mix) mix_text.push_back(fmt::format("{} {}", l, n));
        t.rows.push_back({number_cell(k + 1.0, 0),
                          number_cell(static_cast<double>(members[k].size()), 0),
                          text_cell(name_list(g, listed, s.max_members)),
                          text_cell(fmt::format("{}", fmt::join(mix_text, ", ")))});
    }
    sec.blocks.push_back(std::move(t));
    return {std::move(sec)};
}

}  // namespace liaison::report::detail
