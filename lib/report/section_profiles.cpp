// The entity profiles section: for each chosen entity its names, labels, properties and dates,
// every relation with its date, sources and first quote, and the quotes about the entity.
#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "liaison/analysis/time_slices.hpp"
#include "report/facts.hpp"
#include "report/sections.hpp"

namespace liaison::report::detail {

namespace {

// When no entities are named: the three most connected people, else the three most connected
// entities.
std::vector<NodeIndex> default_entities(const Context& c) {
    std::vector<NodeIndex> pool = c.g.nodes_with_label("Person");
    if (pool.empty())
        for (NodeIndex n = 0; n < c.g.node_count(); ++n) pool.push_back(n);
    sort_by_degree(c, pool);
    if (pool.size() > 3) pool.resize(3);
    return pool;
}

Section one_profile(Context& c, const SectionSpec& s, NodeIndex n, const std::string& anchor) {
    const PropertyGraph& g = c.g;
    const Node& node = g.node(n);
    Section sec{anchor, c.level + 1, english_name(node), "profile", {}};

    std::vector<EdgeIndex> edges;
    g.for_each_incident(n, Direction::Both, [&](EdgeIndex e, NodeIndex) { edges.push_back(e); });
    std::map<std::string, std::size_t> by_type;
    std::vector<std::string> documents;
    for (EdgeIndex e : edges) {
        ++by_type[relation_label(g, g.edge(e).type)];
        for (const Source& src : g.edge(e).sources) documents.push_back(src.document);
    }
    for (const Source& src : node.sources) documents.push_back(src.document);
    std::sort(documents.begin(), documents.end());
    documents.erase(std::unique(documents.begin(), documents.end()), documents.end());
    std::vector<std::string> mix;
    for (const auto& [type, k] : by_type) mix.push_back(fmt::format("{} {}", type, k));
    sec.blocks.push_back(Paragraph{
        fmt::format("{} ({}) has {}{}, cited in {}.", english_name(node),
                    fmt::join(node.labels, ", "), count_of(edges.size(), "relation", "relations"),
                    mix.empty() ? "" : fmt::format(" ({})", fmt::join(mix, "; ")),
                    count_of(documents.size(), "document", "documents"))});

    Table id;
    id.columns = {"field", "value"};
    id.numeric = {false, false};
    auto row = [&](const std::string& k, std::string v) {
        if (!v.empty()) id.rows.push_back({text_cell(k), text_cell(std::move(v))});
    };
    row("id", node.id);
    row("English name", node.names.en);
    row("Arabic name", node.names.ar);
    row("aliases", fmt::format("{}", fmt::join(node.names.aliases, " · ")));
    row("labels", fmt::format("{}", fmt::join(node.labels, ", ")));
    row("dates", time_text(node.time));
    for (const auto& [key, value] : node.properties) row(key, value.to_display());
    sec.blocks.push_back(std::move(id));

    // Relations by time (undated last), then relation and the other entity's id.
    auto key = [&](EdgeIndex e) {
        TimeSpan t = analysis::effective_time(g, e);
        return std::make_tuple(t.empty(), t.first_day(), t.last_day(), g.type_name(g.edge(e)),
                               g.node(g.other_end(e, n)).id, e);
    };
    std::sort(edges.begin(), edges.end(),
              [&](EdgeIndex a, EdgeIndex b) { return key(a) < key(b); });
    Table rel;
    rel.caption = fmt::format("Relations ({})", edges.size());
    rel.columns = {"when", "relation", "entity", "Arabic name", "sources", "evidence"};
    rel.numeric = std::vector<bool>(rel.columns.size(), false);
    for (EdgeIndex e : edges) {
        if (s.limit && rel.rows.size() == s.limit) {
            rel.omitted = edges.size() - s.limit;
            break;
        }
        const Edge& ed = g.edge(e);
        NodeIndex other = g.other_end(e, n);
        // "met with X" reads from the profiled entity; "← received by X" when it is the object.
        std::string how = relation_label(g, ed.type);
        if (!g.is_symmetric(ed) && ed.target == n && ed.source != n) how = "← " + how;
        rel.rows.push_back({text_cell(time_text(analysis::effective_time(g, e))), text_cell(how),
                            entity_cell(g, other), arabic_cell(g, other),
                            sources_cell(c, ed.sources),
                            text_cell(ed.sources.empty() ? "" : ed.sources.front().quote)});
    }
    sec.blocks.push_back(std::move(rel));

    if (!node.sources.empty()) {
        Table q;
        q.caption = "Quotes about the entity";
        q.columns = {"source", "quote"};
        q.numeric = {false, false};
        for (const Source& src : node.sources)
            q.rows.push_back({sources_cell(c, {src}), text_cell(src.quote)});
        sec.blocks.push_back(std::move(q));
    }
    return sec;
}

}  // namespace

std::vector<Section> profiles_section(Context& c, const SectionSpec& s) {
    std::vector<NodeIndex> chosen =
        s.entities.empty() ? default_entities(c) : resolve_all(c.g, s.entities);
    std::string base = section_anchor(c, s);
    Section head{base, c.level, section_title(s, "Entity profiles"), "profiles", {}};
    std::vector<std::string> names;
    for (NodeIndex n : chosen) names.push_back(english_name(c.g.node(n)));
    head.blocks.push_back(Paragraph{fmt::format(
        "{}{}: {}. A relation marked ← points at the entity (it was received, headed, …).",
        count_of(chosen.size(), "profile", "profiles"),
        s.entities.empty() ? " of the most connected people" : "", fmt::join(names, "; "))});
    std::vector<Section> out = {std::move(head)};
    for (NodeIndex n : chosen)
        out.push_back(one_profile(c, s, n, base + "-" + anchor_slug(c.g.node(n).id)));
    return out;
}

}  // namespace liaison::report::detail
