#include "query/executor/subquery.hpp"

#include <unordered_map>

#include "query/executor/operators.hpp"
#include "query/planner/planner.hpp"

namespace liaison::query {

class SubqueryCache {
public:
    struct Entry {
        SubqueryPlan plan;
        bool running = false;
    };
    std::unordered_map<const bound::Expr*, Entry> plans;
};

namespace {

// Runs the plan for one outer row and folds its rows as the expression asks.
Value run(const bound::Expr& e, SubqueryPlan& plan, const Row& row, ExecContext& ctx) {
    plan.arg->set(row);
    plan.root->open(ctx);
    Row out;
    switch (e.kind) {
        case bound::ExprKind::CountSubquery: {
            std::int64_t n = 0;
            while (plan.root->next(out)) ++n;
            return n;
        }
        case bound::ExprKind::CollectSubquery: {
            ValueList list;
            while (plan.root->next(out)) {
                before_growth(ctx.gov, list);
                list.push_back(out[plan.columns.front()]);
            }
            return list;
        }
        default:
            return plan.root->next(out);  // EXISTS: the first row answers
    }
}

}  // namespace

Value eval_subquery(const bound::Expr& e, const Row& row, ExecContext& ctx) {
    if (!ctx.subqueries) ctx.subqueries = std::make_shared<SubqueryCache>();
    auto& entry = ctx.subqueries->plans[&e];
    if (!entry.plan.root)
        entry.plan = plan_subquery(*e.subquery, static_cast<int>(row.size()), {}, ctx.g());
    if (entry.running) {
        // Evaluated again while it runs (from inside its own rows): a plan of its own.
        SubqueryPlan fresh = plan_subquery(*e.subquery, static_cast<int>(row.size()), {}, ctx.g());
        return run(e, fresh, row, ctx);
    }
    entry.running = true;
    struct Done {
        bool& flag;
        ~Done() { flag = false; }
    } done{entry.running};
    return run(e, entry.plan, row, ctx);
}

}  // namespace liaison::query
