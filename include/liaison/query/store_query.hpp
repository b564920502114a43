#pragma once
/// @file
/// Queries on a durable database (lib/store): reads see the committed state; a query that writes
/// runs in one WriteTransaction and commits when it succeeds (nothing is written when it fails).
///
///   auto db = liaison::Database::open("graphs/morocco-interpol.json");
///   auto r = liaison::query::execute(db, "MATCH (p:Person) RETURN p.name AS name LIMIT 3");
#include <string_view>

#include "liaison/query/query.hpp"
#include "liaison/store/database.hpp"

namespace liaison::query {

QueryResult execute(Database& db, std::string_view text, const ValueMap& params = {},
                    const QueryLimits& limits = {});

}  // namespace liaison::query
