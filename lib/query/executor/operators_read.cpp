// Reading operators: Once, Argument, MatchPart, Filter, Optional, Unwind; and EXPLAIN text.
#include <fmt/format.h>

#include "query/executor/eval.hpp"
#include "query/executor/operators.hpp"

namespace liaison::query {

bool Once::produce(Row& row) {
    if (done_) return false;
    done_ = true;
    row.assign(static_cast<std::size_t>(slots_), Value());
    return true;
}

bool NodeCount::produce(Row& row) {
    if (done_) return false;
    done_ = true;
    row.assign(static_cast<std::size_t>(slots_), Value());
    const PropertyGraph& g = ctx().g();
    const std::size_t n = label_.empty() ? g.node_count() : g.nodes_with_label(label_).size();
    row[static_cast<std::size_t>(slot_)] = Value(static_cast<std::int64_t>(n));
    return true;
}

bool Argument::produce(Row& row) {
    if (done_) return false;
    done_ = true;
    row = row_;
    return true;
}

bool MatchPart::produce(Row& row) {
    for (;;) {
        if (!cursor_) {
            if (!input_->next(current_)) return false;
            cursor_ = std::make_unique<PartCursor>(ctx(), part_, start_, current_, unique_);
        }
        if (cursor_->next()) {
            row = current_;
            return true;
        }
        cursor_.reset();
    }
}

bool Filter::produce(Row& row) {
    while (input_->next(row))
        if (eval_predicate(pred_, row, ctx())) return true;
    return false;
}

bool Optional::produce(Row& row) {
    for (;;) {
        if (!active_) {
            if (!input_->next(current_)) return false;
            arg_->set(current_);
            inner_->open(ctx());
            active_ = true;
            matched_ = false;
        }
        if (inner_->next(row)) {
            matched_ = true;
            return true;
        }
        active_ = false;
        if (!matched_) {
            row = current_;
            return true;
        }
    }
}

bool Unwind::produce(Row& row) {
    while (pos_ >= items_.size()) {
        if (!input_->next(current_)) return false;
        Value v = eval(list_, current_, ctx());
        items_.clear();
        pos_ = 0;
        if (v.kind() == Value::Kind::List)
            items_ = v.as_list();
        else if (!v.is_null())
            items_.push_back(v);
    }
    row = current_;
    row[slot_] = items_[pos_++];
    return true;
}

namespace {

void explain_into(const Operator& op, bool profile, int depth, std::string& out) {
    out += std::string(static_cast<std::size_t>(depth) * 2, ' ') + op.describe();
    if (profile) out += fmt::format("  [rows: {}, time: {:.3f} ms]", op.rows(), op.seconds() * 1e3);
    out += "\n";
    for (const Operator* o : op.others()) explain_into(*o, profile, depth + 2, out);
    if (op.input()) explain_into(*op.input(), profile, depth + 1, out);
}

}  // namespace

std::string explain_plan(const Operator& root, bool profile) {
    std::string out;
    explain_into(root, profile, 0, out);
    return out;
}

}  // namespace liaison::query
