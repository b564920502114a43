#pragma once
// The search of a quantified path pattern `((x)-[r]->(y) WHERE c){m,n}` between two nodes of a
// pattern part: a depth-first search like the variable-length one, where depth d crosses the
// group's relationship d % k of repetition d / k (k relationships per repetition; walking the
// part backward, the group's relationships are taken last to first). Paths stream one at a
// time with memory proportional to their length; no relationship is crossed twice (trail
// semantics, with the rest of the MATCH through `free`).
#include <cstdint>
#include <functional>
#include <vector>

#include "query/binder/bound.hpp"
#include "query/executor/adjacency.hpp"
#include "query/executor/context.hpp"
#include "query/executor/matcher.hpp"

namespace liaison::query {

// The most repetitions a quantifier may make: its upper bound, or the query's limit
// (QueryLimits::max_quantifier) when it has none. A bound above the limit is an error.
std::int64_t quantifier_limit(const ExecContext& ctx, const bound::RelPattern& r);
// The error of a path that would repeat an unbounded quantifier beyond the limit.
[[noreturn]] void over_quantifier_limit(std::int64_t limit);

class GroupSearch {
public:
    // `r` is the group's element of the part; `forward` walks it in pattern order. `free(e)`
    // tells whether relationship e is not used elsewhere in the MATCH.
    GroupSearch(ExecContext& ctx, const bound::RelPattern& r, bool forward, Row& row,
                std::function<bool(std::uint32_t)> free);

    void start(std::uint32_t from);
    // The next path (whole repetitions, at least the minimum); false when there is none. The
    // group's variables hold single elements meanwhile.
    bool next();
    std::uint32_t end() const { return ends_.back(); }
    // Binds the group's slot to every relationship of the path and each named variable of the
    // group to the list of its elements, one per repetition, in pattern order.
    void bind_lists();
    // Sets the group's variables to null.
    void clear();

private:
    struct Step {
        std::size_t rel, to;  // the group's relationship depth d crosses, the node it reaches
    };
    Step step(std::size_t d) const;
    Direction direction(std::size_t d) const;
    void bind_repetition(std::size_t rep);
    bool node_ok(std::size_t d);
    bool may_start(std::size_t d);

    ExecContext& ctx_;
    const bound::RelPattern& r_;
    const bound::PatternPart& g_;
    bool forward_;
    Row& row_;
    std::function<bool(std::uint32_t)> free_;
    std::vector<TypeSet> types_;  // per relationship of the group
    std::size_t k_;
    std::size_t min_ = 0, max_depth_ = 0, reps_ = 0;
    bool capped_ = false;  // unbounded: one repetition beyond the limit is searched, an error
    std::vector<EdgeWalk> walks_;      // walks_[d]: the edges leaving the node at depth d
    std::vector<std::uint32_t> used_;  // relationships crossed, by depth
    std::vector<std::uint32_t> ends_;  // ends_[d]: the node at depth d
    std::vector<char> open_;           // open_[d]: the path may go on from depth d
    bool pending_ = false;
};

}  // namespace liaison::query
