#include "liaison/analysis/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "liaison/core/error.hpp"

namespace liaison::analysis {

std::vector<Vertex> ranking(std::span<const double> scores, std::span<const std::string> ids,
                            std::size_t top) {
    if (!ids.empty() && ids.size() != scores.size())
        throw ArgumentError("analysis: ranking ids must have one entry per score");
    std::vector<Vertex> order(scores.size());
    std::iota(order.begin(), order.end(), Vertex{0});
    auto before = [&](Vertex a, Vertex b) {
        const bool na = std::isnan(scores[a]), nb = std::isnan(scores[b]);
        if (na != nb) return nb;
        if (!na && scores[a] != scores[b]) return scores[a] > scores[b];
        return ids.empty() ? a < b : ids[a] < ids[b];
    };
    if (top > 0 && top < order.size()) {
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(top),
                          order.end(), before);
        order.resize(top);
    } else {
        std::sort(order.begin(), order.end(), before);
    }
    return order;
}

}  // namespace liaison::analysis
