#pragma once
/// @file
/// The query engine's entry point: a subset of openCypher over a PropertyGraph (docs/query.md).
///
///   liaison::PropertyGraph g = liaison::read_graph_file("graphs/interpol.json");
///   auto result = liaison::query::execute(g, "MATCH (p:Person)-[:MET_WITH]-(q) "
///                                            "WHERE p.name = $name RETURN q.name AS met",
///                                         {{"name", "Abdellatif Hammouchi"}});
///   for (const auto& row : result.rows) std::cout << result.text(row[0]) << "\n";
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "liaison/model/property_graph.hpp"
#include "liaison/query/error.hpp"
#include "liaison/query/limits.hpp"
#include "liaison/query/value.hpp"

namespace liaison::query {

// A node or relationship as it was when the query returned it (entities may be deleted later).
struct NodeSnapshot {
    std::string id;
    std::vector<std::string> labels;
    ValueMap properties;  // as queries see them (names included)
};
struct RelSnapshot {
    std::string type;
    std::uint32_t source = 0, target = 0;  // node indices of the result (keys of `nodes`)
    ValueMap properties;
};

struct QueryResult {
    std::vector<std::string> columns;
    std::vector<std::vector<Value>> rows;  // node/relationship references index the snapshots
    std::map<std::uint32_t, NodeSnapshot> nodes;
    std::map<std::uint32_t, RelSnapshot> rels;
    QueryStats stats;
    std::string plan;  // EXPLAIN / PROFILE text; empty otherwise
    bool explain_only = false;

    // openCypher literal text: 'text', 1.0, [1, 2], {a: 1}, (:Person {name: 'x'}),
    // [:MET_WITH {date: '2025'}], <(:A)-[:T]->(:B)>.
    std::string text(const Value& v) const;
    // Display text for tables: strings unquoted, nodes by name or id.
    std::string display(const Value& v) const;
    // JSON text: nodes as {"id", "labels", "properties"}, relationships with type and ends.
    std::string json(const Value& v) const;
};

/// Parses, binds, plans and runs a query. Updates apply to `g`; when the query fails, `g` is left
/// as it was. Throws QueryError (stage, category, line and column where known).
/// `limits` bound the query's time and memory (executor/governor.hpp; defaults 60 s, 2 GiB):
/// reaching one throws QueryError (ResourceError / TimeLimitExceeded or MemoryLimitExceeded).
QueryResult execute(PropertyGraph& g, std::string_view text, const ValueMap& params = {},
                    const QueryLimits& limits = {});
/// Read-only: a query that writes throws QueryError (SemanticError / ReadOnly).
QueryResult execute(const PropertyGraph& g, std::string_view text, const ValueMap& params = {},
                    const QueryLimits& limits = {});

/// Parses a parameter value given as a literal ("42", "'x'", "[1, 2]", "{a: 1}"); a text that
/// is not a literal is taken as a string.
Value parse_parameter(std::string_view text);

}  // namespace liaison::query
