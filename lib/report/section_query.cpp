// The query section: any read-only query's result table (lib/query).
#include <fmt/format.h>

#include "core/error.hpp"
#include "query/query.hpp"
#include "report/facts.hpp"
#include "report/sections.hpp"

namespace liaison::report::detail {

namespace {

query::Value to_query_value(const Value& v) {
    switch (v.kind()) {
        case Value::Kind::Null:
            return {};
        case Value::Kind::Bool:
            return v.as_bool();
        case Value::Kind::Int:
            return v.as_int();
        case Value::Kind::Float:
            return v.as_float();
        case Value::Kind::String:
            return v.as_string();
        case Value::Kind::Date:
            return v.as_date();
        case Value::Kind::List: {
            query::ValueList list;
            for (const Value& x : v.as_list()) list.push_back(to_query_value(x));
            return list;
        }
    }
    return {};
}

}  // namespace

std::vector<Section> query_section(Context& c, const SectionSpec& s) {
    query::ValueMap params;
    for (const auto& [name, value] : s.params) query::map_set(params, name, to_query_value(value));
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
