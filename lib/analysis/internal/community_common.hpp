#pragma once
// Steps shared by the community detectors: input checks and the final canonical partition.
#include <cmath>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analysis/internal/level_graph.hpp"
#include "liaison/analysis/community.hpp"

namespace liaison::analysis::detail {

// Checks resolution (finite, >= 0) and weights (>= 0); returns the undirected graph to work on.
Csr community_input(const Csr& g, std::string_view algorithm, double resolution, bool weighted);

// The canonical partition of `labels` with its modularity on `undirected`.
Partition finish_partition(const Csr& undirected, const std::vector<std::uint32_t>& labels,
                           double resolution, bool weighted);

// Modularity of a labelling of a LevelGraph (undirected; labels < g.size()).
double level_modularity(const LevelGraph& g, const std::vector<std::uint32_t>& labels,
                        double resolution);

// The best community for a vertex during local moving. A move must beat staying by more than
// rounding; among moves of equal gain the smallest community id wins (as igraph, whose runs this
// then matches in distribution: communities keep the id of the vertex they grew from).
class BestMove {
public:
    BestMove(std::uint32_t own, double own_gain) : own_(own), community_(own), gain_(own_gain) {}
    void offer(std::uint32_t c, double gain) {
        if (c == own_) return;
        const double slack = 1e-12 * (1 + std::abs(gain_));
        if (gain > gain_ + slack) {
            community_ = c;
            gain_ = gain;
        } else if (community_ != own_ && gain >= gain_ - slack && c < community_) {
            community_ = c;
        }
    }
    std::uint32_t community() const { return community_; }
    double gain() const { return gain_; }

private:
    std::uint32_t own_;
    std::uint32_t community_;
    double gain_;
};

}  // namespace liaison::analysis::detail
