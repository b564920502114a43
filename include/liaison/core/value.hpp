#pragma once
// liaison's one value type: what a property holds and what a query computes. Null, boolean,
// integer, float, string, date (liaison's partial Date), list, and openCypher's temporal values
// and duration can be stored as properties; maps, nodes, relationships and paths exist only while
// a query runs (storable() says why not, as Neo4j refuses them). Nodes and relationships are
// references (indices into the PropertyGraph a query runs on).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "liaison/core/date.hpp"
#include "liaison/core/temporal.hpp"

namespace liaison {

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
// A path value: the alternating sequence of node and relationship indices.
struct GraphPath {
    std::vector<std::uint32_t> nodes;  // n0, n1, ..., nk
    std::vector<std::uint32_t> rels;   // r1, ..., rk (ri joins n(i-1) and ni)
    bool operator==(const GraphPath&) const = default;
};

class Value {
public:
    enum class Kind {
        Null,
        Bool,
        Int,
        Float,
        String,
        Date,  // liaison's Date: a year, a month or a day (openCypher's date() is a full one)
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
    // Paths are rare and their two vectors would double the size of every value: held shared.
    Value(GraphPath p) : v_(std::make_shared<const GraphPath>(std::move(p))) {}
    Value(Temporal t) : v_(t) {}
    Value(Duration d) : v_(d) {}

    Kind kind() const { return static_cast<Kind>(v_.index()); }
    bool is_null() const { return kind() == Kind::Null; }
    bool is_number() const { return kind() == Kind::Int || kind() == Kind::Float; }
    bool as_bool() const { return std::get<bool>(v_); }
    std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
    double as_float() const { return std::get<double>(v_); }
    // Integers and floats as a double (weights, arithmetic); to_number() is the same.
    double to_double() const {
        return kind() == Kind::Int ? static_cast<double>(as_int()) : as_float();
    }
    double to_number() const { return to_double(); }
    const std::string& as_string() const { return std::get<std::string>(v_); }
    const Date& as_date() const { return std::get<Date>(v_); }
    const ValueList& as_list() const { return std::get<ValueList>(v_); }
    ValueList& as_list() { return std::get<ValueList>(v_); }
    const ValueMap& as_map() const { return std::get<ValueMap>(v_); }
    ValueMap& as_map() { return std::get<ValueMap>(v_); }
    NodeRef as_node() const { return std::get<NodeRef>(v_); }
    RelRef as_rel() const { return std::get<RelRef>(v_); }
    const GraphPath& as_path() const { return *std::get<std::shared_ptr<const GraphPath>>(v_); }
    const Temporal& as_temporal() const { return std::get<Temporal>(v_); }
    const Duration& as_duration() const { return std::get<Duration>(v_); }

    // Human-readable text: strings unquoted, dates and temporal values in ISO 8601, lists
    // "[a, b]", maps "{k: v}", entities "Node(3)".
    std::string to_display() const;
    static const char* kind_name(Kind k);  // "INTEGER", "STRING", ... as openCypher names them

    // Structural equality (tests, stored properties); openCypher's `=` is query::equals.
    bool operator==(const Value& other) const {
        if (kind() == Kind::Path && other.kind() == Kind::Path) return as_path() == other.as_path();
        return v_ == other.v_;
    }

private:
    std::variant<std::monostate, bool, std::int64_t, double, std::string, Date, ValueList, ValueMap,
                 NodeRef, RelRef, std::shared_ptr<const GraphPath>, Temporal, Duration>
        v_;
};

// Looks up a key in a map value; nullptr when absent.
const Value* map_get(const ValueMap& m, std::string_view key);
// Inserts or replaces, keeping the map sorted.
void map_set(ValueMap& m, std::string key, Value v);

// Whether a value can be a property: nullopt when it can, else why not ("a MAP cannot be stored
// as a property"). Lists may hold only values that are not lists; temporal values must have a
// text form that reads back (years 0 to 9999).
std::optional<std::string> why_not_storable(const Value& v);

// Dates, temporal values and durations are written in JSON as one-member objects whose key names
// the type and whose text is the ISO form: {"date": "2015-07"}, {"datetime":
// "2015-07-21T21:40+02:00[Europe/Stockholm]"}, {"duration": "P1DT2H"}. The key for a value
// (nullptr for other kinds), and the value for a key and its text (nullopt with `error` saying
// what was expected when the key is not one of them or the text does not read).
const char* typed_key(const Value& v);
bool is_typed_key(std::string_view key);
std::optional<Value> parse_typed(std::string_view key, std::string_view text, std::string& error);

// A few properties per entity: a sorted flat array is smaller and faster than a map, and keeps
// the canonical writer's key order for free. Its capacity is the size rounded up to a power of
// two, so only the size is stored: one edge with one property allocates exactly one entry, and
// an edge's other members can use the 4 bytes after the size ([[no_unique_address]]).
class Properties {
public:
    using Entry = std::pair<std::string, Value>;
    Properties() noexcept = default;
    Properties(const Properties& other);
    Properties(Properties&& other) noexcept
        : items_(std::exchange(other.items_, nullptr)), size_(std::exchange(other.size_, 0)) {}
    Properties& operator=(const Properties& other);
    Properties& operator=(Properties&& other) noexcept;
    ~Properties() { release(); }

    const Value* get(std::string_view key) const;
    void set(std::string key, Value value);
    bool erase(std::string_view key);
    bool contains(std::string_view key) const { return get(key) != nullptr; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const Entry* begin() const { return items_; }
    const Entry* end() const { return items_ + size_; }
    bool operator==(const Properties& other) const;

private:
    void release() noexcept;

    Entry* items_ = nullptr;
    std::uint32_t size_ = 0;
};

}  // namespace liaison
