#pragma once
// Values of TCK result tables, compared in one canonical text form: the expected side is parsed
// from the table's Cypher-like literal, the actual side converted from a query result.
#include <string>

#include "liaison/query/query.hpp"

namespace liaison::tck {

// Canonical text of an expected value ("(:A {name: 'x'})", "[1, 2]", "<(:A)-[:T]->(:B)>");
// lists sorted when `sort_lists`. Throws std::runtime_error when malformed.
std::string canonical_expected(const std::string& text, bool sort_lists);

// Canonical text of an actual value of `result`.
std::string canonical_actual(const query::QueryResult& result, const query::Value& v,
                             bool sort_lists);

}  // namespace liaison::tck
