// The summary section: counts, density, components, date range, labels and relation types.
#include <fmt/format.h>

#include "liaison/model/summary.hpp"
#include "report/facts.hpp"
#include "report/sections.hpp"

namespace liaison::report::detail {

std::vector<Section> summary_section(Context& c, const SectionSpec& s) {
    const PropertyGraph& g = c.g;
    GraphSummary sum = summarize(g);
    Section sec{section_anchor(c, s), c.level, section_title(s, "Summary"), "summary", {}};

    std::string range = sum.earliest ? fmt::format("from {} to {}", sum.earliest->to_string(),
                                                   sum.latest->to_string())
                                     : "with no dated facts";
    sec.blocks.push_back(Paragraph{fmt::format(
        "The network holds {} and {}, {}, cited from {} by {}. {} in {}; the "
        "largest holds {}.",
        count_of(sum.nodes, "entity", "entities"), count_of(sum.edges, "tie", "ties"), range,
        count_of(sum.documents, "document", "documents"), count_of(sum.sources, "quote", "quotes"),
        sum.components == 1 ? std::string("They form one connected component")
                            : fmt::format("They fall apart"),
        count_of(sum.components, "component", "components"),
        count_of(sum.largest_component, "entity", "entities"))});

    Table t;
    t.caption = "The network at a glance";
    t.columns = {"measure", "value"};
    t.numeric = {false, true};
    auto row = [&](const char* name, Cell value) { t.rows.push_back({text_cell(name), value}); };
    row("entities (nodes)", number_cell(static_cast<double>(sum.nodes), 0));
    row("ties (edges)", number_cell(static_cast<double>(sum.edges), 0));
    row("linked pairs", number_cell(static_cast<double>(sum.linked_pairs), 0));
    row("density", number_cell(sum.density, 4));
    row("components", number_cell(static_cast<double>(sum.components), 0));
    row("largest component", number_cell(static_cast<double>(sum.largest_component), 0));
    row("earliest date", text_cell(sum.earliest ? sum.earliest->to_string() : "–"));
    row("latest date", text_cell(sum.latest ? sum.latest->to_string() : "–"));
    row("documents", number_cell(static_cast<double>(sum.documents), 0));
    row("quotes cited", number_cell(static_cast<double>(sum.sources), 0));
    sec.blocks.push_back(std::move(t));

    Table labels;
    labels.caption = "Entities by label (an entity with two labels counts under both)";
    labels.columns = {"label", "entities"};
    labels.numeric = {false, true};
    for (const auto& [label, n] : sum.nodes_by_label)
        labels.rows.push_back({text_cell(label), number_cell(static_cast<double>(n), 0)});
    sec.blocks.push_back(std::move(labels));

    Table types;
    types.caption = "Ties by relation type";
    types.columns = {"relation", "reads", "Arabic", "ties"};
    types.numeric = {false, false, false, true};
    for (const auto& [type, n] : sum.edges_by_type) {
        auto id = g.relations().find(type);
        const RelationType& r = g.relations().get(*id);
        types.rows.push_back(
            {text_cell(type),
             text_cell(relation_label(g, *id) + (r.symmetric ? " (both ways)" : "")),
             text_cell(r.ar), number_cell(static_cast<double>(n), 0)});
    }
    sec.blocks.push_back(std::move(types));
    return {std::move(sec)};
}

}  // namespace liaison::report::detail
