#include "model/lookup.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/error.hpp"
#include "model/names.hpp"

namespace liaison {

namespace {

bool contains_all(const std::vector<std::string>& have, const std::vector<std::string>& want) {
    for (const auto& w : want)
        if (std::find(have.begin(), have.end(), w) == have.end()) return false;
    return true;
}

bool words_match(const Node& node, const std::vector<std::string>& want) {
    auto check = [&](const std::string& name) {
        return !name.empty() && contains_all(folded_words(name), want);
    };
    if (check(node.names.ar) || check(node.names.en)) return true;
    return std::any_of(node.names.aliases.begin(), node.names.aliases.end(), check);
}

void sort_by_id(const PropertyGraph& g, std::vector<NodeIndex>& list) {
    std::sort(list.begin(), list.end(),
              [&](NodeIndex a, NodeIndex b) { return g.node(a).id < g.node(b).id; });
}

}  // namespace

LookupResult lookup(const PropertyGraph& g, std::string_view query) {
    LookupResult r;
    if (auto n = g.find_id(query)) {
        r.matches = {*n};
        r.tier = LookupResult::Tier::Id;
        return r;
    }
    const auto& exact = g.find_name(query);
    if (!exact.empty()) {
        r.matches = exact;
        r.tier = LookupResult::Tier::ExactName;
        sort_by_id(g, r.matches);
        return r;
    }
    auto want = folded_words(query);
    if (want.empty()) return r;
    for (NodeIndex n = 0; n < g.node_count(); ++n)
        if (words_match(g.node(n), want)) r.matches.push_back(n);
    if (!r.matches.empty()) r.tier = LookupResult::Tier::Words;
    sort_by_id(g, r.matches);
    return r;
}

NodeIndex resolve(const PropertyGraph& g, std::string_view query) {
    LookupResult r = lookup(g, query);
    if (r.matches.empty()) throw LookupError(fmt::format("no entity named '{}'", query));
    if (r.matches.size() > 1) {
        std::string list;
        for (std::size_t i = 0; i < r.matches.size() && i < 10; ++i) {
            const Node& n = g.node(r.matches[i]);
            list += fmt::format("{}{} ({})", i ? ", " : "", n.id, n.display_name());
        }
        if (r.matches.size() > 10) list += fmt::format(", and {} more", r.matches.size() - 10);
        throw LookupError(fmt::format("'{}' is ambiguous: {}; use an id", query, list));
    }
    return r.matches.front();
}

}  // namespace liaison
