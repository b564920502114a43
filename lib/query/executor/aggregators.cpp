#include "query/executor/aggregators.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <set>

#include <fmt/format.h>

#include "query/executor/context.hpp"
#include "query/executor/node_set.hpp"

namespace liaison::query {

namespace {

// 128-bit integers (a GCC and Clang extension) hold intermediate results that 64 bits cannot.
__extension__ typedef __int128 Int128;

using K = Value::Kind;

class Count : public Aggregator {
public:
    explicit Count(bool star) : star_(star) {}
    void add(const Value& v, const Value&) override {
        if (star_ || !v.is_null()) ++n_;
    }
    Value result() const override { return n_; }

private:
    bool star_;
    std::int64_t n_ = 0;
};

class Sum : public Aggregator {
public:
    explicit Sum(bool avg) : avg_(avg) {}
    void add(const Value& v, const Value&) override {
        if (v.is_null()) return;
        if (!v.is_number())
            type_error(fmt::format("{}() expects numbers, got {}", avg_ ? "avg" : "sum",
                                   Value::kind_name(v.kind())));
        ++n_;
        if (v.kind() == K::Int && !is_float_) {
            // An integer sum that overflows is an error, as for `+`; an average's sum is only
            // an intermediate, kept in 128 bits.
            Int128 r = isum_ + v.as_int();
            if (!avg_ && (r > INT64_MAX || r < INT64_MIN))
                runtime_error("ArithmeticError", "IntegerOverflow",
                              "sum() overflows the integer range");
            isum_ = r;
            return;
        }
        if (!is_float_) fsum_ = static_cast<double>(isum_);
        is_float_ = true;
        fsum_ += v.to_double();
    }
    Value result() const override {
        if (avg_) {
            if (n_ == 0) return {};
            return (is_float_ ? fsum_ : static_cast<double>(isum_)) / static_cast<double>(n_);
        }
        return is_float_ ? Value(fsum_) : Value(static_cast<std::int64_t>(isum_));
    }

private:
    bool avg_;
    bool is_float_ = false;
    Int128 isum_ = 0;
    double fsum_ = 0;
    std::int64_t n_ = 0;
};

class MinMax : public Aggregator {
public:
    explicit MinMax(bool max) : max_(max) {}
    void add(const Value& v, const Value&) override {
        if (v.is_null()) return;
        if (best_.is_null()) {
            best_ = v;
            return;
        }
        // Across types, min/max follow the orderability order (numbers above strings).
        int c = order(v, best_);
        if (max_ ? c > 0 : c < 0) best_ = v;
    }
    Value result() const override { return best_; }

private:
    bool max_;
    Value best_;
};

class Collect : public Aggregator {
public:
    explicit Collect(Governor& gov) : gov_(gov) {}
    void add(const Value& v, const Value&) override {
        if (v.is_null()) return;
        before_growth(gov_, items_);
        if (value_depth(v) >= kMaxValueDepth)
            runtime_error("ArgumentError", "ValueTooDeep",
                          fmt::format("collect() of a value nested {} deep", kMaxValueDepth));
        items_.push_back(v);
    }
    Value result() const override { return items_; }

private:
    Governor& gov_;
    ValueList items_;
};

class Percentile : public Aggregator {
public:
    Percentile(bool continuous, Governor& gov) : continuous_(continuous), gov_(gov) {}
    void add(const Value& v, const Value& p) override {
        if (!p.is_null()) {
            if (!p.is_number()) type_error("the percentile must be a number");
            double q = p.to_double();
            if (q < 0 || q > 1)
                runtime_error("ArgumentError", "NumberOutOfRange",
                              "the percentile must be in [0, 1]");
            p_ = q;
        }
        if (v.is_null()) return;
        if (!v.is_number()) type_error("percentiles expect numbers");
        before_growth(gov_, values_);
        values_.push_back(v.to_double());
        all_int_ = all_int_ && v.kind() == K::Int;
        if (all_int_ && !continuous_) ints_.push_back(v.as_int());
    }
    Value result() const override {
        if (values_.empty()) return {};
        std::vector<double> s = values_;
        std::sort(s.begin(), s.end());
        double n = static_cast<double>(s.size());
        if (continuous_) {
            double pos = p_ * (n - 1);
            auto lo = static_cast<std::size_t>(std::floor(pos));
            auto hi = static_cast<std::size_t>(std::ceil(pos));
            return s[lo] + (s[hi] - s[lo]) * (pos - static_cast<double>(lo));
        }
        double rank = std::ceil(p_ * n);
        std::size_t idx =
            std::min(rank <= 0 ? 0 : static_cast<std::size_t>(rank) - 1, s.size() - 1);
        if (all_int_) {  // exact: integers beyond 2^53 do not survive a double
            std::vector<std::int64_t> k = ints_;
            std::nth_element(k.begin(), k.begin() + static_cast<std::ptrdiff_t>(idx), k.end());
            return k[idx];
        }
        return s[idx];
    }

private:
    bool continuous_;
    Governor& gov_;
    double p_ = 0;
    bool all_int_ = true;
    std::vector<double> values_;
    std::vector<std::int64_t> ints_;  // percentileDisc of integers
};

class StdDev : public Aggregator {
public:
    StdDev(bool population, Governor& gov) : population_(population), gov_(gov) {}
    void add(const Value& v, const Value&) override {
        if (v.is_null()) return;
        if (!v.is_number()) type_error("stDev expects numbers");
        before_growth(gov_, values_);
        values_.push_back(v.to_double());
    }
    Value result() const override {
        std::size_t n = values_.size();
        if (n == 0 || (!population_ && n == 1)) return 0.0;
        double mean = 0;
        for (double x : values_) mean += x;
        mean /= static_cast<double>(n);
        double ss = 0;
        for (double x : values_) ss += (x - mean) * (x - mean);
        return std::sqrt(ss / static_cast<double>(population_ ? n : n - 1));
    }

private:
    bool population_;
    Governor& gov_;
    std::vector<double> values_;
};

// Passes each distinct value once to the wrapped aggregator.
class Distinct : public Aggregator {
public:
    explicit Distinct(std::unique_ptr<Aggregator> inner) : inner_(std::move(inner)) {}
    void add(const Value& v, const Value& extra) override {
        if (v.is_null()) return inner_->add(v, extra);
        // Nodes are equal exactly when their indexes are: a bitmap of indexes is enough.
        bool fresh =
            v.kind() == K::Node ? nodes_.insert(v.as_node().index) : seen_.insert(v).second;
        if (fresh) inner_->add(v, extra);
    }
    Value result() const override { return inner_->result(); }

private:
    std::unique_ptr<Aggregator> inner_;
    std::set<Value, ValueLess> seen_;
    NodeSet nodes_;
};

}  // namespace

std::unique_ptr<Aggregator> make_aggregator(AggregateKind kind, bool distinct, bool count_star,
                                            Governor& gov) {
    std::unique_ptr<Aggregator> a;
    switch (kind) {
        case AggregateKind::Count:
            a = std::make_unique<Count>(count_star);
            break;
        case AggregateKind::Sum:
        case AggregateKind::Avg:
            a = std::make_unique<Sum>(kind == AggregateKind::Avg);
            break;
        case AggregateKind::Min:
        case AggregateKind::Max:
            a = std::make_unique<MinMax>(kind == AggregateKind::Max);
            break;
        case AggregateKind::Collect:
            a = std::make_unique<Collect>(gov);
            break;
        case AggregateKind::PercentileCont:
        case AggregateKind::PercentileDisc:
            a = std::make_unique<Percentile>(kind == AggregateKind::PercentileCont, gov);
            break;
        case AggregateKind::StDev:
        case AggregateKind::StDevP:
            a = std::make_unique<StdDev>(kind == AggregateKind::StDevP, gov);
            break;
        case AggregateKind::None:
            runtime_error("SyntaxError", "UnknownFunction", "not an aggregate function");
    }
    if (distinct) a = std::make_unique<Distinct>(std::move(a));
    return a;
}

}  // namespace liaison::query
