#pragma once
// Pull-based physical operators: open(), next(row) -> bool, and a one-line description for
// EXPLAIN. Each operator counts its rows and the time spent in it (inclusive of its inputs) for
// PROFILE.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "query/executor/context.hpp"

namespace liaison::query {

class Operator {
public:
    virtual ~Operator() = default;
    void open(ExecContext& ctx) {
        ctx_ = &ctx;
        rows_ = 0;
        if (input_) input_->open(ctx);
        on_open();
    }
    bool next(Row& row) {
        // Two clock reads per row and operator cost more than a step of a match: only when
        // profiling.
        ctx_->gov.tick();
        if (!ctx_->profile) {
            bool ok = produce(row);
            if (ok) ++rows_;
            return ok;
        }
        auto t0 = std::chrono::steady_clock::now();
        bool ok = produce(row);
        seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (ok) ++rows_;
        return ok;
    }
    // Completes pending writes whose rows were not all pulled (CREATE ... RETURN ... LIMIT 0).
    virtual void finish() {
        if (input_) input_->finish();
    }
    virtual std::string describe() const = 0;
    // Operators beside the input (the inner plan of OPTIONAL MATCH).
    virtual std::vector<const Operator*> others() const { return {}; }

    const Operator* input() const { return input_.get(); }
    std::uint64_t rows() const { return rows_; }
    double seconds() const { return seconds_; }
    void set_input(std::unique_ptr<Operator> in) { input_ = std::move(in); }

protected:
    virtual void on_open() {}
    virtual bool produce(Row& row) = 0;
    ExecContext& ctx() { return *ctx_; }

    std::unique_ptr<Operator> input_;

private:
    ExecContext* ctx_ = nullptr;
    std::uint64_t rows_ = 0;
    double seconds_ = 0;
};

using OperatorPtr = std::unique_ptr<Operator>;

// The plan as indented text: one operator per line, inputs below; with profile, rows and time.
std::string explain_plan(const Operator& root, bool profile);

}  // namespace liaison::query
