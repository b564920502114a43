// Likely duplicates within one network (merge.hpp: find_duplicates).
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "liaison/core/text_distance.hpp"
#include "liaison/interchange/merge.hpp"
#include "liaison/model/names.hpp"

namespace liaison {

namespace {

// Words in more nodes than this are too common to pair nodes on ("interpol", "ministry").
constexpr std::size_t kCommonWord = 40;

std::vector<std::string> names_of(const Node& n) {
    std::vector<std::string> out;
    if (!n.names.ar.empty()) out.push_back(n.names.ar);
    if (!n.names.en.empty()) out.push_back(n.names.en);
    out.insert(out.end(), n.names.aliases.begin(), n.names.aliases.end());
    return out;
}

std::string digits(std::string_view s) {
    std::string out;
    for (char c : s)
        if (c >= '0' && c <= '9') out += c;
    return out;
}

bool shares_label(const Node& a, const Node& b) {
    return std::any_of(a.labels.begin(), a.labels.end(),
                       [&](const std::string& l) { return b.has_label(l); });
}

bool subset(const std::vector<std::string>& small, const std::vector<std::string>& big) {
    if (small.empty() || small.size() >= big.size()) return false;
    return std::all_of(small.begin(), small.end(), [&](const std::string& w) {
        return std::find(big.begin(), big.end(), w) != big.end();
    });
}

}  // namespace

std::vector<DuplicatePair> find_duplicates(const PropertyGraph& g) {
    std::map<std::pair<NodeIndex, NodeIndex>, DuplicatePair> pairs;
    auto note = [&](NodeIndex a, NodeIndex b, double score, std::string evidence) {
        if (a == b) return;
        if (g.node(b).id < g.node(a).id) std::swap(a, b);
        DuplicatePair& p = pairs[{a, b}];
        p.a = a;
        p.b = b;
        p.score = std::max(p.score, score);
        if (std::find(p.evidence.begin(), p.evidence.end(), evidence) == p.evidence.end())
            p.evidence.push_back(std::move(evidence));
    };

    std::map<std::string, std::vector<NodeIndex>> by_iso;
    for (NodeIndex i = 0; i < g.node_count(); ++i) {
        const Value* iso = g.node(i).properties.get("iso3");
        if (iso && iso->kind() == Value::Kind::String) by_iso[iso->as_string()].push_back(i);
        for (const auto& name : names_of(g.node(i)))
            for (NodeIndex j : g.find_name(name))
                note(i, j, 0.9, fmt::format("same name after folding: '{}'", name));
    }
    for (const auto& [iso, nodes] : by_iso)
        for (std::size_t x = 0; x < nodes.size(); ++x)
            for (std::size_t y = x + 1; y < nodes.size(); ++y)
                note(nodes[x], nodes[y], 1.0, "same iso3 " + iso);

    // Weaker evidence only among nodes that share an uncommon folded word.
    struct Folded {
        std::string text;
        std::vector<std::string> words;
    };
    std::vector<std::vector<Folded>> folded(g.node_count());
    std::map<std::string, std::set<NodeIndex>, std::less<>> by_word;
    for (NodeIndex i = 0; i < g.node_count(); ++i)
        for (const auto& name : names_of(g.node(i))) {
            Folded f{fold_name(name), folded_words(name)};
            for (const auto& w : f.words) by_word[w].insert(i);
            folded[i].push_back(std::move(f));
        }
    std::set<std::pair<NodeIndex, NodeIndex>> seen;
    for (const auto& [word, nodes] : by_word) {
        if (nodes.size() < 2 || nodes.size() > kCommonWord) continue;
        for (auto x = nodes.begin(); x != nodes.end(); ++x)
            for (auto y = std::next(x); y != nodes.end(); ++y) {
                if (!seen.insert({*x, *y}).second) continue;
                const Node& a = g.node(*x);
                const Node& b = g.node(*y);
                if (!shares_label(a, b)) continue;
                for (const Folded& fa : folded[*x])
                    for (const Folded& fb : folded[*y]) {
                        if (fa.text == fb.text || digits(fa.text) != digits(fb.text)) continue;
                        // One word inside a longer name is evidence only when no other
                        // entity uses it ("حموشي" in "عبد اللطيف حموشي", not "interpol").
                        const auto& shorter =
                            fa.words.size() < fb.words.size() ? fa.words : fb.words;
                        bool rare = shorter.size() > 1 ||
                                    (shorter.size() == 1 && by_word[shorter[0]].size() == 2);
                        if (rare && (subset(fa.words, fb.words) || subset(fb.words, fa.words)))
                            note(
                                *x, *y, 0.6,
                                fmt::format("all the words of '{}' are in '{}'",
                                            fa.words.size() < fb.words.size() ? fa.text : fb.text,
                                            fa.words.size() < fb.words.size() ? fb.text : fa.text));
                        std::u32string ca = code_points(fa.text), cb = code_points(fb.text);
                        std::size_t limit =
                            std::max<std::size_t>(1, std::min(ca.size(), cb.size()) / 8);
                        if (std::min(ca.size(), cb.size()) < 5) continue;
                        if (std::size_t d = edit_distance(ca, cb, limit); d <= limit)
                            note(*x, *y, 0.5,
                                 fmt::format("'{}' and '{}' are {} letter{} apart", fa.text,
                                             fb.text, d, d == 1 ? "" : "s"));
                    }
            }
    }

    std::vector<DuplicatePair> out;
    for (auto& [key, p] : pairs) out.push_back(std::move(p));
    std::sort(out.begin(), out.end(), [&](const DuplicatePair& x, const DuplicatePair& y) {
        if (x.score != y.score) return x.score > y.score;
        if (g.node(x.a).id != g.node(y.a).id) return g.node(x.a).id < g.node(y.a).id;
        return g.node(x.b).id < g.node(y.b).id;
    });
    return out;
}

}  // namespace liaison
