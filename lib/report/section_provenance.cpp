// The provenance appendix: the documents, and under each every fact it supports with the exact
// quote (nodes by id, then edges in file order).
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "report/facts.hpp"
#include "report/sections.hpp"

namespace liaison::report::detail {

std::vector<Section> provenance_section(Context& c, const SectionSpec& s) {
    const PropertyGraph& g = c.g;
    struct Row {
        std::string fact;
        std::string id;
        std::string quote;
    };
    std::map<std::string, std::vector<Row>> by_document;
    std::vector<NodeIndex> nodes(g.node_count());
    for (NodeIndex n = 0; n < g.node_count(); ++n) nodes[n] = n;
    std::sort(nodes.begin(), nodes.end(),
              [&](NodeIndex a, NodeIndex b) { return g.node(a).id < g.node(b).id; });
    std::size_t total = 0;
    for (NodeIndex n : nodes) {
        const Node& node = g.node(n);
        std::string fact = fmt::format("{} ({})", english_name(node), fmt::join(node.labels, ", "));
        for (const Source& src : node.sources) {
            by_document[src.document].push_back({fact, node.id, src.quote});
            ++total;
        }
    }
    for (EdgeIndex e = 0; e < g.edge_count(); ++e) {
        const Edge& ed = g.edge(e);
        std::string fact = fact_text(g, ed);
        if (!ed.time.empty()) fact += " (" + time_text(ed.time) + ")";
        for (const Source& src : ed.sources) {
            by_document[src.document].push_back({fact, ed.id.str(), src.quote});
            ++total;
        }
    }

    std::string base = section_anchor(c, s);
    Section head{base, c.level, section_title(s, "Provenance appendix"), "provenance", {}};
    head.blocks.push_back(Paragraph{fmt::format(
        "Every fact of the network with the document that states it and the exact quote: {} "
        "from {}.",
        count_of(total, "quote", "quotes"),
        count_of(by_document.size(), "document", "documents"))});
    Table docs;
    docs.caption = "Documents";
    docs.columns = {"id", "title", "outlet", "date", "language", "file", "quotes"};
    docs.numeric = {false, false, false, false, false, false, true};
    std::vector<Section> out;
    for (const auto& [id, rows] : by_document) {
        auto it = g.documents().find(id);
        const Document* d = it == g.documents().end() ? nullptr : &it->second;
        docs.rows.push_back({link_cell(id, document_anchor(c, id), id),
                             text_cell(d ? d->title : "(not in the network's documents)"),
                             text_cell(d ? d->outlet : ""),
                             text_cell(d && d->date ? d->date->to_string() : ""),
                             text_cell(d ? d->language : ""), text_cell(d ? d->file : ""),
                             number_cell(static_cast<double>(rows.size()), 0)});
        Section sec{document_anchor(c, id),
                    c.level + 1,
                    d && !d->title.empty() ? fmt::format("{} — {}", id, d->title) : id,
                    "document",
                    {}};
        if (d) {
            std::vector<std::string> meta;
            if (!d->outlet.empty()) meta.push_back(d->outlet);
            if (d->date) meta.push_back(d->date->to_string());
            if (!d->file.empty()) meta.push_back("file " + d->file);
            if (!d->url.empty()) meta.push_back(d->url);
            if (!meta.empty())
                sec.blocks.push_back(Paragraph{fmt::format("{}.", fmt::join(meta, ", "))});
        }
        Table t;
        t.columns = {"fact", "quote"};
        t.numeric = {false, false};
        for (const Row& r : rows) {
            Cell fact = text_cell(r.fact);
            fact.id = r.id;
            t.rows.push_back({fact, text_cell(r.quote)});
        }
        sec.blocks.push_back(std::move(t));
        out.push_back(std::move(sec));
    }
    head.blocks.push_back(std::move(docs));
    out.insert(out.begin(), std::move(head));
    return out;
}

}  // namespace liaison::report::detail
