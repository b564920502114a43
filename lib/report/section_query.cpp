// The query section: any read-only query's result table (lib/query).
#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/query/query.hpp"
#include "report/facts.hpp"
#include "report/sections.hpp"

namespace liaison::report::detail {

std::vector<Section> query_section(Context& c, const SectionSpec& s) {
    query::ValueMap params;
    for (const auto& [name, value] : s.params) query::map_set(params, name, value);
    query::QueryResult r = query::execute(c.g, s.query, params);
    // A report reads the network; an update would make later sections disagree with the file.
    if (r.stats.contains_updates())
        throw ArgumentError(
            "query: a report's query must not change the network (it created, "
            "deleted or set something)");

    Section sec{section_anchor(c, s), c.level, section_title(s, "Query"), "query", {}};
    sec.blocks.push_back(Code{s.query});
    if (!s.params.empty()) {
        std::vector<std::string> shown;
        for (const auto& [name, value] : params)
            shown.push_back("$" + name + " = " + r.text(value));
        sec.blocks.push_back(Paragraph{fmt::format("Parameters: {}.", fmt::join(shown, ", "))});
    }
    Table t;
    t.caption = count_of(r.rows.size(), "row", "rows");
    t.columns = r.columns;
    t.numeric = std::vector<bool>(r.columns.size(), false);
    for (const auto& row : r.rows) {
        if (s.limit && t.rows.size() == s.limit) {
            t.omitted = r.rows.size() - s.limit;
            break;
        }
        std::vector<Cell> cells;
        for (std::size_t i = 0; i < row.size(); ++i) {
            const query::Value& v = row[i];
            Cell cell = text_cell(r.display(v));
            if (v.is_number()) {
                cell.number = v.to_double();
                cell.dir = Dir::Ltr;
                t.numeric[i] = true;
            }
            if (v.kind() == query::Value::Kind::Node) {
                auto it = r.nodes.find(v.as_node().index);
                if (it != r.nodes.end()) cell.id = it->second.id;
            }
            cells.push_back(std::move(cell));
        }
        t.rows.push_back(std::move(cells));
    }
    sec.blocks.push_back(std::move(t));
    return {std::move(sec)};
}

}  // namespace liaison::report::detail
