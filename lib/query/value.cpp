#include "liaison/query/value.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>

#include <fmt/format.h>

namespace liaison::query {

std::size_t value_depth(const Value& v) {
    std::size_t deepest = 0;
    if (v.kind() == Value::Kind::List)
        for (const auto& x : v.as_list()) deepest = std::max(deepest, value_depth(x));
    else if (v.kind() == Value::Kind::Map)
        for (const auto& [k, x] : v.as_map()) deepest = std::max(deepest, value_depth(x));
    else
        return 0;
    return deepest + 1;
}

namespace {

int sign(double d) { return d < 0 ? -1 : d > 0 ? 1 : 0; }

// Compares two numbers exactly (int64 vs double without losing precision where possible).
int compare_numbers(const Value& a, const Value& b) {
    if (a.kind() == Value::Kind::Int && b.kind() == Value::Kind::Int)
        return a.as_int() < b.as_int() ? -1 : a.as_int() > b.as_int() ? 1 : 0;
    long double x = a.kind() == Value::Kind::Int ? static_cast<long double>(a.as_int())
                                                 : static_cast<long double>(a.as_float());
    long double y = b.kind() == Value::Kind::Int ? static_cast<long double>(b.as_int())
                                                 : static_cast<long double>(b.as_float());
    return x < y ? -1 : x > y ? 1 : 0;
}

bool is_nan(const Value& v) { return v.kind() == Value::Kind::Float && std::isnan(v.as_float()); }

}  // namespace

Value equals(const Value& a, const Value& b) {
    using K = Value::Kind;
    if (a.is_null() || b.is_null()) return Value();
    if (a.is_number() && b.is_number()) {
        if (is_nan(a) || is_nan(b)) return false;
        return compare_numbers(a, b) == 0;
    }
    // Dates (and text spelling one) are equal when one could be the other: read at the
    // precision they share ("2025-11-24" = "2025-11"), as compare() orders them.
    if (a.kind() == K::Date || b.kind() == K::Date) {
        auto c = compare(a, b);
        return c ? Value(*c == 0) : Value(false);
    }
    if (a.kind() != b.kind()) return false;
    switch (a.kind()) {
        case K::List: {
            const ValueList& x = a.as_list();
            const ValueList& y = b.as_list();
            if (x.size() != y.size()) return false;
            bool unknown = false;
            for (std::size_t i = 0; i < x.size(); ++i) {
                Value e = equals(x[i], y[i]);
                if (e.is_null())
                    unknown = true;
                else if (!e.as_bool())
                    return false;
            }
            return unknown ? Value() : Value(true);
        }
        case K::Map: {
            const ValueMap& x = a.as_map();
            const ValueMap& y = b.as_map();
            if (x.size() != y.size()) return false;
            bool unknown = false;
            for (std::size_t i = 0; i < x.size(); ++i) {
                if (x[i].first != y[i].first) return false;
            }
            for (std::size_t i = 0; i < x.size(); ++i) {
                Value e = equals(x[i].second, y[i].second);
                if (e.is_null())
                    unknown = true;
                else if (!e.as_bool())
                    return false;
            }
            return unknown ? Value() : Value(true);
        }
        default:
            return a == b;
    }
}

std::optional<int> compare(const Value& a, const Value& b) {
    using K = Value::Kind;
    if (a.is_null() || b.is_null()) return std::nullopt;
    // A date compares with a string that spells a date ("2025-11"), as a date.
    if (a.kind() == K::Date && b.kind() == K::String) {
        auto d = Date::parse(b.as_string());
        return d ? compare(a, Value(*d)) : std::nullopt;
    }
    if (a.kind() == K::String && b.kind() == K::Date) {
        auto d = Date::parse(a.as_string());
        return d ? compare(Value(*d), b) : std::nullopt;
    }
    if (a.is_number() && b.is_number()) {
        if (is_nan(a) || is_nan(b)) return std::nullopt;
        return compare_numbers(a, b);
    }
    if (a.kind() != b.kind()) return std::nullopt;
    switch (a.kind()) {
        case K::Bool:
            return static_cast<int>(a.as_bool()) - static_cast<int>(b.as_bool());
        case K::String: {
            int c = a.as_string().compare(b.as_string());
            return c < 0 ? -1 : c > 0 ? 1 : 0;
        }
        case K::Date:
            return compare_at_shared_precision(a.as_date(), b.as_date());
        case K::Temporal: {
            const Temporal& x = a.as_temporal();
            const Temporal& y = b.as_temporal();
            if (x.type != y.type) return std::nullopt;
            // Times and datetimes with offsets compare as instants (local ones have offset 0).
            auto u = x.instant();
            auto v = y.instant();
            return u < v ? -1 : u > v ? 1 : 0;
        }
        case K::List: {
            const ValueList& x = a.as_list();
            const ValueList& y = b.as_list();
            for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
                auto c = compare(x[i], y[i]);
                if (!c) return std::nullopt;
                if (*c != 0) return c;
            }
            return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
        }
        default:
            return std::nullopt;
    }
}

namespace {

int type_rank(const Value& v) {
    using K = Value::Kind;
    switch (v.kind()) {
        case K::Map:
            return 0;
        case K::Node:
            return 1;
        case K::Relationship:
            return 2;
        case K::List:
            return 3;
        case K::Path:
            return 4;
        case K::Date:
            return 5;
        case K::Temporal:
            switch (v.as_temporal().type) {
                case Temporal::Type::Time:
                    return 6;
                case Temporal::Type::LocalTime:
                    return 7;
                case Temporal::Type::DateTime:
                    return 8;
                case Temporal::Type::LocalDateTime:
                    return 9;
            }
            return 9;
        case K::Duration:
            return 10;
        case K::String:
            return 11;
        case K::Bool:
            return 12;
        case K::Int:
        case K::Float:
            return 13;
        case K::Null:
            return 14;
    }
    return 15;
}

int order_lists(const ValueList& x, const ValueList& y) {
    for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
        int c = order(x[i], y[i]);
        if (c != 0) return c;
    }
    return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
}

int order_ids(const std::vector<std::uint32_t>& x, const std::vector<std::uint32_t>& y) {
    return x < y ? -1 : x > y ? 1 : 0;
}

}  // namespace

int order(const Value& a, const Value& b) {
    using K = Value::Kind;
    int ra = type_rank(a), rb = type_rank(b);
    if (ra != rb) return ra < rb ? -1 : 1;
    switch (a.kind()) {
        case K::Null:
            return 0;
        case K::Int:
        case K::Float: {
            bool na = is_nan(a), nb = is_nan(b);
            if (na || nb) return na == nb ? 0 : na ? 1 : -1;
            return compare_numbers(a, b);
        }
        case K::Bool:
        case K::String:
            return *compare(a, b);
        case K::Date: {
            // A total order for sorting, grouping and DISTINCT: by first day, a year before its
            // months. It agrees with compare() wherever that is not 0.
            auto c = a.as_date() <=> b.as_date();
            return c < 0 ? -1 : c > 0 ? 1 : 0;
        }
        case K::Temporal: {
            int c = *compare(a, b);
            if (c != 0) return c;
            // Same instant, other offset or zone: still distinct values.
            const Temporal& x = a.as_temporal();
            const Temporal& y = b.as_temporal();
            return x.offset != y.offset ? (x.offset < y.offset ? -1 : 1)
                                        : (x.zone < y.zone   ? -1
                                           : x.zone > y.zone ? 1
                                                             : 0);
        }
        case K::Duration: {
            const Duration& x = a.as_duration();
            const Duration& y = b.as_duration();
            auto tx = std::tie(x.months, x.days, x.seconds, x.nanos);
            auto ty = std::tie(y.months, y.days, y.seconds, y.nanos);
            return tx < ty ? -1 : tx > ty ? 1 : 0;
        }
        case K::List:
            return order_lists(a.as_list(), b.as_list());
        case K::Map: {
            const ValueMap& x = a.as_map();
            const ValueMap& y = b.as_map();
            for (std::size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
                int c = x[i].first.compare(y[i].first);
                if (c != 0) return c < 0 ? -1 : 1;
                c = order(x[i].second, y[i].second);
                if (c != 0) return c;
            }
            return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
        }
        case K::Node:
            return sign(static_cast<double>(a.as_node().index) - b.as_node().index);
        case K::Relationship:
            return sign(static_cast<double>(a.as_rel().index) - b.as_rel().index);
        case K::Path: {
            int c = order_ids(a.as_path().nodes, b.as_path().nodes);
            return c != 0 ? c : order_ids(a.as_path().rels, b.as_path().rels);
        }
    }
    return 0;
}

bool ValueLess::operator()(const ValueList& a, const ValueList& b) const {
    return order_lists(a, b) < 0;
}

std::string format_float(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    std::string s = fmt::format("{}", d);
    if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
    return s;
}

std::string to_debug_string(const Value& v) {
    using K = Value::Kind;
    switch (v.kind()) {
        case K::Null:
            return "null";
        case K::Bool:
            return v.as_bool() ? "true" : "false";
        case K::Int:
            return std::to_string(v.as_int());
        case K::Float:
            return format_float(v.as_float());
        case K::String:
            return "'" + v.as_string() + "'";
        case K::Date:
            return "date('" + v.as_date().to_string() + "')";
        case K::List: {
            std::string out = "[";
            for (std::size_t i = 0; i < v.as_list().size(); ++i)
                out += (i ? ", " : "") + to_debug_string(v.as_list()[i]);
            return out + "]";
        }
        case K::Map: {
            std::string out = "{";
            bool first = true;
            for (const auto& [k, x] : v.as_map()) {
                out += (first ? "" : ", ") + k + ": " + to_debug_string(x);
                first = false;
            }
            return out + "}";
        }
        case K::Node:
            return fmt::format("Node({})", v.as_node().index);
        case K::Relationship:
            return fmt::format("Relationship({})", v.as_rel().index);
        case K::Path:
            return fmt::format("Path(length {})", v.as_path().rels.size());
        case K::Temporal: {
            static constexpr const char* kNames[] = {"localtime", "time", "localdatetime",
                                                     "datetime"};
            return fmt::format("{}('{}')", kNames[static_cast<int>(v.as_temporal().type)],
                               to_string(v.as_temporal()));
        }
        case K::Duration:
            return "duration('" + to_string(v.as_duration()) + "')";
    }
    return "?";
}

}  // namespace liaison::query
