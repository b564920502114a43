#pragma once
// The query engine's view of liaison::Value (liaison/core/value.hpp, the one value type):
// openCypher's equality, comparison and ordering, and the engine's text forms.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "liaison/core/temporal.hpp"
#include "liaison/core/value.hpp"

namespace liaison::query {

// The engine's names for the one value type and its parts.
using liaison::Duration;
using liaison::map_get;
using liaison::map_set;
using liaison::NodeRef;
using liaison::RelRef;
using liaison::Temporal;
using liaison::Value;
using liaison::ValueList;
using liaison::ValueMap;
using Path = liaison::GraphPath;

// Lists and maps nest at most this deep (`reduce(l = [], x IN range(1, 100000) | [l])` would
// build a value as deep as it is long): comparing, printing and freeing a value recurse over it.
inline constexpr std::size_t kMaxValueDepth = 1000;
// 0 for a scalar, 1 + the deepest element's depth for a list or map.
std::size_t value_depth(const Value& v);

// openCypher equality (`=`): true, false, or null when the answer depends on a null (a null
// operand, or lists/maps whose other elements are equal). Integers and floats compare by value;
// dates as compare() reads them (2025-11-24 = 2025-11: one could be the other).
Value equals(const Value& a, const Value& b);

// openCypher comparison (`<`, `<=`, ...): the sign of a - b for comparable values of one type
// (numbers, strings, booleans, dates, lists element by element); nullopt when incomparable or
// null is involved (the comparison yields null). A date and a string spelling a date compare
// as dates; two dates at the precision they share (partial dates, docs/query.md).
std::optional<int> compare(const Value& a, const Value& b);

// The total order used by ORDER BY, DISTINCT and grouping (openCypher "orderability"):
// map < node < relationship < list < path < date < time < localtime < datetime < localdatetime
// < duration < string < boolean < number < null, NaN after other numbers. Two values are equivalent
// (same group) when this returns 0; then null ≡ null. Dates order by first day, then the coarser
// first, so 2025-11 and 2025-11-24 are two values here.
int order(const Value& a, const Value& b);

struct ValueLess {
    bool operator()(const Value& a, const Value& b) const { return order(a, b) < 0; }
    bool operator()(const ValueList& a, const ValueList& b) const;
};

// A literal-like text of the value without graph access (nodes print as "Node(3)").
std::string to_debug_string(const Value& v);

// Formats a float as openCypher prints it: always with a fraction or exponent ("1.0", "1e+20").
std::string format_float(double d);

}  // namespace liaison::query
