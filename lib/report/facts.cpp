// How sections name entities, relations, dates and sources (facts.hpp).
#include "report/facts.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "liaison/model/lookup.hpp"

namespace liaison::report::detail {

std::string english_name(const Node& n) {
    if (!n.names.en.empty()) return n.names.en;
    if (!n.names.ar.empty()) return n.names.ar;
    return n.id;
}

Cell entity_cell(const PropertyGraph& g, NodeIndex n) {
    Cell c = text_cell(english_name(g.node(n)));
    c.id = g.node(n).id;
    return c;
}

Cell arabic_cell(const PropertyGraph& g, NodeIndex n) {
    Cell c = text_cell(g.node(n).names.ar);
    if (c.text.empty()) c.dir = Dir::Auto;
    return c;
}

Cell labels_cell(const Node& n) { return text_cell(fmt::format("{}", fmt::join(n.labels, ", "))); }

std::string relation_label(const PropertyGraph& g, RelationId type) {
    const RelationType& r = g.relations().get(type);
    if (!r.en.empty()) return r.en;
    std::string out = r.name;
    for (char& ch : out) ch = ch == '_' ? ' ' : static_cast<char>(std::tolower(ch));
    return out;
}

std::string time_text(const TimeSpan& t) { return t.to_string(); }

std::string fact_text(const PropertyGraph& g, const Edge& e) {
    return fmt::format("{} {} {}", english_name(g.node(e.source)), relation_label(g, e.type),
                       english_name(g.node(e.target)));
}

std::string document_anchor(const Context& c, const std::string& document) {
    return c.anchor_prefix + "source-" + anchor_slug(document);
}

Cell sources_cell(const Context& c, const Sources& sources) {
    Cell cell;
    cell.dir = Dir::Ltr;
    std::vector<std::string> seen;
    for (const Source& s : sources) {
        if (std::find(seen.begin(), seen.end(), s.document) != seen.end()) continue;
        seen.push_back(s.document);
        cell.refs.push_back({s.document, c.has_provenance ? document_anchor(c, s.document) : ""});
    }
    cell.text = fmt::format("{}", fmt::join(seen, ", "));
    return cell;
}

void sort_by_degree(const Context& c, std::vector<NodeIndex>& nodes) {
    std::sort(nodes.begin(), nodes.end(), [&](NodeIndex a, NodeIndex b) {
        if (c.degree[a] != c.degree[b]) return c.degree[a] > c.degree[b];
        return c.g.node(a).id < c.g.node(b).id;
    });
}

std::string name_list(const PropertyGraph& g, const std::vector<NodeIndex>& nodes,
                      std::size_t max) {
    std::string out;
    std::size_t shown = 0;
    for (NodeIndex n : nodes) {
        if (max && shown == max) break;
        out += (out.empty() ? "" : "; ") + english_name(g.node(n));
        ++shown;
    }
    if (shown < nodes.size()) out += fmt::format("; and {} more", nodes.size() - shown);
    return out;
}

std::vector<NodeIndex> resolve_all(const PropertyGraph& g, const std::vector<std::string>& names) {
    std::vector<NodeIndex> out;
    for (const std::string& name : names) {
        NodeIndex n = resolve(g, name);
        if (std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
    }
    return out;
}

std::string count_of(std::size_t n, const char* singular, const char* plural) {
    return fmt::format("{} {}", n, n == 1 ? singular : plural);
}

}  // namespace liaison::report::detail
