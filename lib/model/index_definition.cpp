#include "liaison/model/index_definition.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/core/utf8.hpp"
#include "liaison/model/relations.hpp"

namespace liaison {

namespace {

bool is_word(std::string_view s) {
    if (s.empty() || s.size() > 200) return false;
    auto alpha = [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
    };
    if (!alpha(s[0])) return false;
    return std::all_of(s.begin(), s.end(),
                       [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

}  // namespace

bool IndexDefinition::equivalent(const IndexDefinition& other) const {
    return relationships == other.relationships && label == other.label &&
           properties == other.properties;
}

bool is_index_name(std::string_view name) { return is_word(name); }

void check_index_definition(const IndexDefinition& d) {
    if (!is_index_name(d.name))
        throw ArgumentError(fmt::format(
            "index name '{}' is not valid (expected letters, digits and '_', not starting with a "
            "digit)",
            d.name));
    if (d.relationships ? !is_relation_name(d.label) : !is_word(d.label))
        throw ArgumentError(fmt::format("index '{}': {} '{}' is not a valid name", d.name,
                                        d.relationships ? "relationship type" : "label", d.label));
    if (d.properties.empty())
        throw ArgumentError(fmt::format("index '{}' needs at least one property", d.name));
    for (std::size_t i = 0; i < d.properties.size(); ++i) {
        const std::string& p = d.properties[i];
        if (p.empty() || p.size() > 200 || find_invalid_utf8(p) ||
            std::any_of(p.begin(), p.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
            throw ArgumentError(
                fmt::format("index '{}': property '{}' is not a valid key", d.name, p));
        if (std::find(d.properties.begin(), d.properties.begin() + static_cast<long>(i), p) !=
            d.properties.begin() + static_cast<long>(i))
            throw ArgumentError(fmt::format("index '{}' names property '{}' twice", d.name, p));
    }
}

std::string default_index_name(const IndexDefinition& d) {
    // FNV-1a over the parts with separators, so the name depends only on what is indexed.
    std::uint32_t h = 2166136261u;
    auto mix = [&](std::string_view s) {
        for (unsigned char c : s) h = (h ^ c) * 16777619u;
        h = (h ^ 0xFFu) * 16777619u;
    };
    mix(d.relationships ? "relationship" : "node");
    mix(d.label);
    for (const auto& p : d.properties) mix(p);
    return fmt::format("index_{:08x}", h);
}

void add_index(std::vector<IndexDefinition>& indexes, IndexDefinition d) {
    check_index_definition(d);
    for (const auto& x : indexes) {
        if (x.name == d.name)
            throw ArgumentError(fmt::format("an index named '{}' already exists", d.name));
        if (x.equivalent(d))
            throw ArgumentError(fmt::format("an equivalent index already exists: '{}'", x.name));
    }
    auto at =
        std::lower_bound(indexes.begin(), indexes.end(), d.name,
                         [](const IndexDefinition& x, const std::string& n) { return x.name < n; });
    indexes.insert(at, std::move(d));
}

bool drop_index(std::vector<IndexDefinition>& indexes, std::string_view name) {
    auto it = std::find_if(indexes.begin(), indexes.end(),
                           [&](const IndexDefinition& x) { return x.name == name; });
    if (it == indexes.end()) return false;
    indexes.erase(it);
    return true;
}

const IndexDefinition* find_index(const std::vector<IndexDefinition>& indexes,
                                  std::string_view name) {
    for (const auto& x : indexes)
        if (x.name == name) return &x;
    return nullptr;
}

}  // namespace liaison
