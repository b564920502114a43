#include "query/executor/group_search.hpp"

#include <algorithm>
#include <climits>

#include <fmt/format.h>

#include "query/executor/eval.hpp"

namespace liaison::query {

std::int64_t quantifier_limit(const ExecContext& ctx, const bound::RelPattern& r) {
    // Without a limit, no path repeats more often than the graph has relationships.
    constexpr std::int64_t kNoLimit = INT32_MAX;
    std::int64_t limit = ctx.gov.limits().max_quantifier;
    if (limit <= 0) return std::min(r.max_hops.value_or(kNoLimit), kNoLimit);
    if (r.max_hops && *r.max_hops > limit)
        runtime_error("ResourceError", "QuantifierLimitExceeded",
                      fmt::format("the quantifier's upper bound {} is above the limit of {} "
                                  "repetitions (QueryLimits::max_quantifier)",
                                  *r.max_hops, limit));
    return r.max_hops.value_or(limit);
}

void over_quantifier_limit(std::int64_t limit) {
    runtime_error("ResourceError", "QuantifierLimitExceeded",
                  fmt::format("a quantified path would repeat more than {} times (the limit of "
                              "QueryLimits::max_quantifier): give the quantifier an upper bound, "
                              "such as {{1,5}}",
                              limit));
}

GroupSearch::GroupSearch(ExecContext& ctx, const bound::RelPattern& r, bool forward, Row& row,
                         std::function<bool(std::uint32_t)> free)
    : ctx_(ctx),
      r_(r),
      g_(*r.group),
      forward_(forward),
      row_(row),
      free_(std::move(free)),
      k_(r.group->rels.size()) {
    for (const auto& x : g_.rels) types_.push_back(resolve_types(ctx.g(), x.types));
}

GroupSearch::Step GroupSearch::step(std::size_t d) const {
    std::size_t t = d % k_;
    if (forward_) return {t, t + 1};
    return {k_ - 1 - t, k_ - 1 - t};
}

Direction GroupSearch::direction(std::size_t d) const {
    const bound::RelPattern& x = g_.rels[step(d).rel];
    if (x.direction == bound::RelDirection::Both) return Direction::Both;
    bool out = (x.direction == bound::RelDirection::Right) == forward_;
    return out ? Direction::Out : Direction::In;
}

// The group's variables as the elements of repetition `rep` walked so far (single values, for
// its WHERE and property maps); the others null.
void GroupSearch::bind_repetition(std::size_t rep) {
    std::size_t base = rep * k_;
    for (std::size_t i = 0; i <= k_; ++i) {
        std::size_t d = base + (forward_ ? i : k_ - i);  // the depth of the group's node i
        row_[g_.nodes[i].slot] = d < ends_.size() ? Value(NodeRef{ends_[d]}) : Value();
    }
    for (std::size_t j = 0; j < k_; ++j) {
        std::size_t d = base + (forward_ ? j : k_ - 1 - j);
        row_[g_.rels[j].slot] = d < used_.size() ? Value(RelRef{used_[d]}) : Value();
    }
}

// Whether the node reached at depth d > 0 fits the group's node pattern there and, when it
// ends a repetition, the group's WHERE.
bool GroupSearch::node_ok(std::size_t d) {
    bind_repetition((d - 1) / k_);
    if (!node_matches(ctx_, ends_[d], g_.nodes[step(d - 1).to], row_)) return false;
    return d % k_ != 0 || !r_.group_where || eval_predicate(*r_.group_where, row_, ctx_);
}

// Whether a repetition may start at the node at depth d (a multiple of k): it meets the group's
// first node pattern (its last, walking backward).
bool GroupSearch::may_start(std::size_t d) {
    const bound::NodePattern& np = g_.nodes[forward_ ? 0 : k_];
    if (np.labels.empty() && !np.properties) return true;
    clear();
    row_[np.slot] = NodeRef{ends_[d]};
    return node_matches(ctx_, ends_[d], np, row_);
}

void GroupSearch::start(std::uint32_t from) {
    reps_ = static_cast<std::size_t>(quantifier_limit(ctx_, r_));
    capped_ = !r_.max_hops;
    max_depth_ = (capped_ ? reps_ + 1 : reps_) * k_;
    min_ = static_cast<std::size_t>(std::max<std::int64_t>(r_.min_hops.value_or(1), 0));
    walks_.clear(), used_.clear(), open_.clear(), ends_.assign(1, from);
    walks_.emplace_back().reset(ctx_.g(), from, direction(0));
    open_.push_back(may_start(0));
    pending_ = min_ == 0;
}

bool GroupSearch::next() {
    const PropertyGraph& g = ctx_.g();
    for (;;) {
        if (pending_) {
            pending_ = false;
            return true;
        }
        if (walks_.empty()) return false;
        ctx_.gov.tick();
        std::size_t d = used_.size();
        std::uint32_t e = 0, m = 0;
        if (open_.back() && d < max_depth_ && walks_.back().next(g, e, m)) {
            const bound::RelPattern& x = g_.rels[step(d).rel];
            if (std::find(used_.begin(), used_.end(), e) != used_.end()) continue;
            if (!ctx_.deleted_rels.empty() && ctx_.deleted_rels.count(e)) continue;
            if (!ctx_.deleted_nodes.empty() && ctx_.deleted_nodes.count(m)) continue;
            if (!types_[step(d).rel].allows(g.edge_ends(e).type) || !free_(e)) continue;
            used_.push_back(e);
            ends_.push_back(m);
            bool ok = true;
            if (x.properties) {
                bind_repetition(d / k_);
                ok = props_match(ctx_, x.properties.get(), RelRef{e}, row_);
            }
            if (!ok || !node_ok(d + 1)) {
                used_.pop_back(), ends_.pop_back();
                continue;
            }
            std::size_t depth = d + 1;
            if (capped_ && depth == max_depth_)
                over_quantifier_limit(static_cast<std::int64_t>(reps_));
            bool boundary = depth % k_ == 0;
            open_.push_back(!boundary || may_start(depth));
            walks_.emplace_back().reset(g, m, direction(depth));
            pending_ = boundary && depth / k_ >= min_;
            continue;
        }
        walks_.pop_back();
        open_.pop_back();
        if (!used_.empty()) used_.pop_back(), ends_.pop_back();
    }
}

void GroupSearch::bind_lists() {
    std::size_t reps = used_.size() / k_;
    ValueList all;
    all.reserve(used_.size());
    for (auto e : used_) all.push_back(RelRef{e});
    if (!forward_) std::reverse(all.begin(), all.end());
    row_[r_.slot] = std::move(all);
    // Repetition p in pattern order is the search's repetition p, or reps - 1 - p backward.
    auto depth = [&](std::size_t p, std::size_t forward_offset, std::size_t backward_offset) {
        return forward_ ? p * k_ + forward_offset : (reps - 1 - p) * k_ + backward_offset;
    };
    for (std::size_t i = 0; i <= k_; ++i) {
        Value& slot = row_[g_.nodes[i].slot];
        slot = Value();
        if (g_.nodes[i].var.empty()) continue;
        ValueList xs;
        for (std::size_t p = 0; p < reps; ++p) xs.push_back(NodeRef{ends_[depth(p, i, k_ - i)]});
        slot = std::move(xs);
    }
    for (std::size_t j = 0; j < k_; ++j) {
        Value& slot = row_[g_.rels[j].slot];
        slot = Value();
        if (g_.rels[j].var.empty()) continue;
        ValueList xs;
        for (std::size_t p = 0; p < reps; ++p) xs.push_back(RelRef{used_[depth(p, j, k_ - 1 - j)]});
        slot = std::move(xs);
    }
}

void GroupSearch::clear() {
    for (const auto& n : g_.nodes) row_[n.slot] = Value();
    for (const auto& x : g_.rels) row_[x.slot] = Value();
}

}  // namespace liaison::query
