#pragma once
// Printing query results for `liaison query` and `liaison shell`: an aligned table (strings
// unquoted, nodes by name and id), JSON (an array of objects with typed values) or CSV.
#include <string>

#include <fmt/format.h>

#include "liaison/query/query.hpp"
#include "output.hpp"

namespace liaison::cli {

inline std::string render_query_result(const query::QueryResult& r, OutputFormat format) {
    if (r.explain_only) return r.plan;
    std::string out;
    if (format == OutputFormat::Json) {
        out = "[";
        for (std::size_t i = 0; i < r.rows.size(); ++i) {
            out += i ? ",\n " : "";
            out += "{";
            for (std::size_t c = 0; c < r.columns.size(); ++c)
                out += fmt::format("{}{}: {}", c ? ", " : "", json_quote(r.columns[c]),
                                   r.json(r.rows[i][c]));
            out += "}";
        }
        out += "]\n";
    } else if (!r.columns.empty()) {
        Table t(r.columns);
        for (const auto& row : r.rows) {
            std::vector<Cell> cells;
            for (const auto& v : row)
                cells.push_back(
                    format == OutputFormat::Csv && v.kind() != query::Value::Kind::Node
                        ? (v.kind() == query::Value::Kind::String ? v.as_string() : r.display(v))
                        : r.display(v));
            t.add_row(std::move(cells));
        }
        out = t.render(format);
    }
    if (format == OutputFormat::Table) {
        const auto& s = r.stats;
        if (!r.columns.empty())
            out += fmt::format("({} row{})\n", r.rows.size(), r.rows.size() == 1 ? "" : "s");
        if (s.contains_updates() &&
            (s.nodes_created || s.nodes_deleted || s.relationships_created ||
             s.relationships_deleted || s.properties_set || s.labels_added || s.labels_removed))
            out += fmt::format(
                "nodes created: {}, deleted: {}; relationships created: {}, deleted: {}; "
                "properties set: {}; labels added: {}, removed: {}\n",
                s.nodes_created, s.nodes_deleted, s.relationships_created, s.relationships_deleted,
                s.properties_set, s.labels_added, s.labels_removed);
        if (s.indexes_added || s.indexes_removed)
            out +=
                fmt::format("indexes added: {}, removed: {}\n", s.indexes_added, s.indexes_removed);
        if (!r.plan.empty()) out += "\n" + r.plan;
    }
    return out;
}

}  // namespace liaison::cli
