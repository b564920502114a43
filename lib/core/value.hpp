#pragma once
// Typed property values: null, bool, int, float, string, date, and lists of these.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/date.hpp"

namespace liaison {

class Value;
using ValueList = std::vector<Value>;

class Value {
public:
    enum class Kind { Null, Bool, Int, Float, String, Date, List };

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

    Kind kind() const { return static_cast<Kind>(v_.index()); }
    bool is_null() const { return kind() == Kind::Null; }
    bool as_bool() const { return std::get<bool>(v_); }
    std::int64_t as_int() const { return std::get<std::int64_t>(v_); }
    double as_float() const { return std::get<double>(v_); }
    const std::string& as_string() const { return std::get<std::string>(v_); }
    const Date& as_date() const { return std::get<Date>(v_); }
    const ValueList& as_list() const { return std::get<ValueList>(v_); }

    // Numeric view for analysis (weights): ints and floats; nullopt otherwise.
    bool is_number() const { return kind() == Kind::Int || kind() == Kind::Float; }
    double to_number() const {
        return kind() == Kind::Int ? static_cast<double>(as_int()) : as_float();
    }

    // Human-readable text: strings unquoted, dates ISO, lists "[a, b]".
    std::string to_display() const;
    static const char* kind_name(Kind k);

    bool operator==(const Value& other) const = default;

private:
    std::variant<std::monostate, bool, std::int64_t, double, std::string, Date, ValueList> v_;
};

// A few properties per entity: a sorted flat vector is smaller and faster than a map, and keeps
// the canonical writer's key order for free.
class Properties {
public:
    using Entry = std::pair<std::string, Value>;
    const Value* get(std::string_view key) const;
    void set(std::string key, Value value);
    bool erase(std::string_view key);
    bool contains(std::string_view key) const { return get(key) != nullptr; }
    std::size_t size() const { return items_.size(); }
    bool empty() const { return items_.empty(); }
    auto begin() const { return items_.begin(); }
    auto end() const { return items_.end(); }
    bool operator==(const Properties& other) const = default;

private:
    std::vector<Entry> items_;
};

}  // namespace liaison
