// Distinct line styles for the relation types a drawing shows: a legend entry is only useful when
// its colour and dash tell the type apart from every other one drawn.
#include <set>
#include <utility>

#include "render/drawing.hpp"

namespace liaison::render {

namespace {

// Hues for types without a style of their own, chosen apart from the built-in relation colours.
constexpr const char* kSpareColors[] = {"#d62728", "#17becf", "#8c564b", "#e377c2",
                                        "#bcbd22", "#7f7f7f", "#393b79", "#637939",
                                        "#9467bd", "#ff7f0e", "#843c39", "#3182bd"};
constexpr const char* kSpareLines[] = {"dashed", "dotted", "solid"};

}  // namespace

std::vector<EdgeStyle> line_styles(const PropertyGraph& g, const Style& style,
                                   const std::vector<DrawnEdge>& edges) {
    std::vector<char> drawn(g.relations().size(), 0);
    for (const DrawnEdge& d : edges) drawn[d.type] = 1;
    std::vector<EdgeStyle> out(g.relations().size(), style.other_edge);
    std::set<std::pair<std::string, std::string>> used;
    std::vector<RelationId> unstyled;
    // Styled types keep their style unless an earlier drawn type already looks the same.
    for (RelationId t = 0; t < drawn.size(); ++t) {
        if (!drawn[t]) continue;
        auto it = style.relations.find(g.relations().get(t).name);
        if (it == style.relations.end() ||
            !used.emplace(it->second.color, it->second.line).second) {
            unstyled.push_back(t);
            continue;
        }
        out[t] = it->second;
    }
    std::size_t next = 0;
    const std::size_t combos = std::size(kSpareColors) * std::size(kSpareLines);
    for (RelationId t : unstyled) {
        auto it = style.relations.find(g.relations().get(t).name);
        EdgeStyle es = it == style.relations.end() ? style.other_edge : it->second;
        // Past every spare combination the rest repeat; 36 types drawn at once is beyond reading.
        for (std::size_t tries = 0; tries < combos; ++tries, ++next) {
            const std::size_t k = next % combos;
            std::pair<std::string, std::string> key{kSpareColors[k % std::size(kSpareColors)],
                                                    kSpareLines[k / std::size(kSpareColors)]};
            if (used.insert(key).second) {
                es.color = key.first;
                es.line = key.second;
                ++next;
                break;
            }
        }
        out[t] = es;
    }
    return out;
}

}  // namespace liaison::render
