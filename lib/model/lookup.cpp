#include "liaison/model/lookup.hpp"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "liaison/core/error.hpp"
#include "liaison/core/text_distance.hpp"
#include "liaison/model/names.hpp"

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

// Edits allowed for a misspelt word: short words must be nearly right to count.
std::size_t allowed_edits(const std::u32string& word) {
    return std::max<std::size_t>(1, word.size() / 3);
}

// A folded word with the usual variants of transliterated Arabic names made alike: doubled
// letters single, "ou"/"oo" as "u", "ch" as "sh" (Hammouchi, Hamouchi and Hamushi agree).
std::u32string skeleton(const std::string& folded_word) {
    std::u32string in = code_points(folded_word), out;
    for (std::size_t i = 0; i < in.size(); ++i) {
        char32_t c = in[i];
        const char32_t next = i + 1 < in.size() ? in[i + 1] : 0;
        if (c == U'o' && (next == U'u' || next == U'o')) {
            c = U'u';
            ++i;
        } else if (c == U'c' && next == U'h') {
            out += U's';
            c = U'h';
            ++i;
        }
        if (out.empty() || out.back() != c) out += c;
    }
    return out;
}

// Total edits from the query's words to the name's closest words, or nullopt when one query
// word has no word of the name within its allowance.
std::optional<std::size_t> name_distance(const std::vector<std::u32string>& want,
                                         const std::string& name) {
    if (name.empty()) return std::nullopt;
    std::vector<std::u32string> have;
    for (const std::string& w : folded_words(name)) have.push_back(skeleton(w));
    std::size_t total = 0;
    for (const std::u32string& q : want) {
        const std::size_t limit = allowed_edits(q);
        std::size_t best = limit + 1;
        for (const std::u32string& h : have) best = std::min(best, edit_distance(q, h, limit));
        if (best > limit) return std::nullopt;
        total += best;
    }
    return total;
}

}  // namespace

std::vector<NodeIndex> closest_names(const PropertyGraph& g, std::string_view query,
                                     std::size_t max) {
    std::vector<std::u32string> want;
    for (const std::string& w : folded_words(query)) want.push_back(skeleton(w));
    if (want.empty() || max == 0) return {};
    std::vector<std::pair<std::size_t, NodeIndex>> scored;
    for (NodeIndex n = 0; n < g.node_count(); ++n) {
        const Node& node = g.node(n);
        std::optional<std::size_t> best;
        auto consider = [&](const std::string& name) {
            if (auto d = name_distance(want, name); d && (!best || *d < *best)) best = d;
        };
        consider(node.names.ar);
        consider(node.names.en);
        for (const std::string& alias : node.names.aliases) consider(alias);
        if (best) scored.emplace_back(*best, n);
    }
    std::sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : g.node(a.second).id < g.node(b.second).id;
    });
    std::vector<NodeIndex> out;
    for (std::size_t i = 0; i < scored.size() && i < max; ++i) out.push_back(scored[i].second);
    return out;
}

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
    if (r.matches.empty()) {
        std::string hint;
        for (NodeIndex n : closest_names(g, query)) {
            const Node& node = g.node(n);
            std::string both = node.names.en.empty() || node.names.ar.empty()
                                   ? node.display_name()
                                   : node.names.en + " / " + node.names.ar;
            hint +=
                fmt::format("{}{} ({})", hint.empty() ? "; did you mean " : ", ", both, node.id);
        }
        throw LookupError(
            fmt::format("no entity named '{}'{}{}", query, hint, hint.empty() ? "" : "?"));
    }
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
