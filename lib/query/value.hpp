#pragma once
// Runtime values of the query engine: openCypher's null, boolean, integer, float, string, date,
// list, map, node, relationship, path, the other temporal values and duration. Nodes and
// relationships are references (indices into the PropertyGraph a query runs on); a path is the
// alternating sequence of their indices.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "query/temporal.hpp"

namespace liaison::query {

class Value;
using ValueList = std::vector<Value>;
// Sorted by key; keys are unique.
using ValueMap = std::vector<std::pair<std::string, Value>>;

struct NodeRef {
    std::uint32_t index = 0;
    bool operator==(const NodeRef&) const = default;
};
struct RelRef {
    std::uint32_t index = 0;
    bool operator==(const RelRef&) const = default;
};
struct Path {
    std::vector<std::uint32_t> nodes;  // n0, n1, ..., nk
    std::vector<std::uint32_t> rels;   // r1, ..., rk (ri joins n(i-1) and ni)
    bool operator==(const Path&) const = default;
};

class Value {
public:
    enum class Kind {
        Null,
        Bool,
        Int,
        Float,
        String,
        Date,
        List,
        Map,
        Node,
        Relationship,
        Path,
        Temporal,  // localtime, time, localdatetime, datetime (Temporal::Type says which)
        Duration
    };

    Value() = default;
    Value(std::nullptr_t) {}
    Value(bool b) : v_(b) {}
    Value(int i) : v_(static_cast<std::int64_t>(i)) {}
    Value(std::int64_t i) : v_(i) {}
    Value(double d) : v_(d) {}
    Value(const char* s) : v_(std::string(s)) {}
    Value(std::string s) : v_(std::move(s)) {}
    Value(Date d) : v_(d) {}
    Value(ValueList l) : v_(std::move(l)) {}
    Value(ValueMap m) : v_(std::move(m)) {}
    Value(NodeRef n) : v_(n) {}
    Value(RelRef r) : v_(r) {}
    Value(Path p) : v_(std::move(p)) {}
    Value(Temporal t) : v_(t) {}
    Value(Duration d) : v_(d) {}

    Kind kind() const { return static_cast<Kind>(v_.index()); }
    bool is_null() const { return kind() == Kind::Null; }
    bool is_number() const { return kind() == Kind::Int || kind() == Kind::Float; }
    bool as_bool() const { return std::get<bool>(v_); }
    std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
    double as_float() const { return std::get<double>(v_); }
    double to_double() const {
        return kind() == Kind::Int ? static_cast<double>(as_int()) : as_float();
    }
    const std::string& as_string() const { return std::get<std::string>(v_); }
    const Date& as_date() const { return std::get<Date>(v_); }
    const ValueList& as_list() const { return std::get<ValueList>(v_); }
    ValueList& as_list() { return std::get<ValueList>(v_); }
    const ValueMap& as_map() const { return std::get<ValueMap>(v_); }
    ValueMap& as_map() { return std::get<ValueMap>(v_); }
    NodeRef as_node() const { return std::get<NodeRef>(v_); }
    RelRef as_rel() const { return std::get<RelRef>(v_); }
    const Path& as_path() const { return std::get<Path>(v_); }
    const Temporal& as_temporal() const { return std::get<Temporal>(v_); }
    const Duration& as_duration() const { return std::get<Duration>(v_); }

    static const char* kind_name(Kind k);  // "INTEGER", "STRING", ... as openCypher names them
    bool operator==(const Value& other) const = default;  // structural, for tests

private:
    std::variant<std::monostate, bool, std::int64_t, double, std::string, Date, ValueList, ValueMap,
                 NodeRef, RelRef, Path, Temporal, Duration>
        v_;
};

// Lists and maps nest at most this deep (`reduce(l = [], x IN range(1, 100000) | [l])` would
// build a value as deep as it is long): comparing, printing and freeing a value recurse over it.
inline constexpr std::size_t kMaxValueDepth = 1000;
// 0 for a scalar, 1 + the deepest element's depth for a list or map.
std::size_t value_depth(const Value& v);

// Looks up a key in a map value; nullptr when absent.
const Value* map_get(const ValueMap& m, std::string_view key);
// Inserts or replaces, keeping the map sorted.
void map_set(ValueMap& m, std::string key, Value v);

// openCypher equality (`=`): true, false, or null when the answer depends on a null (a null
// operand, or lists/maps whose other elements are equal). Integers and floats compare by value.
Value equals(const Value& a, const Value& b);

// openCypher comparison (`<`, `<=`, ...): the sign of a - b for comparable values of one type
// (numbers, strings, booleans, dates, lists element by element); nullopt when incomparable or
// null is involved (the comparison yields null). A date and a string spelling a date compare
// as dates.
std::optional<int> compare(const Value& a, const Value& b);

// The total order used by ORDER BY, DISTINCT and grouping (openCypher "orderability"):
// map < node < relationship < list < path < date < time < localtime < datetime < localdatetime
// < duration < string < boolean < number < null, NaN after other numbers. Two values are equivalent
// (same group) when this returns 0; then null ≡ null.
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
