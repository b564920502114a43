#pragma once
// Helpers for the extraction tests: run the engine on a sentence, find what it proposed.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "extract/text.hpp"
#include "liaison/extract/extract.hpp"
#include "liaison/model/names.hpp"

namespace extract_test {

inline liaison::PropertyGraph run(const std::string& text, const char* date = nullptr) {
    liaison::extract::Article a;
    a.id = "t";
    a.file = "t.txt";
    a.text = text;
    if (date) a.date = liaison::Date::parse(date);
    liaison::PropertyGraph g = liaison::extract::extract({a});
    // Every quote is the article's own words at its offsets.
    const liaison::extract::Text t = liaison::extract::make_text(text, "t.txt");
    auto check = [&](const liaison::Sources& sources) {
        for (const liaison::Source& s : sources) {
            REQUIRE(s.start);
            REQUIRE(s.end);
            CHECK(t.slice(static_cast<std::uint32_t>(*s.start),
                          static_cast<std::uint32_t>(*s.end)) == s.quote);
        }
    };
    for (const auto& n : g.nodes()) check(n.sources);
    for (const auto& e : g.edges()) check(e.sources);
    return g;
}

// The node with this label whose Arabic or English name or alias folds like `name`.
inline std::optional<liaison::NodeIndex> node(const liaison::PropertyGraph& g, const char* label,
                                              const std::string& name) {
    const std::string key = liaison::fold_name(name);
    for (liaison::NodeIndex n = 0; n < g.node_count(); ++n) {
        const auto& nd = g.node(n);
        if (!nd.has_label(label)) continue;
        if (liaison::fold_name(nd.names.ar) == key || liaison::fold_name(nd.names.en) == key)
            return n;
        for (const auto& a : nd.names.aliases)
            if (liaison::fold_name(a) == key) return n;
    }
    return std::nullopt;
}

// The edge of a type between two nodes (either way for symmetric types), or nullptr.
inline const liaison::Edge* edge(const liaison::PropertyGraph& g, const char* type,
                                 std::optional<liaison::NodeIndex> a,
                                 std::optional<liaison::NodeIndex> b) {
    if (!a || !b) return nullptr;
    for (const auto& e : g.edges()) {
        if (g.type_name(e) != type) continue;
        if (e.source == *a && e.target == *b) return &e;
        if (g.is_symmetric(e) && e.source == *b && e.target == *a) return &e;
    }
    return nullptr;
}

inline std::size_t count(const liaison::PropertyGraph& g, const char* type) {
    std::size_t n = 0;
    for (const auto& e : g.edges()) n += g.type_name(e) == type;
    return n;
}

inline std::string property(const liaison::Edge* e, const char* key) {
    if (!e) return "";
    const liaison::Value* v = e->properties.get(key);
    return v && v->kind() == liaison::Value::Kind::String ? v->as_string() : "";
}

}  // namespace extract_test
