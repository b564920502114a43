// Scalar functions of the query language (the catalog in binder/catalog.cpp lists them).
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <random>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include "core/utf8.hpp"
#include "model/lookup.hpp"
#include "model/names.hpp"
#include "query/executor/eval.hpp"
#include "query/executor/graph_access.hpp"
#include "query/executor/temporal_functions.hpp"

namespace liaison::query {

using K = Value::Kind;

namespace {

// 128-bit integers (a GCC and Clang extension) hold intermediate results that 64 bits cannot.
__extension__ typedef __int128 Int128;

[[noreturn]] void bad_arg(const std::string& fn, const Value& v) {
    type_error(fmt::format("{}() cannot take a {}", fn, Value::kind_name(v.kind())));
}

double number_arg(const std::string& fn, const Value& v) {
    if (!v.is_number()) bad_arg(fn, v);
    return v.to_double();
}

// Splits UTF-8 text into code points (each as its byte string).
std::vector<std::string> code_points(const std::string& s) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        out.push_back(s.substr(i, n));
        i += n;
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to && i < parts.size(); ++i) out += parts[i];
    return out;
}

[[noreturn]] void integer_overflow(const std::string& what) {
    runtime_error("ArithmeticError", "IntegerOverflow", what);
}

// A float's integer part, when it fits in 64 bits (2^63 itself does not).
std::int64_t float_to_integer(double d) {
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0))
        integer_overflow(fmt::format("{} does not fit in an integer", format_float(d)));
    return static_cast<std::int64_t>(std::trunc(d));
}

Value to_integer(const Value& v) {
    switch (v.kind()) {
        case K::Null:
            return {};
        case K::Int:
            return v;
        case K::Float:
            if (std::isnan(v.as_float())) return {};
            return float_to_integer(v.as_float());
        case K::Bool:
            return std::int64_t{v.as_bool() ? 1 : 0};
        case K::String: {
            const std::string& s = v.as_string();
            std::size_t used = 0;
            try {
                long long i = std::stoll(s, &used);
                if (used == s.size()) return static_cast<std::int64_t>(i);
            } catch (const std::out_of_range&) {
                integer_overflow(fmt::format("'{}' does not fit in an integer", s));
            } catch (const std::invalid_argument&) {
                return {};
            }
            double d = 0;
            try {
                d = std::stod(s, &used);
            } catch (const std::exception&) {
                return {};
            }
            if (used != s.size() || std::isnan(d)) return {};
            return float_to_integer(d);
        }
        default:
            bad_arg("toInteger", v);
    }
}

Value to_float(const Value& v) {
    switch (v.kind()) {
        case K::Null:
            return {};
        case K::Int:
            return static_cast<double>(v.as_int());
        case K::Float:
            return v;
        case K::String: {
            try {
                std::size_t used = 0;
                double d = std::stod(v.as_string(), &used);
                if (used == v.as_string().size()) return d;
            } catch (const std::exception&) {
            }
            return {};
        }
        default:
            bad_arg("toFloat", v);
    }
}

std::string trim_text(const std::string& s, bool left, bool right) {
    std::size_t a = 0, b = s.size();
    if (left)
        while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    if (right)
        while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return s.substr(a, b - a);
}

}  // namespace

Value call_function(const std::string& f, std::vector<Value>& a, ExecContext& ctx) {
    auto arg = [&](std::size_t i) -> const Value& { return a[i]; };
    // Functions defined on null, or that take several arguments where null does not propagate.
    if (f == "coalesce") {
        for (auto& v : a)
            if (!v.is_null()) return v;
        return {};
    }
    if (f == "pi") return M_PI;
    if (f == "e") return M_E;
    if (f == "rand") {
        static thread_local std::mt19937_64 rng{std::random_device{}()};
        return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    }
    if (f == "timestamp")  // milliseconds since 1970, read once per query
        return static_cast<std::int64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                             ctx.gov.started().time_since_epoch())
                                             .count());
    if (f == "range") {
        for (auto& v : a)
            if (v.kind() != K::Int)
                runtime_error("ArgumentError", "InvalidArgumentType", "range() expects integers");
        std::int64_t from = arg(0).as_int(), to = arg(1).as_int();
        std::int64_t step = a.size() > 2 ? arg(2).as_int() : 1;
        if (step == 0)
            runtime_error("ArgumentError", "NumberOutOfRange", "range() step cannot be 0");
        // The count in 128 bits: to - from overflows 64 for range(-2^63, 2^63 - 1).
        Int128 span = static_cast<Int128>(to) - from;
        Int128 count = (step > 0 ? span >= 0 : span <= 0) ? span / step + 1 : 0;
        if (count > static_cast<Int128>(SIZE_MAX / sizeof(Value)))
            runtime_error("ResourceError", "MemoryLimitExceeded",
                          "range() would hold more values than memory can");
        ctx.gov.reserve(static_cast<std::size_t>(count) * sizeof(Value));
        ValueList out;
        out.reserve(static_cast<std::size_t>(count));
        for (Int128 k = 0; k < count; ++k) {
            ctx.gov.tick();
            out.push_back(static_cast<std::int64_t>(from + k * step));
        }
        return out;
    }
    if (auto t = call_temporal_function(f, a, ctx)) return *t;
    if (f == "liaison.named") {
        if (arg(0).is_null() || arg(1).is_null()) return {};
        if (arg(0).kind() != K::Node) bad_arg(f, arg(0));
        if (arg(1).kind() != K::String) bad_arg(f, arg(1));
        const Node& node = ctx.g().node(arg(0).as_node().index);
        const std::string& q = arg(1).as_string();
        if (node.id == q) return true;
        std::string folded = fold_name(q);
        if (folded.empty()) return false;
        auto same = [&](const std::string& name) {
            return !name.empty() && fold_name(name) == folded;
        };
        if (same(node.names.en) || same(node.names.ar)) return true;
        for (const auto& alias : node.names.aliases)
            if (same(alias)) return true;
        return false;
    }
    if (f == "replace" || f == "substring" || f == "split" || f == "left" || f == "right" ||
        f == "atan2") {
        for (auto& v : a)
            if (v.is_null()) return {};
    }
    if (a.size() == 1 && arg(0).is_null() && f != "exists") return {};

    const Value& x = a.empty() ? Value() : arg(0);
    if (f == "id") {
        if (x.kind() == K::Node) return std::int64_t{x.as_node().index};
        if (x.kind() == K::Relationship) return std::int64_t{x.as_rel().index};
        bad_arg(f, x);
    }
    if (f == "labels") {
        if (x.kind() != K::Node) bad_arg(f, x);
        return node_labels(ctx, x.as_node());
    }
    if (f == "type") {
        if (x.kind() != K::Relationship) bad_arg(f, x);
        return rel_type(ctx, x.as_rel());
    }
    if (f == "keys" || f == "properties") {
        ValueMap m;
        if (x.kind() == K::Node)
            m = node_properties(ctx, x.as_node());
        else if (x.kind() == K::Relationship)
            m = rel_properties(ctx, x.as_rel());
        else if (x.kind() == K::Map)
            m = x.as_map();
        else
            bad_arg(f, x);
        if (f == "properties") return m;
        ValueList keys;
        for (auto& [k, v] : m) keys.push_back(k);
        return keys;
    }
    if (f == "startnode" || f == "endnode") {
        if (x.kind() != K::Relationship) bad_arg(f, x);
        check_alive(ctx, x);
        const Edge& e = ctx.g().edge(x.as_rel().index);
        return NodeRef{f == "startnode" ? e.source : e.target};
    }
    if (f == "nodes" || f == "relationships") {
        if (x.kind() != K::Path) bad_arg(f, x);
        ValueList out;
        if (f == "nodes")
            for (auto n : x.as_path().nodes) out.push_back(NodeRef{n});
        else
            for (auto r : x.as_path().rels) out.push_back(RelRef{r});
        return out;
    }
    if (f == "length") {
        if (x.kind() == K::Path) return static_cast<std::int64_t>(x.as_path().rels.size());
        if (x.kind() == K::String)
            return static_cast<std::int64_t>(code_points(x.as_string()).size());
        if (x.kind() == K::List) return static_cast<std::int64_t>(x.as_list().size());
        bad_arg(f, x);
    }
    if (f == "size") {
        if (x.kind() == K::List) return static_cast<std::int64_t>(x.as_list().size());
        if (x.kind() == K::String)
            return static_cast<std::int64_t>(code_points(x.as_string()).size());
        bad_arg(f, x);
    }
    if (f == "exists") return !x.is_null();
    if (f == "head" || f == "last" || f == "tail" || f == "reverse") {
        if (f == "reverse" && x.kind() == K::String) {
            auto cps = code_points(x.as_string());
            std::string out;
            for (auto it = cps.rbegin(); it != cps.rend(); ++it) out += *it;
            return out;
        }
        if (x.kind() != K::List) bad_arg(f, x);
        const ValueList& l = x.as_list();
        if (f == "head") return l.empty() ? Value() : l.front();
        if (f == "last") return l.empty() ? Value() : l.back();
        if (f == "tail") return l.empty() ? ValueList{} : ValueList(l.begin() + 1, l.end());
        return ValueList(l.rbegin(), l.rend());
    }
    if (f == "tointeger") return to_integer(x);
    if (f == "tofloat") return to_float(x);
    if (f == "tostring") {
        switch (x.kind()) {
            case K::String:
                return x;
            case K::Int:
                return std::to_string(x.as_int());
            case K::Float:
                return format_float(x.as_float());
            case K::Bool:
                return x.as_bool() ? "true" : "false";
            case K::Date:
                return x.as_date().to_string();
            case K::Temporal:
                return to_string(x.as_temporal());
            case K::Duration:
                return to_string(x.as_duration());
            default:
                bad_arg(f, x);
        }
    }
    if (f == "toboolean") {
        if (x.kind() == K::Bool) return x;
        if (x.kind() == K::String) {
            std::string s = trim_text(x.as_string(), true, true);
            for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (s == "true") return true;
            if (s == "false") return false;
            return {};
        }
        if (x.kind() == K::Int) return x.as_int() != 0;
        bad_arg(f, x);
    }
    if (f == "abs") {
        if (x.kind() == K::Int) {
            if (x.as_int() == INT64_MIN)
                integer_overflow("abs() of -2^63 does not fit in an integer");
            return x.as_int() < 0 ? -x.as_int() : x.as_int();
        }
        return std::fabs(number_arg(f, x));
    }
    if (f == "sign") {
        double d = number_arg(f, x);
        return std::int64_t{d > 0 ? 1 : d < 0 ? -1 : 0};
    }
    if (f == "ceil") return std::ceil(number_arg(f, x));
    if (f == "floor") return std::floor(number_arg(f, x));
    if (f == "round") return std::round(number_arg(f, x));
    if (f == "sqrt") return std::sqrt(number_arg(f, x));
    if (f == "exp") return std::exp(number_arg(f, x));
    if (f == "log") return std::log(number_arg(f, x));
    if (f == "log10") return std::log10(number_arg(f, x));
    if (f == "sin") return std::sin(number_arg(f, x));
    if (f == "cos") return std::cos(number_arg(f, x));
    if (f == "tan") return std::tan(number_arg(f, x));
    if (f == "asin") return std::asin(number_arg(f, x));
    if (f == "acos") return std::acos(number_arg(f, x));
    if (f == "atan") return std::atan(number_arg(f, x));
    if (f == "atan2") return std::atan2(number_arg(f, x), number_arg(f, arg(1)));
    if (f == "toupper" || f == "tolower") {
        if (x.kind() != K::String) bad_arg(f, x);
        // Full Unicode case mapping (ICU, root locale): 'côte' -> 'CÔTE', 'ß' -> 'SS'.
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(x.as_string());
        if (f == "toupper")
            u.toUpper(icu::Locale::getRoot());
        else
            u.toLower(icu::Locale::getRoot());
        std::string out;
        u.toUTF8String(out);
        return out;
    }
    if (f == "trim" || f == "ltrim" || f == "rtrim") {
        if (x.kind() != K::String) bad_arg(f, x);
        return trim_text(x.as_string(), f != "rtrim", f != "ltrim");
    }
    if (f == "replace") {
        for (auto& v : a)
            if (v.kind() != K::String) bad_arg(f, v);
        std::string s = x.as_string();
        const std::string& from = arg(1).as_string();
        const std::string& to = arg(2).as_string();
        if (from.empty()) return s;
        std::string out;
        std::size_t pos = 0;
        for (std::size_t hit; (hit = s.find(from, pos)) != std::string::npos;
             pos = hit + from.size())
            out += s.substr(pos, hit - pos) + to;
        return out + s.substr(pos);
    }
    if (f == "split") {
        if (x.kind() != K::String || arg(1).kind() != K::String) bad_arg(f, x);
        const std::string& s = x.as_string();
        const std::string& sep = arg(1).as_string();
        ValueList out;
        if (sep.empty()) {
            for (auto& cp : code_points(s)) out.push_back(cp);
            return out;
        }
        std::size_t pos = 0;
        for (std::size_t hit; (hit = s.find(sep, pos)) != std::string::npos; pos = hit + sep.size())
            out.push_back(s.substr(pos, hit - pos));
        out.push_back(s.substr(pos));
        return out;
    }
    if (f == "substring" || f == "left" || f == "right") {
        if (x.kind() != K::String) bad_arg(f, x);
        for (std::size_t i = 1; i < a.size(); ++i) {
            if (a[i].kind() != K::Int) bad_arg(f, a[i]);
            if (a[i].as_int() < 0)
                runtime_error("ArgumentError", "NegativeIntegerArgument",
                              fmt::format("{}() cannot take a negative length", f));
        }
        auto cps = code_points(x.as_string());
        auto n = static_cast<std::int64_t>(cps.size());
        if (f == "left")
            return join(cps, 0, static_cast<std::size_t>(std::min(n, arg(1).as_int())));
        if (f == "right") {
            std::int64_t k = std::min(n, arg(1).as_int());
            return join(cps, static_cast<std::size_t>(n - k), cps.size());
        }
        std::int64_t from = std::min(n, arg(1).as_int());
        std::int64_t len = a.size() > 2 ? arg(2).as_int() : n;
        return join(cps, static_cast<std::size_t>(from),
                    static_cast<std::size_t>(std::min(n, from + std::min(len, n))));
    }
    runtime_error("SyntaxError", "UnknownFunction", fmt::format("unknown function '{}'", f));
}

}  // namespace liaison::query
