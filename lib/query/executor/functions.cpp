// The function table of the query language (functions.hpp) and its scalar functions.
#include "query/executor/functions.hpp"

#include <cctype>
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdint>
#include <random>
#include <string_view>

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <fmt/format.h>

#include "liaison/core/utf8.hpp"
#include "liaison/model/lookup.hpp"
#include "liaison/model/names.hpp"
#include "query/executor/eval.hpp"
#include "query/executor/functions_neo4j.hpp"
#include "query/executor/graph_access.hpp"
#include "query/executor/temporal_functions.hpp"
#include "query/executor/temporal_support.hpp"

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

using Args = FunctionArgs;
namespace t = types;

// --- functions defined on null or on several arguments -----------------------------------------

Value fn_coalesce(Args a, ExecContext&) {
    for (auto& v : a)
        if (!v.is_null()) return std::move(v);
    return {};
}

Value fn_pi(Args, ExecContext&) { return M_PI; }
Value fn_e(Args, ExecContext&) { return M_E; }

Value fn_rand(Args, ExecContext&) {
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(rng);
}

// Milliseconds since 1970, read once per query.
Value fn_timestamp(Args, ExecContext& ctx) {
    return static_cast<std::int64_t>(
        std::chrono::duration_cast<std::chrono::milliseconds>(ctx.gov.started().time_since_epoch())
            .count());
}

Value fn_range(Args a, ExecContext& ctx) {
    for (auto& v : a)
        if (v.kind() != K::Int)
            runtime_error("ArgumentError", "InvalidArgumentType", "range() expects integers");
    std::int64_t from = a[0].as_int(), to = a[1].as_int();
    std::int64_t step = a.size() > 2 ? a[2].as_int() : 1;
    if (step == 0) runtime_error("ArgumentError", "NumberOutOfRange", "range() step cannot be 0");
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

Value fn_exists(Args a, ExecContext&) { return !a[0].is_null(); }

// --- graph ---------------------------------------------------------------------------------------

Value fn_liaison_named(Args a, ExecContext& ctx) {
    if (a[0].kind() != K::Node) bad_arg("liaison.named", a[0]);
    if (a[1].kind() != K::String) bad_arg("liaison.named", a[1]);
    const Node& node = ctx.g().node(a[0].as_node().index);
    const std::string& q = a[1].as_string();
    if (node.id == q) return true;
    std::string folded = fold_name(q);
    if (folded.empty()) return false;
    auto same = [&](const std::string& name) { return !name.empty() && fold_name(name) == folded; };
    if (same(node.names.en) || same(node.names.ar)) return true;
    for (const auto& alias : node.names.aliases)
        if (same(alias)) return true;
    return false;
}

Value fn_id(Args a, ExecContext&) {
    const Value& x = a[0];
    if (x.kind() == K::Node) return std::int64_t{x.as_node().index};
    if (x.kind() == K::Relationship) return std::int64_t{x.as_rel().index};
    bad_arg("id", x);
}

Value fn_labels(Args a, ExecContext& ctx) {
    if (a[0].kind() != K::Node) bad_arg("labels", a[0]);
    return node_labels(ctx, a[0].as_node());
}

Value fn_type(Args a, ExecContext& ctx) {
    if (a[0].kind() != K::Relationship) bad_arg("type", a[0]);
    return rel_type(ctx, a[0].as_rel());
}

ValueMap properties_of(const char* f, const Value& x, ExecContext& ctx) {
    if (x.kind() == K::Node) return node_properties(ctx, x.as_node());
    if (x.kind() == K::Relationship) return rel_properties(ctx, x.as_rel());
    if (x.kind() == K::Map) return x.as_map();
    bad_arg(f, x);
}

Value fn_properties(Args a, ExecContext& ctx) { return properties_of("properties", a[0], ctx); }

Value fn_keys(Args a, ExecContext& ctx) {
    ValueList keys;
    for (auto& [k, v] : properties_of("keys", a[0], ctx)) keys.push_back(k);
    return keys;
}

NodeRef rel_end(const char* f, const Value& x, ExecContext& ctx, bool start) {
    if (x.kind() != K::Relationship) bad_arg(f, x);
    check_alive(ctx, x);
    const Edge& e = ctx.g().edge(x.as_rel().index);
    return NodeRef{start ? e.source : e.target};
}

Value fn_startnode(Args a, ExecContext& ctx) { return rel_end("startnode", a[0], ctx, true); }
Value fn_endnode(Args a, ExecContext& ctx) { return rel_end("endnode", a[0], ctx, false); }

Value fn_nodes(Args a, ExecContext&) {
    if (a[0].kind() != K::Path) bad_arg("nodes", a[0]);
    ValueList out;
    for (auto n : a[0].as_path().nodes) out.push_back(NodeRef{n});
    return out;
}

Value fn_relationships(Args a, ExecContext&) {
    if (a[0].kind() != K::Path) bad_arg("relationships", a[0]);
    ValueList out;
    for (auto r : a[0].as_path().rels) out.push_back(RelRef{r});
    return out;
}

// --- lists and strings ---------------------------------------------------------------------------

Value fn_length(Args a, ExecContext&) {
    const Value& x = a[0];
    if (x.kind() == K::Path) return static_cast<std::int64_t>(x.as_path().rels.size());
    if (x.kind() == K::String) return static_cast<std::int64_t>(code_points(x.as_string()).size());
    if (x.kind() == K::List) return static_cast<std::int64_t>(x.as_list().size());
    bad_arg("length", x);
}

Value fn_size(Args a, ExecContext&) {
    const Value& x = a[0];
    if (x.kind() == K::List) return static_cast<std::int64_t>(x.as_list().size());
    if (x.kind() == K::String) return static_cast<std::int64_t>(code_points(x.as_string()).size());
    bad_arg("size", x);
}

const ValueList& list_arg(const char* f, const Value& x) {
    if (x.kind() != K::List) bad_arg(f, x);
    return x.as_list();
}

Value fn_head(Args a, ExecContext&) {
    const ValueList& l = list_arg("head", a[0]);
    return l.empty() ? Value() : l.front();
}

Value fn_last(Args a, ExecContext&) {
    const ValueList& l = list_arg("last", a[0]);
    return l.empty() ? Value() : l.back();
}

Value fn_tail(Args a, ExecContext&) {
    const ValueList& l = list_arg("tail", a[0]);
    return l.empty() ? ValueList{} : ValueList(l.begin() + 1, l.end());
}

Value fn_reverse(Args a, ExecContext&) {
    const Value& x = a[0];
    if (x.kind() == K::String) {
        auto cps = code_points(x.as_string());
        std::string out;
        for (auto it = cps.rbegin(); it != cps.rend(); ++it) out += *it;
        return out;
    }
    const ValueList& l = list_arg("reverse", x);
    return ValueList(l.rbegin(), l.rend());
}

Value fn_tointeger(Args a, ExecContext&) { return to_integer(a[0]); }
Value fn_tofloat(Args a, ExecContext&) { return to_float(a[0]); }

Value fn_tostring(Args a, ExecContext&) {
    const Value& x = a[0];
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
            bad_arg("tostring", x);
    }
}

Value fn_toboolean(Args a, ExecContext&) {
    const Value& x = a[0];
    if (x.kind() == K::Bool) return x;
    if (x.kind() == K::String) {
        std::string s = trim_text(x.as_string(), true, true);
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (s == "true") return true;
        if (s == "false") return false;
        return {};
    }
    if (x.kind() == K::Int) return x.as_int() != 0;
    bad_arg("toboolean", x);
}

const std::string& string_arg(const char* f, const Value& x) {
    if (x.kind() != K::String) bad_arg(f, x);
    return x.as_string();
}

// Full Unicode case mapping (ICU, root locale): 'côte' -> 'CÔTE', 'ß' -> 'SS'.
Value change_case(const char* f, const Value& x, bool upper) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(string_arg(f, x));
    if (upper)
        u.toUpper(icu::Locale::getRoot());
    else
        u.toLower(icu::Locale::getRoot());
    std::string out;
    u.toUTF8String(out);
    return out;
}

Value fn_toupper(Args a, ExecContext&) { return change_case("toupper", a[0], true); }
Value fn_tolower(Args a, ExecContext&) { return change_case("tolower", a[0], false); }
Value fn_trim(Args a, ExecContext&) { return trim_text(string_arg("trim", a[0]), true, true); }
Value fn_ltrim(Args a, ExecContext&) { return trim_text(string_arg("ltrim", a[0]), true, false); }
Value fn_rtrim(Args a, ExecContext&) { return trim_text(string_arg("rtrim", a[0]), false, true); }

Value fn_replace(Args a, ExecContext&) {
    for (auto& v : a)
        if (v.kind() != K::String) bad_arg("replace", v);
    const std::string& s = a[0].as_string();
    const std::string& from = a[1].as_string();
    const std::string& to = a[2].as_string();
    if (from.empty()) return s;
    std::string out;
    std::size_t pos = 0;
    for (std::size_t hit; (hit = s.find(from, pos)) != std::string::npos; pos = hit + from.size())
        out += s.substr(pos, hit - pos) + to;
    return out + s.substr(pos);
}

Value fn_split(Args a, ExecContext&) {
    if (a[0].kind() != K::String || a[1].kind() != K::String) bad_arg("split", a[0]);
    const std::string& s = a[0].as_string();
    const std::string& sep = a[1].as_string();
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

// The code points of substring(), left() and right(), their counts checked.
std::vector<std::string> text_and_counts(const char* f, Args a) {
    const std::string& s = string_arg(f, a[0]);
    for (std::size_t i = 1; i < a.size(); ++i) {
        if (a[i].kind() != K::Int) bad_arg(f, a[i]);
        if (a[i].as_int() < 0)
            runtime_error("ArgumentError", "NegativeIntegerArgument",
                          fmt::format("{}() cannot take a negative length", f));
    }
    return code_points(s);
}

Value fn_left(Args a, ExecContext&) {
    auto cps = text_and_counts("left", a);
    auto n = static_cast<std::int64_t>(cps.size());
    return join(cps, 0, static_cast<std::size_t>(std::min(n, a[1].as_int())));
}

Value fn_right(Args a, ExecContext&) {
    auto cps = text_and_counts("right", a);
    auto n = static_cast<std::int64_t>(cps.size());
    std::int64_t k = std::min(n, a[1].as_int());
    return join(cps, static_cast<std::size_t>(n - k), cps.size());
}

Value fn_substring(Args a, ExecContext&) {
    auto cps = text_and_counts("substring", a);
    auto n = static_cast<std::int64_t>(cps.size());
    std::int64_t from = std::min(n, a[1].as_int());
    std::int64_t len = a.size() > 2 ? a[2].as_int() : n;
    return join(cps, static_cast<std::size_t>(from),
                static_cast<std::size_t>(std::min(n, from + std::min(len, n))));
}

// --- numbers -------------------------------------------------------------------------------------

Value fn_abs(Args a, ExecContext&) {
    const Value& x = a[0];
    if (x.kind() == K::Int) {
        if (x.as_int() == INT64_MIN) integer_overflow("abs() of -2^63 does not fit in an integer");
        return x.as_int() < 0 ? -x.as_int() : x.as_int();
    }
    return std::fabs(number_arg("abs", x));
}

Value fn_sign(Args a, ExecContext&) {
    double d = number_arg("sign", a[0]);
    return std::int64_t{d > 0 ? 1 : d < 0 ? -1 : 0};
}

// A function of one number to a float, named for its messages.
template <double (*F)(double)>
Value math1(const char* f, const Value& x) {
    return F(number_arg(f, x));
}

double c_ceil(double x) { return std::ceil(x); }
double c_floor(double x) { return std::floor(x); }
double c_round(double x) { return std::round(x); }
double c_sqrt(double x) { return std::sqrt(x); }
double c_exp(double x) { return std::exp(x); }
double c_log(double x) { return std::log(x); }
double c_log10(double x) { return std::log10(x); }
double c_sin(double x) { return std::sin(x); }
double c_cos(double x) { return std::cos(x); }
double c_tan(double x) { return std::tan(x); }
double c_asin(double x) { return std::asin(x); }
double c_acos(double x) { return std::acos(x); }
double c_atan(double x) { return std::atan(x); }

Value fn_atan2(Args a, ExecContext&) {
    return std::atan2(number_arg("atan2", a[0]), number_arg("atan2", a[1]));
}

// --- the table -----------------------------------------------------------------------------------

constexpr std::uint8_t kNullIn = FunctionDef::kNullIn;
constexpr std::uint8_t kVolatile = FunctionDef::kVolatile;

// clang-format off
#define LIAISON_MATH1(NAME, FN)                                                    \
    {NAME, 1, 1, {t::kNull | t::kNumber}, t::kFloat, kNullIn, AggregateKind::None, \
     [](Args a, ExecContext&) { return math1<FN>(NAME, a[0]); }}

// A temporal constructor and its .transaction/.statement/.realtime and .truncate members.
#define LIAISON_TEMPORAL(NAME, TARGET)                                                          \
    {NAME, 0, 1, {t::kAny}, t::kTemporal, 0, AggregateKind::None,                               \
     [](Args a, ExecContext& c) { return temporal_construct(TemporalTarget::TARGET, a, c); }},  \
    {NAME ".transaction", 0, 1, {t::kAny}, t::kTemporal, 0, AggregateKind::None,                \
     [](Args a, ExecContext& c) { return temporal_now(TemporalTarget::TARGET, a, c); }},        \
    {NAME ".statement", 0, 1, {t::kAny}, t::kTemporal, 0, AggregateKind::None,                  \
     [](Args a, ExecContext& c) { return temporal_now(TemporalTarget::TARGET, a, c); }},        \
    {NAME ".realtime", 0, 1, {t::kAny}, t::kTemporal, 0, AggregateKind::None,                   \
     [](Args a, ExecContext& c) { return temporal_now(TemporalTarget::TARGET, a, c); }},        \
    {NAME ".truncate", 2, 3, {t::kAny}, t::kTemporal, 0, AggregateKind::None,                   \
     [](Args a, ExecContext&) { return temporal_truncate(TemporalTarget::TARGET, a); }}

#define LIAISON_AGGREGATE(NAME, ARGS, TYPES, RESULT, KIND) \
    {NAME, ARGS, ARGS, TYPES, RESULT, 0, AggregateKind::KIND, nullptr}

const FunctionDef kFunctions[] = {
    // aggregates (executor/aggregators.cpp)
    LIAISON_AGGREGATE("count", 1, {t::kAny}, t::kInt, Count),
    LIAISON_AGGREGATE("sum", 1, {t::kNull | t::kNumber | t::kTemporal}, t::kNumber | t::kTemporal, Sum),
    LIAISON_AGGREGATE("avg", 1, {t::kNull | t::kNumber | t::kTemporal}, t::kNumber | t::kTemporal, Avg),
    LIAISON_AGGREGATE("min", 1, {t::kAny}, t::kAny, Min),
    LIAISON_AGGREGATE("max", 1, {t::kAny}, t::kAny, Max),
    LIAISON_AGGREGATE("collect", 1, {t::kAny}, t::kList, Collect),
    LIAISON_AGGREGATE("percentilecont", 2, {t::kNull | t::kNumber}, t::kFloat, PercentileCont),
    LIAISON_AGGREGATE("percentiledisc", 2, {t::kNull | t::kNumber}, t::kNumber, PercentileDisc),
    LIAISON_AGGREGATE("stdev", 1, {t::kNull | t::kNumber}, t::kFloat, StDev),
    LIAISON_AGGREGATE("stdevp", 1, {t::kNull | t::kNumber}, t::kFloat, StDevP),
    // graph
    {"id", 1, 1, {t::kNull | t::kNode | t::kRel}, t::kInt, kNullIn, AggregateKind::None, fn_id},
    {"labels", 1, 1, {t::kNull | t::kNode}, t::kList, kNullIn, AggregateKind::None, fn_labels},
    {"type", 1, 1, {t::kNull | t::kRel}, t::kString, kNullIn, AggregateKind::None, fn_type},
    {"keys", 1, 1, {t::kNull | t::kNode | t::kRel | t::kMap}, t::kList, kNullIn, AggregateKind::None, fn_keys},
    {"properties", 1, 1, {t::kNull | t::kNode | t::kRel | t::kMap}, t::kMap, kNullIn, AggregateKind::None, fn_properties},
    {"startnode", 1, 1, {t::kNull | t::kRel}, t::kNode, kNullIn, AggregateKind::None, fn_startnode},
    {"endnode", 1, 1, {t::kNull | t::kRel}, t::kNode, kNullIn, AggregateKind::None, fn_endnode},
    {"nodes", 1, 1, {t::kNull | t::kPath}, t::kList, kNullIn, AggregateKind::None, fn_nodes},
    {"relationships", 1, 1, {t::kNull | t::kPath}, t::kList, kNullIn, AggregateKind::None, fn_relationships},
    {"length", 1, 1, {t::kNull | t::kPath | t::kString | t::kList}, t::kInt, kNullIn, AggregateKind::None, fn_length},
    {"exists", 1, 1, {t::kAny}, t::kBool, 0, AggregateKind::None, fn_exists},
    // executor/functions_neo4j.cpp
    {"elementid", 1, 1, {t::kNull | t::kNode | t::kRel}, t::kString, kNullIn, AggregateKind::None, fn_elementid},
    {"isempty", 1, 1, {t::kNull | t::kList | t::kMap | t::kString}, t::kBool, kNullIn, AggregateKind::None, fn_isempty},
    {"linenumber", 0, 0, {}, t::kInt, 0, AggregateKind::None, fn_outside_load_csv},
    {"file", 0, 0, {}, t::kString, 0, AggregateKind::None, fn_outside_load_csv},
    // lists and scalars
    {"size", 1, 1, {t::kNull | t::kList | t::kString}, t::kInt, kNullIn, AggregateKind::None, fn_size},
    {"head", 1, 1, {t::kNull | t::kList}, t::kAny, kNullIn, AggregateKind::None, fn_head},
    {"last", 1, 1, {t::kNull | t::kList}, t::kAny, kNullIn, AggregateKind::None, fn_last},
    {"tail", 1, 1, {t::kNull | t::kList}, t::kList, kNullIn, AggregateKind::None, fn_tail},
    {"range", 2, 3, {t::kAny}, t::kList, 0, AggregateKind::None, fn_range},  // ArgumentError when running
    {"reverse", 1, 1, {t::kNull | t::kList | t::kString}, t::kList | t::kString, kNullIn, AggregateKind::None, fn_reverse},
    {"coalesce", 1, -1, {t::kAny}, t::kAny, 0, AggregateKind::None, fn_coalesce},
    {"tointeger", 1, 1, {t::kNull | t::kNumber | t::kBool | t::kString}, t::kInt, kNullIn, AggregateKind::None, fn_tointeger},
    {"tofloat", 1, 1, {t::kNull | t::kNumber | t::kString}, t::kFloat, kNullIn, AggregateKind::None, fn_tofloat},
    {"tostring", 1, 1, {t::kNull | t::kNumber | t::kBool | t::kString | t::kTemporal}, t::kString, kNullIn, AggregateKind::None, fn_tostring},
    {"toboolean", 1, 1, {t::kNull | t::kBool | t::kString | t::kInt}, t::kBool, kNullIn, AggregateKind::None, fn_toboolean},
    {"abs", 1, 1, {t::kNull | t::kNumber}, t::kNumber, kNullIn, AggregateKind::None, fn_abs},
    {"sign", 1, 1, {t::kNull | t::kNumber}, t::kInt, kNullIn, AggregateKind::None, fn_sign},
    LIAISON_MATH1("ceil", c_ceil),
    LIAISON_MATH1("floor", c_floor),
    LIAISON_MATH1("round", c_round),
    LIAISON_MATH1("sqrt", c_sqrt),
    LIAISON_MATH1("exp", c_exp),
    LIAISON_MATH1("log", c_log),
    LIAISON_MATH1("log10", c_log10),
    LIAISON_MATH1("sin", c_sin),
    LIAISON_MATH1("cos", c_cos),
    LIAISON_MATH1("tan", c_tan),
    LIAISON_MATH1("asin", c_asin),
    LIAISON_MATH1("acos", c_acos),
    LIAISON_MATH1("atan", c_atan),
    {"atan2", 2, 2, {t::kNull | t::kNumber}, t::kFloat, kNullIn, AggregateKind::None, fn_atan2},
    {"pi", 0, 0, {}, t::kFloat, 0, AggregateKind::None, fn_pi},
    {"e", 0, 0, {}, t::kFloat, 0, AggregateKind::None, fn_e},
    {"rand", 0, 0, {}, t::kFloat, kVolatile, AggregateKind::None, fn_rand},
    {"substring", 2, 3, {t::kNull | t::kString, t::kNull | t::kInt}, t::kString, kNullIn, AggregateKind::None, fn_substring},
    {"toupper", 1, 1, {t::kNull | t::kString}, t::kString, kNullIn, AggregateKind::None, fn_toupper},
    {"tolower", 1, 1, {t::kNull | t::kString}, t::kString, kNullIn, AggregateKind::None, fn_tolower},
    {"trim", 1, 1, {t::kNull | t::kString}, t::kString, kNullIn, AggregateKind::None, fn_trim},
    {"ltrim", 1, 1, {t::kNull | t::kString}, t::kString, kNullIn, AggregateKind::None, fn_ltrim},
    {"rtrim", 1, 1, {t::kNull | t::kString}, t::kString, kNullIn, AggregateKind::None, fn_rtrim},
    {"replace", 3, 3, {t::kNull | t::kString}, t::kString, kNullIn, AggregateKind::None, fn_replace},
    {"split", 2, 2, {t::kNull | t::kString}, t::kList, kNullIn, AggregateKind::None, fn_split},
    {"left", 2, 2, {t::kNull | t::kString, t::kNull | t::kInt}, t::kString, kNullIn, AggregateKind::None, fn_left},
    {"right", 2, 2, {t::kNull | t::kString, t::kNull | t::kInt}, t::kString, kNullIn, AggregateKind::None, fn_right},
    // temporal (executor/temporal_functions.cpp): their arguments are checked when running
    LIAISON_TEMPORAL("date", Date),
    LIAISON_TEMPORAL("localtime", LocalTime),
    LIAISON_TEMPORAL("time", Time),
    LIAISON_TEMPORAL("localdatetime", LocalDateTime),
    LIAISON_TEMPORAL("datetime", DateTime),
    {"duration", 1, 1, {t::kAny}, t::kTemporal, 0, AggregateKind::None,
     [](Args a, ExecContext&) { return duration_construct(a[0]); }},
    {"duration.between", 2, 2, {t::kAny}, t::kTemporal, 0, AggregateKind::None,
     [](Args a, ExecContext&) { return duration_between(a[0], a[1], "all"); }},
    {"duration.inmonths", 2, 2, {t::kAny}, t::kTemporal, 0, AggregateKind::None,
     [](Args a, ExecContext&) { return duration_between(a[0], a[1], "months"); }},
    {"duration.indays", 2, 2, {t::kAny}, t::kTemporal, 0, AggregateKind::None,
     [](Args a, ExecContext&) { return duration_between(a[0], a[1], "days"); }},
    {"duration.inseconds", 2, 2, {t::kAny}, t::kTemporal, 0, AggregateKind::None,
     [](Args a, ExecContext&) { return duration_between(a[0], a[1], "seconds"); }},
    {"datetime.fromepoch", 2, 2, {t::kAny}, t::kTemporal, 0, AggregateKind::None,
     [](Args a, ExecContext&) { return datetime_from_epoch(a[0], a[1]); }},
    {"datetime.fromepochmillis", 1, 1, {t::kAny}, t::kTemporal, 0, AggregateKind::None,
     [](Args a, ExecContext&) { return datetime_from_epoch_millis(a[0]); }},
    {"timestamp", 0, 0, {}, t::kInt, 0, AggregateKind::None, fn_timestamp},
    // liaison
    {"liaison.named", 2, 2, {t::kNull | t::kNode, t::kNull | t::kString}, t::kBool, kNullIn, AggregateKind::None, fn_liaison_named},
};
// clang-format on

#undef LIAISON_MATH1
#undef LIAISON_TEMPORAL
#undef LIAISON_AGGREGATE

bool same_name(std::string_view lower_name, std::string_view call) {
    if (lower_name.size() != call.size()) return false;
    for (std::size_t i = 0; i < call.size(); ++i)
        if (lower_name[i] != std::tolower(static_cast<unsigned char>(call[i]))) return false;
    return true;
}

}  // namespace

const FunctionDef* find_function(std::string_view name) {
    for (const FunctionDef& f : kFunctions)
        if (same_name(f.name, name)) return &f;
    return nullptr;
}

const FunctionDef& count_function() { return kFunctions[0]; }

std::span<const FunctionDef> all_functions() { return kFunctions; }

}  // namespace liaison::query
