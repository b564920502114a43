// Projection operators: Project, Aggregate, Distinct, Sort, Skip and Limit.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "query/binder/binder.hpp"
#include "query/executor/eval.hpp"
#include "query/executor/operators.hpp"

namespace liaison::query {

bool Project::produce(Row& row) {
    if (!input_->next(row)) return false;
    // Evaluate all first, then assign, so `WITH a AS b, b AS a` swaps.
    std::vector<Value> values;
    values.reserve(items_.size());
    for (const auto& [expr, slot] : items_) values.push_back(eval(*expr, row, ctx()));
    for (std::size_t i = 0; i < items_.size(); ++i) row[items_[i].second] = std::move(values[i]);
    return true;
}

void Aggregate::compute() {
    struct Group {
        Row first;
        ValueList keys;
        std::vector<std::unique_ptr<Aggregator>> aggs;
    };
    std::vector<const bound::ProjectionItem*> key_items;
    for (const auto& item : p_.items)
        if (!contains_aggregate(*item.expr)) key_items.push_back(&item);
    std::map<ValueList, std::size_t, ValueLess> index;
    std::vector<Group> groups;
    auto new_group = [&](const Row& row, ValueList keys) {
        Group g;
        g.first = row;
        g.keys = std::move(keys);
        for (const bound::Expr* a : p_.aggregates)
            g.aggs.push_back(make_aggregator(a->function->aggregate, a->distinct,
                                             a->kind == bound::ExprKind::CountStar, ctx().gov));
        before_growth(ctx().gov, groups);
        groups.push_back(std::move(g));
        return groups.size() - 1;
    };
    Row row;
    while (input_->next(row)) {
        ValueList keys;
        for (const auto* item : key_items) keys.push_back(eval(*item->expr, row, ctx()));
        auto it = index.find(keys);
        std::size_t gi;
        if (it == index.end()) {
            gi = new_group(row, keys);
            index.emplace(std::move(keys), gi);
        } else {
            gi = it->second;
        }
        for (std::size_t i = 0; i < p_.aggregates.size(); ++i) {
            const bound::Expr* a = p_.aggregates[i];
            Value v = a->args.empty() ? Value() : eval(*a->args[0], row, ctx());
            Value extra = a->args.size() > 1 ? eval(*a->args[1], row, ctx()) : Value();
            groups[gi].aggs[i]->add(v, extra);
        }
    }
    // Without grouping keys, an empty input still yields one row (count(*) = 0).
    if (groups.empty() && key_items.empty()) {
        new_group(Row(static_cast<std::size_t>(slots_), Value()), {});
    }
    for (auto& g : groups) {
        Row out = std::move(g.first);
        for (std::size_t i = 0; i < key_items.size(); ++i) out[key_items[i]->slot] = g.keys[i];
        for (std::size_t i = 0; i < p_.aggregates.size(); ++i)
            out[p_.aggregates[i]->aggregate_slot] = g.aggs[i]->result();
        for (const auto& item : p_.items)
            if (contains_aggregate(*item.expr)) out[item.slot] = eval(*item.expr, out, ctx());
        out_.push_back(std::move(out));
    }
}

bool Aggregate::produce(Row& row) {
    if (!done_) {
        compute();
        done_ = true;
    }
    if (pos_ >= out_.size()) return false;
    row = std::move(out_[pos_++]);
    return true;
}

bool Distinct::produce(Row& row) {
    while (input_->next(row)) {
        // One node per row (WITH DISTINCT n): compare indexes, no ordered set of values.
        if (slots_.size() == 1 && row[slots_[0]].kind() == Value::Kind::Node) {
            if (nodes_.insert(row[slots_[0]].as_node().index)) return true;
            continue;
        }
        ValueList key;
        for (int s : slots_) key.push_back(row[s]);
        if (seen_.insert(std::move(key)).second) return true;
    }
    return false;
}

bool Sort::produce(Row& row) {
    if (!done_) {
        done_ = true;
        std::vector<std::pair<ValueList, Row>> keyed;
        Row r;
        while (input_->next(r)) {
            ValueList keys;
            for (const auto& k : keys_) keys.push_back(eval(*k.expr, r, ctx()));
            before_growth(ctx().gov, keyed);
            keyed.emplace_back(std::move(keys), r);
        }
        Governor& gov = ctx().gov;
        std::stable_sort(keyed.begin(), keyed.end(), [&](const auto& a, const auto& b) {
            gov.tick();  // a sort of millions of rows takes seconds
            for (std::size_t i = 0; i < keys_.size(); ++i) {
                const Value& x = a.first[i];
                const Value& y = b.first[i];
                if (x.is_null() != y.is_null()) return x.is_null() == keys_[i].nulls_first;
                int c = order(x, y);
                if (c != 0) return keys_[i].descending ? c > 0 : c < 0;
            }
            return false;
        });
        ctx().gov.reserve(keyed.size() * sizeof(Row));
        rows_.reserve(keyed.size());
        for (auto& [k, rr] : keyed) rows_.push_back(std::move(rr));
    }
    if (pos_ >= rows_.size()) return false;
    row = std::move(rows_[pos_++]);
    return true;
}

bool SkipLimit::produce(Row& row) {
    if (n_ < 0) {
        Row empty;
        Value v = eval(count_, empty, ctx());
        const char* what = skip_ ? "SKIP" : "LIMIT";
        if (v.kind() != Value::Kind::Int)
            runtime_error("SyntaxError", "InvalidArgumentType",
                          fmt::format("{} expects an integer", what));
        if (v.as_int() < 0)
            runtime_error("SyntaxError", "NegativeIntegerArgument",
                          fmt::format("{} cannot be negative", what));
        n_ = v.as_int();
    }
    if (skip_) {
        while (seen_ < n_) {
            if (!input_->next(row)) return false;
            ++seen_;
        }
        return input_->next(row);
    }
    if (seen_ >= n_) return false;
    if (!input_->next(row)) return false;
    ++seen_;
    return true;
}

}  // namespace liaison::query
