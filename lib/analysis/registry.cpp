// Looking up algorithms by name and validating their options (registry.hpp); the table itself
// is in algorithms_table.cpp.
#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "liaison/analysis/registry.hpp"
#include "liaison/core/error.hpp"
#include "liaison/core/text_distance.hpp"

namespace liaison::analysis {

namespace {

// The closest of `known` to `name`, within a third of its length (at least 2 edits); "" if none.
std::string nearest(std::string_view name, const std::vector<std::string>& known) {
    const std::size_t limit = std::max<std::size_t>(2, name.size() / 3);
    std::string best;
    std::size_t best_distance = limit + 1;
    for (const std::string& k : known) {
        const std::size_t d = edit_distance(name, k, limit);
        if (d < best_distance) {
            best_distance = d;
            best = k;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& known) {
    const std::string near = nearest(name, known);
    return near.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", near);
}

const char* kind_word(AlgorithmKind kind) {
    return kind == AlgorithmKind::Measure ? "measure" : "community algorithm";
}

const char* type_word(OptionType t) {
    switch (t) {
        case OptionType::Flag:
            return "true or false";
        case OptionType::Integer:
            return "a whole number";
        case OptionType::Number:
            return "a number";
        case OptionType::Choice:
            return "one of";
    }
    return "";
}

std::string expected(const OptionSpec& o) {
    std::string text = type_word(o.type);
    if (o.type == OptionType::Choice) return fmt::format("{} {}", text, fmt::join(o.choices, ", "));
    const bool low = std::isfinite(o.min), high = std::isfinite(o.max);
    if (low && high)
        text += fmt::format(" in {}{}, {}{}", o.min_open ? "(" : "[", o.min, o.max,
                            o.max_open ? ")" : "]");
    else if (low)
        text += fmt::format(" {} {}", o.min_open ? ">" : ">=", o.min);
    else if (high)
        text += fmt::format(" {} {}", o.max_open ? "<" : "<=", o.max);
    return text;
}

std::vector<std::string> option_names(const AlgorithmInfo& info) {
    std::vector<std::string> names;
    for (const OptionSpec& o : info.options) names.push_back(o.name);
    return names;
}

// The value converted to the option's type, or nullopt when it cannot be.
std::optional<OptionValue> convert(const OptionSpec& o, const OptionValue& v) {
    switch (o.type) {
        case OptionType::Flag:
            if (auto b = std::get_if<bool>(&v)) return *b;
            return std::nullopt;
        case OptionType::Integer:
            if (auto i = std::get_if<std::int64_t>(&v)) return *i;
            if (auto d = std::get_if<double>(&v); d && std::trunc(*d) == *d && std::abs(*d) < 9e15)
                return static_cast<std::int64_t>(*d);
            return std::nullopt;
        case OptionType::Number:
            if (auto i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
            if (auto d = std::get_if<double>(&v); d && std::isfinite(*d)) return *d;
            return std::nullopt;
        case OptionType::Choice:
            if (auto s = std::get_if<std::string>(&v)) return *s;
            return std::nullopt;
    }
    return std::nullopt;
}

bool in_range(const OptionSpec& o, const OptionValue& v) {
    if (o.type == OptionType::Choice) {
        const auto& s = std::get<std::string>(v);
        return std::find(o.choices.begin(), o.choices.end(), s) != o.choices.end();
    }
    if (o.type == OptionType::Flag) return true;
    const double x = o.type == OptionType::Integer ? static_cast<double>(std::get<std::int64_t>(v))
                                                   : std::get<double>(v);
    if (o.min_open ? !(x > o.min) : !(x >= o.min)) return false;
    return o.max_open ? x < o.max : x <= o.max;
}

const OptionSpec& option_spec(const AlgorithmInfo& info, std::string_view option,
                              std::string_view field) {
    for (const OptionSpec& o : info.options)
        if (o.name == option) return o;
    const std::vector<std::string> names = option_names(info);
    throw ArgumentError(
        fmt::format("{}: {} takes no option '{}'{}; its options: {}", field, info.name, option,
                    did_you_mean(option, names),
                    names.empty() ? "none" : fmt::format("{}", fmt::join(names, ", "))));
}

}  // namespace

std::string option_text(const OptionValue& v) {
    if (auto b = std::get_if<bool>(&v)) return *b ? "true" : "false";
    if (auto i = std::get_if<std::int64_t>(&v)) return std::to_string(*i);
    if (auto d = std::get_if<double>(&v)) return fmt::format("{}", *d);
    return std::get<std::string>(v);
}

const OptionValue& AlgorithmOptions::get(std::string_view name) const {
    for (const auto& [key, value] : values_)
        if (key == name) return value;
    throw ArgumentError(fmt::format("analysis: no option '{}' (an internal misuse)", name));
}

bool AlgorithmOptions::flag(std::string_view name) const { return std::get<bool>(get(name)); }
std::int64_t AlgorithmOptions::integer(std::string_view name) const {
    return std::get<std::int64_t>(get(name));
}
double AlgorithmOptions::number(std::string_view name) const { return std::get<double>(get(name)); }
const std::string& AlgorithmOptions::choice(std::string_view name) const {
    return std::get<std::string>(get(name));
}

std::vector<std::string> algorithm_names(AlgorithmKind kind) {
    std::vector<std::string> names;
    for (const AlgorithmInfo& a : algorithms())
        if (a.kind == kind) names.push_back(a.name);
    return names;
}

const AlgorithmInfo& find_algorithm(AlgorithmKind kind, std::string_view name,
                                    std::string_view field) {
    std::vector<std::string> spellings;
    for (const AlgorithmInfo& a : algorithms()) {
        if (a.kind != kind) continue;
        if (a.name == name) return a;
        for (const std::string& alias : a.aliases)
            if (alias == name) return a;
        spellings.push_back(a.name);
        spellings.insert(spellings.end(), a.aliases.begin(), a.aliases.end());
    }
    throw ArgumentError(fmt::format("{}: unknown {} '{}'{}; known: {}", field, kind_word(kind),
                                    name, did_you_mean(name, spellings),
                                    fmt::join(algorithm_names(kind), ", ")));
}

AlgorithmOptions validate_options(const AlgorithmInfo& info, const OptionValues& given,
                                  std::string_view field) {
    OptionValues values;
    for (const OptionSpec& o : info.options) values.emplace_back(o.name, o.fallback);
    for (const auto& [name, value] : given) {
        const OptionSpec& o = option_spec(info, name, field);
        auto v = convert(o, value);
        if (!v || !in_range(o, *v))
            throw ArgumentError(fmt::format("{}: {} option '{}' must be {}, not {}", field,
                                            info.name, name, expected(o), option_text(value)));
        for (auto& [key, slot] : values)
            if (key == name) slot = *v;
    }
    return AlgorithmOptions(std::move(values));
}

OptionValue parse_option_text(const AlgorithmInfo& info, std::string_view option,
                              std::string_view text, std::string_view field) {
    const OptionSpec& o = option_spec(info, option, field);
    const std::string s(text);
    auto fail = [&]() -> OptionValue {
        throw ArgumentError(fmt::format("{}: {} option '{}' must be {}, not '{}'", field, info.name,
                                        option, expected(o), text));
    };
    switch (o.type) {
        case OptionType::Flag:
            if (s == "true" || s == "1" || s == "yes") return true;
            if (s == "false" || s == "0" || s == "no") return false;
            return fail();
        case OptionType::Integer: {
            std::size_t used = 0;
            try {
                long long x = std::stoll(s, &used);
                if (used == s.size()) return static_cast<std::int64_t>(x);
            } catch (const std::exception&) {
            }
            return fail();
        }
        case OptionType::Number: {
            std::size_t used = 0;
            try {
                double x = std::stod(s, &used);
                if (used == s.size() && std::isfinite(x)) return x;
            } catch (const std::exception&) {
            }
            return fail();
        }
        case OptionType::Choice:
            return s;
    }
    return fail();
}

Scores run_measure(const Csr& g, std::string_view name, const OptionValues& given,
                   std::string_view field) {
    const AlgorithmInfo& info = find_algorithm(AlgorithmKind::Measure, name, field);
    return info.measure(g, validate_options(info, given, field));
}

Partition run_communities(const Csr& g, std::string_view name, const OptionValues& given,
                          std::string_view field) {
    const AlgorithmInfo& info = find_algorithm(AlgorithmKind::Communities, name, field);
    return info.partition(g, validate_options(info, given, field));
}

}  // namespace liaison::analysis
