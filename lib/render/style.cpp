#include "liaison/render/style.hpp"

namespace liaison::render {

const NodeStyle& Style::node_style(const std::vector<std::string>& node_labels) const {
    for (const std::string& label : node_labels) {
        auto it = labels.find(label);
        if (it != labels.end()) return it->second;
    }
    return other_node;
}

const EdgeStyle& Style::edge_style(std::string_view relation) const {
    auto it = relations.find(relation);
    return it == relations.end() ? other_edge : it->second;
}

const std::string& Style::community_color(std::size_t community) const {
    static const std::string kGrey = "#dddddd";
    return palette.empty() ? kGrey : palette[community % palette.size()];
}

bool is_line_style(std::string_view line) {
    return line == "solid" || line == "dashed" || line == "dotted" || line == "bold";
}

Style default_style() {
    Style s;
    // Light fills keep dark text legible; the border carries the stronger hue. Glyphs come from
    // DejaVu Sans and Noto Sans Symbols, which fontconfig substitutes when Noto Sans Arabic lacks
    // them.
    s.labels = {
        {"Person", {"ellipse", "#fde2b6", "#c77800", "\u265F"}},         // ♟
        {"Agency", {"box", "#cfe3f7", "#1f5f9e", "\u26E8"}},             // ⛨
        {"Organization", {"hexagon", "#d7ecd9", "#2e7d32", "\u2B22"}},   // ⬢
        {"Country", {"doubleoctagon", "#f6d5d5", "#b23b3b", "\u2691"}},  // ⚑
        {"City", {"house", "#e6dcf2", "#6a4c93", "\u2302"}},             // ⌂
        {"Place", {"invhouse", "#eee4da", "#7a5c3e", "\u2316"}},         // ⌖
        {"Event", {"octagon", "#fff3a8", "#a68a00", "\u2605"}},          // ★
        {"Topic", {"note", "#e0f2f1", "#00796b", "\u270E"}},             // ✎
        {"Document", {"tab", "#f0f0f0", "#616161", "\u2709"}},           // ✉
    };
    s.other_node = {"ellipse", "#eeeeee", "#616161", "\u25C6"};  // ◆
    s.relations = {
        {"MET_WITH", {"#1f4e9c", "solid", 1.6}},   {"SIGNED_MOU", {"#b8860b", "bold", 3.0}},
        {"HOSTED", {"#2e7d32", "solid", 1.4}},     {"ATTENDED", {"#8a8a8a", "dashed", 1.0}},
        {"HEADS", {"#6a1b9a", "solid", 1.6}},      {"LED", {"#6a1b9a", "dashed", 1.4}},
        {"MEMBER_OF", {"#00838f", "dotted", 1.2}}, {"REPRESENTS", {"#5d4037", "dotted", 1.2}},
        {"HELD_IN", {"#9e9e9e", "dotted", 1.0}},   {"LOCATED_IN", {"#9e9e9e", "dotted", 1.0}},
        {"PART_OF", {"#9e9e9e", "dotted", 1.0}},   {"ORGANIZED_BY", {"#2e7d32", "dashed", 1.2}},
        {"DISCUSSED", {"#ad1457", "dashed", 1.2}}, {"RECEIVED", {"#ef6c00", "solid", 1.6}},
        {"ADDRESSED", {"#1565c0", "dashed", 1.2}}, {"SELECTED_TO_HOST", {"#c62828", "bold", 2.6}},
    };
    s.other_edge = {"#666666", "solid", 1.2};
    // Light tints of the Tableau 10 palette: distinct hues with dark text still readable.
    s.palette = {"#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5",
                 "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5", "#c7c7c7"};
    return s;
}

}  // namespace liaison::render
